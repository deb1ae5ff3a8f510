import Foundation
import RosterModel
import XCTest
@testable import RosterLoading

/// What a YAML value may hold: no character a page cannot show, no empty list items.
final class ValueTextTests: XCTestCase {
    private func controlMessage(_ code: String) -> String {
        "this text contains the control character \(code), which no page can show; remove it"
    }

    func testAControlCharacterFromAYAMLEscapeIsAnErrorAtTheValuesLine() throws {
        let site = try ScratchSite()
        try site.write("Content/articles/a.md", #"""
            ---
            title: "Bad\x00title"
            date: 2024
            summary: "tab\there, new\nline, return\r"
            aliases: ["ok", "x\x7Fy"]
            tags: ["\e"]
            ---
            Body.
            """# + "\n")
        let errors = site.load().errors(in: "Content/articles/a.md")
        XCTAssertEqual(errors.map(\.message), [controlMessage("U+0000"), controlMessage("U+007F"), controlMessage("U+001B")])
        XCTAssertEqual(errors.map { $0.location?.line }, [2, 5, 6])
    }

    func testAControlCharacterInSiteYmlOrSourcesYmlIsAnError() throws {
        let site = try ScratchSite(siteYAML: #"""
            title: "T\x01"
            base_url: https://example.org/
            as_of: 2025-01-01
            cohorts:
              - {slug: c, name: "C\x1F", origin: acme, date: 2020, members: [ada]}
            """# + "\n")
        try site.write("Content/sources.yml", "p1:\n  title: \"A\\x02\"\n  publisher: P\n  date: 2024\n")
        let loaded = site.load()
        XCTAssertEqual(loaded.errors(in: "Content/site.yml").map(\.message), [controlMessage("U+0001"), controlMessage("U+001F")])
        XCTAssertEqual(loaded.errors(in: "Content/site.yml").map { $0.location?.line }, [1, 5])
        XCTAssertEqual(loaded.errors(in: "Content/sources.yml").map { $0.location?.line }, [2])
    }

    func testAControlCharacterInADataFileValueOrKeyIsAnError() throws {
        let site = try ScratchSite()
        try site.write("Content/data/events.yml", "- ok\n- \"a\\x1Fb\"\n")
        try site.write("Content/data/keys.yml", "fine: 1\n\"k\\x00\": 2\n")
        try site.write("Content/data/clean.yml", "note: \"tab\\there\"\n")
        let loaded = site.load()
        XCTAssertEqual(loaded.errors(in: "Content/data/events.yml").map(\.message), [controlMessage("U+001F")])
        XCTAssertEqual(loaded.errors(in: "Content/data/events.yml").first?.location?.line, 2)
        XCTAssertEqual(loaded.errors(in: "Content/data/keys.yml").map(\.message), [controlMessage("U+0000")])
        XCTAssertEqual(loaded.errors(in: "Content/data/keys.yml").first?.location?.line, 2)
        XCTAssertEqual(loaded.errors(in: "Content/data/clean.yml"), [])
    }

    func testAnEmptyAliasSaysAnAliasCannotBeEmpty() throws {
        let site = try ScratchSite()
        try site.write("Content/companies/acme.md", "---\nname: Acme\naliases: [\"\"]\n---\n")
        try site.write("Content/articles/a.md", "---\ntitle: A\ndate: 2024\ntags: [x, \" \"]\n---\n")
        let loaded = site.load()
        XCTAssertEqual(loaded.errors(in: "Content/companies/acme.md").map(\.message), ["an alias cannot be empty"])
        XCTAssertEqual(loaded.errors(in: "Content/companies/acme.md").first?.location?.line, 3)
        XCTAssertEqual(loaded.errors(in: "Content/articles/a.md").map(\.message), ["a tag cannot be empty"])
    }
}
