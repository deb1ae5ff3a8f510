import XCTest
@testable import RosterCharts
import RosterLoading
import RosterModel

private let english = BuiltInLabels.english

/// Charts must stay legible from 3 to 500 members: the layouts are computed with estimated text
/// widths, and these tests assert on them.
final class ChartLayoutTests: XCTestCase {
    let companies = ["Meta", "Mistral AI", "Google DeepMind", "Anthropic", "Cohere", "Kyutai", "Microsoft AI",
                     "Thinking Machines Lab", "Apple", "Inflection AI", "OpenAI", "xAI"]

    /// At every width the chart is drawn at: no two labels overlap and every label is inside.
    private func assertNoOverlap(_ chart: Chart, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(chart.drawings.map(\.width), ChartCanvas.breakpoints.filter { $0 <= chart.widest.width }, file: file, line: line)
        for drawing in chart.drawings {
            let pairs = LabelBox.overlappingPairs(drawing.labels)
            XCTAssertTrue(pairs.isEmpty, "\(chart.id) at \(drawing.width): \(pairs.prefix(3).map { "'\($0.0.text)' × '\($0.1.text)'" })",
                          file: file, line: line)
            for label in drawing.labels {
                XCTAssertGreaterThanOrEqual(label.x, -0.5, "\(label.text) starts left of the chart at \(drawing.width)", file: file, line: line)
                XCTAssertLessThanOrEqual(label.x + label.width, drawing.width + 0.5, "\(label.text) ends right of the chart at \(drawing.width)",
                                         file: file, line: line)
                XCTAssertLessThanOrEqual(label.y + label.height, drawing.height + 0.5, "\(label.text) ends below the chart", file: file, line: line)
            }
        }
    }

    /// A deterministic pseudo-random cohort of `count` careers.
    private func routes(_ count: Int) -> [FlowChart.Route] {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            var steps = ["Meta"]
            for _ in 0..<next(4) { steps.append(companies[next(companies.count)]) }
            return FlowChart.Route(steps: steps)
        }
    }

    private var colors: [String: Int] { Dictionary(uniqueKeysWithValues: companies.enumerated().map { ($1, $0) }) }

    func testBarChartLabelsNeverOverlap() {
        for count in [3, 12, 500] {
            let bars = (0..<count).map { BarChart.Bar(label: "\(companies[$0 % companies.count]) \($0)", value: ($0 * 7) % 50 + 1, colorIndex: $0) }
            assertNoOverlap(BarChart(id: "d\(count)", title: "T", description: "D", bars: bars, categoryHeading: "Company", valueHeading: "People", labels: english).draw())
        }
    }

    func testFlowChartLabelsNeverOverlapFromThreeTo500Members() {
        for count in [3, 14, 50, 500] {
            let chart = FlowChart(id: "f\(count)", title: "T", description: "D", origin: "Meta", routes: routes(count), colors: colors, labels: english).draw()
            assertNoOverlap(chart)
            XCTAssertFalse(chart.widest.labels.isEmpty)
            XCTAssertEqual(chart.table.rows.map { Int($0[1]) ?? 0 }.reduce(0, +), count)
        }
    }

    /// A tracker's cohort: long names and many routes. Where names would be cut, or cross each
    /// other or another node's ribbons, left to right, the flow is drawn upright, every name whole.
    func testAFlowWhoseNamesDoNotFitLeftToRightIsDrawnUprightWithEveryNameWhole() {
        let routes = (0..<60).map { index -> FlowChart.Route in
            index % 4 == 0 ? FlowChart.Route(steps: ["Organisation 166"])
                : FlowChart.Route(steps: ["Organisation 166", "Organisation \(100 + index % 9)", "Organisation \(200 + index % 5)"])
        }
        let chart = FlowChart(id: "t", title: "T", description: "D", origin: "Organisation 166", routes: routes, colors: [:], labels: english).draw()
        assertNoOverlap(chart)
        for drawing in chart.drawings {
            XCTAssertFalse(drawing.labels.contains { $0.text.hasSuffix("…") }, "a name is cut at \(drawing.width): \(drawing.labels.map(\.text))")
        }
        XCTAssertTrue(chart.widest.labels.contains { $0.text == "Still at Organisation 166 15" })
    }

    func testFlowChartShowsReturnsAndMultiHopRoutes() {
        let chart = FlowChart(id: "f", title: "T", description: "D", origin: "Meta", routes: [
            FlowChart.Route(steps: ["Meta", "Apple", "Google DeepMind"]),
            FlowChart.Route(steps: ["Meta", "Google", "Meta"]),
            FlowChart.Route(steps: ["Meta"]),
        ], colors: colors, labels: english).draw()
        XCTAssertEqual(chart.table.rows.map { $0[0] }.sorted(),
                       ["Meta (stayed)", "Meta → Apple → Google DeepMind", "Meta → Google → Meta"])
        XCTAssertTrue(chart.widest.labels.contains { $0.text == "Meta 1" }, "the return shows as a Meta node in the last column")
        XCTAssertTrue(chart.widest.labels.contains { $0.text == "Still at Meta 1" })
    }

    func testTimelineLabelsNeverOverlapFromThreeTo500Rows() {
        let start = TimeAxis.daysFromCivil(2012, 1, 1)
        let end = TimeAxis.daysFromCivil(2025, 5, 27)
        for count in [3, 14, 500] {
            let rows = (0..<count).map { index -> TimelineChart.Row in
                let leave = start + 400 + (index * 97) % 4000
                return TimelineChart.Row(label: "Person number \(index) with a long name", bars: [
                    TimelineChart.Bar(company: "Meta", colorIndex: 0, start: index % 3 == 0 ? nil : start + (index * 31) % 300,
                                      end: leave, open: false, period: "p"),
                    TimelineChart.Bar(company: companies[index % companies.count], colorIndex: index, start: leave,
                                      end: index % 4 == 0 ? nil : nil, open: index % 4 != 0, period: "p"),
                    TimelineChart.Bar(company: "Google DeepMind", colorIndex: 2, start: nil, end: nil, open: index % 4 == 0, period: "p"),
                ])
            }
            let chart = TimelineChart(id: "t\(count)", title: "T", description: "D", rows: rows,
                                      markers: [.init(day: TimeAxis.daysFromCivil(2023, 2, 27), label: "LLaMA paper, 27 Feb 2023"),
                                                .init(day: TimeAxis.daysFromCivil(2025, 1, 1), label: "Another date close by"),
                                                .init(day: end, label: "As of 27 May 2025")],
                                      endDay: end, labels: english).draw()
            assertNoOverlap(chart)
        }
    }

    /// One cohort's table has no cohort column (its line is named "at Meta"), and shows the dates as
    /// the content wrote them; several cohorts' tables name each row's cohort.
    func testTheRetentionTableNamesCohortsOnlyWhenItComparesThem() {
        let end = TimeAxis.daysFromCivil(2025, 5, 27)
        let line = RetentionChart.Series(label: "at Meta", colorIndex: 0, points: [(TimeAxis.daysFromCivil(2023, 4, 15), 13)],
                                         finalValue: 13, total: 14, dates: ["Apr 2023"])
        let one = RetentionChart(id: "r", title: "T", description: "D", series: [line], endDay: end, asShares: false, origin: "Meta",
                                 labels: english, endDate: "27 May 2025").draw()
        XCTAssertEqual(one.table.columns, ["Date", "Members at Meta"])
        XCTAssertEqual(one.table.rows, [["Apr 2023", "13"], ["27 May 2025", "13"]])
        var other = line
        other.label = "Cohort B"
        let two = RetentionChart(id: "r", title: "T", description: "D", series: [line, other], endDay: end, asShares: true, origin: "origin",
                                 labels: english).draw()
        XCTAssertEqual(two.table.columns, ["Cohort", "Date", "Share still at the origin"])
        XCTAssertEqual(two.table.rows.last, ["Cohort B", "2025-05-27", "93%"])
    }

    /// A line that starts on 1 January puts its first year at the value axis, under its "0": that
    /// year is left unlabelled rather than drawn touching the "0" (as on a tracker's cohort page).
    func testTheFirstYearDoesNotTouchTheValueAxisZero() {
        let end = TimeAxis.daysFromCivil(2025, 5, 27)
        let line = RetentionChart.Series(label: "at Acme", colorIndex: 0, points: [(TimeAxis.daysFromCivil(2010, 1, 1), 40), (TimeAxis.daysFromCivil(2015, 6, 1), 12)],
                                         finalValue: 12, total: 40)
        let chart = RetentionChart(id: "r", title: "T", description: "D", series: [line], endDay: end, asShares: false, origin: "Acme", labels: english).draw()
        for drawing in chart.drawings {
            guard let zero = drawing.labels.first(where: { $0.text == "0" }) else { return XCTFail("no 0 at \(drawing.width)") }
            let near = LabelBox(text: "", x: zero.x - 3, y: zero.y - 3, width: zero.width + 6, height: zero.height + 6)
            let touching = drawing.labels.filter { $0.text.count == 4 && Int($0.text) != nil && $0.overlaps(near) }
            XCTAssertEqual(touching.map(\.text), [], "at \(drawing.width)")
        }
    }

    func testRetentionOverlayLabelsNeverOverlap() {
        let end = TimeAxis.daysFromCivil(2025, 5, 27)
        let series = (0..<6).map { index in
            RetentionChart.Series(label: "Cohort \(index)", colorIndex: index,
                                  points: [(TimeAxis.daysFromCivil(2020 + index % 3, 1, 1), 10), (TimeAxis.daysFromCivil(2024, 1, 1), 9 - index % 2)],
                                  finalValue: 5, total: 10)
        }
        let chart = RetentionChart(id: "r", title: "T", description: "D", series: series, endDay: end, asShares: true, origin: "Meta", labels: english).draw()
        assertNoOverlap(chart)
        // The names are in the key under the chart, in full; the drawing carries the values.
        XCTAssertEqual(Set(chart.key.map(\.text)), Set((0..<6).map { "Cohort \($0): 50%" }))
        XCTAssertFalse(chart.widest.labels.contains { $0.text.contains("Cohort") })
    }

    func testYearBarsLabelsNeverOverlapEvenWithManyYears() {
        for count in [1, 5, 40] {
            let years = (0..<count).map { YearBarsChart.Year(year: 1990 + $0, arrivals: $0 % 7, departures: ($0 * 3) % 5) }
            assertNoOverlap(YearBarsChart(id: "y\(count)", title: "T", description: "D", years: years, labels: english).draw())
        }
    }

    func testYearBarsGiveEveryYearBetweenTheFirstAndLastMoveItsPlace() {
        let years = [YearBarsChart.Year(year: 2015, arrivals: 1, departures: 0), YearBarsChart.Year(year: 2018, arrivals: 0, departures: 2)]
        XCTAssertEqual(YearBarsChart.everyYear(years).map(\.year), [2015, 2016, 2017, 2018])
        let chart = YearBarsChart(id: "y", title: "T", description: "D", years: years, labels: english).draw()
        XCTAssertTrue(chart.svg.contains(">2016</text>") && chart.svg.contains(">2017</text>"), "the empty years are on the axis")
        XCTAssertEqual(chart.table.rows.map { $0[0] }, ["2015", "2018"], "the table lists the years with moves")
    }

    func testThoseStillAtTheOriginAreDrawnInTheOriginsColour() {
        let flow = FlowChart(id: "f", title: "T", description: "D", origin: "Meta",
                             routes: [.init(steps: ["Meta"]), .init(steps: ["Meta", "Mistral AI"])], colors: ["Meta": 2, "Mistral AI": 0], labels: english)
        XCTAssertEqual(flow.color("Still at Meta"), 2)
        XCTAssertEqual(flow.color("Mistral AI"), 0)
        XCTAssertEqual(flow.color("3 other routes"), 7, "what is not a company takes the last colour")
    }

    func testOutputIsDeterministicAndEscaped() {
        let make = { BarChart(id: "x", title: "<T & \"q\">", description: "D", bars: [.init(label: "<b>", value: 1, colorIndex: 0)],
                              categoryHeading: "C", valueHeading: "V", labels: english).draw().svg }
        XCTAssertEqual(make(), make())
        XCTAssertTrue(make().contains("<title id=\"x-288-title\">&lt;T &amp; &quot;q&quot;&gt;</title>"))
        XCTAssertFalse(make().contains("<b>"))
    }
}

/// Charts that stay readable however many companies and routes there are.
final class ChartCapTests: XCTestCase {
    func testWhereTheyWentDrawsTwelveBarsAndOneForTheOthersButTabulatesEveryCompany() {
        let bars = (0..<40).map { BarChart.Bar(label: "Company \($0)", value: 40 - $0, colorIndex: $0) }
        let chart = BarChart(id: "d", title: "T", description: "D", bars: bars, categoryHeading: "Company", valueHeading: "People", labels: english).draw()
        XCTAssertEqual(chart.widest.svg.components(separatedBy: "<rect").count - 1, 13)
        let others = (12..<40).map { 40 - $0 }.reduce(0, +)
        XCTAssertTrue(chart.widest.svg.contains("28 others (\(others) people)"), chart.widest.svg)
        XCTAssertEqual(chart.table.rows.count, 40)
        XCTAssertEqual(chart.table.rows.map { Int($0[1]) ?? 0 }.reduce(0, +), bars.map(\.value).reduce(0, +))
    }

    func testAFlowOfHundredsOfRoutesDrawsAtMostFifteenRibbonsAndTabulatesEveryRoute() {
        let routes = (0..<500).map { index in
            FlowChart.Route(steps: ["Meta", "Company \(index % 100)", "Company \(index % 37 + 100)", "Company \(index % 11 + 200)"])
        }
        let flow = FlowChart(id: "f", title: "T", description: "D", origin: "Meta", routes: routes, colors: [:], labels: english)
        let paths = flow.budgetedPaths()
        let ribbons = Set(paths.flatMap { path in zip(path, path.dropFirst()).enumerated().map { "\($0.offset) \($0.element.0) \($0.element.1)" } })
        XCTAssertLessThanOrEqual(ribbons.count, 15)
        XCTAssertEqual(paths.count, 500, "every member is still in the chart")
        XCTAssertTrue(paths.contains { $0.last?.hasSuffix("people)") == true && $0.last?.contains("other routes") == true })
        let chart = flow.draw()
        XCTAssertEqual(chart.table.rows.map { Int($0[1]) ?? 0 }.reduce(0, +), 500)
    }

    func testASmallFlowIsDrawnInFull() {
        let routes = [FlowChart.Route(steps: ["Meta", "Mistral AI"]), FlowChart.Route(steps: ["Meta", "Google", "Meta"]), FlowChart.Route(steps: ["Meta"])]
        let flow = FlowChart(id: "f", title: "T", description: "D", origin: "Meta", routes: routes, colors: [:], labels: english)
        XCTAssertEqual(flow.budgetedPaths(), flow.drawnSteps())
    }
}
