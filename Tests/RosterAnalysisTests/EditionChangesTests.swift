import RosterAnalysis
import RosterModel
import XCTest

/// What `/changes/` lists: each kind of change between an edition and now, found from the careers.
final class EditionChangesTests: XCTestCase {
    private func changes(then: Site, now: Site) -> EditionChanges {
        let facts = SiteFacts.analyse(now, links: [], parallelism: .sequential)
        return EditionChanges.compare(edition: then, since: then.settings.asOf, with: now, facts: facts)
    }

    private func entries(_ changes: EditionChanges, _ slug: String) -> [EditionChanges.Entry] {
        changes.people.first { $0.slug == slug }?.entries ?? []
    }

    func testADepartureSinceTheEditionNamesWhereThePersonWent() {
        let now = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2020", "2024-08"), Fixture.stint("mistral", "2024-08")]),
                                Fixture.author("bob", [Fixture.stint("meta", "2019")])])
        let then = EditionSnapshot.site(now, asOf: PartialDate(parsing: "2023-12-31")!)
        let found = changes(then: then, now: now)
        XCTAssertEqual(entries(found, "ann"), [.departed(cohort: "c", to: "mistral"),
                                               .newStint(company: "mistral", start: Fixture.date("2024-08"), confidence: .confirmed)])
        XCTAssertEqual(found.people.map(\.slug), ["ann"], "Bob did not change")
        let numbers = found.cohorts[0]
        XCTAssertEqual(numbers.then?.departed, 0)
        XCTAssertEqual(numbers.now?.departed, 1)
        XCTAssertEqual(numbers.then?.atOrigin, 2)
        XCTAssertEqual(numbers.now?.atOrigin, 1)
    }

    func testAReturnAConfidenceChangeAndAnEndedStintAreEachListed() {
        let then = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2018", "2021"), Fixture.stint("google", "2021")])],
                                asOf: "2023-06-01")
        var now = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2018", "2021"), Fixture.stint("google", "2021", "2024-02"),
                                                       Fixture.stint("meta", "2024-02")])])
        now.authors[0].career[0].confidence = .reported
        let found = entries(changes(then: then, now: now), "ann")
        XCTAssertTrue(found.contains(.returned(cohort: "c")), "\(found)")
        XCTAssertTrue(found.contains(.confidence(company: "meta", then: .confirmed, now: .reported)), "\(found)")
        XCTAssertTrue(found.contains(.stintEnded(company: "google", end: Fixture.date("2024-02"))), "\(found)")
    }

    func testPeopleAddedToAndRemovedFromTheReportAreListed() {
        let then = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2018")]), Fixture.author("old", [Fixture.stint("meta", "2018")])],
                                asOf: "2023-06-01")
        let now = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2018")]), Fixture.author("new", [Fixture.stint("meta", "2019")])])
        let found = changes(then: then, now: now)
        XCTAssertEqual(entries(found, "new"), [.added(cohort: "c")])
        XCTAssertEqual(found.people.first { $0.slug == "old" }?.inReport, false)
        XCTAssertEqual(entries(found, "old"), [.removed(cohort: "c")])
        XCTAssertEqual(found.cohorts[0].then?.members, 2)
    }

    func testAMoveBetweenTwoOtherCompaniesChangesTheCurrentCompanyOnce() {
        let now = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2018", "2022"), Fixture.stint("google", "2022", "2024-03"),
                                                       Fixture.stint("apple", "2024-03")])])
        let then = EditionSnapshot.site(now, asOf: PartialDate(parsing: "2023-12-31")!)
        XCTAssertEqual(entries(changes(then: then, now: now), "ann"), [
            .stintEnded(company: "google", end: Fixture.date("2024-03")),
            .newStint(company: "apple", start: Fixture.date("2024-03"), confidence: .confirmed),
        ])
    }

    func testRevisedDatesArePairedByCompanyNotListedAsANewStint() {
        let then = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2018", "2022-06"), Fixture.stint("google", "2022-06")])],
                                asOf: "2023-06-01")
        let now = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2018", "2022-04"), Fixture.stint("google", "2022-04")])])
        let found = entries(changes(then: then, now: now), "ann")
        XCTAssertEqual(found.count, 2, "\(found)")
        // Meta's stint keeps its start and moves its end: the same stint, revised.
        guard case .datesRevised("meta", let old, let moved)? = found.first else { return XCTFail("\(found)") }
        XCTAssertEqual(old.end?.date?.description, "2022-06")
        XCTAssertEqual(moved.end?.date?.description, "2022-04")
        guard case .datesRevised(let company, _, let revised)? = found.last else { return XCTFail("\(found)") }
        XCTAssertEqual(company, "google")
        XCTAssertEqual(revised.start.date?.description, "2022-04")
        XCTAssertNil(revised.end, "it goes on")
    }

    func testAnEndRevisedOrTakenBackIsListed() {
        let then = Fixture.site([Fixture.author("ann", [Fixture.stint("acme", "2019", "2023-04")]),
                                 Fixture.author("bob", [Fixture.stint("acme", "2019", "2023-04")])], asOf: "2023-06-01")
        let now = Fixture.site([Fixture.author("ann", [Fixture.stint("acme", "2019", "2023-01")]),
                                Fixture.author("bob", [Fixture.stint("acme", "2019")])])
        let found = changes(then: then, now: now)
        guard case .datesRevised("acme", _, let ann)? = entries(found, "ann").first else { return XCTFail("\(entries(found, "ann"))") }
        XCTAssertEqual(ann.end?.date?.description, "2023-01")
        XCTAssertTrue(entries(found, "bob").contains { if case .datesRevised("acme", _, let now) = $0 { return now.end == nil } else { return false } },
                      "\(entries(found, "bob"))")
    }

    func testCorrectionsAreListedNewestFirst() {
        var now = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2018")]), Fixture.author("bob", [Fixture.stint("meta", "2019")])])
        now.authors[0].corrections = [Correction(date: PartialDate(parsing: "2024-01-05")!, text: "Old")]
        now.authors[1].career[0].corrections = [Correction(date: PartialDate(parsing: "2025-02-01")!, text: "New")]
        let found = changes(then: now, now: now)
        XCTAssertEqual(found.corrections.map(\.correction.text), ["New", "Old"])
        XCTAssertEqual(found.corrections.first?.company, "meta")
        XCTAssertTrue(found.people.isEmpty)
    }

    func testABackfilledEditionLeavesOutWhatHadNotHappenedYet() {
        var site = Fixture.site([Fixture.author("ann", [Fixture.stint("meta", "2018", "2024-08"), Fixture.stint("mistral", "2024-08")])])
        site.authors[0].corrections = [Correction(date: PartialDate(parsing: "2025-01-01")!, text: "Later")]
        let snapshot = EditionSnapshot.site(site, asOf: PartialDate(parsing: "2023-12-31")!)
        XCTAssertEqual(snapshot.settings.asOf.description, "2023-12-31")
        XCTAssertEqual(snapshot.authors[0].career.map(\.company), ["meta"])
        XCTAssertNil(snapshot.authors[0].career[0].end, "an end after the date is still open then")
        XCTAssertTrue(snapshot.authors[0].corrections.isEmpty)
    }
}
