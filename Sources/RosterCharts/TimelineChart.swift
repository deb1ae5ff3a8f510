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

    public init(id: String, title: String, description: String, rows: [Row], markers: [Marker], endDay: Int,
                showRowLabels: Bool = true) {
        self.id = id
        self.title = title
        self.description = description
        self.rows = rows
        self.markers = markers
        self.endDay = endDay
        self.showRowLabels = showRowLabels
    }

    static let width = 900.0
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
        let rowSpans = rows.map { spans($0.bars) }
        let uncertain = rowSpans.contains { $0.contains(where: \.hasUncertainty) }
        let knownDays = rowSpans.flatMap { $0.map(\.start) } + markers.map(\.day)
        let earliest = knownDays.min() ?? endDay - 3650
        let axisStart = TimeAxis.day(ofYear: TimeAxis.year(of: min(earliest, endDay - 365)))
        let many = rows.count > 40
        let rowHeight = many ? 16.0 : 22.0
        let labelWidth = showRowLabels ? min(170, max(60, (rows.map { TextMetrics.width($0.label, fontSize: Self.fontSize) }.max() ?? 0))) : 0
        // The company each row ends at, named in text at the right, so no bar is told by colour alone.
        let endNames = rows.map { row in row.bars.last.map { $0.open ? $0.company : "\($0.company) (left)" } ?? "" }
        let endWidth = min(220, endNames.map { TextMetrics.width($0, fontSize: Self.fontSize) }.max() ?? 0)
        let axis = TimeAxis(startDay: axisStart, endDay: endDay, x0: labelWidth + (showRowLabels ? 16 : 8),
                            x1: Self.width - endWidth - 20)
        let top = markers.isEmpty ? 8.0 : 44.0
        let legendHeight = uncertain ? 24.0 : 0
        let height = top + Double(rows.count) * rowHeight + 26 + legendHeight
        var svg = SVGWriter()
        svg.open(id: id, title: title, description: description, width: Self.width, height: height)
        svg.raw("<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect class=\"hatch-bg\" width=\"6\" height=\"6\"/><line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>\n")
        var labels: [LabelBox] = []
        // Year grid and labels along the bottom.
        let bottom = top + Double(rows.count) * rowHeight
        for tick in axis.yearTicks(fontSize: Self.fontSize, chartWidth: Self.width) {
            svg.line(x1: tick.x, y1: top - 4, x2: tick.x, y2: bottom, className: "grid")
            svg.text(String(tick.year), x: tick.x, y: bottom + 16, className: "tick", anchor: "middle")
            let width = TextMetrics.width(String(tick.year), fontSize: Self.fontSize)
            labels.append(LabelBox(text: String(tick.year), x: tick.x - width / 2, y: bottom + 4, width: width, height: Self.fontSize))
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            if showRowLabels {
                let text = TextMetrics.fit(row.label, maxWidth: labelWidth, fontSize: Self.fontSize)
                let width = TextMetrics.width(text, fontSize: Self.fontSize)
                svg.text(text, x: labelWidth + 4, y: y + rowHeight / 2 + Self.fontSize * 0.35, anchor: "end")
                labels.append(LabelBox(text: text, x: labelWidth + 4 - width, y: y + (rowHeight - Self.fontSize) / 2, width: width, height: Self.fontSize))
            }
            let endText = TextMetrics.fit(endNames[index], maxWidth: endWidth, fontSize: Self.fontSize)
            if !endText.isEmpty {
                let width = TextMetrics.width(endText, fontSize: Self.fontSize)
                svg.text(endText, x: axis.x1 + 8, y: y + rowHeight / 2 + Self.fontSize * 0.35, className: "label end-label")
                labels.append(LabelBox(text: endText, x: axis.x1 + 8, y: y + (rowHeight - Self.fontSize) / 2, width: width, height: Self.fontSize))
            }
            let barHeight = rowHeight - 6
            var lastLabelEnd = -Double.infinity
            for (bar, span) in zip(row.bars, rowSpans[index]) {
                let x0 = axis.x(span.start), x1 = axis.x(span.end)
                let solid0 = axis.x(span.solidFrom), solid1 = axis.x(span.solidTo)
                svg.raw("<g><title>\(SVGWriter.escape("\(row.label): \(bar.company), \(bar.period)"))</title>\n")
                svg.rect(x: x0, y: y + 3, width: x1 - x0, height: barHeight, className: "bar \(Palette.className(bar.colorIndex))")
                if solid0 > x0 {
                    svg.rect(x: x0, y: y + 3, width: solid0 - x0, height: barHeight, className: "uncertain", extra: " fill=\"url(#\(id)-hatch)\"")
                }
                if solid1 < x1 {
                    svg.rect(x: solid1, y: y + 3, width: x1 - solid1, height: barHeight, className: "uncertain", extra: " fill=\"url(#\(id)-hatch)\"")
                }
                svg.raw("</g>\n")
                // The name goes on the solid part of the bar, where there is room.
                let room = solid1 - solid0 - 8
                let text = TextMetrics.fit(bar.company, maxWidth: room, fontSize: Self.fontSize - 1)
                let textX = solid0 + 4
                if text.count >= 3, textX >= lastLabelEnd {
                    let width = TextMetrics.width(text, fontSize: Self.fontSize - 1)
                    svg.text(text, x: textX, y: y + rowHeight / 2 + Self.fontSize * 0.35, className: "on-bar")
                    labels.append(LabelBox(text: text, x: textX, y: y + (rowHeight - Self.fontSize) / 2, width: width, height: Self.fontSize - 1))
                    lastLabelEnd = textX + width + 2
                }
            }
        }
        // Markers: a line each; the label goes in the first of two rows where it touches nothing,
        // centred on the line or ending or starting at it. A label with no room is left out (the
        // chart's description names every marker).
        var placedMarkers: [[LabelBox]] = [[], []]
        for marker in markers.sorted(by: { $0.day < $1.day }) where marker.day >= axisStart && marker.day <= endDay {
            let x = axis.x(marker.day)
            svg.line(x1: x, y1: top - 4, x2: x, y2: bottom, className: "marker")
            let width = TextMetrics.width(marker.label, fontSize: Self.fontSize - 1)
            let candidates = [x - width / 2, x - width, x].map { min(max($0, 2), Self.width - width - 2) }
            placing: for row in 0..<2 {
                let baseline = row == 0 ? top - 22 : top - 8
                for candidate in candidates {
                    let box = LabelBox(text: marker.label, x: candidate, y: baseline - Self.fontSize + 2, width: width, height: Self.fontSize - 1)
                    let padded = LabelBox(text: "", x: box.x - 4, y: box.y, width: box.width + 8, height: box.height)
                    if placedMarkers[row].contains(where: { $0.overlaps(padded) }) { continue }
                    svg.text(marker.label, x: candidate, y: baseline, className: "marker-label")
                    placedMarkers[row].append(box)
                    labels.append(box)
                    break placing
                }
            }
        }
        if uncertain {
            let y = bottom + 26
            svg.rect(x: axis.x0, y: y, width: 14, height: 14, className: "bar legend-swatch")
            svg.rect(x: axis.x0, y: y, width: 14, height: 14, className: "uncertain", extra: " fill=\"url(#\(id)-hatch)\"")
            let text = "Hatched: dates not known; the stint may be shorter"
            svg.text(text, x: axis.x0 + 20, y: y + 11, className: "legend")
            labels.append(LabelBox(text: text, x: axis.x0 + 20, y: y, width: TextMetrics.width(text, fontSize: Self.fontSize), height: Self.fontSize))
        }
        svg.close()
        let table = ChartTable(columns: ["Person", "Company", "Period"],
                               rows: rows.flatMap { row in row.bars.map { [row.label, $0.company, $0.period] } })
        return Chart(id: id, title: title, description: description, svg: svg.markup, labels: labels, table: table,
                     width: Self.width, height: height)
    }
}
