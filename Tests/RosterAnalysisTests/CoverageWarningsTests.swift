import RosterAnalysis
import RosterModel
import XCTest

final class CoverageWarningsTests: XCTestCase {
    private func warnings(_ site: Site, links: [(route: Route, links: [InternalLink])] = []) -> [String] {
        CoverageWarnings.check(site, facts: SiteFacts.analyse(site, links: links, parallelism: .sequential)).map(\.message)
    }

    func testASourceCitedByNothingIsAWarningNamingIt() {
        var site = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2020")])])
        site.sources = [Source(id: "used", title: "Used"), Source(id: "spare", title: "Spare")]
        site.authors[0].career[0].sources = ["used"]
        let found = warnings(site)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].contains("source 'spare' is cited by nothing"), found[0])
    }

    func testASourceCitedOnlyByALinkInABodyCounts() {
        var site = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2020")])])
        site.sources = [Source(id: "linked", title: "Linked")]
        XCTAssertEqual(warnings(site).count, 1)
        let links: [(route: Route, links: [InternalLink])] = [(.page("about"), [InternalLink(kind: .source, target: "linked")])]
        XCTAssertEqual(warnings(site, links: links), [])
    }

    func testAPersonInNoCohortIsAWarningNamingTheFix() {
        var site = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2020")])])
        site.authors.append(Fixture.author("bob", [Fixture.stint("meta", "2021")]))
        let found = warnings(site)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].contains("Bob is in no cohort"), found[0])
        XCTAssertTrue(found[0].contains("add 'bob' to a cohort's members"), found[0])
    }

    func testThousandsOfPeopleInNoCohortAreSummarisedInOneLine() {
        var site = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2020")])])
        for index in 0..<2_500 { site.authors.append(Fixture.author("p\(index)", [Fixture.stint("meta", "2021")])) }
        let found = warnings(site)
        XCTAssertEqual(found.count, CoverageWarnings.listed + 1)
        XCTAssertEqual(found.last, "… and 2,495 more people are in no cohort (the first 5 are listed above)")
    }

    func testASiteWithoutCohortsDoesNotWarnAboutMembership() {
        var site = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2020")])])
        site.cohorts = []
        XCTAssertEqual(warnings(site), [])
    }
}
