import Foundation
import RosterBuild
import RosterModel
import RosterSupport
import RosterTestSupport
import XCTest

/// Builds the real LLaMA report into a temporary folder and checks its facts and links.
final class ShippedReportTests: XCTestCase {
    func testShippedReportBuildsWithTheExpectedFacts() throws {
        let site = try TestSite.shippedReport()
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        XCTAssertTrue(report.diagnostics.isEmpty, report.diagnostics.map(\.description).joined(separator: "\n"))

        let json = try JSONSerialization.jsonObject(with: Data(try site.read("Output/data/roster.json").utf8)) as? [String: Any]
        let cohort = try XCTUnwrap((json?["cohorts"] as? [[String: Any]])?.first)
        let facts = try XCTUnwrap(cohort["facts"] as? [String: Any])
        XCTAssertEqual(facts["members"] as? Int, 14)
        XCTAssertEqual(facts["at_origin"] as? Int, 3)
        XCTAssertEqual(facts["returned"] as? Int, 0)
        XCTAssertEqual(facts["departed"] as? Int, 11)
        XCTAssertEqual(facts["founders"] as? Int, 3)
        let destinations = try XCTUnwrap(facts["destinations"] as? [[String: Any]])
        XCTAssertEqual(destinations.first?["company"] as? String, "mistral-ai")
        XCTAssertEqual(destinations.first?["count"] as? Int, 5)
        XCTAssertEqual(destinations.count, 7)
        XCTAssertEqual(destinations.dropFirst().map { $0["count"] as? Int }, Array(repeating: 1, count: 6))

        let home = try site.read("Output/index.html")
        XCTAssertTrue(home.contains("11 of 14 authors have left Meta"))
        // Names reach their pages (a generated view-model lookup once answered "name" for every name).
        XCTAssertTrue(try site.read("Output/authors/timothee-lacroix/index.html").contains("<h1>Timothée Lacroix</h1>"))
        XCTAssertTrue(try site.read("Output/companies/mistral-ai/index.html").contains("<h1>Mistral AI</h1>"))
        XCTAssertTrue(try site.read("Output/cohorts/llama-2023/index.html").contains(#"<a href="../../authors/hugo-touvron/">Hugo Touvron</a>"#))
    }

    func testShippedReportPassesCheckWithEveryLinkAndAnchorResolving() throws {
        let site = try TestSite.shippedReport()
        let report = site.check()
        XCTAssertTrue(report.diagnostics.isEmpty, report.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertGreaterThan(report.pageCount, 40)
    }

    func testEveryURLOfTheSpecIsWritten() throws {
        let site = try TestSite.shippedReport()
        XCTAssertTrue(site.build().succeeded)
        for path in ["index.html", "cohorts/index.html", "cohorts/llama-2023/index.html", "authors/index.html",
                     "authors/guillaume-lample/index.html", "companies/index.html", "companies/mistral-ai/index.html",
                     "articles/index.html", "articles/the-llama-exodus/index.html", "tags/index.html",
                     "sources/index.html", "methodology/index.html", "404.html", "sitemap.xml", "feed.xml",
                     "robots.txt", "data/roster.json", "data/careers.csv", "assets/style.css", ".roster-output"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path), path)
        }
    }

    func testParallelAndSequentialBuildsAreByteIdentical() throws {
        let site = try TestSite.shippedReport()
        let sequential = site.root.appendingPathComponent("sequential")
        let parallel = site.root.appendingPathComponent("parallel")
        XCTAssertTrue(Builder(options: BuildOptions(siteFolder: site.root, output: sequential, parallelism: .sequential)).build().succeeded)
        XCTAssertTrue(Builder(options: BuildOptions(siteFolder: site.root, output: parallel, parallelism: Parallelism(workers: 8))).build().succeeded)
        let a = site.snapshot(sequential), b = site.snapshot(parallel)
        XCTAssertGreaterThan(a.count, 40)
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
        for (path, bytes) in a { XCTAssertEqual(bytes, b[path], path) }
    }

    func testTwoBuildsAreByteIdentical() throws {
        let site = try TestSite.shippedReport()
        XCTAssertTrue(site.build().succeeded)
        let first = site.snapshot()
        XCTAssertTrue(site.build().succeeded)
        XCTAssertEqual(first, site.snapshot())
    }
}
