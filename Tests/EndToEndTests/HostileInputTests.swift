import Foundation
import RosterBuild
import RosterModel
import RosterTestSupport
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Content written to break the site or the machine: markup in every string, script links,
/// links out of the site folder, YAML alias bombs and absurd nesting.
final class HostileInputTests: XCTestCase {
    static let script = #"<script>alert("x")</script>"#
    static let image = #""'><img src=x onerror=alert(1)>"#

    /// The minimal site with markup in every string that reaches a page, the feed or the exports.
    private func hostileSite() throws -> TestSite {
        let site = try TestSite.minimal()
        try site.write("Content/site.yml", #"""
            title: "<script>alert(\"x\")</script> report"
            description: "\"'><img src=x onerror=alert(1)> description"
            base_url: https://example.org/test/
            as_of: 2025-05-27
            search: false
            cohorts:
              - slug: team
                name: "<script>alert(\"x\")</script> team \"'><img src=x onerror=alert(1)>"
                origin: acme
                date: 2020-01-01
                members: [ada, bob]
            """#)
        try site.write("Content/sources.yml", #"""
            paper:
              title: "<script>alert(\"x\")</script>"
              publisher: "\"'><img src=x onerror=alert(1)>"
              date: 2020-01
              url: https://arxiv.org/abs/1
            """#)
        try site.write("Content/companies/acme.md", #"""
            ---
            name: "\"'><img src=x onerror=alert(1)> Acme"
            kind: "<script>alert(\"x\")</script>"
            headquarters: "\"'><img src=x onerror=alert(1)>"
            website: https://acme.example
            ---
            Acme makes things.
            """#)
        try site.write("Content/companies/globex.md", #"""
            ---
            name: "<script>alert(\"x\")</script> Globex"
            ---
            Globex.
            """#)
        try site.write("Content/authors/ada.md", #"""
            ---
            name: "<script>alert(\"x\")</script>"
            links:
              - label: "\"'><img src=x onerror=alert(1)>"
                url: https://ada.example/
            career:
              - company: acme
                start: 2015
                end: 2021-03
                role: "Lead, \"R&D\""
                sources: [paper]
              - company: globex
                start: 2021-03
                founder: true
                sources: [paper]
            ---
            Ada left [Acme](company:acme).

            <script>alert("x")</script>
            """#)
        try site.write("Content/authors/bob.md", #"""
            ---
            name: "\"'><img src=x onerror=alert(1)>"
            career:
              - company: acme
                start: 2018-06-01
                sources: [paper]
            ---
            Bob stayed.
            """#)
        try site.write("Content/articles/news.md", #"""
            ---
            title: "<script>alert(\"x\")</script>"
            summary: "\"'><img src=x onerror=alert(1)>"
            byline: "<script>alert(\"x\")</script>"
            date: 2025-05-01
            tags: ["<script>alert(\"x\")</script>", "\"'><img src=x onerror=alert(1)>"]
            sources: [paper]
            ---
            [Ada](author:ada) went to [Globex](company:globex).
            """#)
        return site
    }

    func testMarkupInEveryStringIsEscapedEverywhere() throws {
        let site = try hostileSite()
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        let files = site.snapshot()
        XCTAssertGreaterThan(files.count, 20)
        // CSV holds the text as it is (quoted per RFC 4180, checked below); every other file escapes it.
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where !path.hasSuffix(".csv") {
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.contains("<script>alert"), "raw <script> in \(path)")
            XCTAssertFalse(text.contains("<img src=x"), "raw <img> in \(path)")
        }

        // HTML: escaped, not dropped.
        let author = try XCTUnwrap(files["authors/ada/index.html"].map { String(decoding: $0, as: UTF8.self) })
        XCTAssertTrue(author.contains("&lt;script&gt;alert"), "the author's name is missing or not escaped")
        let bob = try XCTUnwrap(files["authors/bob/index.html"].map { String(decoding: $0, as: UTF8.self) })
        XCTAssertTrue(bob.contains("&lt;img src=x"), "bob's name is missing or not escaped")
        let article = try XCTUnwrap(files["articles/news/index.html"].map { String(decoding: $0, as: UTF8.self) })
        XCTAssertTrue(article.contains("&lt;script&gt;alert"))
        XCTAssertTrue(article.contains("&lt;img src=x"))
        let home = try XCTUnwrap(files["index.html"].map { String(decoding: $0, as: UTF8.self) })
        XCTAssertTrue(home.contains("&lt;script&gt;alert"), "the site title is missing or not escaped")

        // XML: escaped and well formed.
        for name in ["feed.xml", "sitemap.xml"] {
            let data = try XCTUnwrap(files[name], name)
            let parser = XMLParser(data: data)
            XCTAssertTrue(parser.parse(), "\(name) is not well-formed XML: \(String(describing: parser.parserError))")
        }
        let feed = String(decoding: try XCTUnwrap(files["feed.xml"]), as: UTF8.self)
        XCTAssertTrue(feed.contains("&lt;script&gt;alert"), "the article title is missing from the feed or not escaped")
        XCTAssertTrue(feed.contains("&lt;img src=x") || feed.contains("&amp;lt;img src=x"))

        // JSON: escaped as \u003c and still the exact strings once parsed.
        let jsonData = try XCTUnwrap(files["data/roster.json"])
        let jsonText = String(decoding: jsonData, as: UTF8.self)
        XCTAssertTrue(jsonText.contains("\\u003cscript"), "JSON should escape '<' as \\u003c")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
        let authors = try XCTUnwrap(json["authors"] as? [[String: Any]])
        XCTAssertEqual(authors.first { $0["slug"] as? String == "ada" }?["name"] as? String, Self.script)
        XCTAssertEqual(authors.first { $0["slug"] as? String == "bob" }?["name"] as? String, Self.image)
        let articles = try XCTUnwrap(json["articles"] as? [[String: Any]])
        XCTAssertEqual(articles.first?["title"] as? String, Self.script)
        let sources = try XCTUnwrap(json["sources"] as? [[String: Any]])
        XCTAssertEqual(sources.first?["title"] as? String, Self.script)

        // CSV: RFC 4180, a field with a quote or comma quoted and its quotes doubled.
        let csv = String(decoding: try XCTUnwrap(files["data/careers.csv"]), as: UTF8.self)
        XCTAssertTrue(csv.contains(#","Lead, ""R&D""","#), "the role is not quoted per RFC 4180:\n\(csv)")
        let rows = try StrictCSV.parse(csv)
        XCTAssertEqual(rows.first, CSVColumns.careers)
        XCTAssertEqual(rows.count, 4, "header + 3 stints")
        for row in rows { XCTAssertEqual(row.count, 12, "\(row)") }
        XCTAssertEqual(rows.dropFirst().first, ["ada", Self.script, "acme", Self.image + " Acme", "", #"Lead, "R&D""#, "2015", "2021-03",
                                                "false", "confirmed", "", "paper"])
    }

    func testJavaScriptLinksInMarkdownAreNeverWritten() throws {
        for unsafe in [false, true] {
            let site = try TestSite.minimal()
            if unsafe {
                try site.write("Content/site.yml", siteYAML(extra: "unsafe_html: true\n"))
            }
            try site.write("Content/articles/news.md", """
                ---
                title: News
                date: 2025-05-01
                ---
                [click](javascript:alert(1)) and [again](JavaScript:alert(2)) and [spaced]( javascript:alert(3) )
                and <javascript:alert(4)> and [ref][r].

                [r]: javascript:alert(5)
                """)
            // The links are made inert with a warning at each, and the page is still written.
            let report = site.build()
            XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
            XCTAssertEqual(report.diagnostics.filter { $0.message.contains("'javascript:' link") }.count, 5, "unsafe=\(unsafe)")
            for (path, data) in site.snapshot() {
                let text = String(decoding: data, as: UTF8.self).lowercased()
                XCTAssertFalse(text.contains("href=\"javascript:"), "unsafe=\(unsafe): javascript: href in \(path)")
                XCTAssertFalse(text.contains("href='javascript:"), "unsafe=\(unsafe): javascript: href in \(path)")
                XCTAssertFalse(text.contains("href=&quot;javascript:"), "unsafe=\(unsafe): javascript: href in \(path)")
                XCTAssertFalse(text.contains("href=\"\\u0022javascript:"), "unsafe=\(unsafe): \(path)")
            }
            XCTAssertTrue(try site.read("Output/articles/news/index.html").contains("click"))
        }
    }

    func testSymlinkInAssetsToOutsideFileIsRefused() throws {
        try assertLinkOutsideIsRefused(at: "Content/assets/passwd.txt")
    }

    func testSymlinkInAuthorsToOutsideFileIsRefused() throws {
        try assertLinkOutsideIsRefused(at: "Content/authors/evil.md")
    }

    func testSymlinkedFolderInAssetsToOutsideIsRefused() throws {
        try assertLinkOutsideIsRefused(at: "Content/assets/etc", destination: "/etc")
    }

    private func assertLinkOutsideIsRefused(at path: String, destination: String = "/etc/passwd",
                                            file: StaticString = #filePath, line: UInt = #line) throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded, file: file, line: line)
        let before = site.snapshot()
        let link = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: destination)

        let report = site.build()
        XCTAssertFalse(report.succeeded, "a link to \(destination) must fail the build", file: file, line: line)
        XCTAssertTrue(report.diagnostics.errors.contains { $0.location?.path == path || $0.message.contains(path) },
                      "no error names \(path):\n" + report.diagnostics.map(\.description).joined(separator: "\n"),
                      file: file, line: line)
        XCTAssertEqual(site.snapshot(), before, "Output/ changed", file: file, line: line)
        let secret = "root:x:0:0"
        for (name, data) in site.snapshot() {
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(secret), "/etc/passwd leaked into \(name)",
                           file: file, line: line)
        }
        // check() must refuse it too.
        XCTAssertFalse(site.check().succeeded, file: file, line: line)
    }

    // MARK: Denial of service

    static func aliasBomb(levels: Int = 9) -> String {
        let names = (0..<levels).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
        var lines = ["\(names[0]): &\(names[0]) [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]"]
        for index in 1..<levels {
            let previous = Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",")
            lines.append("\(names[index]): &\(names[index]) [\(previous)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func testAliasBombInDataFileEnds() throws {
        let site = try TestSite.minimal()
        try site.write("Content/data/bomb.yml", Self.aliasBomb())
        let report = try XCTUnwrap(OutputInspection.buildWithin(120, site), "the build did not finish within 120 seconds")
        XCTAssertFalse(report.succeeded)
        XCTAssertTrue(report.diagnostics.errors.contains { $0.location?.path == "Content/data/bomb.yml" && $0.message.contains("expands to more than") },
                      report.errorLines.joined(separator: "\n"))
    }

    func testAliasBombAsAuthorAliasesEnds() throws {
        let site = try TestSite.minimal()
        let names = (0..<9).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
        var items = ["&a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]"]
        for index in 1..<9 {
            items.append("&\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",") + "]")
        }
        let text = """
            ---
            name: Ada Lovelace
            aliases: [\(items.joined(separator: ", "))]
            career:
              - company: acme
                start: 2015
                end: 2021-03
                sources: [paper]
            ---
            Ada.
            """
        try site.write("Content/authors/ada.md", text)
        let report = try XCTUnwrap(OutputInspection.buildWithin(120, site), "the build did not finish within 120 seconds")
        XCTAssertFalse(report.succeeded, "lists are not valid aliases")
        XCTAssertTrue(report.diagnostics.errors.contains {
            $0.location?.path == "Content/authors/ada.md" && $0.location?.line == lineNumber(of: "aliases:", in: text)
        }, report.errorLines.joined(separator: "\n"))

        // The same bomb spelled as a block at the top of the front matter.
        let block = "---\n" + Self.aliasBomb().replacingOccurrences(of: "i: &i", with: "aliases: &i")
            + "name: Ada Lovelace\ncareer:\n  - company: acme\n    start: 2015\n---\nAda.\n"
        try site.write("Content/authors/ada.md", block)
        let second = try XCTUnwrap(OutputInspection.buildWithin(120, site), "the build did not finish within 120 seconds")
        XCTAssertFalse(second.succeeded)
        XCTAssertTrue(second.diagnostics.errors.contains { $0.location?.path == "Content/authors/ada.md" },
                      second.errorLines.joined(separator: "\n"))
    }

    func testDeeplyNestedBlockQuotesInMarkdownRender() throws {
        try assertRendersBottom(String(repeating: ">", count: 50_000) + " bottom\n")
    }

    func testDeeplyNestedListsInMarkdownRender() throws {
        try assertRendersBottom(String(repeating: "- ", count: 50_000) + "bottom\n")
    }

    /// cmark-gfm keeps deep nesting iterative: the article builds and its innermost text is shown.
    private func assertRendersBottom(_ body: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/deep.md", "---\ntitle: Deep\ndate: 2025-01-01\n---\n" + body)
        let report = try XCTUnwrap(OutputInspection.buildWithin(300, site), "the build did not finish within 300 seconds",
                                   file: file, line: line)
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"), file: file, line: line)
        XCTAssertTrue(try site.read("Output/articles/deep/index.html").contains("bottom"), file: file, line: line)
    }

    func testDeeplyNestedYAMLIsAnError() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        let text = "---\nname: Ada Lovelace\naliases: " + String(repeating: "[", count: 50_000)
            + "\ncareer:\n  - company: acme\n    start: 2015\n---\nAda.\n"
        try site.write("Content/authors/ada.md", text)
        let report = try XCTUnwrap(OutputInspection.buildWithin(120, site), "the build did not finish within 120 seconds")
        XCTAssertFalse(report.succeeded)
        XCTAssertError(report, at: "Content/authors/ada.md", line: 3, containing: "deep")
        XCTAssertEqual(site.snapshot(), before)

        // The same in a data file and in site.yml, and with mappings instead of lists.
        try site.write("Content/authors/ada.md", "---\nname: Ada Lovelace\ncareer:\n  - company: acme\n    start: 2015\n---\n")
        try site.write("Content/data/deep.yml", "x: " + String(repeating: "{a: ", count: 50_000) + "\n")
        let data = try XCTUnwrap(OutputInspection.buildWithin(120, site), "the build did not finish within 120 seconds")
        XCTAssertFalse(data.succeeded)
        XCTAssertError(data, at: "Content/data/deep.yml", line: 1, containing: "deep")
    }
}
