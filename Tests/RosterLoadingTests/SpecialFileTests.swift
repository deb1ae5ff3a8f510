import Foundation
import RosterModel
import XCTest
@testable import RosterLoading

/// Named pipes, sockets and folders where Roster expects an ordinary file: never opened (a pipe
/// would block the build forever), always reported at their path.
final class SpecialFileTests: XCTestCase {
    private let pipeMessage = "is not a regular file (it is a named pipe); Roster reads only ordinary files"

    func testAFIFOInPlaceOfSiteYmlIsAnErrorNotAHang() throws {
        let site = try ScratchSite()
        try site.makeFIFO("Content/site.yml")
        let loaded = try XCTUnwrap(site.loadWithin())
        XCTAssertEqual(loaded.errors(in: "Content/site.yml").map(\.message), ["Content/site.yml \(pipeMessage)"])
    }

    func testAFIFOInPlaceOfSourcesYmlIsAnErrorNotAHang() throws {
        let site = try ScratchSite()
        try site.makeFIFO("Content/sources.yml")
        let loaded = try XCTUnwrap(site.loadWithin())
        XCTAssertEqual(loaded.errors(in: "Content/sources.yml").map(\.message), ["Content/sources.yml \(pipeMessage)"])
    }

    func testAFIFOArticleAuthorDataFileOrTemplateIsAnErrorNotAHang() throws {
        let site = try ScratchSite()
        let paths = ["Content/articles/a.md", "Content/authors/ada.md", "Content/data/events.yml", "Templates/page.mustache",
                     "Templates/partials/head.mustache"]
        for path in paths { try site.makeFIFO(path) }
        let loaded = try XCTUnwrap(site.loadWithin())
        for path in paths {
            XCTAssertEqual(loaded.errors(in: path).map(\.message), ["\(path) \(pipeMessage)"], path)
        }
    }

    func testALinkToAFIFOInsideTheSiteIsAnErrorNotAHang() throws {
        let site = try ScratchSite()
        try site.makeFIFO("pipe")
        try site.link("Content/site.yml", to: "../pipe")
        try site.link("Content/articles/a.md", to: "../../pipe")
        let loaded = try XCTUnwrap(site.loadWithin())
        XCTAssertEqual(loaded.errors(in: "Content/site.yml").map(\.message), ["Content/site.yml \(pipeMessage)"])
        XCTAssertEqual(loaded.errors(in: "Content/articles/a.md").map(\.message), ["Content/articles/a.md \(pipeMessage)"])
    }

    func testAFIFOInAssetsIsSkippedWithAWarningThatSaysItIsANamedPipe() throws {
        let site = try ScratchSite()
        try site.write("Content/assets/style.css", "body {}")
        try site.makeFIFO("Content/assets/pipe")
        try site.makeFIFO("Content/assets/fonts/pipe")
        let loaded = try XCTUnwrap(site.loadWithin())
        XCTAssertEqual(loaded.diagnostics.errors, [])
        for path in ["Content/assets/pipe", "Content/assets/fonts/pipe"] {
            XCTAssertEqual(loaded.warnings(in: path).map(\.message), ["\(path) is a named pipe, not an ordinary file; it is skipped"])
        }
        XCTAssertEqual(loaded.site?.assets.map(\.relativePath), ["style.css"])
    }

    func testAFIFOOrBrokenLinkInTemplatesAssetsIsWarnedOnce() throws {
        let site = try ScratchSite()
        try site.makeFIFO("Templates/assets/pipe")
        try site.link("Templates/assets/gone.css", to: "nowhere.css")
        let loaded = try XCTUnwrap(site.loadWithin())
        XCTAssertEqual(loaded.all(in: "Templates/assets/pipe").map(\.message),
                       ["Templates/assets/pipe is a named pipe, not an ordinary file; it is skipped"])
        XCTAssertEqual(loaded.all(in: "Templates/assets/gone.css").count, 1, "\(loaded.diagnostics)")
        XCTAssertEqual(loaded.diagnostics.errors, [])
    }

    func testALinkOutsideTemplatesAssetsIsReportedOnce() throws {
        let site = try ScratchSite()
        try site.link("Templates/assets/passwd", to: "/etc/passwd")
        let loaded = site.load()
        XCTAssertEqual(loaded.errors(in: "Templates/assets/passwd").count, 1, "\(loaded.diagnostics)")
    }

    func testAFolderNamedSiteYmlSaysItIsAFolder() throws {
        let site = try ScratchSite()
        try site.remove("Content/site.yml")
        try site.makeFolder("Content/site.yml")
        try site.makeFolder("Content/sources.yml")
        let loaded = site.load()
        XCTAssertEqual(loaded.errors(in: "Content/site.yml").map(\.message), ["Content/site.yml is a folder, not a file"])
        XCTAssertEqual(loaded.errors(in: "Content/sources.yml").map(\.message), ["Content/sources.yml is a folder, not a file"])
    }

    func testSubfoldersOfDocumentAndDataFoldersAreWarnedAboutNotSilentlyIgnored() throws {
        let site = try ScratchSite()
        try site.write("Content/authors/team/bob.md", "---\nname: Bob\n---\n")
        try site.makeFolder("Content/authors/x.md")
        try site.makeFolder("Content/companies/old")
        try site.makeFolder("Content/articles/2024")
        try site.makeFolder("Content/pages/about.md")
        try site.makeFolder("Content/data/more")
        let loaded = site.load()
        XCTAssertEqual(loaded.diagnostics.errors, [])
        XCTAssertEqual(loaded.warnings(in: "Content/authors/team").map(\.message),
                       ["Content/authors/team is a folder; authors are the .md files directly in Content/authors, so it is ignored"])
        XCTAssertEqual(loaded.warnings(in: "Content/authors/x.md").map(\.message),
                       ["Content/authors/x.md is a folder; authors are the .md files directly in Content/authors, so it is ignored"])
        for path in ["Content/companies/old", "Content/articles/2024", "Content/pages/about.md"] {
            XCTAssertEqual(loaded.warnings(in: path).count, 1, path)
            XCTAssertTrue(loaded.warnings(in: path).first?.message.hasSuffix("so it is ignored") == true, path)
        }
        XCTAssertEqual(loaded.warnings(in: "Content/data/more").map(\.message),
                       ["Content/data/more is a folder; data files are the .yml files directly in Content/data, so it is ignored"])
    }

    func testYamlDataFilesAreRead() throws {
        let site = try ScratchSite()
        try site.write("Content/data/events.yaml", "- a\n")
        XCTAssertNotNil(site.load().site?.data["events"])
    }
}
