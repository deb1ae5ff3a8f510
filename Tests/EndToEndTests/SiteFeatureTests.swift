import Foundation
import RosterBuild
import RosterTestSupport
import XCTest

/// Features a reader meets in the built site: pages, links, redirects, pagination, drafts.
final class SiteFeatureTests: XCTestCase {
    func testMentionsAndSourceBackLinksAppearOnTheRightPages() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let ada = try site.read("Output/authors/ada/index.html")
        XCTAssertTrue(ada.contains(#"<a href="../../articles/news/">News</a>"#), "author page lists the article that mentions her")
        let globex = try site.read("Output/companies/globex/index.html")
        XCTAssertTrue(globex.contains(#"href="../../articles/news/""#))
        let sources = try site.read("Output/sources/index.html")
        XCTAssertTrue(sources.contains(#"<li id="paper">"#))
        XCTAssertTrue(sources.contains(#"<a href="../authors/ada/">Ada Lovelace</a>"#))
    }

    func testPortableBuildLinksEndInIndexHTML() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build(portable: true).succeeded)
        let home = try site.read("Output/index.html")
        XCTAssertTrue(home.contains(#"href="authors/index.html""#))
        XCTAssertFalse(home.contains(#"href="authors/""#))
        let notFound = try site.read("Output/404.html")
        XCTAssertTrue(notFound.contains(#"href="/test/authors/""#), "404 links from base_url's path")
    }

    func testAliasesWriteRedirectPages() throws {
        let site = try TestSite.minimal()
        try site.write("Content/companies/globex.md", "---\nname: Globex\naliases: [globex-corp]\n---\n")
        XCTAssertTrue(site.build().succeeded)
        let redirect = try site.read("Output/companies/globex-corp/index.html")
        XCTAssertTrue(redirect.contains(#"<meta http-equiv="refresh" content="0; url=../globex/">"#), redirect)
        XCTAssertTrue(redirect.contains(#"<link rel="canonical" href="https://example.org/test/companies/globex/">"#))
    }

    func testIndexesPaginate() throws {
        let site = try TestSite.minimal()
        var yaml = try site.read("Content/site.yml")
        yaml = yaml.replacingOccurrences(of: "as_of:", with: "paginate: 2\nas_of:")
        try site.write("Content/site.yml", yaml)
        for day in 1...4 {
            try site.write("Content/articles/a\(day).md", "---\ntitle: A\(day)\ndate: 2025-01-0\(day)\ntags: [Departures]\n---\nText.\n")
        }
        XCTAssertTrue(site.build().succeeded)
        let first = try site.read("Output/articles/index.html")
        XCTAssertTrue(first.contains(#"href="page/2/""#), first)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/page/3/index.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/page/4/index.html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tags/departures/page/3/index.html").path))
        XCTAssertTrue(site.check().diagnostics.isEmpty)
    }

    func testDraftsAreBuiltOnlyOnRequestAndNeverExported() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/secret.md", "---\ntitle: Secret plan\ndate: 2025-05-20\ndraft: true\ntags: [Hushhush]\n---\nShh.\n")
        XCTAssertTrue(site.build().succeeded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/secret/index.html").path))
        XCTAssertTrue(site.build(drafts: true).succeeded)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/secret/index.html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tags/hushhush/index.html").path))
        for file in ["feed.xml", "sitemap.xml", "data/roster.json"] {
            XCTAssertFalse(try site.read("Output/\(file)").contains("secret"), file)
            XCTAssertFalse(try site.read("Output/\(file)").lowercased().contains("hushhush"), "\(file) lists a tag only a draft has")
        }
    }

    func testBaseURLOverrideChangesOnlyAbsoluteURLs() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build(baseURL: "https://reports.example.com/team").succeeded)
        XCTAssertTrue(try site.read("Output/sitemap.xml").contains("<loc>https://reports.example.com/team/authors/ada/</loc>"))
        XCTAssertTrue(try site.read("Output/authors/index.html").contains(#"href="ada/""#))
        XCTAssertFalse(site.build(baseURL: "reports.example.com").succeeded)
    }

    func testDataFilesReachTemplates() throws {
        let site = try TestSite.minimal()
        try site.write("Content/data/events.yml", "- {date: '2023-04', title: Something <happened>}\n")
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(try site.read("Output/index.html").contains("Something &lt;happened&gt;"))
    }

    func testChartEmbedRendersItsNumbersAsATable() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/news.md", "---\ntitle: News\ndate: 2025-05-01\n---\n![Where they went](chart:destinations/team)\n")
        XCTAssertTrue(site.build().succeeded)
        let article = try site.read("Output/articles/news/index.html")
        XCTAssertTrue(article.contains(#"<figure class="chart" id="figure-0-destinations" data-pagefind-ignore>"#))
        XCTAssertTrue(article.contains("<svg "))
        XCTAssertTrue(article.contains("<figcaption>Where they went</figcaption>"))
        XCTAssertTrue(article.contains("Globex"))
    }

    func testHomeOverlaysTheRetentionOfSeveralCohortsAsShares() throws {
        let site = try TestSite.minimal()
        var yaml = try site.read("Content/site.yml")
        yaml += """

              - slug: globex-alumni
                name: Globex people
                origin: globex
                date: 2022-01-01
                members: [ada]
            """
        try site.write("Content/site.yml", yaml)
        XCTAssertTrue(site.build().succeeded)
        let home = try site.read("Output/index.html")
        XCTAssertTrue(home.contains("Share of each cohort at its origin over time"))
        // Several lines: each is named in full in the key under the chart, not cut on the drawing.
        XCTAssertTrue(home.contains(#"<ul class="chart-key">"#), "no key under the overlay")
        XCTAssertTrue(home.contains(#"<li><span class="swatch"#) && home.contains("Globex people: "), "the key does not name the cohorts")
        XCTAssertTrue(home.contains("The team"))
        XCTAssertTrue(home.contains("Globex people"))
        let cohort = try site.read("Output/cohorts/team/index.html")
        for id in ["chart-destinations-team", "chart-flow-team", "chart-careers-team", "chart-retention-team"] {
            XCTAssertTrue(cohort.contains(#"<figure class="chart" id="\#(id)" data-pagefind-ignore>"#), id)
        }
        XCTAssertTrue(cohort.contains("<title id=\"chart-flow-team-288-title\">"))
        XCTAssertTrue(try site.read("Output/authors/ada/index.html").contains(#"id="chart-career""#))
        XCTAssertTrue(try site.read("Output/companies/acme/index.html").contains(#"id="chart-moves""#))
        XCTAssertTrue(site.check().diagnostics.isEmpty, site.check().diagnostics.map(\.description).joined(separator: "\n"))
    }

    /// cmark writes a footnote labelled `é` as id="fn-%C3%A9" and links to it as written; browsers
    /// find it, so check must too (it used to decode the link and then miss the id).
    func testFootnotesWithAnyLabelPassCheck() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/news.md", """
            ---
            title: News
            date: 2025-05-01
            ---
            Text[^é], more[^x"y] and[^日本].

            [^é]: One.
            [^x"y]: Two.
            [^日本]: Three.
            """)
        let report = site.check()
        XCTAssertEqual(report.diagnostics.map(\.description), [])
    }

    func testACancelledBuildStopsAndWritesNothing() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        try site.write("Content/articles/news.md", "---\ntitle: Changed\ndate: 2025-05-01\n---\nChanged.\n")
        var options = BuildOptions(siteFolder: site.root)
        options.cancellation = BuildCancellation()
        options.cancellation?.cancel()
        let report = Builder(options: options).build()
        XCTAssertTrue(report.cancelled)
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics, [])
        XCTAssertEqual(report.phases.map(\.name), ["load"], "it stops after the phase under way")
        XCTAssertTrue(site.snapshot() == before)
    }

    func testASourcesArchivedCopyAndAccessDateAreShownAndExported() throws {
        let site = try TestSite.minimal()
        try site.write("Content/sources.yml", """
            paper:
              title: The paper
              publisher: arXiv
              date: 2020-01
              url: https://arxiv.org/abs/1
              archived: https://web.archive.org/web/2025/https://arxiv.org/abs/1
              accessed: 2025-05-20
            """)
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("Output/sources/index.html")
        XCTAssertTrue(page.contains(#"<a href="https://web.archive.org/web/2025/https://arxiv.org/abs/1">Archived copy</a>"#), page)
        XCTAssertTrue(page.contains("Accessed 20 May 2025."))
        let json = try site.read("Output/data/roster.json")
        XCTAssertTrue(json.contains(#""accessed": "2025-05-20""#), json)
        try site.write("Content/sources.yml", "paper:\n  title: P\n  publisher: X\n  date: 2020\n  archived: 'javascript:alert(1)'\n")
        XCTAssertFalse(site.build().succeeded, "an archived address is a URL like any other")
    }

    func testArticlesAndPagesEmbedAPersonsCareerAndACompanysMoves() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/news.md", "---\ntitle: News\ndate: 2025-05-01\n---\nAda's path:\n\n![Ada's career](chart:career/ada)\n\n![Acme's moves](chart:moves/acme)\n")
        try site.write("Content/pages/about.md", "---\ntitle: About\n---\nHow the team moved:\n\n![Where they went](chart:destinations/team)\n")
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        let article = try site.read("Output/articles/news/index.html")
        XCTAssertTrue(article.contains("Career of Ada Lovelace"), article)
        XCTAssertTrue(article.contains("Ada&#39;s career") || article.contains("Ada's career"))
        XCTAssertTrue(article.contains("figure-1-moves"), "the moves chart is drawn")
        XCTAssertTrue(try site.read("Output/about/index.html").contains("figure-0-destinations"))
        XCTAssertTrue(site.check().diagnostics.isEmpty, site.check().errorLines.joined(separator: "\n"))
    }

    /// A tracker's cohort sends hundreds to one place: a destination row names twelve, then says how
    /// many more (the members table lists everyone).
    func testADestinationNamesTwelvePeopleThenSaysHowManyMore() throws {
        let site = try TestSite.minimal()
        var members = ["ada", "bob"]
        for index in 1...14 {
            let slug = "p\(index)"
            members.append(slug)
            try site.write("Content/authors/\(slug).md", "---\nname: Person \(index)\ncareer:\n  - {company: acme, start: 2019, end: 2022, sources: [paper]}\n  - {company: globex, start: 2022, sources: [paper]}\n---\n")
        }
        try site.write("Content/site.yml", (try site.read("Content/site.yml")).replacingOccurrences(of: "members: [ada, bob]", with: "members: [\(members.joined(separator: ", "))]"))
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        let page = try site.read("Output/cohorts/team/index.html")
        guard let row = page.components(separatedBy: "\n").first(where: { $0.contains("<td class=\"num\">15</td>") }) else { return XCTFail(page) }
        XCTAssertEqual(row.components(separatedBy: "../../authors/").count - 1, 12, row)
        XCTAssertTrue(row.hasSuffix(" and 3 more</td></tr>"), row)
    }

    /// A later page of a long index says where the reader is, not only the page's title.
    func testAPagedIndexSaysWhichRowsItShows() throws {
        let site = try TestSite.minimal()
        try site.write("Content/site.yml", "paginate: 1\n" + (try site.read("Content/site.yml")))
        XCTAssertTrue(site.build().succeeded)
        for (page, range) in [("Output/authors/page/2/index.html", "2–2 of 2"), ("Output/companies/page/2/index.html", "2–2 of 2")] {
            let text = try site.read(page)
            XCTAssertTrue(text.contains("<p class=\"page-range\">") && text.contains(range), "\(page): \(text.prefix(3000))")
        }
    }

    /// A member who left with no known next organisation did not stay: the routes chart says so.
    func testTheRoutesChartCountsALeaverWithNoKnownDestinationAsGoneNotStayed() throws {
        let site = try TestSite.minimal()
        try site.write("Content/authors/bob.md", "---\nname: Bob\ncareer:\n  - company: acme\n    start: 2018-06-01\n    end: 2024-01\n    sources: [paper]\n---\nBob left.\n")
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("Output/cohorts/team/index.html")
        XCTAssertTrue(page.contains("<tr><td>Acme → Left, destination unknown</td> <td>1</td></tr>"), page)
        XCTAssertFalse(page.contains("<td>Acme (stayed)</td>"), "nobody is still at Acme")
        // Each chart's numbers toggle names its chart for screen readers.
        XCTAssertTrue(page.contains("<summary>The numbers behind this chart<span class=\"visually-hidden\">: Routes from Acme</span></summary>"))
    }

    /// Feed readers have none of the site's CSS: the feed gives a chart's caption and numbers, not its
    /// drawings (which would all show, one per column width, uncoloured).
    func testTheFeedGivesAnEmbeddedChartsNumbersNotItsDrawings() throws {
        let site = try TestSite.shippedReport()
        XCTAssertTrue(site.build().succeeded)
        let feed = try site.read("Output/feed.xml")
        XCTAssertFalse(feed.contains("&lt;svg"), "the feed holds SVG drawings")
        XCTAssertTrue(feed.contains("&lt;figcaption&gt;Where the departed authors are now&lt;/figcaption&gt;&#10;&lt;table&gt;"))
        XCTAssertTrue(feed.contains("&lt;td&gt;Mistral AI&lt;/td&gt; &lt;td&gt;5&lt;/td&gt;"))
        XCTAssertTrue(try site.read("Output/articles/mistral-ai-founding/index.html").contains("<svg"), "the page keeps its drawings")
    }

    func testAChartOfAnUnknownPersonOrCompanyIsAnErrorWithASuggestion() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/news.md", "---\ntitle: News\ndate: 2025-05-01\n---\nText.\n\n![x](chart:career/adaa)\n\n![y](chart:moves/acmee)\n")
        let lines = site.build().errorLines.joined(separator: "\n")
        XCTAssertTrue(lines.contains("Content/articles/news.md:7:6: error: unknown author 'adaa' in chart 'career/adaa' (did you mean 'ada'?)"), lines)
        XCTAssertTrue(lines.contains("unknown company 'acmee' in chart 'moves/acmee' (did you mean 'acme'?)"), lines)
    }

    func testAPageEmbedsTheEvidenceFiguresComputedFromTheData() throws {
        let site = try TestSite.minimal()
        try site.write("Content/pages/methodology.md", "---\ntitle: Methodology\n---\nHow sure we are:\n\n![Evidence](figures:evidence)\n")
        XCTAssertTrue(site.build().succeeded)
        let text = try site.read("Output/methodology/index.html")
        XCTAssertTrue(text.contains(#"<th scope="row">Stints marked confirmed</th> <td>3</td> <td>100%</td>"#), text)
        XCTAssertTrue(text.contains(#"<th scope="row">Stints citing no source</th> <td>0</td> <td>0%</td>"#), text)
        XCTAssertTrue(text.contains("1 source in all"), text)
        try site.write("Content/pages/methodology.md", "---\ntitle: Methodology\n---\n![x](figures:evidance)\n")
        XCTAssertTrue(site.build().errorLines.joined().contains("'figures:evidance' is not a table of figures; write figures:evidence"))
    }

    func testWithEvidenceWarnTheHomeAndMethodologyPagesSayHowManyClaimsCiteNoSource() throws {
        let site = try TestSite.minimal()
        try site.write("Content/site.yml", try site.read("Content/site.yml").replacingOccurrences(of: "as_of:", with: "evidence: warn\nas_of:"))
        try site.write("Content/authors/bob.md", "---\nname: Bob\ncareer:\n  - company: acme\n    start: 2018-06-01\n---\nBob stayed.\n")
        try site.write("Content/pages/methodology.md", "---\ntitle: Methodology\n---\nHow.\n")
        try site.write("Content/pages/about.md", "---\ntitle: About\n---\nWho.\n")
        let report = site.build()
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.diagnostics.warnings.count, 1, "the unsourced claim is a warning, not an error")
        let note = "1 of 3 claims about careers cite no source"
        XCTAssertTrue(try site.read("Output/index.html").contains(note))
        XCTAssertTrue(try site.read("Output/methodology/index.html").contains(note))
        XCTAssertFalse(try site.read("Output/about/index.html").contains(note), "only the methodology page of the pages")
    }
}
