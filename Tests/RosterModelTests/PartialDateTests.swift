import XCTest
@testable import RosterModel

final class PartialDateTests: XCTestCase {
    func testParsesTheThreePrecisions() {
        XCTAssertEqual(PartialDate(parsing: "2023")?.description, "2023")
        XCTAssertEqual(PartialDate(parsing: "2023-04")?.description, "2023-04")
        XCTAssertEqual(PartialDate(parsing: "2023-04-15")?.description, "2023-04-15")
    }

    func testRejectsImpossibleAndMalformedDates() {
        for text in ["2023-13", "2023-02-30", "23", "2023-4", "2023-04-1", "2023/04", "unknown", "", "2023-04-15T00"] {
            XCTAssertNil(PartialDate(parsing: text), text)
        }
        XCTAssertNotNil(PartialDate(parsing: "2024-02-29"))
        XCTAssertNil(PartialDate(parsing: "2023-02-29"))
    }

    func testDisplaysAsPreciselyAsWritten() {
        XCTAssertEqual(PartialDate(parsing: "2023")?.display, "2023")
        XCTAssertEqual(PartialDate(parsing: "2023-04")?.display, "Apr 2023")
        XCTAssertEqual(PartialDate(parsing: "2023-04-15")?.display, "15 Apr 2023")
        XCTAssertEqual(DateBound.unknown.display, "date unknown")
    }

    func testYearMeansFirstOfJulyAndMonthMeansItsFifteenth() throws {
        let year = try XCTUnwrap(PartialDate(parsing: "2023"))
        let month = try XCTUnwrap(PartialDate(parsing: "2023-04"))
        XCTAssertEqual(year.dayNumber, PartialDate.days(year: 2023, month: 7, day: 1))
        XCTAssertEqual(month.dayNumber, PartialDate.days(year: 2023, month: 4, day: 15))
        XCTAssertEqual(year.isoDay, "2023-07-01")
        XCTAssertEqual(month.timestamp, "2023-04-15T00:00:00Z")
    }

    func testDayNumbersRoundTripThroughTheCivilCalendar() {
        XCTAssertEqual(PartialDate.days(year: 1970, month: 1, day: 1), 0)
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = PartialDate.civil(fromDays: days)
            XCTAssertEqual(PartialDate.days(year: y, month: m, day: d), days)
        }
    }

    func testSpansCoverTheWholeWrittenPeriod() throws {
        let year = try XCTUnwrap(PartialDate(parsing: "2024"))
        XCTAssertEqual(year.firstDay, PartialDate.days(year: 2024, month: 1, day: 1))
        XCTAssertEqual(year.lastDay, PartialDate.days(year: 2024, month: 12, day: 31))
        let february = try XCTUnwrap(PartialDate(parsing: "2024-02"))
        XCTAssertEqual(february.lastDay, PartialDate.days(year: 2024, month: 2, day: 29))
    }
}
