import RosterAnalysis
import RosterModel
import XCTest
@testable import RosterPublishing

final class ExportTests: XCTestCase {
    let hostile = "<script>\"x\",\n'&"

    private func site() -> Site {
        let stint = Stint(company: "acme", unit: hostile, role: "Lead, \"chief\"", start: .known(PartialDate(year: 2020, month: 4)!),
                          end: .unknown, confidence: .inferred, founder: true, sources: ["a", "b"])
        return Site(settings: SiteSettings(title: hostile, baseURL: "https://e.org/r/", asOf: PartialDate(year: 2025)!),
                    authors: [Author(slug: "ada", name: hostile, career: [stint, Stint(company: "b", start: .unknown)])],
                    companies: [Company(slug: "acme", name: hostile)],
                    articles: [Article(slug: "n", title: hostile, date: PartialDate(year: 2024, month: 5, day: 2)!, summary: hostile,
                                       tags: [hostile]),
                               Article(slug: "d", title: "Draft", date: PartialDate(year: 2025)!, draft: true)])
    }

    func testCareersCSVHasOneRowPerStintWithRFC4180Quoting() {
        let csv = DataExports.careersCSV(site: site())
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.first, "author,name,company,company_name,unit,role,start,end,founder,confidence,note,sources")
        let hostile = "\"<script>\"\"x\"\",\n'&\""
        XCTAssertTrue(csv.contains("ada,\(hostile),acme,\(hostile),\(hostile),\"Lead, \"\"chief\"\"\",2020-04,unknown,true,inferred,,a;b\n"), csv)
        XCTAssertTrue(csv.hasSuffix("ada,\(hostile),b,,,,unknown,,false,confirmed,,\n"), csv)
        XCTAssertFalse(csv.contains("\r"))
    }

    func testPeopleAndCompaniesCSVHaveTheImportColumns() {
        var site = site()
        site.authors[0].links = [Link(label: "Home, page", url: "https://ada.example/")]
        site.authors[0].aliases = ["ada-l", "al"]
        site.cohorts = [Cohort(slug: "team", name: "T", origin: "acme", date: PartialDate(year: 2020)!, members: ["ada"])]
        XCTAssertEqual(DataExports.peopleCSV(site: site),
                       "author,name,links,aliases,cohorts\nada,\"<script>\"\"x\"\",\n'&\",\"Home, page <https://ada.example/>\",ada-l;al,team\n")
        XCTAssertEqual(DataExports.companiesCSV(site: site), "company,name,kind,headquarters,founded,website\nacme,\"<script>\"\"x\"\",\n'&\",,,,\n")
    }

    func testJSONEscapesSortsKeysAndLeavesDraftsOut() throws {
        let json = DataExports.json(site: site(), facts: [])
        XCTAssertFalse(json.contains("<script>"))
        XCTAssertTrue(json.contains("\\u003cscript\\u003e\\\"x\\\",\\n'\\u0026"))
        XCTAssertFalse(json.contains("\"Draft\""))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object.keys.sorted(), ["articles", "authors", "cohorts", "companies", "format", "site", "sources"])
        let keyOrder = ["articles", "authors", "cohorts", "companies", "format", "site", "sources"]
            .compactMap { json.range(of: "\n  \"\($0)\":")?.lowerBound }
        XCTAssertEqual(keyOrder.count, 7)
        XCTAssertEqual(keyOrder, keyOrder.sorted())
    }

    func testJSONStringsEscapeEveryCharacterThatNeedsIt() {
        let value = JSONValue.object(["k\"ey": .array([.string("a\"b\\c\n\r\t\u{1}\u{1F}<>&\u{2028}\u{2029}é😀"), .null, .bool(true)]), "e": .array([]), "o": .object([:])])
        XCTAssertEqual(value.serialized(), """
            {
              "e": [],
              "k\\"ey": [
                "a\\"b\\\\c\\n\\r\\t\\u0001\\u001f\\u003c\\u003e\\u0026\\u2028\\u2029é😀",
                null,
                true
              ],
              "o": {}
            }

            """)
    }

    func testDecimalsHaveTwoPlacesAndNullWhenUnknown() {
        XCTAssertEqual(JSONValue.decimal(5.536).serialized(), "5.54\n")
        XCTAssertEqual(JSONValue.decimal(4).serialized(), "4.00\n")
        XCTAssertEqual(JSONValue.decimal(nil).serialized(), "null\n")
    }

    func testAtomFeedEscapesAndUsesTheNewestEntryAsUpdated() {
        let feed = SiteFeeds.atom(site: site(), bodies: ["n": "<p>Body & <a href=\"../x/\">link</a></p>"])
        XCTAssertFalse(feed.contains("<script>"))
        XCTAssertTrue(feed.contains("<title>&lt;script&gt;&quot;x&quot;,&#10;&apos;&amp;</title>"))
        XCTAssertTrue(feed.contains("<updated>2024-05-02T00:00:00Z</updated>"))
        XCTAssertTrue(feed.contains("xml:base=\"https://e.org/r/articles/n/\""))
        XCTAssertTrue(feed.contains("&lt;p&gt;Body &amp; &lt;a href=&quot;../x/&quot;&gt;"))
        XCTAssertFalse(feed.contains("Draft"))
    }

    func testSitemapAndRobotsUseAbsoluteURLs() {
        let sitemap = SiteFeeds.sitemap(site: site(), routes: [.home, .article("n")])
        XCTAssertTrue(sitemap.contains("<loc>https://e.org/r/</loc>"))
        XCTAssertTrue(sitemap.contains("<loc>https://e.org/r/articles/n/</loc><lastmod>2024-05-02</lastmod>"))
        XCTAssertEqual(SiteFeeds.robots(site: site()), "User-agent: *\nAllow: /\n\nSitemap: https://e.org/r/sitemap.xml\n")
    }
}
