import XCTest
@testable import RosterModel

final class LinkerTests: XCTestCase {
    func testLinksAreRelativeToThePage() {
        let linker = Linker(from: .page("/articles/x/"))
        XCTAssertEqual(linker.href(.author("ada")), "../../authors/ada/")
        XCTAssertEqual(linker.href(.home), "../../")
        XCTAssertEqual(linker.href(.article("x")), "./")
        XCTAssertEqual(linker.href(.article("y")), "../y/")
        XCTAssertEqual(linker.href(.feed), "../../feed.xml")
        XCTAssertEqual(linker.href(.sources, fragment: "paper"), "../../sources/#paper")
        XCTAssertEqual(Linker(from: .page("/")).href(.authors), "authors/")
        XCTAssertEqual(Linker(from: .page("/")).href(.home), "./")
    }

    func testPortableLinksEndInIndexHTML() {
        let linker = Linker(from: .page("/articles/x/"), portable: true)
        XCTAssertEqual(linker.href(.author("ada")), "../../authors/ada/index.html")
        XCTAssertEqual(linker.href(.article("x")), "index.html")
        XCTAssertEqual(linker.href(.feed), "../../feed.xml")
    }

    func testNotFoundPageLinksFromTheBasePath() {
        let linker = Linker(for: .notFound, basePath: "/llama/", portable: true)
        XCTAssertEqual(linker.href(.authors), "/llama/authors/")
        XCTAssertEqual(linker.href(.home), "/llama/")
    }

    func testNonASCIITagSlugsArePercentEncodedInLinks() {
        XCTAssertEqual(Linker(from: .page("/")).href(.tag("zürich", page: 1)), "tags/z%C3%BCrich/")
    }

    func testRoutesMapToCleanURLsAndFiles() {
        XCTAssertEqual(Route.articles(page: 2).path, "/articles/page/2/")
        XCTAssertEqual(Route.articles(page: 1).outputFile, "articles/index.html")
        XCTAssertEqual(Route.tag("meta", page: 3).outputFile, "tags/meta/page/3/index.html")
        XCTAssertEqual(Route.notFound.outputFile, "404.html")
        XCTAssertEqual(Route.page("about").path, "/about/")
    }
}
