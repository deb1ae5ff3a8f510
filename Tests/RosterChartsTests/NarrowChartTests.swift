import Foundation
import XCTest
@testable import RosterCharts
import RosterLoading
import RosterModel

private let english = BuiltInLabels.english

/// Every chart is drawn once per column width, and the narrow drawings are laid out for phones
/// rather than shrunk: names above bars, careers from the cohort date, an upright flow, wrapped legends.
final class NarrowChartTests: XCTestCase {
    private let cohortDay = TimeAxis.daysFromCivil(2023, 2, 27)
    private let asOf = TimeAxis.daysFromCivil(2025, 5, 27)

    private func bars() -> BarChart {
        BarChart(id: "d", title: "T", description: "D", bars: [
            .init(label: "Mistral AI", value: 5, colorIndex: 0), .init(label: "Thinking Machines Lab", value: 1, colorIndex: 1),
        ], categoryHeading: "Company", valueHeading: "People", labels: english)
    }

    private func drawing(_ chart: Chart, at width: Double) throws -> ChartDrawing {
        try XCTUnwrap(chart.drawings.first { $0.width == width }, "no drawing at \(width)")
    }

    func testEachChartIsDrawnForEveryColumnWidthUpToItsOwnAndItsWidestServesWiderColumns() throws {
        let chart = bars().draw()
        XCTAssertEqual(chart.drawings.map(\.width), [288, 440, 640])
        XCTAssertEqual(chart.drawings.filter { $0.svg.contains("chart-v v640 v1000\"") }.count, 1,
                       "the 640 drawing is also the one shown in a 1000 px column")
        XCTAssertTrue(try drawing(chart, at: 288).svg.contains("class=\"chart-svg chart-v v288\""))
        XCTAssertTrue(chart.svg.contains("id=\"d-288-title\"") && chart.svg.contains("id=\"d-640-title\""),
                      "every drawing has ids of its own on the page")
        XCTAssertTrue(try drawing(chart, at: 288).svg.contains("viewBox=\"0 0 288 ") && chart.drawings[0].svg.contains("width=\"360\""),
                      "drawn for 288 px, stretched at most 1.25 times")
    }

    func testOnAPhoneBarNamesGoInFullOnALineAboveTheirBars() throws {
        let narrow = try drawing(bars().draw(), at: 288)
        let name = try XCTUnwrap(narrow.labels.first { $0.text == "Thinking Machines Lab" }, "the name is cut")
        let value = try XCTUnwrap(narrow.labels.first { $0.text == "1" })
        XCTAssertLessThan(name.y + name.height, value.y, "the name is above its bar")
        XCTAssertEqual(name.x, 2)
    }

    private func careers(rows: Int) -> TimelineChart {
        let start = TimeAxis.daysFromCivil(2014, 6, 1)
        return TimelineChart(id: "t", title: "T", description: "D", rows: (0..<rows).map { index in
            TimelineChart.Row(label: "Person \(index)", bars: [
                TimelineChart.Bar(company: "Meta", colorIndex: 0, start: index == 0 ? nil : start, end: asOf - 400, open: false, period: "p",
                                  startsBefore: cohortDay),
                TimelineChart.Bar(company: "Thinking Machines Lab", colorIndex: 1, start: asOf - 400, end: nil, open: true, period: "p"),
            ])
        }, markers: [.init(day: cohortDay, label: "Cohort date, 27 Feb 2023"), .init(day: asOf, label: "As of 27 May 2025")], endDay: asOf, labels: english)
    }

    func testOnAPhoneACohortsCareersStartAtTheCohortDateAndNameEachRowAboveItsBars() throws {
        let chart = careers(rows: 3).draw()
        let narrow = try drawing(chart, at: 288)
        let years = { (drawing: ChartDrawing) in drawing.labels.compactMap { Int($0.text) }.filter { $0 > 1900 } }
        XCTAssertGreaterThanOrEqual(years(narrow).min() ?? 0, 2023)
        XCTAssertLessThanOrEqual(years(chart.widest).min() ?? 9999, 2016, "wide, the careers go back to their start")
        let name = try XCTUnwrap(narrow.labels.first { $0.text == "Person 1" })
        let end = try XCTUnwrap(narrow.labels.first { $0.text == "Thinking Machines Lab" && abs($0.y - name.y) < 1 },
                                "the company the row ends at is named on the same line, in full")
        XCTAssertGreaterThan(end.x, name.x + name.width)
    }

    func testAPersonsOwnCareerKeepsItsWholeSpanOnAPhone() throws {
        let single = TimelineChart(id: "c", title: "T", description: "D", rows: Array(careers(rows: 2).rows.dropFirst()), markers: careers(rows: 1).markers,
                                   endDay: asOf, showRowLabels: false, labels: english).draw()
        let years = try drawing(single, at: 288).labels.compactMap { Int($0.text) }.filter { $0 > 1900 }
        XCTAssertLessThanOrEqual(years.min() ?? 9999, 2016)
    }

    func testTheLegendWrapsInsteadOfRunningOutOfANarrowChart() throws {
        let narrow = try drawing(careers(rows: 2).draw(), at: 288)
        let legend = narrow.labels.filter { $0.y > narrow.height - 50 && !$0.text.allSatisfy(\.isNumber) }
        XCTAssertEqual(legend.map(\.text).joined(separator: " "), "Hatched: dates not known; the stint may be shorter")
        XCTAssertGreaterThan(legend.count, 1)
        XCTAssertTrue(narrow.labels.allSatisfy { $0.x + $0.width <= 288.5 })
    }

    func testOnAPhoneTheFlowIsUprightWithEveryNameInFullOnItsOwnLine() throws {
        let names = ["Mistral AI", "Thinking Machines Lab", "Google DeepMind", "Anthropic", "Cohere", "Kyutai"]
        let routes = names.map { FlowChart.Route(steps: ["Meta", $0]) } + [FlowChart.Route(steps: ["Meta"]),
                                                                           FlowChart.Route(steps: ["Meta", "Inflection AI", "Microsoft AI"])]
        let chart = FlowChart(id: "f", title: "T", description: "D", origin: "Meta", routes: routes, colors: [:], labels: english).draw()
        let narrow = try drawing(chart, at: 288)
        for name in names { XCTAssertTrue(narrow.labels.contains { $0.text == "\(name) 1" }, "\(name) is cut or missing") }
        XCTAssertTrue(narrow.labels.contains { $0.text == "Microsoft AI 1" })
        XCTAssertEqual(Set(narrow.labels.map(\.y)).count, narrow.labels.count, "one name per line")
        XCTAssertGreaterThan(narrow.height, chart.widest.height, "the steps go down the page")
    }

    func testWrappingBreaksAtSpacesAndCutsAWordLongerThanALine() {
        XCTAssertEqual(TextMetrics.wrap("one two three", maxWidth: 60, fontSize: 12), ["one two", "three"])
        XCTAssertEqual(TextMetrics.wrap("Supercalifragilistic", maxWidth: 60, fontSize: 12).count, 1)
        XCTAssertTrue(TextMetrics.wrap("Supercalifragilistic", maxWidth: 60, fontSize: 12)[0].hasSuffix("…"))
    }

    func testAnUprightFlowOfThousandsOfMembersStaysInsideItsColumn() throws {
        let routes = (0..<3000).map { FlowChart.Route(steps: ["Meta", "Company \($0 % 9)"] + ($0 % 5 == 0 ? ["Meta"] : [])) }
        let narrow = try drawing(FlowChart(id: "f", title: "T", description: "D", origin: "Meta", routes: routes, colors: [:], labels: english).draw(),
                                 at: 288)
        // Every node's right edge, read back from the markup.
        let pattern = try NSRegularExpression(pattern: #"<rect class="node[^"]*" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)""#)
        let svg = narrow.svg
        let matches = pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg))
        XCTAssertFalse(matches.isEmpty)
        for match in matches {
            let x = Double(svg[Range(match.range(at: 1), in: svg)!]) ?? 0, width = Double(svg[Range(match.range(at: 2), in: svg)!]) ?? 0
            XCTAssertLessThanOrEqual(x + width, 288.5, "a node runs out of the 288 px drawing")
        }
    }
}
