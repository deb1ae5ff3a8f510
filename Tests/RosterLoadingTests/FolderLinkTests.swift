import Foundation
import RosterModel
import XCTest
@testable import RosterLoading

/// Everything Roster reads must, with its links resolved, be inside the site folder: a linked
/// folder must not publish files from elsewhere on the machine.
final class FolderLinkTests: XCTestCase {
    private func outsideMessage(_ folder: String, _ target: URL) -> String {
        "\(folder) is a link to \(target.path), outside the site folder; Roster reads only files inside the site"
    }

    /// Inside the site, but into a folder a build wrote: Content/assets -> ../Output would copy
    /// each build into the next one.
    func testContentAssetsLinkedIntoTheOutputFolderIsAnError() throws {
        let site = try ScratchSite()
        let output = site.root.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data("marker".utf8).write(to: output.appendingPathComponent(".roster-output"))
        try Data("old page".utf8).write(to: output.appendingPathComponent("index.html"))
        try site.link("Content/assets", to: "../Output/assets")
        let loaded = site.load()
        XCTAssertEqual(loaded.errors(in: "Content/assets").map(\.message),
                       ["Content/assets is a link into \(output.resolvingSymlinksInPath().path), a folder Roster builds; a build must not read its own output"])
        XCTAssertEqual(loaded.site?.assets.map(\.relativePath), [])
    }

    func testContentAssetsLinkedOutsideTheSiteIsAnErrorAndNothingIsPublished() throws {
        let site = try ScratchSite()
        let secret = try site.outsideFolder()
        try Data("secret".utf8).write(to: secret.appendingPathComponent("secret.txt"))
        try site.link("Content/assets", to: secret.path)
        let loaded = site.load()
        XCTAssertEqual(loaded.errors(in: "Content/assets").map(\.message), [outsideMessage("Content/assets", secret)])
        XCTAssertEqual(loaded.site?.assets.map(\.relativePath), [])
    }

    func testContentAuthorsAndDataLinkedOutsideTheSiteAreErrors() throws {
        let site = try ScratchSite()
        let people = try site.outsideFolder()
        try Data("---\nname: Ada\ncareer: [{company: acme, start: 2020}]\n---\n".utf8)
            .write(to: people.appendingPathComponent("ada.md"))
        let data = try site.outsideFolder()
        try Data("- a\n".utf8).write(to: data.appendingPathComponent("events.yml"))
        try site.link("Content/authors", to: people.path)
        try site.link("Content/data", to: data.path)
        let loaded = site.load()
        XCTAssertEqual(loaded.errors(in: "Content/authors").map(\.message), [outsideMessage("Content/authors", people)])
        XCTAssertEqual(loaded.errors(in: "Content/data").map(\.message), [outsideMessage("Content/data", data)])
        XCTAssertNil(loaded.site?.author("ada"))
        XCTAssertNil(loaded.site?.data["events"])
    }

    func testContentLinkedOutsideTheSiteIsAnError() throws {
        let site = try ScratchSite()
        let content = try site.outsideFolder()
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/site.yml"),
                                         to: content.appendingPathComponent("site.yml"))
        try site.remove("Content")
        try site.link("Content", to: content.path)
        let loaded = site.load()
        XCTAssertNil(loaded.site)
        XCTAssertEqual(loaded.errors(in: "Content").map(\.message), [outsideMessage("Content", content)])
    }

    func testTemplatesLinkedOutsideTheSiteIsOneErrorAndNothingIsRead() throws {
        let site = try ScratchSite()
        let theme = try site.outsideFolder()
        try Data("<p>{{title}}</p>".utf8).write(to: theme.appendingPathComponent("page.mustache"))
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data("body {}".utf8).write(to: theme.appendingPathComponent("assets/style.css"))
        try site.remove("Templates")
        try site.link("Templates", to: theme.path)
        let loaded = site.load()
        XCTAssertEqual(loaded.diagnostics.errors.map(\.message), [outsideMessage("Templates", theme)])
        XCTAssertEqual(loaded.templates.map(\.name), [])
        XCTAssertEqual(loaded.site?.assets.map(\.relativePath), [])
    }

    func testTemplatesAssetsLinkedOutsideTheSiteIsAnError() throws {
        let site = try ScratchSite()
        let theme = try site.outsideFolder()
        try Data("body {}".utf8).write(to: theme.appendingPathComponent("style.css"))
        try site.link("Templates/assets", to: theme.path)
        let loaded = site.load()
        XCTAssertEqual(loaded.diagnostics.errors.map(\.message), [outsideMessage("Templates/assets", theme)])
        XCTAssertEqual(loaded.site?.assets.map(\.relativePath), [])
    }

    func testFolderLinksThatStayInsideTheSiteKeepWorking() throws {
        let site = try ScratchSite()
        try site.write("shared/style.css", "body {}")
        try site.write("people/ada.md", "---\nname: Ada\ncareer: [{company: acme, start: 2020}]\n---\n")
        try site.write("theme/page.mustache", "<p></p>")
        try site.link("Content/assets", to: "../shared")
        try site.link("Content/authors", to: "../people")
        try site.remove("Templates")
        try site.link("Templates", to: "theme")
        let loaded = site.load()
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.site?.assets.map(\.relativePath), ["style.css"])
        XCTAssertNotNil(loaded.site?.author("ada"))
        XCTAssertEqual(loaded.templates.map(\.name), ["page"])
    }

    func testASiteFolderReachedThroughALinkLoads() throws {
        let site = try ScratchSite()
        try site.write("Content/assets/style.css", "body {}")
        try site.write("Content/authors/ada.md", "---\nname: Ada\ncareer: [{company: acme, start: 2020}]\n---\n")
        let elsewhere = try site.outsideFolder()
        let alias = elsewhere.appendingPathComponent("site")
        try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: site.root.path)
        let loaded = SiteLoader(siteFolder: alias).load()
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.site?.assets.map(\.relativePath), ["style.css"])
        XCTAssertNotNil(loaded.site?.author("ada"))
    }

    func testAContentSubfolderThatIsAFileIsWarnedAbout() throws {
        let site = try ScratchSite()
        try site.write("Content/authors", "not a folder")
        let loaded = site.load()
        XCTAssertEqual(loaded.warnings(in: "Content/authors").map(\.message),
                       ["Content/authors is an ordinary file, not a folder; it is ignored"])
    }
}
