import RosterModel
import XCTest
@testable import RosterAnalysis

final class MemberAnalyzerTests: XCTestCase {
    let asOf = PartialDate(parsing: "2025-05-27")!

    func testStayerIsAtOriginWithTenureUpToAsOf() {
        let facts = MemberAnalyzer.facts(for: Fixture.author("a", [Fixture.stint("meta", "2020-05-27")]), origin: "meta", asOf: asOf)
        XCTAssertEqual(facts.status, .atOrigin)
        XCTAssertEqual(facts.currentCompany, "meta")
        XCTAssertEqual(facts.tenureDays, PartialDate.days(year: 2025, month: 5, day: 27) - PartialDate.days(year: 2020, month: 5, day: 27))
        XCTAssertEqual(facts.route, ["meta"])
    }

    func testBoomerangWhoLeftAndCameBackHasReturned() {
        let career = [Fixture.stint("meta", "2015", "2019-06"), Fixture.stint("google", "2019-07", "2024-01"),
                      Fixture.stint("meta", "2024-02")]
        let facts = MemberAnalyzer.facts(for: Fixture.author("b", career), origin: "meta", asOf: asOf)
        XCTAssertEqual(facts.status, .returned)
        XCTAssertTrue(facts.isAtOrigin)
        XCTAssertEqual(facts.route, ["meta", "google", "meta"])
        XCTAssertNil(facts.departureYear)
    }

    func testUnitChangeInsideTheOriginIsNotAReturn() {
        let career = [Fixture.stint("meta", "2016", "2020-01", unit: "FAIR"), Fixture.stint("meta", "2020-01", unit: "GenAI")]
        let facts = MemberAnalyzer.facts(for: Fixture.author("c", career), origin: "meta", asOf: asOf)
        XCTAssertEqual(facts.status, .atOrigin)
        XCTAssertEqual(facts.route, ["meta"])
        // Overlapping or touching origin stints count once.
        XCTAssertEqual(facts.tenureDays, asOf.dayNumber - PartialDate(parsing: "2016")!.dayNumber)
    }

    func testMultiHopRouteCollapsesRepeatsAndStartsAtTheOrigin() {
        let career = [Fixture.stint("google", "2012", "2015"), Fixture.stint("meta", "2015", "2023-05"),
                      Fixture.stint("apple", "2023-05", "unknown"), Fixture.stint("deepmind", "unknown")]
        let facts = MemberAnalyzer.facts(for: Fixture.author("d", career), origin: "meta", asOf: asOf)
        XCTAssertEqual(facts.status, .departed)
        XCTAssertEqual(facts.route, ["meta", "apple", "deepmind"])
        XCTAssertEqual(facts.currentCompany, "deepmind")
        XCTAssertEqual(facts.departureYear, 2023)
    }

    func testUnknownDatesMakeTenureUnknownAndLeaveDepartureYearOut() {
        let career = [Fixture.stint("meta", "unknown", "unknown"), Fixture.stint("anthropic", "unknown")]
        let facts = MemberAnalyzer.facts(for: Fixture.author("e", career), origin: "meta", asOf: asOf)
        XCTAssertEqual(facts.status, .departed)
        XCTAssertNil(facts.tenureDays)
        XCTAssertNil(facts.departureYear)
        XCTAssertEqual(facts.currentCompany, "anthropic")
    }

    func testPartialDatesUseMidpointsForTenure() {
        let career = [Fixture.stint("meta", "2018", "2023-06"), Fixture.stint("mistral", "2023-06")]
        let facts = MemberAnalyzer.facts(for: Fixture.author("f", career), origin: "meta", asOf: asOf)
        let expected = PartialDate.days(year: 2023, month: 6, day: 15) - PartialDate.days(year: 2018, month: 7, day: 1)
        XCTAssertEqual(facts.tenureDays, expected)
        XCTAssertEqual(facts.tenureYears ?? 0, Double(expected) / 365.25, accuracy: 1e-9)
    }

    func testStintStartingAfterAsOfIsNotOpenYet() {
        let career = [Fixture.stint("meta", "2015", "2025-01"), Fixture.stint("mistral", "2025-09")]
        let facts = MemberAnalyzer.facts(for: Fixture.author("g", career), origin: "meta", asOf: asOf)
        XCTAssertEqual(facts.status, .departed)
        XCTAssertNil(facts.currentCompany)
    }

    func testFounderCountsOnlyOutsideTheOrigin() {
        let founderElsewhere = MemberAnalyzer.facts(for: Fixture.author("h", [Fixture.stint("meta", "2015", "2023"), Fixture.stint("mistral", "2023-04", founder: true)]), origin: "meta", asOf: asOf)
        let founderAtOrigin = MemberAnalyzer.facts(for: Fixture.author("i", [Fixture.stint("meta", "2015", founder: true)]), origin: "meta", asOf: asOf)
        XCTAssertTrue(founderElsewhere.isFounder)
        XCTAssertFalse(founderAtOrigin.isFounder)
    }
}
