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

    /// The same rule for a character typed into the file as for one made by a YAML escape: an error
    /// at its line and column, in the front matter and in the body alike; the rest is still read.
    func testAControlCharacterTypedIntoAFileIsAnErrorAtItsLineAndColumn() throws {
        let site = try ScratchSite()
        try site.writeData("Content/articles/a.md", Data("---\ntitle: \"Bad\u{01} title\"\ndate: 2024\n---\nBody with \u{0B} a tab\nand \u{7F} and \u{FFFE} and \u{0C}.\n".utf8))
        try site.writeData("Content/authors/b.md", Data("---\nname: B\u{1B}\ncareer: []\n---\nÉtude \u{FFFF}\n".utf8))
        let loaded = site.load()
        let errors = loaded.errors(in: "Content/articles/a.md")
        XCTAssertEqual(errors.map(\.message), [controlMessage("U+0001"), controlMessage("U+000B"), controlMessage("U+007F"),
                                               "this text contains the character U+FFFE, which no page can show; remove it",
                                               controlMessage("U+000C")])
        XCTAssertEqual(errors.map { $0.location?.line }, [2, 5, 6, 6, 6])
        XCTAssertEqual(errors.map { $0.location?.column }, [12, 11, 5, 11, 17])
        XCTAssertEqual(loaded.errors(in: "Content/authors/b.md").filter { $0.message.contains("U+") }.map { $0.location?.column }, [8, 7])
        // The article was still read, with U+FFFD where each character stood.
        let article = try XCTUnwrap(loaded.site?.articles.first { $0.slug == "a" })
        XCTAssertEqual(article.title, "Bad\u{FFFD} title")
        XCTAssertFalse(article.body.text.unicodeScalars.contains { $0.value == 0x0B || $0.value == 0x7F })
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
