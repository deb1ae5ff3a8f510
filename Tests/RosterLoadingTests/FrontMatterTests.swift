import RosterModel
import XCTest
@testable import RosterLoading

final class FrontMatterTests: XCTestCase {
    func testSplitsFrontMatterAndKeepsTheBodysFirstLine() throws {
        let document = try FrontMatter.split("---\nname: A\nb: 2\n---\nBody line\n", path: "x.md").get()
        XCTAssertEqual(document.yaml, "name: A\nb: 2")
        XCTAssertEqual(document.yamlFirstLine, 2)
        XCTAssertEqual(document.body.text, "Body line")
        XCTAssertEqual(document.body.firstLine, 5)
    }

    func testUnclosedFrontMatterIsAnErrorAtLineOne() {
        guard case .failure(let problem) = FrontMatter.split("---\nname: A\n", path: "x.md") else {
            return XCTFail("expected a failure")
        }
        XCTAssertEqual(problem.location?.line, 1)
        XCTAssertTrue(problem.message.contains("never closed"))
    }

    func testEmptyFileAndMissingFenceAreErrors() {
        if case .success = FrontMatter.split("", path: "x.md") { XCTFail("empty file accepted") }
        if case .success = FrontMatter.split("name: A\n", path: "x.md") { XCTFail("missing fence accepted") }
    }

    func testByteOrderMarkAndCRLFAreNormalised() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\nname: A\r\n---\r\nHi\r\n".utf8)
        var problems: [Diagnostic] = []
        let text = try TextFile.decode(data, path: "x.md", problems: &problems).get()
        XCTAssertEqual(problems, [])
        XCTAssertEqual(text, "---\nname: A\n---\nHi\n")
    }

    func testNonUTF8IsReportedAtTheLineOfTheFirstBadByte() {
        let data = Data("---\nname: A\n---\nok\nbad ".utf8) + Data([0xFF, 0xFE]) + Data("\n".utf8)
        var problems: [Diagnostic] = []
        guard case .failure(let problem) = TextFile.decode(data, path: "x.md", problems: &problems) else { return XCTFail("accepted") }
        XCTAssertEqual(problem.location?.line, 5)
        XCTAssertEqual(problem.location?.column, 5)
    }
}
