import Foundation
import RosterBuild
import RosterModel
import RosterTestSupport
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Very large inputs (`make test-stress`): a 10 MB article and 5,000 authors each build, in bounded
/// time, to a whole site.
final class LargeInputStressTests: XCTestCase {
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
            search: false
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
        // The members are listed 50 to a page (`paginate`): the last one on page 100.
        let cohort = try site.read("Output/cohorts/everyone/page/100/index.html")
        XCTAssertTrue(cohort.contains("Member 5000"))
        XCTAssertTrue(cohort.contains("Members 4,951–5,000 of 5,000"), "numbers are grouped as the language writes them")
    }
}
