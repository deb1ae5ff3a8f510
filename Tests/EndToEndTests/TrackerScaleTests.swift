import Foundation
import RosterTestSupport
import XCTest

/// A tracker's pages: long lists paginate, large cohorts link to their careers a page at a time, and
/// a site of many cohorts leads with the overview.
final class TrackerScaleTests: XCTestCase {
    /// `people` members of one cohort at acme, half of whom left for globex, plus `cohorts` small cohorts.
    private func tracker(people: Int, cohorts: Int = 1, extra: String = "") throws -> TestSite {
        let site = try TestSite.theme()
        try site.write("Content/companies/acme.md", "---\nname: Acme\n---\n")
        try site.write("Content/companies/globex.md", "---\nname: Globex\n---\n")
        try site.write("Content/sources.yml", "")
        var members: [String] = []
        for index in 0..<people {
            let slug = String(format: "p%03d", index)
            members.append(slug)
            let inferred = "    confidence: inferred\n    note: a generated test stint\n"
            let left = index % 2 == 0 ? "    end: 2021\n  - company: globex\n    start: 2021\n" + inferred : ""
            try site.write("Content/authors/\(slug).md", "---\nname: Person \(slug)\ncareer:\n  - company: acme\n    start: 2015\n\(inferred)\(left)---\n")
        }
        var yaml = "title: Tracker\nbase_url: https://example.org/\nas_of: 2025-01-01\npaginate: 10\nsearch: false\n\(extra)cohorts:\n"
        yaml += "  - slug: big\n    name: Big\n    origin: acme\n    date: 2020-01-01\n    members: [\(members.joined(separator: ", "))]\n"
        for index in 1..<max(1, cohorts) {
            yaml += "  - slug: c\(index)\n    name: Cohort \(index)\n    origin: acme\n    date: 2020-01-01\n    members: [p000, p001]\n"
        }
        try site.write("Content/site.yml", yaml)
        return site
    }

    private func exists(_ site: TestSite, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path)
    }

    func testLongListsArePaginatedAndEveryPageIsLinked() throws {
        let site = try tracker(people: 25)
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        XCTAssertTrue(exists(site, "cohorts/big/page/3/index.html"))
        XCTAssertFalse(exists(site, "cohorts/big/page/4/index.html"))
        XCTAssertTrue(exists(site, "authors/page/3/index.html"))
        XCTAssertTrue(exists(site, "companies/acme/page/2/index.html"), "13 alumni and 12 at acme make two pages")
        let first = try site.read("Output/cohorts/big/index.html")
        XCTAssertTrue(first.contains("Members 1–10 of 25"), first)
        XCTAssertTrue(first.contains("chart-careers-big"), "the charts are on the first page")
        let third = try site.read("Output/cohorts/big/page/3/index.html")
        XCTAssertTrue(third.contains("Members 21–25 of 25"))
        XCTAssertFalse(third.contains("<svg"), "later pages carry the members, not the charts again")
        XCTAssertTrue(site.check().diagnostics.isEmpty, site.check().errorLines.joined(separator: "\n"))
    }

    func testALargeCohortDrawsSixtyCareersAndLinksToAllOfThem() throws {
        let site = try tracker(people: 130)
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("Output/cohorts/big/index.html")
        XCTAssertTrue(page.contains("Careers of members 1–60 of 130, in cohort order"), page)
        XCTAssertTrue(page.contains(#"href="careers/""#))
        XCTAssertTrue(exists(site, "cohorts/big/careers/page/3/index.html"))
        let last = try site.read("Output/cohorts/big/careers/page/3/index.html")
        XCTAssertTrue(last.contains("Careers of members 121–130 of 130"), last)
        XCTAssertTrue(site.check().diagnostics.isEmpty)
    }

    func testASiteOfManyCohortsLeadsWithTheOverview() throws {
        let site = try tracker(people: 6, cohorts: 9, extra: "featured: [big, c1]\n")
        XCTAssertTrue(site.build().succeeded)
        let home = try site.read("Output/index.html")
        XCTAssertTrue(home.contains("Where the 3 people who left are now"), home)
        XCTAssertTrue(home.contains("The largest flows"))
        XCTAssertTrue(home.contains("chart-retention"))
        XCTAssertFalse(home.contains("members have left"), "no single cohort's headline leads")
        let report = try tracker(people: 6, cohorts: 9, extra: "home: cohort\n")
        XCTAssertTrue(report.build().succeeded)
        XCTAssertTrue(try report.read("Output/index.html").contains("3 of 6 members have left Acme"))
    }

    func testMoreThanEightFeaturedCohortsIsAnError() throws {
        let site = try tracker(people: 4, cohorts: 9, extra: "featured: [big, c1, c2, c3, c4, c5, c6, c7, c8]\n")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertTrue(report.errorLines.joined().contains("at most 8 fit in one chart"), report.errorLines.joined(separator: "\n"))
        let unknown = try tracker(people: 4, extra: "featured: [bgi]\n")
        XCTAssertTrue(unknown.build().errorLines.joined().contains("'featured' names 'bgi', which is not a cohort (did you mean 'big'?)"))
    }
}
