import RosterMarkdown
import RosterModel
import XCTest
@testable import RosterRendering

final class LinkTargetsTests: XCTestCase {
    let site = Site(settings: SiteSettings(title: "T", baseURL: "https://e.org/", asOf: PartialDate(year: 2025)!),
                    cohorts: [Cohort(slug: "team", name: "Team", origin: "acme", date: PartialDate(year: 2020)!, members: [])],
                    authors: [Author(slug: "ada", name: "Ada", career: [])],
                    companies: [Company(slug: "acme", name: "Acme")],
                    articles: [Article(slug: "news", title: "N", date: PartialDate(year: 2024)!, tags: ["Café Society"])],
                    pages: [Page(slug: "about", title: "About")],
                    sources: [Source(id: "paper", title: "P")])

    private func route(_ url: String, drafts: Set<String> = []) -> Result<(Route, String?), LinkError>? {
        InternalLink(url: url).map { LinkTargets(site: site, draftArticles: drafts).route(for: $0) }
    }

    func testEverySchemeResolvesToItsRoute() throws {
        XCTAssertEqual(try route("author:ada")?.get().0, .author("ada"))
        XCTAssertEqual(try route("company:acme#history")?.get().1, "history")
        XCTAssertEqual(try route("article:news")?.get().0, .article("news"))
        XCTAssertEqual(try route("page:about")?.get().0, .page("about"))
        XCTAssertEqual(try route("cohort:team")?.get().0, .cohort("team"))
        let source = try route("source:paper")?.get()
        XCTAssertEqual(source?.0, .sources)
        XCTAssertEqual(source?.1, "paper")
        XCTAssertEqual(try route("tag:Café%20Society")?.get().0, .tag("cafe-society", page: 1))
        XCTAssertNil(route("https://example.org"))
    }

    func testUnknownTargetsExplainThemselves() {
        guard case .failure(let error)? = route("author:adda") else { return XCTFail("resolved") }
        XCTAssertTrue(error.message.contains("unknown author 'adda'"))
        XCTAssertTrue(error.message.contains("did you mean 'ada'"))
        guard case .failure(let draft)? = route("article:secret", drafts: ["secret"]) else { return XCTFail("resolved") }
        XCTAssertTrue(draft.message.contains("is a draft"))
    }

    func testASourceLinkWithAFragmentIsAnErrorInsteadOfLosingIt() {
        guard case .failure(let error)? = route("source:paper#p-12") else { return XCTFail("resolved") }
        XCTAssertTrue(error.message.contains("cannot name a #fragment"), error.message)
    }

    func testAPercentEncodedFragmentIsReadAsTheTextItEncodes() throws {
        XCTAssertEqual(try route("company:acme#%E6%97%A5%E6%9C%AC")?.get().1, "日本")
    }
}
