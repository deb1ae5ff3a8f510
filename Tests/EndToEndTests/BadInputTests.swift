import Foundation
import RosterBuild
import RosterModel
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

    // MARK: Templates

    func testTemplateSyntaxError() throws {
        let original = try String(contentsOf: TestSite.repository.appendingPathComponent("Templates/author.mustache"),
                                  encoding: .utf8)
        let text = original + "<p>{{#open}}never closed</p>\n"
        try assertBuildFails(writing: "Templates/author.mustache", text,
                             errorAt: "Templates/author.mustache", line: lineNumber(of: "{{#open}}", in: text),
                             containing: "template")
    }

    func testTemplateWithMissingPartial() throws {
        let original = try String(contentsOf: TestSite.repository.appendingPathComponent("Templates/author.mustache"),
                                  encoding: .utf8)
        let text = original + "{{> partials/nope}}\n"
        try assertBuildFails(writing: "Templates/author.mustache", text,
                             errorAt: "Templates/author.mustache", line: lineNumber(of: "partials/nope", in: text),
                             containing: "partials/nope")
    }

    // MARK: Settings, values and URLs

    func testBaseURLWithoutScheme() throws {
        let text = siteYAML(baseURL: "example.org")
        try assertBuildFails(writing: "Content/site.yml", text,
                             errorAt: "Content/site.yml", line: lineNumber(of: "base_url:", in: text),
                             containing: "base_url")
    }

    func testUnknownConfidence() throws {
        let text = """
            ---
            name: Ada Lovelace
            career:
              - company: acme
                start: 2015
                confidence: sure
            ---
            Ada.
            """
        try assertBuildFails(writing: "Content/authors/ada.md", text,
                             errorAt: "Content/authors/ada.md", line: lineNumber(of: "confidence: sure", in: text),
                             containing: "unknown confidence 'sure'")
    }

    func testJavaScriptURLInAuthorLinks() throws {
        let text = """
            ---
            name: Ada Lovelace
            links:
              - label: Home page
                url: "javascript:alert(1)"
            career:
              - company: acme
                start: 2015
            ---
            Ada.
            """
        try assertBuildFails(writing: "Content/authors/ada.md", text,
                             errorAt: "Content/authors/ada.md", line: lineNumber(of: "javascript:", in: text),
                             containing: "http")
    }

    func testPageWithReservedSlug() throws {
        try assertBuildFails(errorAt: "Content/pages/authors.md", lines: [1, 2], containing: "authors") { site in
            try site.write("Content/pages/authors.md", "---\ntitle: Our authors\n---\nA page that would hide /authors/.\n")
        }
    }

    func testTwoTagsWithTheSameSlug() throws {
        let first = "---\ntitle: First\ndate: 2025-01-01\ntags:\n  - Mistral AI\n---\nOne.\n"
        let second = "---\ntitle: Second\ndate: 2025-02-01\ntags:\n  - Departures\n  - mistral-ai\n---\nTwo.\n"
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        try site.write("Content/articles/a-first.md", first)
        try site.write("Content/articles/b-second.md", second)
        let report = site.build()
        XCTAssertFalse(report.succeeded, "two tags with one slug must fail the build")
        // Either spelling may be the one blamed, but at its own file and line.
        let places = [("Content/articles/a-first.md", lineNumber(of: "Mistral AI", in: first)),
                      ("Content/articles/b-second.md", lineNumber(of: "mistral-ai", in: second))]
        XCTAssertTrue(report.diagnostics.errors.contains { error in
            places.contains { error.location?.path == $0.0 && error.location?.line == $0.1 }
                && error.message.contains("mistral-ai")
        }, "expected an error at one of the tags, got:\n" + report.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(site.snapshot(), before, "a failed build changed Output/")
    }

    // MARK: Many errors at once

    func testErrorsInSeveralFilesAreAllReportedSorted() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()

        let siteText = siteYAML(origin: "acme", members: ["ada", "bob", "zed"])
        let ada = """
            ---
            name: Ada Lovelace
            nmae: Ada
            career:
              - company: acme
                start: 2015
                end: 2021-03
              - company: globex
                start: 2021-03
                confidence: sure
            ---
            Ada.
            """
        let bob = """
            ---
            name: Bob
            career:
              - company: acme
                start: 2018-99
            ---
            Bob.
            """
        let globex = "---\nname: Globex\nwebsite: ftp://globex.example\n---\nGlobex.\n"
        let news = "---\ntitle: News\ndate: 2025-05-32\n---\nNews.\n"
        try site.write("Content/site.yml", siteText)
        try site.write("Content/authors/ada.md", ada)
        try site.write("Content/authors/bob.md", bob)
        try site.write("Content/companies/globex.md", globex)
        try site.write("Content/articles/news.md", news)

        let report = site.build()
        XCTAssertFalse(report.succeeded)
        let expected: [(String, Int, String)] = [
            ("Content/articles/news.md", lineNumber(of: "2025-05-32", in: news), "2025-05-32"),
            ("Content/authors/ada.md", lineNumber(of: "nmae:", in: ada), "did you mean 'name'"),
            ("Content/authors/ada.md", lineNumber(of: "confidence: sure", in: ada), "sure"),
            ("Content/authors/bob.md", lineNumber(of: "2018-99", in: bob), "2018-99"),
            ("Content/companies/globex.md", lineNumber(of: "ftp:", in: globex), "http"),
            ("Content/site.yml", lineNumber(of: "- zed", in: siteText), "unknown author 'zed'"),
        ]
        for (path, line, fragment) in expected {
            XCTAssertError(report, at: path, line: line, containing: fragment)
        }
        let places = report.diagnostics.errors.map { ($0.location?.path ?? "", $0.location?.line ?? 0) }
        let sorted = places.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        XCTAssertTrue(places.elementsEqual(sorted, by: ==), "errors are not sorted by path, then line: \(places)")
        XCTAssertEqual(site.snapshot(), before, "a failed build changed Output/")
    }

    /// A broken link in a body is found while rendering Markdown; it must still be reported in the
    /// same run as front-matter errors of other files ("all of them at once").
    func testBrokenLinkIsReportedTogetherWithFrontMatterErrors() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        let bob = """
            ---
            name: Bob
            career:
              - company: acme
                start: 2018-99
            ---
            Bob.
            """
        let news = "---\ntitle: News\ndate: 2025-05-01\n---\nA line.\n\nSee [x](author:nobody).\n"
        try site.write("Content/authors/bob.md", bob)
        try site.write("Content/articles/news.md", news)
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertError(report, at: "Content/authors/bob.md", line: lineNumber(of: "2018-99", in: bob), containing: "2018-99")
        XCTAssertError(report, at: "Content/articles/news.md", line: lineNumber(of: "author:nobody", in: news),
                       containing: "nobody")
        XCTAssertEqual(site.snapshot(), before, "a failed build changed Output/")
    }

    // MARK: Output folder safety

    func testOutputIntoContentIsRefused() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let output = site.snapshot()
        let content = site.root.appendingPathComponent("Content")
        let contentBefore = site.snapshot(content)
        XCTAssertGreaterThan(contentBefore.count, 5)

        let report = site.build(output: content)
        XCTAssertFalse(report.succeeded, "building into Content/ must be refused")
        XCTAssertTrue(report.diagnostics.errors.contains { $0.message.contains("refusing") }, report.errorLines.joined(separator: "\n"))
        XCTAssertEqual(site.snapshot(content), contentBefore, "the user's Content/ changed")
        XCTAssertEqual(site.snapshot(), output, "Output/ changed")
    }

    func testOutputInsideContentOrTemplatesIsRefused() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let everything = site.snapshot(site.root)
        for folder in ["Content/site", "Templates/out"] {
            let report = site.build(output: site.root.appendingPathComponent(folder))
            XCTAssertFalse(report.succeeded, "building into \(folder) must be refused")
            XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(folder).path), folder)
        }
        XCTAssertEqual(site.snapshot(site.root), everything, "the site folder changed")
    }

    func testOutputIntoTheSiteFolderIsRefused() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let everything = site.snapshot(site.root)
        XCTAssertTrue(everything.keys.contains("Content/site.yml"))
        XCTAssertTrue(everything.keys.contains("Output/index.html"))

        let report = site.build(output: site.root)
        XCTAssertFalse(report.succeeded, "building into the site folder must be refused")
        XCTAssertTrue(report.diagnostics.errors.contains { $0.message.contains("refusing") }, report.errorLines.joined(separator: "\n"))
        XCTAssertEqual(site.snapshot(site.root), everything, "the site folder changed")
    }

    func testOutputIntoAFolderOfUserFilesIsRefused() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let output = site.snapshot()
        try site.write("mine/keep.txt", "my own notes\n")
        try site.write("mine/sub/deep.txt", "more notes\n")
        let mine = site.root.appendingPathComponent("mine")

        let report = site.build(output: mine)
        XCTAssertFalse(report.succeeded, "a folder of the user's files must be refused")
        XCTAssertTrue(report.diagnostics.errors.contains { $0.message.contains("refusing") }, report.errorLines.joined(separator: "\n"))
        XCTAssertEqual(site.snapshot(mine), ["keep.txt": Data("my own notes\n".utf8), "sub/deep.txt": Data("more notes\n".utf8)])
        XCTAssertEqual(site.snapshot(), output, "Output/ changed")
    }

    func testOutputIntoANewFolderWorks() throws {
        let site = try TestSite.minimal()
        let target = site.root.appendingPathComponent("published/site")
        let report = site.build(output: target)
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        let files = site.snapshot(target)
        XCTAssertNotNil(files["index.html"])
        XCTAssertNotNil(files["authors/ada/index.html"])
        XCTAssertNotNil(files[".roster-output"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "the default Output/ was written too")
    }

    func testOutputFolderWithOnlyGitkeepIsFilledAndKeepsGitkeep() throws {
        let site = try TestSite.minimal()
        try site.writeData("Output/.gitkeep", Data())
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        var files = site.snapshot()
        XCTAssertEqual(files[".gitkeep"], Data())
        XCTAssertNotNil(files["index.html"])

        // And again, now that the folder is Roster's.
        XCTAssertTrue(site.build().succeeded)
        files = site.snapshot()
        XCTAssertEqual(files[".gitkeep"], Data())
        XCTAssertNotNil(files["index.html"])

        // A custom folder holding only a .gitkeep works as well.
        try site.writeData("public/.gitkeep", Data())
        let custom = site.root.appendingPathComponent("public")
        XCTAssertTrue(site.build(output: custom).succeeded)
        XCTAssertEqual(site.snapshot(custom)[".gitkeep"], Data())
        XCTAssertNotNil(site.snapshot(custom)["index.html"])
    }

    func testStaleFilesVanish() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/old-story.md", """
            ---
            title: Old story
            date: 2024-01-01
            tags: [Ephemeral]
            aliases: [older-story]
            ---
            Gone soon.
            """)
        XCTAssertTrue(site.build().succeeded)
        var files = site.snapshot()
        XCTAssertNotNil(files["articles/old-story/index.html"])
        XCTAssertNotNil(files["tags/ephemeral/index.html"])
        XCTAssertNotNil(files["articles/older-story/index.html"])

        try site.remove("Content/articles/old-story.md")
        XCTAssertTrue(site.build().succeeded)
        files = site.snapshot()
        XCTAssertNil(files["articles/old-story/index.html"])
        XCTAssertNil(files["tags/ephemeral/index.html"])
        XCTAssertNil(files["articles/older-story/index.html"])
        XCTAssertNotNil(files["articles/news/index.html"])
        XCTAssertFalse(try site.read("Output/sitemap.xml").contains("old-story"))
        XCTAssertFalse(try site.read("Output/feed.xml").contains("Old story"))
        // No staging folder is left beside Output/, and the previous site, deleted in the
        // background, is gone soon after.
        var siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        let deadline = Date().addingTimeInterval(10)
        while siblings.count > 3, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        }
        XCTAssertEqual(siblings.sorted(), ["Content", "Output", "Templates"])
    }

    // MARK: Helpers

    /// Builds the minimal site, snapshots Output/, writes `text` to `path`, builds again and checks
    /// the failure.
    @discardableResult
    private func assertBuildFails(writing path: String, _ text: String, errorAt errorPath: String, line: Int,
                                  containing fragment: String,
                                  file: StaticString = #filePath, line testLine: UInt = #line) throws -> BuildReport {
        try assertBuildFails(errorAt: errorPath, lines: [line], containing: fragment, file: file, line: testLine) { site in
            try site.write(path, text)
        }
    }

    @discardableResult
    private func assertBuildFails(_ givenSite: TestSite? = nil, errorAt errorPath: String, line: Int,
                                  containing fragment: String,
                                  file: StaticString = #filePath, line testLine: UInt = #line,
                                  breaking: (TestSite) throws -> Void) throws -> BuildReport {
        try assertBuildFails(givenSite, errorAt: errorPath, lines: [line], containing: fragment, file: file,
                             line: testLine, breaking: breaking)
    }

    @discardableResult
    private func assertBuildFails(writing path: String, _ text: String, errorAt errorPath: String, lines: Set<Int>,
                                  containing fragment: String,
                                  file: StaticString = #filePath, line testLine: UInt = #line) throws -> BuildReport {
        try assertBuildFails(errorAt: errorPath, lines: lines, containing: fragment, file: file, line: testLine) { site in
            try site.write(path, text)
        }
    }

    @discardableResult
    private func assertBuildFails(_ givenSite: TestSite? = nil, errorAt errorPath: String, lines: Set<Int>,
                                  containing fragment: String,
                                  file: StaticString = #filePath, line testLine: UInt = #line,
                                  breaking: (TestSite) throws -> Void) throws -> BuildReport {
        let site = try givenSite ?? TestSite.minimal()
        let first = site.build()
        XCTAssertTrue(first.succeeded, "the unbroken site should build:\n" + first.errorLines.joined(separator: "\n"),
                      file: file, line: testLine)
        let before = site.snapshot()
        XCTAssertNotNil(before["index.html"], "the first build wrote no index.html", file: file, line: testLine)

        try breaking(site)
        let report = site.build()
        XCTAssertFalse(report.succeeded, "the broken site built without an error", file: file, line: testLine)
        let match = report.diagnostics.errors.contains { error in
            error.location?.path == errorPath && lines.contains(error.location?.line ?? -1)
                && error.message.localizedCaseInsensitiveContains(fragment)
        }
        XCTAssertTrue(match, "expected an error at \(errorPath):\(lines.sorted()) containing '\(fragment)', got:\n"
                      + report.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: testLine)
        XCTAssertTrue(site.snapshot() == before, "a failed build changed Output/", file: file, line: testLine)
        return report
    }
}

/// The 1-based line of the `occurrence`-th line of `text` that contains `needle`.
func lineNumber(of needle: String, in text: String, occurrence: Int = 1,
                file: StaticString = #filePath, line testLine: UInt = #line) -> Int {
    var seen = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.contains(needle) {
        seen += 1
        if seen == occurrence { return index + 1 }
    }
    XCTFail("'\(needle)' is not in the text \(occurrence) time(s)", file: file, line: testLine)
    return -1
}

/// The minimal site's `site.yml`, with each cohort member on a line of its own.
func siteYAML(title: String = "Test report", baseURL: String = "https://example.org/test/", origin: String = "acme",
              members: [String] = ["ada", "bob"], extra: String = "") -> String {
    """
    title: \(title)
    base_url: \(baseURL)
    as_of: 2025-05-27
    \(extra)cohorts:
      - slug: team
        name: The team
        origin: \(origin)
        date: 2020-01-01
        members:
    \(members.map { "      - \($0)" }.joined(separator: "\n"))

    """
}
