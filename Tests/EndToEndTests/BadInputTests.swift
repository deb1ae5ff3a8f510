import Foundation
import RosterBuild
import RosterModel
import RosterTestSupport
import XCTest

/// One test per kind of bad input. Each builds the minimal site once, breaks one thing, builds
/// again and checks that the build failed, that an error names the right file and line, and that
/// the previous Output/ is exactly as it was.
final class BadInputTests: XCTestCase {

    // MARK: Front matter and YAML

    func testUnclosedFrontMatter() throws {
        let text = """
            ---
            name: Ada Lovelace
            career:
              - company: acme
                start: 2015
            Ada left.
            """
        try assertBuildFails(writing: "Content/authors/ada.md", text,
                             errorAt: "Content/authors/ada.md", line: 1, containing: "never closed")
    }

    func testYAMLSyntaxError() throws {
        let text = """
            ---
            career:
              - company: acme
                start: 2015
            name: [unclosed
            ---
            Ada.
            """
        try assertBuildFails(writing: "Content/authors/ada.md", text,
                             errorAt: "Content/authors/ada.md", line: lineNumber(of: "[unclosed", in: text),
                             containing: "YAML syntax error")
    }

    func testUnknownKeyWithSuggestion() throws {
        let text = """
            ---
            name: Ada Lovelace
            nmae: Ada
            career:
              - company: acme
                start: 2015
            ---
            Ada.
            """
        try assertBuildFails(writing: "Content/authors/ada.md", text,
                             errorAt: "Content/authors/ada.md", line: lineNumber(of: "nmae:", in: text),
                             containing: "did you mean 'name'")
    }

    func testMissingRequiredName() throws {
        let text = """
            ---
            career:
              - company: acme
                start: 2015
            ---
            Ada.
            """
        // The key is absent, so the error points at the front matter itself (its fence or first line).
        try assertBuildFails(writing: "Content/authors/ada.md", text,
                             errorAt: "Content/authors/ada.md", lines: [1, 2], containing: "name")
    }

    func testInvalidDate() throws {
        let text = """
            ---
            name: Ada Lovelace
            career:
              - company: acme
                start: 2023-13
            ---
            Ada.
            """
        try assertBuildFails(writing: "Content/authors/ada.md", text,
                             errorAt: "Content/authors/ada.md", line: lineNumber(of: "2023-13", in: text),
                             containing: "2023-13")
    }

    func testEndBeforeStart() throws {
        let text = """
            ---
            name: Ada Lovelace
            career:
              - company: acme
                start: 2020-05
                end: 2019
            ---
            Ada.
            """
        try assertBuildFails(writing: "Content/authors/ada.md", text,
                             errorAt: "Content/authors/ada.md", line: lineNumber(of: "end: 2019", in: text),
                             containing: "before it starts")
    }

    func testUnknownCompanyWithSuggestion() throws {
        let text = """
            ---
            name: Ada Lovelace
            career:
              - company: acme
                start: 2015
                end: 2021-03
              - company: acmee
                start: 2021-03
            ---
            Ada.
            """
        try assertBuildFails(writing: "Content/authors/ada.md", text,
                             errorAt: "Content/authors/ada.md", line: lineNumber(of: "acmee", in: text),
                             containing: "unknown company 'acmee' (did you mean 'acme'?)")
    }

    func testUnknownAuthorInCohortMembers() throws {
        let text = siteYAML(members: ["ada", "bob", "zed"])
        try assertBuildFails(writing: "Content/site.yml", text,
                             errorAt: "Content/site.yml", line: lineNumber(of: "- zed", in: text),
                             containing: "unknown author 'zed'")
    }

    func testUnknownSourceInStint() throws {
        let text = """
            ---
            name: Ada Lovelace
            career:
              - company: acme
                start: 2015
                sources:
                  - paper
                  - nopaper
            ---
            Ada.
            """
        try assertBuildFails(writing: "Content/authors/ada.md", text,
                             errorAt: "Content/authors/ada.md", line: lineNumber(of: "- nopaper", in: text),
                             containing: "unknown source 'nopaper'")
    }

    func testUnknownCohortOrigin() throws {
        let text = siteYAML(origin: "acmeh")
        try assertBuildFails(writing: "Content/site.yml", text,
                             errorAt: "Content/site.yml", line: lineNumber(of: "origin: acmeh", in: text),
                             containing: "acmeh")
    }

    func testDuplicateKeyInFrontMatter() throws {
        let text = """
            ---
            name: Ada Lovelace
            career:
              - company: acme
                start: 2015
            name: Ada King
            ---
            Ada.
            """
        // The second occurrence is the one to remove, so that is where the error belongs.
        try assertBuildFails(writing: "Content/authors/ada.md", text,
                             errorAt: "Content/authors/ada.md", line: lineNumber(of: "name: Ada King", in: text),
                             containing: "duplicate")
    }

    func testDuplicateCohortMember() throws {
        let text = siteYAML(members: ["ada", "bob", "ada"])
        try assertBuildFails(writing: "Content/site.yml", text,
                             errorAt: "Content/site.yml", line: lineNumber(of: "- ada", in: text, occurrence: 2),
                             containing: "twice")
    }

    func testCohortMemberWithoutStintAtOrigin() throws {
        let site = try TestSite.minimal()
        try site.write("Content/site.yml", siteYAML(members: ["ada", "bob"]))
        let siteText = try site.read("Content/site.yml")
        try assertBuildFails(site, errorAt: "Content/site.yml", line: lineNumber(of: "- bob", in: siteText),
                             containing: "no stint at 'acme'") { site in
            try site.write("Content/authors/bob.md", """
                ---
                name: Bob
                career:
                  - company: globex
                    start: 2018-06-01
                ---
                Bob never worked at Acme.
                """)
        }
    }

    func testEmptyFile() throws {
        try assertBuildFails(errorAt: "Content/authors/x.md", line: 1, containing: "empty") { site in
            try site.writeData("Content/authors/x.md", Data())
        }
    }

    func testInvalidSlugFileName() throws {
        try assertBuildFails(errorAt: "Content/authors/Bad Name.md", line: 1, containing: "not a valid slug") { site in
            try site.write("Content/authors/Bad Name.md", """
                ---
                name: Bad Name
                career:
                  - company: acme
                    start: 2015
                ---
                """)
        }
    }

    func testBrokenInternalLinkInArticleBody() throws {
        let text = """
            ---
            title: News
            date: 2025-05-01
            tags: [Departures]
            ---
            [Ada](author:ada) went to [Globex](company:globex).

            Some text in between.

            And [x](author:nobody) is nobody.
            """
        try assertBuildFails(writing: "Content/articles/news.md", text,
                             errorAt: "Content/articles/news.md", line: lineNumber(of: "author:nobody", in: text),
                             containing: "unknown author 'nobody'")
    }

    func testLinkToAMissingHeadingIsAnErrorAtItsLine() throws {
        let text = """
            ---
            title: News
            date: 2025-05-01
            ---
            See [Ada's career](author:ada#career) and [Acme's story](company:acme#no-such-heading).
            """
        try assertBuildFails(writing: "Content/articles/news.md", text,
                             errorAt: "Content/articles/news.md", line: lineNumber(of: "#no-such-heading", in: text),
                             containing: "'#no-such-heading', which is not an id on /companies/acme/")
    }

    func testALinkToAMissingPlaceOnTheSamePageIsAnErrorAtItsLine() throws {
        let text = """
            ---
            title: News
            date: 2025-05-01
            ---
            ## Hello World

            See [above](#hello-world), [the top](#main) and [this](#Hello-World).
            """
        let report = try assertBuildFails(writing: "Content/articles/news.md", text,
                                          errorAt: "Content/articles/news.md", line: lineNumber(of: "#Hello-World", in: text),
                                          containing: "the link '#Hello-World' points at an id that is not on this page (did you mean 'hello-world'?)")
        XCTAssertEqual(report.diagnostics.errors.count, 1, "#hello-world and the theme's #main exist")
        let line = "See [above](#hello-world), [the top](#main) and [this](#Hello-World)."
        let column = line.range(of: "#Hello-World").map { line.distance(from: line.startIndex, to: $0.lowerBound) + 1 }
        XCTAssertEqual(report.diagnostics.errors.first?.location?.column, column)
    }

    /// `roster check` follows relative links written in bodies and names the body's line, rather than
    /// blaming the template; a build leaves them as written.
    func testCheckReportsABrokenRelativeLinkInABodyAtItsLineAndColumn() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/news.md", """
            ---
            title: News
            date: 2025-05-01
            ---
            Intro.

            See [a](my_(url)) and
            [b](url), [sources](../../sources/) and [c](../../sources/#nope).
            """)
        XCTAssertTrue(site.build().succeeded)
        let report = site.check()
        let found = report.diagnostics.errors.map { "\($0.location?.path ?? ""):\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        XCTAssertEqual(found, ["Content/articles/news.md:7:9", "Content/articles/news.md:8:5", "Content/articles/news.md:8:45"],
                       report.errorLines.joined(separator: "\n"))
        XCTAssertFalse(report.errorLines.joined().contains("check its template"), report.errorLines.joined(separator: "\n"))
        XCTAssertTrue(report.errorLines.first?.contains("the link 'my_(url)' leads to /articles/news/my_(url), which the site does not contain") == true,
                      report.errorLines.joined(separator: "\n"))
    }

    func testSourceIDThatTheThemeUsesOnTheSourcesPageIsAnError() throws {
        try assertBuildFails(errorAt: "Content/sources.yml", line: 6, containing: "source id 'main'") { site in
            try site.write("Content/sources.yml", """
                paper:
                  title: The paper
                  publisher: arXiv
                  date: 2020-01
                  url: https://arxiv.org/abs/1
                main:
                  title: A source whose id is also the page's <main> id
                  publisher: Nobody
                  date: 2021
                """)
        }
    }

    func testNonUTF8File() throws {
        let head = "---\nname: Ada Lovelace\ncareer:\n  - company: acme\n    start: 2015\n---\nFirst line.\nBad "
        var bytes = Data(head.utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        bytes.append(contentsOf: Data(" bytes.\nLast line.\n".utf8))
        let line = head.filter { $0 == "\n" }.count + 1
        try assertBuildFails(errorAt: "Content/authors/ada.md", line: line, containing: "UTF-8") { site in
            try site.writeData("Content/authors/ada.md", bytes)
        }
    }
}
