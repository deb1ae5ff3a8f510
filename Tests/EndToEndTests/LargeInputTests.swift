import Foundation
import RosterBuild
import RosterModel
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A 10 MB article, 5,000 authors, symlink loops and YAML alias bombs: each ends, quickly, with a
/// site or a clear error.
final class LargeInputTests: XCTestCase {
    func testTenMegabyteArticleBuilds() throws {
        let site = try TestSite.minimal()
        var body = ""
        body.reserveCapacity(11 << 20)
        var paragraph = 0
        while body.utf8.count < 10 << 20 {
            paragraph += 1
            body += "Paragraph \(paragraph): the quick brown fox jumps over the lazy dog, *again* and **again**, `code` & <b>tags</b>.\n\n"
            if paragraph % 10_000 == 0 { body += "## Part \(paragraph / 10_000)\n\nSee [Ada](author:ada).\n\n" }
        }
        body += "The last paragraph.\n"
        try site.write("Content/articles/huge.md", "---\ntitle: Huge\ndate: 2025-05-02\n---\n" + body)
        let started = Date()
        let report = try XCTUnwrap(OutputInspection.buildWithin(120, site), "a 10 MB article did not build within 120 s")
        let seconds = Date().timeIntervalSince(started)
        print("HostileContentSuite: a \(body.utf8.count / 1024 / 1024) MB article (\(paragraph) paragraphs) built in \(String(format: "%.1f", seconds)) s")
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        let page = site.output.appendingPathComponent("articles/huge/index.html")
        let size = (try? FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int) ?? 0
        XCTAssertGreaterThan(size, 10 << 20, "the article page is missing or too small")
        let data = try Data(contentsOf: page)
        XCTAssertTrue(data.containsBytes("Paragraph \(paragraph):"))
        XCTAssertTrue(data.containsBytes("The last paragraph."))
        XCTAssertFalse(data.containsBytes("<b>tags</b>"), "raw HTML in the body was not dropped")
        // The article is in the feed; Foundation's XMLParser (libxml2) refuses any text node over
        // 10 MB, which a full 10 MB body in one <content> element makes.
        let feed = try FeedReader.read(try Data(contentsOf: site.output.appendingPathComponent("feed.xml")))
        XCTAssertNil(feed.error, "feed.xml does not parse with XMLParser: \(String(describing: feed.error)) "
                     + "(libxml2 rejects a text node over 10 MB; the article's whole body is one <content>)")
    }

    func testFiveThousandAuthorsBuild() throws {
        let site = try TestSite.minimal()
        try site.remove("Content/authors/ada.md")
        try site.remove("Content/authors/bob.md")
        try site.remove("Content/companies/globex.md")
        try site.remove("Content/articles/news.md")
        let count = 5_000
        let slugs = (1...count).map { "m\($0)" }
        try site.write("Content/site.yml", """
            title: Five thousand
            base_url: https://example.org/test/
            as_of: 2025-05-27
            cohorts:
              - slug: everyone
                name: Everyone
                origin: acme
                date: 2020-01-01
                members: [\(slugs.joined(separator: ", "))]
            """)
        for (index, slug) in slugs.enumerated() {
            let end = index % 3 == 0 ? "\n    end: \(2016 + index % 9)-\(String(format: "%02d", 1 + index % 12))" : ""
            try site.write("Content/authors/\(slug).md", "---\nname: Member \(index + 1)\ncareer:\n  - company: acme\n    start: \(2000 + index % 15)\(end)\n    sources: [paper]\n---\nMember \(index + 1).\n")
        }
        let started = Date()
        let report = try XCTUnwrap(OutputInspection.buildWithin(120, site), "a 5,000-author site did not build within 120 s")
        let seconds = Date().timeIntervalSince(started)
        print("HostileContentSuite: a \(count)-author site built in \(String(format: "%.1f", seconds)) s; phases: "
              + report.phases.map { "\($0.name) \(String(format: "%.1f", $0.seconds))" }.joined(separator: ", "))
        XCTAssertTrue(report.succeeded, report.errorLines.prefix(20).joined(separator: "\n"))
        XCTAssertLessThan(seconds, 120)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("authors/m5000/index.html").path))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("data/roster.json"))) as? [String: Any]
        let facts = ((json?["cohorts"] as? [[String: Any]])?.first?["facts"] as? [String: Any])
        XCTAssertEqual(facts?["members"] as? Int, count)
        XCTAssertEqual(facts?["departed"] as? Int, (0..<count).filter { $0 % 3 == 0 }.count)
        let cohort = try site.read("Output/cohorts/everyone/index.html")
        XCTAssertTrue(cohort.contains("Member 5000"))
    }

    // MARK: Symlink loops

    func testSymlinkLoopsInAssetsEndAndCopyNothingTwice() throws {
        let site = try TestSite.minimal()
        try site.write("Content/assets/top.txt", "marker-top\n")
        try site.write("Content/assets/a/inner.txt", "marker-inner\n")
        try site.write("Content/assets/a/deeper/leaf.txt", "marker-leaf\n")
        let assets = site.root.appendingPathComponent("Content/assets")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("a/b").path, withDestinationPath: "../a")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("a/deeper/self").path, withDestinationPath: ".")

        let started = Date()
        let report = try XCTUnwrap(OutputInspection.buildWithin(60, site), "a build with symlink loops did not end within 60 s")
        print("HostileContentSuite: the symlink-loop build ended in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, succeeded: \(report.succeeded)")
        guard report.succeeded else {
            XCTAssertTrue(report.diagnostics.errors.contains { ($0.location?.path ?? $0.message).contains("Content/assets") },
                          "the refusal does not name the link:\n" + report.errorLines.joined(separator: "\n"))
            return
        }
        let files = site.snapshot()
        let assetPaths = files.keys.filter { $0.hasPrefix("assets/") }.sorted()
        print("HostileContentSuite: assets written: \(assetPaths)")
        for marker in ["marker-top", "marker-inner", "marker-leaf"] {
            let holders = files.filter { $0.value.containsBytes(marker) }.keys.sorted()
            XCTAssertEqual(holders.count, 1, "\(marker) was copied \(holders.count) times: \(holders)")
        }
        // No source file of the site (reachable through `loop` → Content/) is written twice.
        let sources = site.snapshot(site.root.appendingPathComponent("Content"))
        for (path, data) in sources where data.count > 20 {
            let copies = files.filter { $0.value == data }.keys.sorted()
            XCTAssertLessThanOrEqual(copies.count, 1, "Content/\(path) was written \(copies.count) times: \(copies)")
        }
        for path in assetPaths {
            let parts = path.split(separator: "/")
            XCTAssertEqual(Set(parts).count, parts.count, "\(path) repeats a folder: a loop was followed")
        }
        // A second build (Output/ now exists) is the same.
        let again = try XCTUnwrap(OutputInspection.buildWithin(60, site))
        XCTAssertTrue(again.succeeded)
        XCTAssertEqual(site.snapshot(), files, "a second build of the same input differs")
    }

    /// A link to the site folder itself reaches Output/ too: the build must not copy its own
    /// previous output into the new one (which would grow on every build).
    func testSymlinkToTheSiteFolderDoesNotCopyOutputIntoItself() throws {
        let site = try TestSite.minimal()
        try site.write("Content/assets/app.css", "body { color: black; }\n")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/assets/root").path,
                                                   withDestinationPath: "../..")
        var sizes: [Int] = []
        for _ in 0..<3 {
            let report = try XCTUnwrap(OutputInspection.buildWithin(60, site), "a build with a link to the site folder did not end within 60 s")
            guard report.succeeded else {
                XCTAssertTrue(report.diagnostics.errors.contains { ($0.location?.path ?? $0.message).contains("Content/assets") },
                              report.errorLines.joined(separator: "\n"))
                return
            }
            let files = site.snapshot()
            sizes.append(files.count)
            let nested = files.keys.filter { $0.contains("/Output/") || ($0.hasPrefix("assets/") && $0.contains(".roster")) }.sorted()
            XCTAssertTrue(nested.isEmpty, "the build copied an output folder into itself: \(nested.prefix(10))")
        }
        print("HostileContentSuite: files per build with a link to the site folder: \(sizes)")
        XCTAssertEqual(Set(sizes).count, 1, "the output grows from build to build: \(sizes)")
    }

    // MARK: YAML alias bombs

    /// `a: &a [x × 9]`, `b: &b [*a × 9]` … `i`: 9⁹ items once expanded.
    static func bombLines(item: String = "x", levels: Int = 9) -> [String] {
        let names = (0..<levels).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
        var lines = ["\(names[0]): &\(names[0]) [" + Array(repeating: item, count: 9).joined(separator: ",") + "]"]
        for index in 1..<levels {
            lines.append("\(names[index]): &\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",") + "]")
        }
        return lines
    }

    /// The same as one flow list: `[&a [...], &b [*a, ...], ...]`.
    static func inlineBomb(item: String = "x", levels: Int = 9) -> String {
        let names = (0..<levels).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
        var items = ["&a [" + Array(repeating: item, count: 9).joined(separator: ",") + "]"]
        for index in 1..<levels {
            items.append("&\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",") + "]")
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    func testAliasBombAsCohortMembersEnds() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        let header = "title: Test report\nbase_url: https://example.org/test/\nas_of: 2025-05-27\n"
        let cohort = "cohorts:\n  - slug: team\n    name: The team\n    origin: acme\n    date: 2020-01-01\n"
        let variants: [(String, String, Int)] = [
            ("inline", header + cohort + "    members: \(Self.inlineBomb(item: "ada"))\n", 9),
            ("block", Self.bombLines(item: "ada").joined(separator: "\n") + "\n" + header + cohort + "    members: *i\n", 18),
            ("mapping", header + cohort + "    members:\n" + (0..<9).map { "      - " + ($0 == 0 ? "&m0 {slug: ada, x: [ada,ada,ada,ada,ada,ada,ada,ada,ada]}" : "&m\($0) {a: *m\($0 - 1), b: *m\($0 - 1), c: *m\($0 - 1), d: *m\($0 - 1), e: *m\($0 - 1), f: *m\($0 - 1), g: *m\($0 - 1), h: *m\($0 - 1), i: *m\($0 - 1)}") }.joined(separator: "\n") + "\n", 9),
        ]
        for (name, text, membersLine) in variants {
            try site.write("Content/site.yml", text)
            let started = Date()
            let report = try XCTUnwrap(OutputInspection.buildWithin(60, site), "\(name): the build did not end within 60 s")
            print("HostileContentSuite: alias bomb in members (\(name)) ended in \(String(format: "%.2f", Date().timeIntervalSince(started))) s with \(report.diagnostics.errors.count) errors")
            XCTAssertFalse(report.succeeded, "\(name): an alias bomb as members must fail")
            XCTAssertTrue(report.diagnostics.errors.contains { $0.location?.path == "Content/site.yml" },
                          "\(name): no error in site.yml:\n" + report.errorLines.prefix(10).joined(separator: "\n"))
            XCTAssertTrue(report.diagnostics.errors.contains {
                $0.location?.path == "Content/site.yml" && (membersLine...(membersLine + 9)).contains($0.location?.line ?? 0)
            } || name == "block",
                          "\(name): no error at the members line \(membersLine):\n" + report.errorLines.prefix(10).joined(separator: "\n"))
            XCTAssertLessThan(report.diagnostics.count, 1_000, "\(name): the bomb was expanded into \(report.diagnostics.count) diagnostics")
            XCTAssertEqual(site.snapshot(), before, "\(name): Output/ changed")
        }
    }

    func testAliasBombAsCareerEnds() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        let stint = "{company: acme, start: 2015}"
        let variants: [(String, String)] = [
            ("inline", "---\nname: Ada Lovelace\ncareer: \(Self.inlineBomb(item: stint))\n---\nAda.\n"),
            ("block", "---\n" + Self.bombLines(item: stint).joined(separator: "\n") + "\nname: Ada Lovelace\ncareer: *i\n---\nAda.\n"),
            ("in a stint", "---\nname: Ada Lovelace\ncareer:\n  - company: acme\n    start: 2015\n    sources: \(Self.inlineBomb(item: "paper"))\n---\nAda.\n"),
            ("as a unit", "---\nname: Ada Lovelace\ncareer:\n  - company: acme\n    start: 2015\n    unit: \(Self.inlineBomb())\n---\nAda.\n"),
        ]
        for (name, text) in variants {
            try site.write("Content/authors/ada.md", text)
            let started = Date()
            let report = try XCTUnwrap(OutputInspection.buildWithin(60, site), "\(name): the build did not end within 60 s")
            print("HostileContentSuite: alias bomb in a career (\(name)) ended in \(String(format: "%.2f", Date().timeIntervalSince(started))) s with \(report.diagnostics.errors.count) errors")
            XCTAssertFalse(report.succeeded, "\(name): an alias bomb in a career must fail")
            XCTAssertTrue(report.diagnostics.errors.contains { $0.location?.path == "Content/authors/ada.md" },
                          "\(name): no error in ada.md:\n" + report.errorLines.prefix(10).joined(separator: "\n"))
            XCTAssertLessThan(report.diagnostics.count, 1_000, "\(name): the bomb was expanded into \(report.diagnostics.count) diagnostics")
            XCTAssertEqual(site.snapshot(), before, "\(name): Output/ changed")
        }
    }

    /// Linear amplification: a small front matter whose career is a thousand aliases of one stint
    /// with a 20 kB unit. Roster must refuse it or keep the exports small, and end promptly.
    func testAliasAmplifiedCareerIsRefusedOrBounded() throws {
        let site = try TestSite.minimal()
        let big = String(repeating: "U", count: 20_000)
        let refs = Array(repeating: "*s", count: 1_000).joined(separator: ", ")
        let text = "---\nname: Ada Lovelace\nnote: &s {company: acme, start: 2015, unit: \(big)}\ncareer: [\(refs)]\n---\nAda.\n"
        // `note` is an unknown key; without it the anchor lives in the first career item instead.
        let variants = [text, "---\nname: Ada Lovelace\ncareer: [&s {company: acme, start: 2015, unit: \(big)}, \(refs)]\n---\nAda.\n"]
        for (index, text) in variants.enumerated() {
            try site.write("Content/authors/ada.md", text)
            let started = Date()
            let report = try XCTUnwrap(OutputInspection.buildWithin(60, site), "variant \(index): the build did not end within 60 s")
            print("HostileContentSuite: amplified career variant \(index) (\(text.utf8.count / 1024) kB) ended in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, succeeded: \(report.succeeded)")
            if report.succeeded {
                let csv = (try? FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("data/careers.csv").path)[.size] as? Int) ?? 0
                let page = (try? FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("authors/ada/index.html").path)[.size] as? Int) ?? 0
                XCTAssertLessThan(csv, 10_000_000, "variant \(index): a \(text.utf8.count / 1024) kB file made a \(csv / 1_000_000) MB careers.csv")
                XCTAssertLessThan(page, 10_000_000, "variant \(index): a \(text.utf8.count / 1024) kB file made a \(page / 1_000_000) MB author page")
            } else {
                XCTAssertTrue(report.diagnostics.errors.contains { $0.location?.path == "Content/authors/ada.md" },
                              report.errorLines.prefix(10).joined(separator: "\n"))
            }
        }
    }
}
