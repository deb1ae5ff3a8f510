import RosterModel
import XCTest
@testable import RosterLoading

final class SiteLoaderTests: XCTestCase {
    func testLoadsAnAuthorWithItsCareerAndLocations() throws {
        let site = try ScratchSite()
        try site.write("Content/authors/ada.md", "---\nname: Ada\ncareer:\n  - company: acme\n    start: 2020-04\n    end: unknown\n    confidence: reported\n    sources: [p1, p2]\n---\nBio.\n")
        let loaded = site.load()
        XCTAssertEqual(loaded.diagnostics, [])
        let author = try XCTUnwrap(loaded.site?.author("ada"))
        XCTAssertEqual(author.career.first?.start, .known(PartialDate(year: 2023 - 3, month: 4)!))
        XCTAssertEqual(author.career.first?.end, .unknown)
        XCTAssertEqual(author.career.first?.confidence, .reported)
        XCTAssertEqual(author.career.first?.locations["company"].line, 4)
        XCTAssertEqual(author.career.first?.locations.location(of: "sources", item: 1).line, 8)
        XCTAssertEqual(author.body.firstLine, 10)
    }

    func testUnknownKeyIsReportedWithASuggestionAtItsLine() throws {
        let site = try ScratchSite()
        try site.write("Content/authors/ada.md", "---\nname: Ada\ncarrer: []\n---\n")
        let errors = site.load().errors(in: "Content/authors/ada.md")
        XCTAssertTrue(errors.contains { $0.message.contains("unknown key 'carrer' (did you mean 'career'?)") && $0.location?.line == 3 },
                      "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("missing required key 'career'") })
    }

    func testYAMLSyntaxErrorIsReportedAtTheFileLine() throws {
        let site = try ScratchSite()
        try site.write("Content/companies/acme.md", "---\nname: Acme\nkind: [unclosed\n---\n")
        let errors = site.load().errors(in: "Content/companies/acme.md")
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors.first?.message.contains("YAML syntax error") == true)
        XCTAssertGreaterThanOrEqual(errors.first?.location?.line ?? 0, 3)
    }

    func testDuplicateKeyIsAnError() throws {
        let site = try ScratchSite()
        try site.write("Content/companies/acme.md", "---\nname: Acme\nname: Again\n---\n")
        XCTAssertTrue(site.load().errors(in: "Content/companies/acme.md").contains { $0.message.contains("duplicate key 'name'") })
    }

    func testInvalidDatesAndURLsAreErrors() throws {
        let site = try ScratchSite()
        try site.write("Content/companies/acme.md", "---\nname: Acme\nfounded: 2023-13\nwebsite: javascript:alert(1)\n---\n")
        let errors = site.load().errors(in: "Content/companies/acme.md")
        XCTAssertTrue(errors.contains { $0.location?.line == 3 && $0.message.contains("not a valid date") })
        XCTAssertTrue(errors.contains { $0.location?.line == 4 && $0.message.contains("http, https or mailto") })
    }

    func testFileNameMustBeASlug() throws {
        let site = try ScratchSite()
        try site.write("Content/authors/Ada Lovelace.md", "---\nname: Ada\ncareer: [{company: acme, start: 2020}]\n---\n")
        XCTAssertTrue(site.load().errors(in: "Content/authors/Ada Lovelace.md").contains { $0.message.contains("not a valid slug") })
    }

    func testDataFilesAreExposedAndAliasBombsEndInAnError() throws {
        let site = try ScratchSite()
        try site.write("Content/data/events.yml", "- {date: '2023', title: A}\n")
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for (index, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].enumerated() {
            let previous = index == 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h"][index - 1]
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        try site.write("Content/data/bomb.yml", bomb)
        let loaded = site.load()
        XCTAssertNotNil(loaded.site?.data["events"])
        XCTAssertTrue(loaded.errors(in: "Content/data/bomb.yml").contains { $0.message.contains("expands") })
    }

    func testDeeplyNestedYAMLIsRefusedNotCrashed() throws {
        let site = try ScratchSite()
        try site.write("Content/data/deep.yml", String(repeating: "[", count: 50_000))
        try site.write("Content/data/dashes.yml", String(repeating: "- ", count: 50_000) + "x\n")
        let loaded = site.load()
        XCTAssertFalse(loaded.errors(in: "Content/data/deep.yml").isEmpty)
        XCTAssertFalse(loaded.errors(in: "Content/data/dashes.yml").isEmpty)
    }

    func testSymlinkOutOfTheSiteIsRefused() throws {
        let site = try ScratchSite()
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/assets"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/assets/passwd").path,
                                                   withDestinationPath: "/etc/passwd")
        let loaded = site.load()
        XCTAssertTrue(loaded.errors(in: "Content/assets/passwd").contains { $0.message.contains("is a link to a place outside") })
        XCTAssertFalse(loaded.site?.assets.contains { $0.relativePath == "passwd" } ?? true)
    }

    func testContentAssetsOverrideThemeAssets() throws {
        let site = try ScratchSite()
        try site.write("Templates/assets/style.css", "theme")
        try site.write("Templates/assets/icon.svg", "<svg/>")
        try site.write("Content/assets/style.css", "content")
        let assets = try XCTUnwrap(site.load().site?.assets)
        XCTAssertEqual(assets.map(\.relativePath), ["icon.svg", "style.css"])
        XCTAssertTrue(assets.last?.sourcePath.hasSuffix("Content/assets/style.css") == true)
    }
}

final class DataFileNameTests: XCTestCase {
    func testTwoDataFilesWithOneNameAreAnErrorInsteadOfOneReplacingTheOther() throws {
        let site = try ScratchSite()
        try site.write("Content/data/events.yml", "- one\n")
        try site.write("Content/data/events.yaml", "- two\n")
        let loaded = site.load()
        XCTAssertEqual(loaded.errors(in: "Content/data/events.yml").map(\.message),
                       ["Content/data/events.yaml and this file would both be data.events; rename one of them"])
    }
}
