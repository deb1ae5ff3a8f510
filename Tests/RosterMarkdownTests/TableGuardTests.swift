import RosterModel
import XCTest
@testable import RosterMarkdown

/// The table guard reads delimiter rows on bytes; these are the shapes it must tell apart.
final class TableGuardTests: XCTestCase {
    private func columns(_ line: String) -> Int? {
        var text = line
        return text.withUTF8 { TableGuard.delimiterColumns($0, TableGuard.content($0, 0..<$0.count)) }
    }

    func testDelimiterRowsAreCountedByTheirCells() {
        XCTAssertEqual(columns("|---|---|"), 2)
        XCTAssertEqual(columns("---|---"), 2)
        XCTAssertEqual(columns("| :-- | --: | :-: |"), 3)
        XCTAssertEqual(columns("|---"), 1)
        XCTAssertEqual(columns(":-:"), 1)
        XCTAssertEqual(columns("> |---|---|\r"), 2, "in a quote, with a carriage return")
        XCTAssertEqual(columns("   \t|---|"), 1)
    }

    func testLinesThatAreNotDelimiterRowsAreNotCounted() {
        XCTAssertNil(columns("---"), "a thematic break or setext underline")
        XCTAssertNil(columns("|   |"), "no dash")
        XCTAssertNil(columns("|---||---|"), "an empty cell between pipes")
        XCTAssertNil(columns("| --- | :"), "a last cell without a dash")
        XCTAssertNil(columns("| a | b |"))
        XCTAssertNil(columns("|-x-|"))
        XCTAssertNil(columns(""))
    }

    func testRowsRunToTheNextBlankLineAndCellsAddUpOverAFile() {
        let header = "| " + (1...60).map { "h\($0)" }.joined(separator: " | ") + " |"
        let delimiter = "|" + String(repeating: "---|", count: 60)
        let table = ([header, delimiter] + Array(repeating: "x", count: 900)).joined(separator: "\n")
        XCTAssertNil(TableGuard.check(MarkdownText(table, path: "a.md")), "60 × 901 cells is under the limit")
        let twice = table + "\n\n" + table
        let problem = TableGuard.check(MarkdownText(twice, firstLine: 5, path: "a.md"))
        XCTAssertEqual(problem?.location?.line, 5 + 903 + 1, "the second table's delimiter row")
        XCTAssertTrue(problem?.message.contains("with the tables before it 108120 cells") == true, problem?.message ?? "")
    }

    func testTableLikeTextInCodeIsNotATable() {
        let wide = "a|" + String(repeating: "b|", count: 150) + "\n" + String(repeating: "-|", count: 151)
        XCTAssertNotNil(TableGuard.check(MarkdownText(wide, path: "a.md")))
        XCTAssertNil(TableGuard.check(MarkdownText("```\n" + wide + "\n```", path: "a.md")))
    }
}
