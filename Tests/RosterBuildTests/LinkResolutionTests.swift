@testable import RosterBuild
import RosterModel
import XCTest

/// How `roster check` reads the links and ids of rendered pages.
final class LinkResolutionTests: XCTestCase {
    private let checker = LinkChecker(pages: [:], otherFiles: [])

    func testARelativeLinkResolvesAgainstThePagesFolder() {
        XCTAssertEqual(checker.resolve("../bob/", from: "authors/ada/index.html")?.0, "authors/bob/index.html")
        XCTAssertEqual(checker.resolve("../../", from: "authors/ada/index.html")?.0, "index.html")
        XCTAssertEqual(checker.resolve("./", from: "authors/ada/index.html")?.0, "authors/ada/index.html")
    }

    func testAFragmentIsKeptApartFromThePath() {
        let resolved = checker.resolve("../bob/#career", from: "authors/ada/index.html")
        XCTAssertEqual(resolved?.0, "authors/bob/index.html")
        XCTAssertEqual(resolved?.1, "career")
        XCTAssertEqual(checker.resolve("#top", from: "index.html")?.0, "index.html")
    }

    func testPercentEscapesAreDecodedToTheFileName() {
        XCTAssertEqual(checker.resolve("caf%C3%A9.html", from: "index.html")?.0, "café.html")
    }

    func testExternalAndRootLinksAreNotResolved() {
        XCTAssertNil(checker.resolve("https://example.org/", from: "index.html"))
        XCTAssertNil(checker.resolve("/authors/", from: "index.html"))
        XCTAssertNil(checker.resolve("mailto:a@example.org", from: "index.html"))
        XCTAssertNil(checker.resolve("", from: "index.html"))
    }

    func testAPageAddressIsWhatAReaderSees() {
        XCTAssertEqual(LinkChecker.url("index.html"), "/")
        XCTAssertEqual(LinkChecker.url("authors/ada/index.html"), "/authors/ada/")
        XCTAssertEqual(LinkChecker.url("feed.xml"), "/feed.xml")
    }

    func testABrokenLinkAndAMissingAnchorAreBothReported() {
        let pages = [
            "index.html": PageAnchors(ids: ["top"], hrefs: ["authors/", "authors/ada/#career", "#top"]),
            "authors/ada/index.html": PageAnchors(ids: ["bio"], hrefs: []),
        ]
        let problems = LinkChecker(pages: pages, otherFiles: [], parallelism: .sequential).check()
        let messages = problems.map(\.message).joined(separator: "\n")
        XCTAssertEqual(problems.count, 2, messages)
        XCTAssertTrue(messages.contains("/authors/"), messages)
        XCTAssertTrue(messages.contains("career"), messages)
    }

    func testAnIDTwiceOnAPageIsReported() {
        let pages = ["index.html": PageAnchors(ids: ["a", "a"], hrefs: [])]
        XCTAssertEqual(LinkChecker(pages: pages, otherFiles: [], parallelism: .sequential).check().count, 1)
    }
}

final class PageAnchorsTests: XCTestCase {
    func testIDsAndHrefsAreReadWithEntitiesDecoded() {
        let html = #"<h2 id="a&amp;b">A</h2><a href="x/?q=1&amp;r=2">x</a><p data-id="no">"#
        let anchors = PageAnchors(html: html, hrefs: true)
        XCTAssertEqual(anchors.ids, ["a&b"])
        XCTAssertEqual(anchors.hrefs, ["x/?q=1&r=2"])
    }

    func testHrefsAreSkippedWhenNotWanted() {
        let anchors = PageAnchors(html: #"<a id="x" href="y">"#, hrefs: false)
        XCTAssertEqual(anchors.ids, ["x"])
        XCTAssertEqual(anchors.hrefs, [])
    }

    func testRepeatedIDsAreKept() {
        XCTAssertEqual(PageAnchors(html: #"<p id="a"></p><p id="a"></p>"#, hrefs: false).ids, ["a", "a"])
    }
}

final class PublishedRoutesTests: XCTestCase {
    private func article(_ slug: String, draft: Bool = false, tags: [String] = []) -> Article {
        Article(slug: slug, title: slug, date: PartialDate(parsing: "2024")!, tags: tags, draft: draft)
    }

    func testDraftsRedirectsAndTheNotFoundPageAreNotInTheSitemap() {
        let routes: [Route] = [.home, .article("a"), .article("d"), .alias("old"), .notFound]
        let selected = PublishedRoutes.select(routes, articles: [article("a"), article("d", draft: true)], paginate: 10)
        XCTAssertEqual(selected, [.home, .article("a")])
    }

    func testATagOnlyDraftsUseIsNotPublished() {
        let articles = [article("a", tags: ["Kept"]), article("d", draft: true, tags: ["Secret"])]
        let routes: [Route] = [.tag("kept", page: 1), .tag("secret", page: 1), .articles(page: 1), .articles(page: 2)]
        XCTAssertEqual(PublishedRoutes.select(routes, articles: articles, paginate: 10), [.tag("kept", page: 1), .articles(page: 1)])
    }
}
