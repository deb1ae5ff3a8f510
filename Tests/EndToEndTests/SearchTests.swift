import Foundation
import RosterPublishing
import RosterTestSupport
import XCTest

/// Search: Pagefind indexes the staged site before the swap; without it the site has no search box.
/// (The searches themselves run in a browser, in `make test-site`.)
extension CommandLineTests {
    func testABuildIndexesPeopleOrganisationsCohortsArticlesPagesAndSourcesBeforeTheSwap() throws {
        guard Pagefind.located != nil else {
            return XCTFail("Pagefind is not installed; `make test` installs it (\(Pagefind.install))")
        }
        let site = try TestSite.shippedReport(search: true)
        let build = try run(["build", "--verbose"], in: site.root)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stdout.contains("  search "), "--verbose has no search phase: \(build.stdout)")
        let entry = try site.read("Output/pagefind/pagefind-entry.json")
        XCTAssertTrue(entry.contains("\"page_count\":32"), entry)   // 14 people, 10 organisations, 1 cohort, 4 articles, 2 pages, sources
        XCTAssertTrue(try site.read("Output/authors/guillaume-lample/index.html").contains("<main id=\"main\" class=\"wrap\" data-pagefind-body>"))
        for unindexed in ["Output/authors/index.html", "Output/tags/index.html", "Output/index.html", "Output/changes/index.html"] {
            XCTAssertFalse(try site.read(unindexed).contains("data-pagefind-body"), "\(unindexed) is indexed")
        }
        let lample = try site.read("Output/authors/guillaume-lample/index.html")
        // The filters' values, each once (his two stints are both confirmed), with the cohort's
        // quotes written so Pagefind can match them.
        let filters = lample.components(separatedBy: "<data ").dropFirst().map { "<data " + $0.prefix { $0 != "\n" } }
        XCTAssertEqual(filters, [#"<data data-pagefind-filter="kind[value]" value="person"></data>"#,
                                 #"<data data-pagefind-filter="company[value]" value="Mistral AI"></data>"#,
                                 #"<data data-pagefind-filter="cohort[value]" value="Authors of “LLaMA: Open and Efficient Foundation Language Models”"></data>"#,
                                 #"<data data-pagefind-filter="status[value]" value="left"></data>"#,
                                 #"<data data-pagefind-filter="confidence[value]" value="confirmed"></data>"#])
        // Pagefind reads no space between elements: every term and its value stay apart in excerpts.
        XCTAssertTrue(lample.contains("<dt>Status</dt> <dd>left</dd>"))
        XCTAssertTrue(lample.contains(#"<form class="site-search" role="search" action="../../search/" method="get">"#))
        XCTAssertTrue(try site.read("Output/search/index.html").contains("data-index=\"../pagefind/pagefind.js\""))
    }

    func testWithoutPagefindTheSiteIsBuiltWithoutSearchAndOneWarningSaysHowToInstallIt() throws {
        let site = try TestSite.shippedReport(search: true)
        let build = try run(["build"], in: site.root, environment: ["ROSTER_PAGEFIND": "/nonexistent/pagefind"])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(build.errLines.filter { $0.contains("warning:") }.count, 1, build.stderr)
        XCTAssertTrue(build.stderr.contains("install it with `python3 -m pip install pagefind-bin==1.5.2`"), build.stderr)
        XCTAssertFalse(try site.read("Output/index.html").contains("site-search"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("search").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("pagefind").path))
    }

    func testAPagefindThatFailsStopsTheBuildAndLeavesThePreviousSite() throws {
        let site = try TestSite.shippedReport(search: true)
        XCTAssertEqual(try run(["build", "--quiet"], in: site.root, environment: ["ROSTER_PAGEFIND": "/nonexistent"]).status, 0)
        let before = site.snapshot()
        try site.write("broken-pagefind", "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'pagefind 1.5.2'; exit 0; fi\necho 'out of disk' >&2\nexit 3\n")
        XCTAssertEqual(chmod(site.root.appendingPathComponent("broken-pagefind").path, 0o755), 0)
        let build = try run(["build"], in: site.root, environment: ["ROSTER_PAGEFIND": site.root.appendingPathComponent("broken-pagefind").path])
        XCTAssertEqual(build.status, 1)
        XCTAssertTrue(build.stderr.contains("Pagefind could not index the site (exit status 3): out of disk"), build.stderr)
        XCTAssertEqual(site.snapshot(), before, "a failed index changed the published site")
    }

    func testSearchFalseAndPortableSitesHaveNoSearch() throws {
        let site = try TestSite.shippedReport()
        XCTAssertEqual(try run(["build", "--quiet"], in: site.root).status, 0)
        XCTAssertFalse(try site.read("Output/index.html").contains("site-search"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("pagefind").path))
        let searching = try TestSite.shippedReport(search: true)
        let portable = try run(["build", "--portable", "--verbose"], in: searching.root)
        XCTAssertEqual(portable.status, 0, portable.stderr)
        XCTAssertFalse(try searching.read("Output/index.html").contains("site-search"), "--portable kept the search box")
        XCTAssertFalse(portable.stdout.contains("  search "), "--portable ran Pagefind")
    }

    func testAPageMayNotTakeTheSlugsOfSearchOrChanges() throws {
        let site = try TestSite.minimal()
        for slug in ["search", "changes", "pagefind"] {
            try site.write("Content/pages/\(slug).md", "---\ntitle: Mine\n---\nText.\n")
        }
        let build = try run(["build"], in: site.root)
        XCTAssertEqual(build.status, 1)
        for slug in ["search", "changes", "pagefind"] {
            XCTAssertTrue(build.stderr.contains("Content/pages/\(slug).md"), "no error for \(slug): \(build.stderr)")
        }
    }
}
