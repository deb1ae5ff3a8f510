import Mustache
import RosterAnalysis
import RosterLoading
import RosterModel
@testable import RosterRendering
import XCTest

/// What a page shows, read from the view models rather than scraped from HTML.
final class ViewBuilderTests: XCTestCase {
    private func date(_ text: String) -> PartialDate { PartialDate(parsing: text)! }

    /// One cohort at Acme: Ada left for Globex (which she founded), Bob stayed, Cy left and came back.
    private func views(as asOf: String = "2025-05-27") -> ViewBuilder {
        var site = Site(
            settings: SiteSettings(title: "T", baseURL: "https://e.org/", asOf: date(asOf)),
            cohorts: [Cohort(slug: "team", name: "Team", origin: "acme", date: date("2020-01-01"), members: ["ada", "bob", "cy"])],
            authors: [
                Author(slug: "ada", name: "Ada", career: [
                    Stint(company: "acme", start: .known(date("2015")), end: .known(date("2021-03")), sources: ["paper"]),
                    Stint(company: "globex", role: "CEO", start: .known(date("2021-03")), founder: true),
                ]),
                Author(slug: "bob", name: "Bob", career: [Stint(company: "acme", start: .known(date("2018-06-01")))]),
                Author(slug: "cy", name: "Cy", career: [
                    Stint(company: "acme", start: .known(date("2016")), end: .known(date("2020-06"))),
                    Stint(company: "globex", start: .known(date("2020-06")), end: .known(date("2022-01"))),
                    Stint(company: "acme", start: .known(date("2022-01"))),
                ]),
            ],
            companies: [Company(slug: "acme", name: "Acme"), Company(slug: "globex", name: "Globex")],
            sources: [Source(id: "paper", title: "The paper")])
        site.labels = BuiltInLabels.english
        site.cohorts[0].member = ["one": "author", "other": "authors"]
        let options = RenderOptions(parallelism: .sequential)
        let bodies = BodyRenderer(site: site, targets: LinkTargets(site: site, draftArticles: []), options: options).renderAll()
        return ViewBuilder(site: site, facts: SiteFacts.analyse(site, links: bodies.links), bodies: bodies, options: options)
    }

    private func cohortView(_ views: ViewBuilder) throws -> CohortView {
        let facts = try XCTUnwrap(views.cohortFacts.first)
        return views.cohortView(facts, views.options.linker(for: .cohort("team")), members: facts.members[...])
    }

    func testTheHeadlineCountsWhoLeftTheOrigin() throws {
        let facts = try cohortView(views()).facts
        XCTAssertEqual(facts.headline, "1 of 3 authors has left Acme")
        // At the origin now counts Cy, who came back.
        XCTAssertEqual([facts.atOrigin, facts.returned, facts.departed].map(\.value), [2, 1, 1])
        XCTAssertEqual(facts.founders.map(\.name), ["Ada"])
    }

    func testAHeadlineWithNobodyGoneSaysSo() throws {
        let facts = try cohortView(views(as: "2020-03-01")).facts
        XCTAssertEqual(facts.headline, "All 3 authors are still at Acme")
        XCTAssertFalse(facts.hasDepartures)
    }

    func testEachMemberRowShowsStatusRouteAndTenure() throws {
        let rows = try cohortView(views()).members
        guard rows.count == 3 else { return XCTFail("\(rows.count) rows") }
        XCTAssertEqual(rows.map(\.status), ["left", "at Acme", "returned to Acme"])
        XCTAssertEqual(rows[0].routeText, "Acme → Globex")
        XCTAssertEqual(rows[0].tenure, "5.7 years")
        XCTAssertEqual(rows[0].current.name, "Globex")
    }

    func testDestinationSharesAreOfTheDeparted() throws {
        let destinations = try cohortView(views()).facts.destinations
        XCTAssertEqual(destinations.map(\.company.name), ["Globex"])
        XCTAssertEqual(destinations.map(\.share), ["100%"])
    }

    func testAnAuthorPageShowsTheCurrentStintAndCitedSourcesOnce() throws {
        let views = views()
        let ada = try XCTUnwrap(views.site.authors.first)
        let job = views.authorPage(ada)
        let view = try XCTUnwrap(job.context["author"] as? AuthorView)
        XCTAssertEqual(job.template, "author")
        XCTAssertEqual(view.current?.company.name, "Globex")
        XCTAssertEqual(view.current?.role, "CEO")
        XCTAssertEqual(view.career.map(\.end), ["Mar 2021", "now"])
        XCTAssertEqual(view.sources.map(\.id), ["paper"])
        XCTAssertEqual(view.cohorts.map(\.status), ["left"])
    }

    func testEveryPageOfTheSiteHasASpecAndOnlyOne() {
        let routes = views().allPages().map(\.route)
        XCTAssertEqual(Set(routes).count, routes.count)
        for route: Route in [.home, .cohorts, .cohort("team"), .authors, .author("cy"), .companies, .company("globex"), .sources] {
            XCTAssertTrue(routes.contains(route), "no page for \(route)")
        }
    }
}

/// Counts print grouped in the site's language (the tracker printed "25000" beside "9,883").
final class CountTests: XCTestCase {
    func testACountPrintsItsGroupedTextAndTransformsAsItsNumber() throws {
        let template = try MustacheTemplate(string: "{{n}}|{{#equalzero(n)}}none{{/equalzero(n)}}{{^equalzero(n)}}some{{/equalzero(n)}}")
        XCTAssertEqual(template.render(["n": Count(value: 25000, text: "25,000")]), "25,000|some")
        XCTAssertEqual(template.render(["n": Count(value: 0, text: "0")]), "0|none")
    }
}

/// The search page's filter values, as Pagefind can match them.
final class SearchFilterTests: XCTestCase {
    func testQuotesAndBackslashesInAFilterValueAreWrittenSoPagefindCanMatchThem() {
        XCTAssertEqual(ViewBuilder.matchable(#"Authors of "LLaMA: Open" (the "paper")"#), "Authors of “LLaMA: Open” (the “paper”)")
        XCTAssertEqual(ViewBuilder.matchable(#"R\D"#), "R\u{29F5}D")
        XCTAssertEqual(ViewBuilder.matchable("Mistral AI"), "Mistral AI")
    }

    /// The generated lookup reads the field, whatever its name: a field named like the lookup's own
    /// parameter once answered with the name asked for ("key" for every key).
    func testAViewModelFieldNamedLikeTheLookupsParameterReadsTheField() {
        let filter = SearchFilter(key: "kind", value: "person")
        XCTAssertEqual((filter.child(named: "key") as? MustacheText)?.text, "kind")
        XCTAssertEqual((filter.child(named: "value") as? MustacheText)?.text, "person")
    }
}
