import RosterModel
import XCTest
@testable import RosterAnalysis

final class CohortAnalyzerTests: XCTestCase {
    func testCohortFactsCountGroupAndAverage() throws {
        let authors = [
            Fixture.author("stayer", [Fixture.stint("meta", "2020")]),
            Fixture.author("boomerang", [Fixture.stint("meta", "2015", "2019"), Fixture.stint("google", "2019", "2021"),
                                         Fixture.stint("meta", "2021-06")]),
            Fixture.author("m1", [Fixture.stint("meta", "2018", "2023-06"), Fixture.stint("mistral", "2023-06")]),
            Fixture.author("m2", [Fixture.stint("meta", "2015", "2023"), Fixture.stint("mistral", "2023-04", founder: true)]),
            Fixture.author("a1", [Fixture.stint("meta", "unknown", "unknown"), Fixture.stint("anthropic", "unknown")]),
            Fixture.author("lost", [Fixture.stint("meta", "2019", "2024-08")]),
        ]
        let site = Fixture.site(authors)
        let facts = CohortAnalyzer.facts(for: try XCTUnwrap(site.cohorts.first), in: site)
        XCTAssertEqual(facts.memberCount, 6)
        XCTAssertEqual(facts.atOriginCount, 2)
        XCTAssertEqual(facts.returnedCount, 1)
        XCTAssertEqual(facts.departedCount, 4)
        XCTAssertEqual(facts.founders, ["m2"])
        XCTAssertEqual(facts.destinations.map(\.company), ["mistral", "anthropic", nil])
        XCTAssertEqual(facts.destinations.first?.authors, ["m1", "m2"])
        XCTAssertEqual(facts.departuresByYear.map { [$0.year, $0.count] }, [[2023, 2], [2024, 1]])
        XCTAssertEqual(facts.tenureKnownCount, 3)
        let tenures = facts.members.filter { ["m1", "m2", "lost"].contains($0.author) }.compactMap(\.tenureYears).sorted()
        XCTAssertEqual(facts.tenureMeanYears ?? 0, tenures.reduce(0, +) / 3, accuracy: 1e-9)
        XCTAssertEqual(facts.tenureMedianYears ?? 0, tenures[1], accuracy: 1e-9)
    }

    /// Members at the origin over time: overlapping stints count a member once, a return counts again,
    /// an unknown end counts until as_of, and each change keeps the date as written (a month stays a month).
    func testRetentionCountsEachMemberOnceAndKeepsTheDatesAsWritten() throws {
        let authors = [
            Fixture.author("overlap", [Fixture.stint("meta", "2016", "2023-06"), Fixture.stint("meta", "2020-01", "2023-04")]),
            Fixture.author("boomerang", [Fixture.stint("meta", "2015", "2023-05"), Fixture.stint("meta", "2024-03")]),
            Fixture.author("unknown-end", [Fixture.stint("meta", "2019", "unknown")]),
            Fixture.author("day", [Fixture.stint("meta", "2018", "2023-05-15")]),
            Fixture.author("backwards", [Fixture.stint("meta", "2023-08", "2023-03")]),
        ]
        let site = Fixture.site(authors)
        let retention = CohortAnalyzer.facts(for: try XCTUnwrap(site.cohorts.first), in: site).retention
        XCTAssertEqual(retention.points.map(\.count), [4, 2, 1, 2])
        XCTAssertEqual(retention.points.map(\.date.description), ["2023-02-27", "2023-05", "2023-06", "2024-03"],
                       "the month 2023-05 and the day 2023-05-15 fall on one day: the less precise is shown")
        XCTAssertEqual(retention.final, 1, "the unknown end is taken away at as_of")
    }

    /// A start known as the cohort's year holds the cohort date (27 Feb 2023): its member is counted
    /// from the cohort date, not from 1 July, where a year is drawn; a later month is not.
    func testAStartWhosePeriodHoldsTheCohortDateCountsFromIt() throws {
        let authors = [
            Fixture.author("year", [Fixture.stint("meta", "2023")]),
            Fixture.author("later", [Fixture.stint("meta", "2023-03")]),
        ]
        let site = Fixture.site(authors)
        let retention = CohortAnalyzer.facts(for: try XCTUnwrap(site.cohorts.first), in: site).retention
        XCTAssertEqual(retention.points.map(\.count), [1, 2])
        XCTAssertEqual(retention.points.map(\.date.description), ["2023-02-27", "2023-03"])
    }

    func testMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        XCTAssertEqual(CohortAnalyzer.median([1, 2, 3, 10]), 2.5)
        XCTAssertNil(CohortAnalyzer.median([]))
    }

    func testDestinationsOfEqualSizeAreOrderedByCompanyName() throws {
        let authors = [
            Fixture.author("x", [Fixture.stint("meta", "2015", "2020"), Fixture.stint("mistral", "2020")]),
            Fixture.author("y", [Fixture.stint("meta", "2015", "2020"), Fixture.stint("anthropic", "2020")]),
            Fixture.author("z", [Fixture.stint("meta", "2015", "2020"), Fixture.stint("apple", "2020")]),
        ]
        let site = Fixture.site(authors)
        let facts = CohortAnalyzer.facts(for: try XCTUnwrap(site.cohorts.first), in: site)
        XCTAssertEqual(facts.destinations.map(\.company), ["anthropic", "apple", "mistral"])
        XCTAssertNil(CohortAnalyzer.facts(for: Cohort(slug: "e", name: "E", origin: "meta", date: PartialDate(year: 2020)!, members: []), in: site).tenureMeanYears)
    }

    func testCompanyFactsListCurrentPeopleAlumniAndMovesPerYear() {
        let authors = [
            Fixture.author("x", [Fixture.stint("meta", "2015", "2020"), Fixture.stint("mistral", "2020")]),
            Fixture.author("y", [Fixture.stint("meta", "2016")]),
        ]
        let facts = CompanyAnalyzer.facts(for: "meta", in: Fixture.site(authors))
        XCTAssertEqual(facts.current, ["y"])
        XCTAssertEqual(facts.alumni, ["x"])
        XCTAssertEqual(facts.moves.filter { $0.arrivals > 0 }.map(\.year), [2015, 2016])
        XCTAssertEqual(facts.moves.filter { $0.departures > 0 }.map { [$0.year, $0.departures] }, [[2020, 1]])
        XCTAssertEqual(facts.moves.map(\.year), [2015, 2016, 2020], "one row a year, arrivals and departures together")
    }
}

final class SiteFactsIndexTests: XCTestCase {
    func testAnAuthorsMembershipsAreFoundInCohortOrder() throws {
        let asOf = PartialDate(parsing: "2025-01-01")!
        let site = Site(settings: SiteSettings(title: "T", baseURL: "https://e.org/", asOf: asOf),
                        cohorts: [Cohort(slug: "b", name: "B", origin: "acme", date: PartialDate(parsing: "2020")!, members: ["x", "y"]),
                                  Cohort(slug: "a", name: "A", origin: "acme", date: PartialDate(parsing: "2021")!, members: ["y"])],
                        authors: [Author(slug: "x", name: "X", career: [Stint(company: "acme", start: .known(PartialDate(parsing: "2019")!))]),
                                  Author(slug: "y", name: "Y", career: [Stint(company: "acme", start: .known(PartialDate(parsing: "2019")!))])],
                        companies: [Company(slug: "acme", name: "Acme")])
        let facts = SiteFacts.analyse(site, links: [])
        XCTAssertEqual(facts.memberships(of: "y").map(\.cohort.cohort.slug), ["b", "a"])
        XCTAssertEqual(facts.memberships(of: "x").map(\.member.author), ["x"])
        XCTAssertTrue(facts.memberships(of: "nobody").isEmpty)
        XCTAssertEqual(facts.cohort("a")?.cohort.name, "A")
        XCTAssertNil(facts.cohort("z"))
        XCTAssertEqual(site.author("y")?.name, "Y")
        XCTAssertNil(site.author("z"))
        XCTAssertNil(site.company("acm"))
    }
}
