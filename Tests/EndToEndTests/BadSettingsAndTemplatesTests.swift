import Foundation
import RosterBuild
import RosterModel
import RosterTestSupport
import XCTest

/// Bad templates, settings and URLs, and many errors in one run: each reported at its file and line,
/// all of them at once, with the previous Output/ unchanged.
final class BadSettingsAndTemplatesTests: XCTestCase {
    // MARK: Templates

    func testTemplateSyntaxError() throws {
        let original = try String(contentsOf: TestSite.repository.appendingPathComponent("Templates/author.mustache"),
                                  encoding: .utf8)
        let text = original + "<p>{{#open}}never closed</p>\n"
        try assertBuildFails(writing: "Templates/author.mustache", text,
                             errorAt: "Templates/author.mustache", line: lineNumber(of: "{{#open}}", in: text),
                             containing: "template")
    }

    /// A template's own links and ids are for `roster check`, which reads every rendered page the
    /// way a visitor would; it names the page, since no line of content is at fault.
    func testCheckFindsABrokenLinkAndARepeatedIDInATemplate() throws {
        let site = try TestSite.minimal()
        let original = try site.read("Templates/article.mustache")
        try site.write("Templates/article.mustache", original.replacingOccurrences(
            of: "</h1>", with: "</h1><a href=\"../nowhere/\">x</a><i id=\"twice\"></i><i id=\"twice\"></i>"))
        XCTAssertTrue(site.build().succeeded, "a template's links are checked by roster check, not by every build")
        let report = site.check()
        XCTAssertFalse(report.succeeded)
        let messages = report.diagnostics.errors.map(\.description)
        XCTAssertTrue(messages.contains { $0.contains("the page /articles/news/ links to '../nowhere/', which the site does not contain") },
                      messages.joined(separator: "\n"))
        XCTAssertTrue(messages.contains { $0.contains("the page /articles/news/ has the id 'twice' more than once") },
                      messages.joined(separator: "\n"))
        XCTAssertFalse(messages.contains { $0.contains("Output/") }, "check writes no Output/, so it must not cite one")
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

    /// The report's errors for `site` after writing `files`: exactly `expected` (as "path:line: fragment").
    private func assertOnlyErrors(_ site: TestSite, _ expected: [(path: String, line: Int, fragment: String)],
                                  file: StaticString = #filePath, line testLine: UInt = #line) {
        let errors = site.build().diagnostics.errors
        let listing = errors.map(\.description).joined(separator: "\n")
        XCTAssertEqual(errors.count, expected.count, "errors:\n" + listing, file: file, line: testLine)
        for want in expected {
            XCTAssertTrue(errors.contains { $0.location?.path == want.path && $0.location?.line == want.line
                && $0.message.contains(want.fragment) }, "no error at \(want.path):\(want.line) with '\(want.fragment)' in:\n" + listing,
                file: file, line: testLine)
        }
    }

    func testAMissingSiteTitleDoesNotHideErrorsElsewhere() throws {
        let site = try TestSite.minimal()
        let settings = siteYAML().replacingOccurrences(of: "title: Test report", with: "titel: Test report")
        try site.write("Content/site.yml", settings)
        let ada = try site.read("Content/authors/ada.md").replacingOccurrences(of: "company: globex", with: "company: globx")
        try site.write("Content/authors/ada.md", ada)
        assertOnlyErrors(site, [
            ("Content/site.yml", 1, "unknown key 'titel' (did you mean 'title'?)"),
            ("Content/site.yml", 1, "missing required key 'title'"),
            ("Content/authors/ada.md", lineNumber(of: "globx", in: ada), "unknown company 'globx' (did you mean 'globex'?)"),
        ])
    }

    func testASiteYmlThatIsNotYAMLDoesNotMakeEveryCohortLinkUnknown() throws {
        let site = try TestSite.minimal()
        try site.write("Content/site.yml", "title: [Test report\n")
        try site.write("Content/articles/news.md", "---\ntitle: News\ndate: 2025-05-01\n---\nSee [the team](cohort:team).\n\n![Where](chart:flow/team)\n")
        let errors = site.build().diagnostics.errors
        XCTAssertEqual(errors.map(\.location?.path), ["Content/site.yml"], errors.map(\.description).joined(separator: "\n"))
    }

    func testACohortWithAMissingDateIsNotAlsoReportedAsUnknown() throws {
        let site = try TestSite.minimal()
        let settings = siteYAML().replacingOccurrences(of: "    date: 2020-01-01\n", with: "")
        try site.write("Content/site.yml", settings)
        try site.write("Content/articles/news.md", "---\ntitle: News\ndate: 2025-05-01\n---\nSee [the team](cohort:team).\n\n![Where](chart:flow/team)\n")
        assertOnlyErrors(site, [("Content/site.yml", lineNumber(of: "- slug: team", in: settings), "missing required key 'date'")])
    }

    func testASourcesFileThatIsNotYAMLIsTheOnlyError() throws {
        let site = try TestSite.minimal()
        try site.write("Content/sources.yml", "paper:\n  title: [The paper\n")
        try site.write("Content/articles/news.md", "---\ntitle: News\ndate: 2025-05-01\nsources: [paper]\n---\nAs [the paper](source:paper) says.\n")
        let errors = site.build().diagnostics.errors
        XCTAssertEqual(errors.map(\.location?.path), ["Content/sources.yml"], errors.map(\.description).joined(separator: "\n"))
    }

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
}
