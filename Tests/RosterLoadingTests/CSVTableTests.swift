import Foundation
import RosterLoading
import RosterModel
import XCTest

final class CSVTableTests: XCTestCase {
    private func read(_ text: String) -> (CSVTable?, [Diagnostic]) {
        let result = CSVTable.read(Data(text.utf8), path: "c.csv")
        return (result.table, result.problems)
    }

    func testQuotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let (table, problems) = read("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(table?.header, ["a", "b"])
        XCTAssertEqual(table?.records.map(\.fields), [["x, y", "say \"hi\""], ["two\nlines", "z"]])
        XCTAssertEqual(table?.records.map(\.number), [2, 3])
    }

    func testAByteOrderMarkAndCRLFLineEndsAreAccepted() {
        let (table, problems) = read("\u{FEFF}a,b\r\n1,2\r\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(table?.header, ["a", "b"])
        XCTAssertEqual(table?.records.first?.fields, ["1", "2"])
    }

    func testAnUnclosedQuoteIsReportedWhereItOpens() {
        let (table, problems) = read("a,b\n1,2\n3,\"open\n4,5\n")
        XCTAssertEqual(table?.records.map(\.number), [2], "the records before it are read")
        XCTAssertEqual(problems.map(\.description), [#"c.csv:3:2: error: this quoted field is never closed: a " is missing, so the rest of the file would be read as one value"#])
    }

    func testAStrayQuoteAndTextAfterAClosingQuoteAreErrors() {
        let (_, problems) = read("a,b\nx\"y,2\n\"q\"z,3\n")
        XCTAssertEqual(problems.map { "\($0.location!.line):\($0.location!.column)" }, ["2:1", "3:1"])
    }

    func testARowWithTheWrongNumberOfFieldsIsAnErrorAtItsRow() {
        let (_, problems) = read("a,b,c\n1,2,3\n1,2\n1,2,3,4\n")
        XCTAssertEqual(problems.map { $0.location!.line }, [3, 4])
        XCTAssertTrue(problems[0].message.contains("2 fields where the header has 3"))
    }

    func testTextThatIsNotUTF8IsAnErrorAtItsField() {
        var data = Data("a,b\n1,".utf8)
        data.append(contentsOf: [0xE9, 0x0A])
        let result = CSVTable.read(data, path: "c.csv")
        XCTAssertEqual(result.problems.map(\.location), [SourceLocation(path: "c.csv", line: 2, column: 2)])
        XCTAssertTrue(result.problems[0].message.contains("UTF-8"))
    }

    func testRowNumbersCountBlankLinesAsASpreadsheetDoes() {
        let (table, problems) = read("a,b\n1,2\n\n\n3,4\n,\n5,6\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(table?.records.map(\.number), [2, 5, 7], "a blank line is a row; a row of empty cells is no record")
    }

    func testSemicolonsSeparateFieldsWhenTheHeaderHasNoComma() {
        let (table, problems) = read("a;b\n\"1,5\";x\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(table?.records.first?.fields, ["1,5", "x"])
        XCTAssertEqual(read("a,b;c\n1,2\n").0?.header, ["a", "b;c"], "a comma in the header keeps commas")
    }

    func testAFieldWithTwoStrayQuotesIsOneErrorAndAnUnreadableRowIsLeftOut() {
        XCTAssertEqual(read("a,b\nx\"y\"z,2\n").1.count, 1)
        var data = Data("a,b\n1,".utf8)
        data.append(contentsOf: [0xE9, 0x0A])
        data.append(Data("3,4\n".utf8))
        let result = CSVTable.read(data, path: "c.csv")
        XCTAssertEqual(result.table?.records.map(\.number), [3], "the row that cannot be read gives no further errors")
    }

    func testAnEmptyFileIsAnError() {
        XCTAssertTrue(read("").1.first?.message.contains("empty") == true)
        XCTAssertTrue(read("\u{FEFF}\r\n").1.first?.message.contains("empty") == true)
    }
}
