/// Careers as a timeline: one row per person, one bar per stint coloured by company and named
/// when the name fits, the cohort date and the as-of date marked. Where a date is unknown the bar
/// edge is a guess and is hatched, so it never passes for a known date.
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

        public init(company: String, colorIndex: Int, start: Int?, end: Int?, open: Bool, period: String, endsAfter: Int? = nil) {
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

    /// A stint's drawn extent, with unknown edges placed halfway to the nearest known neighbour.
    struct Span {
        var start: Int
        var end: Int
        var startKnown: Bool
        var endKnown: Bool
    }

    func spans(_ bars: [Bar], axisStart: Int) -> [Span] {
        var result: [Span] = []
        for (index, bar) in bars.enumerated() {
            let previousEnd = result.last.map { $0.end }
            var start = bar.start ?? previousEnd ?? axisStart
            var end: Int
            if let known = bar.end {
                end = known
            } else if bar.open {
                end = endDay
            } else {
                let nextStart = bars.dropFirst(index + 1).compactMap(\.start).first ?? endDay
                let from = max(start, bar.endsAfter ?? start)
                end = from + max(30, (max(nextStart, from) - from) / 2)
            }
            start = min(max(start, axisStart), endDay)
            end = min(max(end, start + 15), endDay)
            result.append(Span(start: start, end: end, startKnown: bar.start != nil, endKnown: bar.end != nil || bar.open))
        }
        return result
    }

    public func draw() -> Chart {
        let knownDays = rows.flatMap { $0.bars.flatMap { [$0.start, $0.end].compactMap { $0 } } } + markers.map(\.day)
        let earliest = knownDays.min() ?? endDay - 3650
        let axisStart = TimeAxis.day(ofYear: TimeAxis.year(of: min(earliest, endDay - 365)))
        let many = rows.count > 40
        let rowHeight = many ? 16.0 : 22.0
        let labelWidth = showRowLabels ? min(170, max(60, (rows.map { TextMetrics.width($0.label, fontSize: Self.fontSize) }.max() ?? 0))) : 0
        // The company each row ends at, named in text at the right, so no bar is told by colour alone.
        let endNames = rows.map { row in row.bars.last.map { $0.open ? $0.company : "\($0.company) (left)" } ?? "" }
        let endWidth = min(150, endNames.map { TextMetrics.width($0, fontSize: Self.fontSize) }.max() ?? 0)
        let axis = TimeAxis(startDay: axisStart, endDay: endDay, x0: labelWidth + (showRowLabels ? 16 : 8),
                            x1: Self.width - endWidth - 20)
        let top = markers.isEmpty ? 8.0 : 44.0
        let height = top + Double(rows.count) * rowHeight + 26
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
            for (bar, span) in zip(row.bars, spans(row.bars, axisStart: axisStart)) {
                let x0 = axis.x(span.start), x1 = axis.x(span.end)
                svg.raw("<g><title>\(SVGWriter.escape("\(row.label): \(bar.company), \(bar.period)"))</title>\n")
                svg.rect(x: x0, y: y + 3, width: x1 - x0, height: barHeight, className: "bar \(Palette.className(bar.colorIndex))")
                if !span.startKnown {
                    svg.rect(x: x0, y: y + 3, width: min(24, x1 - x0), height: barHeight, className: "uncertain",
                             extra: " fill=\"url(#\(id)-hatch)\"")
                }
                if !span.endKnown {
                    let w = min(24, x1 - x0)
                    svg.rect(x: x1 - w, y: y + 3, width: w, height: barHeight, className: "uncertain", extra: " fill=\"url(#\(id)-hatch)\"")
                }
                svg.raw("</g>\n")
                let room = x1 - x0 - 8 - (span.startKnown ? 0 : 24)
                let text = TextMetrics.fit(bar.company, maxWidth: room, fontSize: Self.fontSize - 1)
                let textX = x0 + 4 + (span.startKnown ? 0 : 24)
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
        svg.close()
        let table = ChartTable(columns: ["Person", "Company", "Period"],
                               rows: rows.flatMap { row in row.bars.map { [row.label, $0.company, $0.period] } })
        return Chart(id: id, title: title, description: description, svg: svg.markup, labels: labels, table: table,
                     width: Self.width, height: height)
    }
}
