import XCTest
@testable import RosterCharts
import RosterLoading
import RosterModel

private let english = BuiltInLabels.english

/// Hatching means "date not known", drawn from the career alone, the same on every chart.
final class UncertaintyTests: XCTestCase {
    private let cohortDay = 19_415   // 27 Feb 2023
    private let asOf = 20_235        // 27 May 2025

    private func chart(_ bars: [TimelineChart.Bar], markers: [TimelineChart.Marker] = []) -> TimelineChart {
        TimelineChart(id: "t", title: "T", description: "D", rows: [TimelineChart.Row(label: "Ann", bars: bars)],
                      markers: markers, endDay: asOf, labels: english)
    }

    func testAnUnknownStartIsHatchedUpToTheFirstDayTheStintIsKnownAndDoesNotDependOnTheAxis() {
        let bar = TimelineChart.Bar(company: "Meta", colorIndex: 0, start: nil, end: 20_000, open: false, period: "?",
                                    startsBefore: cohortDay)
        let alone = chart([bar]).spans([bar])[0]
        XCTAssertEqual(alone.start, cohortDay - TimelineChart.unknownStartLead)
        XCTAssertEqual(alone.solidFrom, cohortDay, "the stretch before the cohort date is hatched")
        XCTAssertEqual(alone.solidTo, 20_000)
        let early = TimelineChart.Marker(day: 10_000, label: "far back")
        XCTAssertEqual(chart([bar], markers: [early]).spans([bar])[0].start, alone.start, "the guess moved with the axis")
    }

    func testAnUnknownEndIsHatchedFromTheLastDayTheStintIsKnown() {
        let bar = TimelineChart.Bar(company: "Meta", colorIndex: 0, start: 18_000, end: nil, open: false, period: "?", endsAfter: cohortDay)
        let span = chart([bar]).spans([bar])[0]
        XCTAssertEqual(span.solidFrom, 18_000)
        XCTAssertEqual(span.solidTo, cohortDay)
        XCTAssertGreaterThan(span.end, cohortDay)
        XCTAssertTrue(span.hasUncertainty)
    }

    func testAStintWithBothDatesKnownIsSolidAndTheLegendOnlyAppearsWithHatching() {
        let known = TimelineChart.Bar(company: "Meta", colorIndex: 0, start: 18_000, end: 19_000, open: false, period: "")
        XCTAssertFalse(chart([known]).spans([known])[0].hasUncertainty)
        XCTAssertFalse(chart([known]).draw().svg.contains("dates not known"))
        let unknown = TimelineChart.Bar(company: "Meta", colorIndex: 0, start: nil, end: 19_000, open: false, period: "")
        XCTAssertTrue(chart([unknown]).draw().svg.contains("Hatched: dates not known"))
    }

    func testTheMovesChartDoesNotHatchDepartures() {
        let moves = YearBarsChart(id: "m", title: "M", description: "D",
                                  years: [YearBarsChart.Year(year: 2023, arrivals: 2, departures: 3)], labels: english).draw()
        XCTAssertFalse(moves.svg.contains("hatch"))
    }
}
