import Foundation
import RosterBuild
import RosterModel
import RosterTestSupport
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Right-to-left text, combining marks, emoji, byte-order marks, CRLF and NUL in names, titles and files.
final class UnicodeContentTests: XCTestCase {

    static let arabic = "محمد بن موسى الخوارزمي"
    static let hebrew = "דוד בן־גוריון"
    /// Written decomposed (NFD): e + U+0301, n + U+0303.
    static let decomposed = "Jose\u{301} Nu\u{303}n\u{303}ez"
    /// Written composed (NFC).
    static let composed = "Zo\u{EB} \u{C5}ngstr\u{F6}m \u{C7}elik"
    static let emoji = "Dev \u{1F469}\u{1F3FD}\u{200D}\u{1F4BB} family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466} flags \u{1F1EB}\u{1F1F7}\u{1F1FA}\u{1F1E6} \u{1F3F3}\u{FE0F}\u{200D}\u{1F308}"
    static let joiners = "Ka\u{200D}ren Sh\u{200C}ir \u{200F}RTL\u{200E} \u{202E}gnp.exe\u{202C} end"

    func testUnicodeNamesTitlesAndBodiesAreKeptByteForByte() throws {
        let people: [(slug: String, name: String)] = [
            ("arabic", Self.arabic), ("hebrew", Self.hebrew), ("nfd", Self.decomposed),
            ("nfc", Self.composed), ("emoji", Self.emoji), ("joiners", Self.joiners),
        ]
        let site = try TestSite.minimal()
        try site.write("Content/site.yml", """
            title: \(HostileFixture.yaml("Rapport \(Self.composed) \(Self.arabic)"))
            base_url: https://example.org/test/
            as_of: 2025-05-27
            search: false
            cohorts:
              - slug: team
                name: \(HostileFixture.yaml("\(Self.hebrew) \(Self.emoji)"))
                origin: acme
                date: 2020-01-01
                members: [ada, bob, \(people.map(\.slug).joined(separator: ", "))]
            """)
        for person in people {
            try site.write("Content/authors/\(person.slug).md", """
                ---
                name: \(HostileFixture.yaml(person.name))
                career:
                  - company: acme
                    unit: \(HostileFixture.yaml(person.name))
                    start: 2016
                    end: 2022
                    sources: [paper]
                  - company: globex
                    role: \(HostileFixture.yaml(person.name))
                    start: 2022
                    sources: [paper]
                ---
                Biography of \(person.name): \(Self.decomposed) \(Self.arabic) \(Self.emoji).

                ## \(person.name)
                """)
        }
        try site.write("Content/companies/globex.md", "---\nname: \(HostileFixture.yaml("شركة \(Self.decomposed)"))\nheadquarters: \(HostileFixture.yaml(Self.hebrew))\n---\n\(Self.joiners)\n")
        let articleTitle = "\(Self.hebrew) — \(Self.decomposed) \(Self.emoji)"
        try site.write("Content/articles/news.md", """
            ---
            title: \(HostileFixture.yaml(articleTitle))
            date: 2025-05-01
            tags: ['Économie', 'Café Society', 'naïve', 'Re\u{301}sume\u{301}', 'Ça va', 'ذكاء']
            ---
            [Ada](author:ada) went to [Globex](company:globex). \(Self.decomposed) and \(Self.composed).

            \(Self.arabic) \(Self.hebrew) \(Self.emoji) \(Self.joiners)
            """)
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        let files = site.snapshot()
        let problems = OutputInspection.problems(files)
        XCTAssertTrue(problems.isEmpty, problems.prefix(30).joined(separator: "\n"))

        let index = try XCTUnwrap(files["authors/index.html"])
        let json = try OutputInspection.rosterJSON(files)
        let jsonAuthors = json["authors"] as? [[String: Any]] ?? []
        let rows = try StrictCSV.parse(String(decoding: try XCTUnwrap(files["data/careers.csv"]), as: UTF8.self))
        for person in people {
            let page = try XCTUnwrap(files["authors/\(person.slug)/index.html"], person.slug)
            XCTAssertTrue(page.containsBytes(person.name), "authors/\(person.slug): the name's bytes are not on the page")
            XCTAssertTrue(index.containsBytes(person.name), "authors/: \(person.slug)'s name's bytes are not in the index")
            XCTAssertTrue(OutputInspection.same(MiniHTML.firstElementText(String(decoding: page, as: UTF8.self), "h1"), person.name),
                          "authors/\(person.slug): <h1> is not the name byte for byte")
            let jsonName = jsonAuthors.first { $0["slug"] as? String == person.slug }?["name"] as? String
            XCTAssertTrue(OutputInspection.same(jsonName, person.name), "roster.json: \(person.slug)'s name differs: \(jsonName?.debugDescription ?? "nil")")
            let stints = rows.filter { $0.first == person.slug }
            XCTAssertEqual(stints.count, 2)
            XCTAssertTrue(OutputInspection.same(stints.first?[CSVColumns.careersIndex("unit")], person.name), "careers.csv: \(person.slug)'s unit differs")
            XCTAssertTrue(OutputInspection.same(stints.last?[CSVColumns.careersIndex("role")], person.name), "careers.csv: \(person.slug)'s role differs")
        }
        // NFD stays NFD, NFC stays NFC: neither is normalised into the other.
        let nfdPage = try XCTUnwrap(files["authors/nfd/index.html"])
        XCTAssertFalse(nfdPage.containsBytes(Self.decomposed.precomposedStringWithCanonicalMapping),
                       "the decomposed name was normalised to NFC")
        let nfcPage = try XCTUnwrap(files["authors/nfc/index.html"])
        XCTAssertFalse(nfcPage.containsBytes(Self.composed.decomposedStringWithCanonicalMapping),
                       "the composed name was decomposed")

        let article = try XCTUnwrap(files["articles/news/index.html"])
        XCTAssertTrue(article.containsBytes(articleTitle))
        XCTAssertTrue(article.containsBytes(Self.joiners), "the body lost its joiners or bidi controls")
        let feed = try FeedReader.read(try XCTUnwrap(files["feed.xml"]))
        XCTAssertNil(feed.error)
        XCTAssertTrue(OutputInspection.same(feed.entries.first?.fields["title"], articleTitle), "the feed title differs")

        // Tags: accents removed, other scripts kept; the article links to each tag page.
        let articleHTML = String(decoding: article, as: UTF8.self)
        let hrefs = MiniHTML.tokens(articleHTML).compactMap { token -> String? in
            if case .start(let tag) = token, tag.name == "a" { return tag.value("href")?.removingPercentEncoding }
            return nil
        }
        for slug in ["economie", "cafe-society", "naive", "resume", "ca-va", "ذكاء"] {
            XCTAssertNotNil(files["tags/\(slug)/index.html"], "no page tags/\(slug)/; tag pages: \(files.keys.filter { $0.hasPrefix("tags/") }.sorted())")
            XCTAssertTrue(hrefs.contains { $0.hasSuffix("tags/\(slug)/") || $0.hasSuffix("tags/\(slug)/index.html") },
                          "the article does not link to tags/\(slug)/: \(hrefs.filter { $0.contains("tags") })")
        }
    }

    func testByteOrderMarksAtTheStartOfFilesAreDropped() throws {
        let site = try TestSite.minimal()
        let bom = Data([0xEF, 0xBB, 0xBF])
        for path in ["Content/site.yml", "Content/sources.yml", "Content/authors/ada.md", "Content/articles/news.md",
                     "Content/companies/acme.md"] {
            let data = try Data(contentsOf: site.root.appendingPathComponent(path))
            try site.writeData(path, bom + data)
        }
        try site.writeData("Content/data/events.yml", bom + Data("- date: 2023\n  title: Founded\n".utf8))
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        let files = site.snapshot()
        for (path, data) in files where !path.hasPrefix("assets/") {
            XCTAssertFalse(data.containsBytes("\u{FEFF}"), "\(path) contains a byte-order mark")
        }
        let json = try OutputInspection.rosterJSON(files)
        XCTAssertTrue(OutputInspection.same((json["site"] as? [String: Any])?["title"] as? String, "Test report"))
        let ada = (json["authors"] as? [[String: Any]])?.first { $0["slug"] as? String == "ada" }
        XCTAssertTrue(OutputInspection.same(ada?["name"] as? String, "Ada Lovelace"))
        XCTAssertTrue(MiniHTML.textContent(String(decoding: try XCTUnwrap(files["index.html"]), as: UTF8.self)).contains("Founded"))

        // An error in a file with a BOM and CRLF line ends is still reported at its line.
        try site.writeData("Content/authors/bob.md", bom + Data("---\r\nname: Bob\r\ncareer:\r\n  - company: acmee\r\n    start: 2018\r\n---\r\nBob.\r\n".utf8))
        let failed = site.build()
        XCTAssertError(failed, at: "Content/authors/bob.md", line: 4, containing: "unknown company")
    }

    func testCRLFAndCRFilesBuildAndErrorsKeepTheirLines() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/news.md", """
            ---
            title: News
            date: 2025-05-01
            tags: [Departures]
            ---
            ## First heading

            [Ada](author:ada) went to [Globex](company:globex).

            - one
            - two
            """)
        let contentFiles = site.snapshot(site.root.appendingPathComponent("Content"))
        for (path, data) in contentFiles {
            let text = String(decoding: data, as: UTF8.self)
            let separator = path.contains("authors/") ? "\r" : "\r\n"  // authors: old Mac CR-only
            try site.write("Content/" + path, text.replacingOccurrences(of: "\n", with: separator))
        }
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        let files = site.snapshot()
        for (path, data) in files where !path.hasPrefix("assets/") {
            XCTAssertFalse(data.contains(0x0D), "\(path) contains a carriage return")
        }
        let article = try site.read("Output/articles/news/index.html")
        XCTAssertTrue(article.contains("id=\"first-heading\""), "the CRLF heading lost its id")
        XCTAssertTrue(article.contains("<li>two</li>"))
        let json = try OutputInspection.rosterJSON(files)
        let ada = (json["authors"] as? [[String: Any]])?.first { $0["slug"] as? String == "ada" }
        XCTAssertTrue(OutputInspection.same(ada?["name"] as? String, "Ada Lovelace"))
        let before = site.snapshot()

        // Errors in CRLF / CR files point at the right lines.
        try site.write("Content/authors/bob.md", "---\r\nname: Bob\r\ncareer:\r\n  - company: acme\r\n    start: 2018\r\n  - company: acmee\r\n    start: 2019\r\n---\r\nBob.\r\n")
        try site.write("Content/companies/globex.md", "---\rname: Globex\rfounded: yesterday\r---\rGlobex.\r")
        try site.write("Content/articles/news.md", "---\r\ntitle: News\r\ndate: 2025-05-01\r\n---\r\nLine five.\r\n\r\nLine seven.\r\n\r\nSee [nobody](author:nobody).\r\n")
        let failed = site.build()
        XCTAssertFalse(failed.succeeded)
        XCTAssertError(failed, at: "Content/authors/bob.md", line: 6, containing: "unknown company")
        XCTAssertError(failed, at: "Content/companies/globex.md", line: 3, containing: "date")
        XCTAssertError(failed, at: "Content/articles/news.md", line: 9, containing: "nobody")
        XCTAssertEqual(site.snapshot(), before, "Output/ changed after a failed build")

        // A YAML syntax error in a CRLF site.yml.
        try site.write("Content/authors/bob.md", "---\nname: Bob\ncareer:\n  - company: acme\n    start: 2018\n---\nBob.\n")
        try site.write("Content/companies/globex.md", "---\nname: Globex\n---\nGlobex.\n")
        try site.write("Content/articles/news.md", "---\ntitle: News\ndate: 2025-05-01\n---\nNews.\n")
        try site.write("Content/site.yml", "title: Test report\r\nbase_url: https://example.org/test/\r\nas_of: 2025-05-27\r\ncohorts:\r\n  - slug: team\r\n    name: [unclosed\r\n    origin: acme\r\n")
        let syntax = site.build()
        XCTAssertFalse(syntax.succeeded)
        XCTAssertTrue(syntax.diagnostics.errors.contains { $0.location?.path == "Content/site.yml" && ($0.location?.line ?? 0) >= 6 && ($0.location?.line ?? 0) <= 7 },
                      "the YAML error is not at line 6 or 7 of site.yml:\n" + syntax.errorLines.joined(separator: "\n"))
        XCTAssertEqual(site.snapshot(), before)
    }

    func testNULBytesAreErrorsNamingFileAndLine() throws {
        let site = try TestSite.minimal()
        // A binary asset with NUL bytes is fine: assets are copied verbatim.
        let binary = Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A, 0x00, 0xFF])
        try site.writeData("Content/assets/blob.bin", binary)
        XCTAssertTrue(site.build().succeeded)
        XCTAssertEqual(site.snapshot()["assets/blob.bin"], binary)
        let before = site.snapshot()

        try site.writeData("Content/articles/news.md", Data("---\ntitle: News\ndate: 2025-05-01\n---\nLine five.\nLine six \0 with a NUL.\n".utf8))
        try site.writeData("Content/site.yml", Data("title: Test\0 report\nbase_url: https://example.org/test/\n".utf8))
        try site.writeData("Content/authors/bob.md", Data("---\r\nname: Bob\r\ncareer:\r\n  - company: acme\0\r\n    start: 2018\r\n---\r\n".utf8))
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertError(report, at: "Content/articles/news.md", line: 6, containing: "U+0000")
        XCTAssertError(report, at: "Content/site.yml", line: 1, containing: "U+0000")
        XCTAssertError(report, at: "Content/authors/bob.md", line: 4, containing: "U+0000")
        XCTAssertEqual(site.snapshot(), before, "Output/ changed after a failed build")
        // check() agrees.
        XCTAssertFalse(site.check().succeeded)
    }
}
