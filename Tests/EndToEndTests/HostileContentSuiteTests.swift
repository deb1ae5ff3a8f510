import Foundation
import RosterBuild
import RosterModel
import RosterTestSupport
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// OWASP filter-evasion payloads in every YAML string and every kind of Markdown place, checked in
/// every output file with a small tag scanner, XML and JSON parsers and a strict CSV reader.
/// Unicode edge cases are in `UnicodeContentTests`, large and recursive inputs in `LargeInputTests`.
final class HostileContentSuiteTests: XCTestCase {

    // MARK: XSS payloads in every field

    /// Script URLs as Markdown link, image, reference and autolink targets, in article, author,
    /// company and page bodies. Roster may warn; it must not write a live script URL.
    func testHostileLinkAndImageTargetsInMarkdownAreInert() throws {
        let site = try TestSite.minimal()
        var body = "[Ada](author:ada) went to [Globex](company:globex).\n\n"
        for (index, url) in HostilePayloads.urls.enumerated() {
            body += "Link \(index): [click](\(url)) and ![img](\(url)) and [ref][r\(index)] and <\(url)> and [angle](<\(url)>).\n\n"
        }
        for (index, url) in HostilePayloads.urls.enumerated() { body += "[r\(index)]: \(url)\n" }
        try site.write("Content/articles/news.md", "---\ntitle: News\ndate: 2025-05-01\ntags: [Departures]\n---\n" + body)
        try site.write("Content/authors/bob.md", "---\nname: Bob\ncareer:\n  - company: acme\n    start: 2018-06-01\n    sources: [paper]\n---\n" + body)
        try site.write("Content/companies/globex.md", "---\nname: Globex\n---\n" + body)
        try site.write("Content/pages/about.md", "---\ntitle: About\n---\n" + body)
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        let problems = OutputInspection.problems(site.snapshot())
        XCTAssertTrue(problems.isEmpty, problems.prefix(30).joined(separator: "\n"))
        XCTAssertTrue(try site.read("Output/articles/news/index.html").contains("Link \(HostilePayloads.urls.count - 1)"))
    }

    /// A URL field in YAML with a script scheme is an error at its own line, and nothing is written.
    func testScriptURLsInYAMLFieldsAreErrorsAtTheirLines() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        try site.write("Content/authors/ada.md", """
            ---
            name: Ada Lovelace
            links:
              - label: Home
                url: 'javascript:alert(1)'
              - label: Other
                url: ' JaVaScRiPt:alert(2)'
              - label: Data
                url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='
            career:
              - company: acme
                start: 2015
                sources: [paper]
            ---
            Ada.
            """)
        try site.write("Content/companies/globex.md", "---\nname: Globex\nwebsite: 'vbscript:msgbox(1)'\n---\nGlobex.\n")
        try site.write("Content/sources.yml", """
            paper:
              title: The paper
              publisher: arXiv
              date: 2020-01
              url: "java\\tscript:alert(1)"
            """)
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertError(report, at: "Content/authors/ada.md", line: 5, containing: "url")
        XCTAssertError(report, at: "Content/authors/ada.md", line: 7, containing: "url")
        XCTAssertError(report, at: "Content/authors/ada.md", line: 9, containing: "url")
        XCTAssertError(report, at: "Content/companies/globex.md", line: 3, containing: "website")
        XCTAssertError(report, at: "Content/sources.yml", line: 5, containing: "url")
        XCTAssertEqual(site.snapshot(), before, "Output/ changed after a failed build")
    }

    /// http(s) and mailto URLs that carry markup are allowed, but stay inside their attribute.
    func testHostileButAllowedURLsStayInsideTheirAttributes() throws {
        // http(s) and mailto URLs without white space are allowed, however they try to break out of
        // their attribute: the build succeeds and each lands as one whole attribute value.
        let urls = [
            #"https://x.example/"><script>alert(1)</script>"#,
            #"https://x.example/?q='-alert(1)-'&r=<img/src=x/onerror=alert(1)>"#,
            #"https://x.example/#"onmouseover="alert(1)"#,
            #"mailto:a@b.example"/onmouseover="alert(1)"#,
            #"mailto:a@b.example?subject=<svg/onload=alert(1)>"#,
        ]
        let site = try siteLinking(urls)
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        let files = site.snapshot()
        let problems = OutputInspection.problems(files)
        XCTAssertTrue(problems.isEmpty, problems.prefix(30).joined(separator: "\n"))
        // Each URL is one whole href, exactly as written.
        let author = String(decoding: try XCTUnwrap(files["authors/ada/index.html"]), as: UTF8.self)
        let hrefs = MiniHTML.tokens(author).compactMap { token -> String? in
            if case .start(let tag) = token, tag.name == "a" { return tag.value("href") }
            return nil
        }
        for url in urls {
            XCTAssertTrue(hrefs.contains { OutputInspection.same($0, url) }, "no href equals \(url.debugDescription) on the author page")
        }
        let json = try OutputInspection.rosterJSON(files)
        let ada = try XCTUnwrap((json["authors"] as? [[String: Any]])?.first { $0["slug"] as? String == "ada" })
        let jsonURLs = (ada["links"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
        XCTAssertEqual(jsonURLs.map { Array($0.utf8) }, urls.map { Array($0.utf8) })
    }

    /// A URL with white space in it is refused, at the line of each field that holds one.
    func testURLsWithWhiteSpaceAreErrorsAtTheirLines() throws {
        let urls = [#"https://x.example/?r=<img src=x onerror=alert(1)>"#, #"mailto:a@b.example" onmouseover="alert(1)"#]
        let report = try siteLinking(urls).build()
        XCTAssertFalse(report.succeeded)
        let places = report.diagnostics.errors.map { "\($0.location?.path ?? ""):\($0.location?.line ?? 0)" }
        XCTAssertEqual(places, ["Content/authors/ada.md:5", "Content/authors/ada.md:7", "Content/companies/globex.md:3",
                                "Content/sources.yml:5"], report.errorLines.joined(separator: "\n"))
        XCTAssertTrue(report.diagnostics.errors.allSatisfy { $0.message.contains("must be an http, https or mailto URL") })
    }

    /// Ada's links, Globex's website and the paper's url are the given URLs.
    private func siteLinking(_ urls: [String]) throws -> TestSite {
        let site = try TestSite.minimal()
        var links = ""
        for (index, url) in urls.enumerated() {
            links += "  - label: Link \(index)\n    url: \(HostileFixture.yaml(url))\n"
        }
        try site.write("Content/authors/ada.md", "---\nname: Ada Lovelace\nlinks:\n" + links + """
            career:
              - company: acme
                start: 2015
                end: 2021-03
                sources: [paper]
              - company: globex
                start: 2021-03
                sources: [paper]
            ---
            Ada.
            """)
        try site.write("Content/companies/globex.md", "---\nname: Globex\nwebsite: \(HostileFixture.yaml(urls[0]))\n---\nGlobex.\n")
        try site.write("Content/sources.yml", """
            paper:
              title: The paper
              publisher: arXiv
              date: 2020-01
              url: \(HostileFixture.yaml(urls[1]))
            """)
        return site
    }

    /// Control characters YAML can spell (double-quoted escapes) reach the CSV, the feed and the
    /// JSON: a field with a CR or CRLF is quoted in the CSV, and the feed stays well formed.
    func testCarriageReturnsAndTabsFromYAMLEscapesKeepExportsParseable() throws {
        // No comma or quote in the unit: only its CRLF makes it need quoting.
        let unit = "Research\r\nLab"
        let role = "Lead, \"R\rD\"\tII"
        let title = "Line one\r\nline two\ttabbed"
        let site = try TestSite.minimal()
        try site.write("Content/authors/bob.md", """
            ---
            name: Bob
            career:
              - company: acme
                start: 2018-06-01
                unit: \(HostileFixture.yaml(unit))
                role: \(HostileFixture.yaml(role))
                sources: [paper]
            ---
            Bob stayed.
            """)
        try site.write("Content/articles/news.md", """
            ---
            title: \(HostileFixture.yaml(title))
            date: 2025-05-01
            ---
            [Ada](author:ada) went to [Globex](company:globex).
            """)
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        let files = site.snapshot()
        let csvText = String(decoding: try XCTUnwrap(files["data/careers.csv"]), as: UTF8.self)
        do {
            let rows = try StrictCSV.parse(csvText)
            let bob = rows.first { $0.first == "bob" }
            XCTAssertEqual(bob.map { Array($0[CSVColumns.careersIndex("unit")].utf8) }, Array(unit.utf8), "unit does not round-trip through the CSV")
            XCTAssertEqual(bob.map { Array($0[CSVColumns.careersIndex("role")].utf8) }, Array(role.utf8), "role does not round-trip through the CSV")
        } catch {
            XCTFail("data/careers.csv is not RFC 4180 (\(error)):\n\(csvText.debugDescription)")
        }
        let feed = try FeedReader.read(try XCTUnwrap(files["feed.xml"]))
        XCTAssertNil(feed.error, "feed.xml does not parse: \(String(describing: feed.error))")
        // XML parsers turn a raw CR into LF, so an exact title needs the CR written as &#13;.
        XCTAssertEqual(feed.entries.first.map { Array(($0.fields["title"] ?? "").utf8) }, Array(title.utf8),
                       "the feed entry title differs from the article title: \(feed.entries.first?.fields["title"]?.debugDescription ?? "nil")")
        let json = try OutputInspection.rosterJSON(files)
        let article = try XCTUnwrap((json["articles"] as? [[String: Any]])?.first)
        XCTAssertEqual((article["title"] as? String).map { Array($0.utf8) }, Array(title.utf8))
    }

    /// The scanner itself: every payload that is markup, a quote or a script URL is caught when
    /// written raw into text, an attribute, a single-quoted attribute and a <title>; the same page
    /// escaped is clean. (So the checks above can fail.)
    func testTheTagScannerCatchesRawPayloadsAndPassesEscapedOnes() {
        func page(_ p: String) -> String {
            "<!DOCTYPE html><html><head><title>\(p)</title></head><body><p>\(p)</p><a href=\"\(p)\" title='\(p)'>x</a></body></html>"
        }
        func escape(_ text: String) -> String {
            var out = ""
            for character in text {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.append(character)
                }
            }
            return out
        }
        var caught = 0
        for payload in HostilePayloads.xss {
            // (A raw `<![CDATA[<script>` is a bogus comment up to its first `>` in HTML: inert.)
            let dangerous = (payload.contains("<") || payload.contains("\"") || payload.contains("'")
                || payload.lowercased().hasPrefix("javascript:")) && !payload.hasPrefix("<![CDATA[")
            let raw = MiniHTML.violations(in: page(payload))
            if dangerous {
                XCTAssertFalse(raw.isEmpty, "the scanner misses the raw payload \(payload.debugDescription)")
                caught += raw.isEmpty ? 0 : 1
            }
            let escapedPage = page(escape(payload))
            let escaped = MiniHTML.violations(in: escapedPage)
            if escape(payload).lowercased().hasPrefix("javascript:") {
                XCTAssertEqual(escaped.count, 1, "only the href is a script URL: \(escaped)")
            } else {
                XCTAssertEqual(escaped, [], "the escaped payload \(payload.debugDescription) is flagged")
            }
            XCTAssertEqual(MiniHTML.firstElementText(escapedPage, "p"), payload, "text does not decode back")
            XCTAssertEqual(MiniHTML.firstElementText(escapedPage, "title"), payload, "<title> does not decode back")
        }
        XCTAssertGreaterThanOrEqual(caught, 40)
        // Entity and whitespace tricks in URLs, and the bogus-comment rule.
        for html in [#"<a href="&#106;avascript:alert(1)">"#, #"<a href="&#x6A;avascript&colon;alert(1)">"#,
                     #"<a href="jav&#x09;ascript:alert(1)">"#, "<a href=\" \u{1}javascript:alert(1)\">",
                     #"<img src=JaVaScRiPt:alert(1)>"#, #"<svg><a xlink:href="data:text/html,x">"#,
                     #"<![CDATA[><img src=x onerror=alert(1)>]]>"#, #"<meta http-equiv=" Refresh " content="0">"#] {
            XCTAssertFalse(MiniHTML.violations(in: html).isEmpty, "the scanner misses \(html)")
        }
    }
}
