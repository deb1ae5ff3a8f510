import RosterModel
import XCTest
@testable import RosterLoading

/// A syntax error in one key of a YAML file does not hide the file's other problems.
final class YAMLRecoveryTests: XCTestCase {
    func testTwoSyntaxErrorsAndAnUnknownKeyInOneFrontMatterAreAllReportedAtTheirLines() throws {
        let site = try ScratchSite()
        try site.write("Content/authors/ada.md", """
            ---
            name: Ada
            nickname: & Co
            website: "https://example.org
            career:
              - {company: acme, start: 2019}
            colour: blue
            ---
            Bio.
            """)
        let errors = site.load().errors(in: "Content/authors/ada.md")
        XCTAssertEqual(errors.map { $0.location?.line ?? 0 }, [3, 4, 7], errors.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(errors[0].message.contains("must be in quotes"))
        XCTAssertTrue(errors[2].message.contains("unknown key 'colour'"))
    }

    /// `&Co tower` is valid YAML (an anchor named Co), which Roster refuses: the refusal says to quote
    /// the value, at its column, and does not hide the file's other problems.
    func testAnUnquotedValueStartingWithAmpersandIsAnErrorAtItsColumnAndTheRestIsStillChecked() throws {
        let site = try ScratchSite()
        try site.write("Content/companies/globex.md", """
            ---
            name: Globex
            headquarters: &Co tower
            founded: 2023-13
            ceo: Hank
            ---
            """)
        let errors = site.load().errors(in: "Content/companies/globex.md")
        XCTAssertEqual(errors.map { [$0.location?.line ?? 0, $0.location?.column ?? 0] }, [[3, 15], [4, 10], [5, 1]],
                       errors.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(errors[0].message.contains("must be in quotes, like name: \"&Co tower\""), errors[0].message)

        try site.write("Content/companies/globex.md", "---\nname: Globex\nheadquarters: !Important tower\nwebsite: #site\n---\n")
        XCTAssertEqual(site.load().warnings(in: "Content/companies/globex.md").count, 1, "the # warning is given beside the error")
        let tagged = site.load().errors(in: "Content/companies/globex.md")
        XCTAssertEqual(tagged.map { $0.location?.column ?? 0 }, [15], tagged.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(tagged.first?.message.contains("a value starting with ! must be in quotes") == true)
    }

    /// A value that starts with # is a comment in YAML: the key reads as empty, which is said, while a
    /// comment after a key whose value follows on the next lines is fine.
    func testAValueStartingWithHashIsAWarningAtItsColumn() throws {
        let site = try ScratchSite()
        try site.write("Content/companies/globex.md", """
            ---
            name: Globex
            headquarters: #3 Rue Lafayette
            aliases: # other names
              - globex-corp
            ---
            """)
        let found = site.load().diagnostics.filter { $0.location?.path == "Content/companies/globex.md" }
        XCTAssertEqual(found.map(\.description), [
            "Content/companies/globex.md:3:15: warning: 'headquarters' is empty: YAML reads what follows # as a comment; "
                + "if it is the value, put it in quotes, like headquarters: \"#3 Rue Lafayette\"",
        ])
    }

    func testABrokenKeyOfSiteYmlIsNotAlsoReportedAsMissing() throws {
        let site = try ScratchSite(siteYAML: """
            title: Paris: the report
            base_url: https://example.org/
            as_of: 2025-01-01
            paginat: 20
            cohorts:
              - {slug: c, name: C, origin: acme, date: 2020, members: [ada]}
            """)
        let errors = site.load().errors(in: SiteLayout.settings)
        XCTAssertEqual(errors.count, 2, errors.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(errors.contains { $0.location?.line == 1 && $0.message.contains("YAML syntax error") })
        XCTAssertTrue(errors.contains { $0.message.contains("unknown key 'paginat'") })
        XCTAssertFalse(errors.contains { $0.message.contains("missing required key 'title'") })
    }

    func testABrokenCohortsBlockDoesNotMakeEveryPersonUnknown() throws {
        let site = try ScratchSite(siteYAML: """
            title: T
            base_url: https://example.org/
            as_of: 2025-01-01
            cohorts:
              - {slug: c, name: C, origin: acme, date: 2020, members: [ada]
            """)
        let loaded = site.load()
        XCTAssertEqual(loaded.errors(in: SiteLayout.settings).count, 1, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertFalse(loaded.fileSlugs.cohortsReadable, "the cohorts could not be read, so no check may rely on them")
    }

    func testAKeyWrittenTwiceIsStillOneErrorAtTheSecond() throws {
        let site = try ScratchSite()
        try site.write("Content/companies/acme.md", "---\nname: Acme\nkind: lab\nname: Again\n---\n")
        let errors = site.load().errors(in: "Content/companies/acme.md")
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location?.line, 4)
    }

    func testCommonSyntaxMistakesSayWhatToDoAtTheirLine() throws {
        let site = try ScratchSite()
        let cases: [(String, String)] = [
            ("summary: *star of the show\n", ":4:10: error: YAML syntax error: a value starting with * must be in quotes"),
            ("name Colon Person\ntags: [a]\n", ":4:1: error: YAML syntax error: this line has no ':' after its key; write key: value"),
            ("summary: x\nname Colon Person\ntags:\n  - a\n", ":5:1: error: YAML syntax error: this line has no ':' after its key"),
            ("tags:\n\t- a\n", ":5:1: error: YAML syntax error: indent with spaces, not tabs"),
        ]
        for (yaml, expected) in cases {
            try site.write("Content/articles/probe.md", "---\ntitle: T\ndate: 2025-01-01\n" + yaml + "---\nText.\n")
            let lines = site.load().errors(in: "Content/articles/probe.md").map(\.description).joined(separator: "\n")
            XCTAssertTrue(lines.contains("Content/articles/probe.md" + expected), "\(yaml):\n\(lines)")
        }
    }

    func testATopLevelListIsNotSplit() {
        XCTAssertNil(YAMLRecovery.blocks(["- a", "- b: [", "c: d"]))
        XCTAssertEqual(YAMLRecovery.blocks(["a: 1", "b:", "- x", "c: 2"])?.map(\.key), ["a", "b", "c"], "a list at the margin belongs to the key above")
    }
}
