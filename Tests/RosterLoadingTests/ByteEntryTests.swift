import Foundation
import RosterLoading
import RosterModel
import XCTest

/// The entries that read raw bytes (`make fuzz` drives them; imported here without `@testable`, so
/// this file stops compiling if they stop being public) read a file the way a build does.
final class ByteEntryTests: XCTestCase {
    func testAnArticlesBytesAreReadWithSyntaxRecoveryAndEveryProblemReported() {
        let bytes = Data("---\ntitle: News\ndate: 2024-05-01\nsummary: & Co\ncolour: blue\n---\nBody.\n".utf8)
        let (article, problems) = SiteLoader.parseArticle(bytes, path: "Content/articles/news.md")
        XCTAssertNil(article, "a document with a syntax error stays out of the site")
        XCTAssertEqual(problems.map { $0.location?.line ?? 0 }, [4, 5], problems.map(\.description).joined(separator: "\n"))
        let (good, none) = SiteLoader.parseArticle(Data("---\ntitle: News\ndate: 2024-05-01\n---\nBody.\n".utf8),
                                                   path: "Content/articles/news.md")
        XCTAssertEqual(good?.title, "News")
        XCTAssertEqual(none.count, 0, none.map(\.description).joined(separator: "\n"))
    }

    func testSiteYmlBytesThatAreNotUTF8OrHaveABrokenKeyAreErrorsAtTheirLines() {
        let (settings, _, problems) = SiteLoader.parseSettings(Data([0x74, 0x69, 0xFF, 0x0A]))
        XCTAssertNil(settings)
        XCTAssertTrue(problems.contains { $0.message.contains("UTF-8") }, problems.map(\.description).joined(separator: "\n"))

        let yaml = "title: Paris: the report\nbase_url: https://example.org/\nas_of: 2025-01-01\n"
            + "cohorts:\n  - {slug: c, name: C, origin: acme, date: 2020, members: [ada]}\n"
        let (_, cohorts, found) = SiteLoader.parseSettings(Data(yaml.utf8))
        XCTAssertEqual(cohorts.map(\.slug), ["c"], "the readable keys are still read")
        XCTAssertEqual(found.map { $0.location?.line ?? 0 }, [1], found.map(\.description).joined(separator: "\n"))
    }
}
