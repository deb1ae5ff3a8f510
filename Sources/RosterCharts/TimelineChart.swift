import RosterModel

/// Careers as a timeline: one row per person, one bar per stint coloured by company and named
/// when the name fits, the cohort date and the as-of date marked. Where a date is unknown, the whole
/// stretch of the bar that the sources do not vouch for is hatched (from the guessed edge to the
/// first or last day the stint is known to have been under way), the same way on every chart: the
/// guess depends on the career, never on the chart's axis. Hatching means "not known" on every chart
/// of the site, and the legend says so.
public struct TimelineChart: Sendable {
    public struct Bar: Sendable {
        public var company: String
        public var colorIndex: Int
        /// Days since 1970; nil when unknown.
        public var start: Int?
        /// Nil with `open` when the stint goes on; nil without `open` when it ended at an unknown date.
        public var end: Int?
        public var open: Bool
        public var period: String
        /// When the end is unknown but known to be after some day (a member was at the origin on
        /// the cohort date), the guessed end is placed after it.
        public var endsAfter: Int?
        /// When the start is unknown but known to be before some day (the same member), the stint is
        /// known to be under way from that day.
        public var startsBefore: Int?

        public init(company: String, colorIndex: Int, start: Int?, end: Int?, open: Bool, period: String, endsAfter: Int? = nil,
                    startsBefore: Int? = nil) {
            self.startsBefore = startsBefore
            self.company = company
            self.colorIndex = colorIndex
            self.start = start
            self.end = end
            self.open = open
            self.period = period
            self.endsAfter = endsAfter
        }
    }

    public struct Row: Sendable {
        public var label: String
        public var bars: [Bar]
        public init(label: String, bars: [Bar]) {
            self.label = label
            self.bars = bars
        }
    }

    public struct Marker: Sendable {
        public var day: Int
        public var label: String
        public init(day: Int, label: String) {
            self.day = day
            self.label = label
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var rows: [Row]
    public var markers: [Marker]
    /// The axis ends here (the as-of date).
    public var endDay: Int
    public var showRowLabels: Bool
    /// The site's words (`chart.*`).
    public var labels: Labels

    public init(id: String, title: String, description: String, rows: [Row], markers: [Marker], endDay: Int,
                showRowLabels: Bool = true, labels: Labels) {
        self.labels = labels
        self.id = id
        self.title = title
        self.description = description
        self.rows = rows
        self.markers = markers
        self.endDay = endDay
        self.showRowLabels = showRowLabels
    }

    static let maxWidth = 1000.0
    static let fontSize = 12.0

    /// How far before the first day a stint of unknown start is known to be under way its bar begins,
    /// when no earlier stint says (two years).
    static let unknownStartLead = 730

    /// A stint's drawn extent and the part of it the sources vouch for (`solidFrom...solidTo`; empty
    /// when they vouch for no day of it). Unknown edges are guessed from the career alone.
    struct Span {
        var start: Int
        var end: Int
        var solidFrom: Int
        var solidTo: Int
        var hasUncertainty: Bool { solidFrom > start || solidTo < end }
    }

    func spans(_ bars: [Bar]) -> [Span] {
        var result: [Span] = []
        for (index, bar) in bars.enumerated() {
            let previousEnd = result.last.map { $0.end }
            // The first day the stint is known to be under way.
            let knownFrom = bar.start ?? bar.startsBefore ?? bar.end ?? (bar.open ? endDay : nil)
            let start: Int
            if let known = bar.start {
                start = known
            } else {
                let anchor = knownFrom ?? previousEnd ?? endDay
                start = previousEnd.map { min($0, anchor) } ?? anchor - Self.unknownStartLead
            }
            var end: Int
            if let known = bar.end {
                end = known
            } else if bar.open {
                end = endDay
            } else {
                let nextStart = bars.dropFirst(index + 1).compactMap(\.start).first ?? endDay
                let from = max(start, bar.endsAfter ?? knownFrom ?? start)
                end = from + max(90, (max(nextStart, from) - from) / 2)
            }
            end = min(max(end, start + 15), endDay)
            // The last day the stint is known to be under way.
            let knownTo = (bar.end != nil || bar.open) ? end : (bar.endsAfter ?? bar.start ?? bar.startsBefore ?? start)
            let solidFrom = min(max(knownFrom ?? end, start), end)
            result.append(Span(start: min(start, endDay), end: end, solidFrom: solidFrom, solidTo: max(min(knownTo, end), solidFrom)))
        }
        return result
    }

    public func draw() -> Chart {
        let table = ChartTable(columns: [labels.text("chart.person"), labels.text("chart.company"), labels.text("chart.period")],
                               rows: rows.flatMap { row in row.bars.map { [row.label, $0.company, $0.period] } })
        let prepared = Prepared(self)
        return Chart(id: id, title: title, description: description, table: table, maxWidth: Self.maxWidth) {
            draw(on: $0, prepared)
        }
    }

    /// What every drawing of the chart shares, worked out once: each row's spans and end name, the
    /// widest labels, and each bar's tooltip, escaped.
    struct Prepared {
        var rowSpans: [[Span]]
        var endNames: [String]
        var widestLabel: Double
        var widestEndName: Double
        var tooltips: [[String]]

        init(_ chart: TimelineChart) {
            rowSpans = chart.rows.map { chart.spans($0.bars) }
            endNames = chart.rows.map(chart.endName)
            widestLabel = chart.rows.map { TextMetrics.width($0.label, fontSize: TimelineChart.fontSize) }.max() ?? 0
            widestEndName = endNames.map { TextMetrics.width($0, fontSize: TimelineChart.fontSize) }.max() ?? 0
            tooltips = chart.rows.map { row in
                row.bars.map { SVGWriter.escape(chart.labels.text("chart.tooltip", ["name": row.label, "company": $0.company, "period": $0.period])) }
            }
        }
    }

    /// The company each row ends at, named in text, so no bar is told by colour alone.
    func endName(_ row: Row) -> String {
        row.bars.last.map { $0.open ? $0.company : labels.text("chart.left_company", ["company": $0.company]) } ?? ""
    }
}
