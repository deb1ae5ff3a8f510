import RosterModel

/// Members still at the origin over time, as a step line from the cohort date to the as-of date.
/// Departures whose date is unknown are drawn as a dashed drop at the end. With several cohorts the
/// curves are shares of each cohort, on one calendar axis, so they can be compared.
public struct RetentionChart: Sendable {
    public struct Series: Sendable {
        public var label: String
        public var colorIndex: Int
        /// (day, members at origin), in day order; the first point is the cohort date.
        public var points: [(day: Int, value: Int)]
        /// Members at the origin on the as-of date, once departures at unknown dates are counted.
        public var finalValue: Int
        public var total: Int
        /// Each point's date as the content writes it, in the site's language ("Jan 2022", not the
        /// 15th it is drawn at), for the table; ISO days when not given.
        public var dates: [String]

        public init(label: String, colorIndex: Int, points: [(day: Int, value: Int)], finalValue: Int, total: Int,
                    dates: [String] = []) {
            self.label = label
            self.colorIndex = colorIndex
            self.points = points
            self.dates = dates
            self.finalValue = finalValue
            self.total = total
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var series: [Series]
    public var endDay: Int
    /// Plot shares (0–100%) instead of counts.
    public var asShares: Bool
    public var origin: String
    /// The site's words (`chart.*`) and number format.
    public var labels: Labels
    /// The as-of date in the site's language, for the table's last rows.
    public var endDate: String?

    public init(id: String, title: String, description: String, series: [Series], endDay: Int, asShares: Bool, origin: String,
                labels: Labels, endDate: String? = nil) {
        self.labels = labels
        self.endDate = endDate
        self.id = id
        self.title = title
        self.description = description
        self.series = series
        self.endDay = endDay
        self.asShares = asShares
        self.origin = origin
    }

    static let maxWidth = 640.0
    static let height = 300.0
    static let fontSize = 12.0

    func value(_ count: Int, of series: Series) -> Double {
        asShares ? Double(count) * 100 / Double(max(1, series.total)) : Double(count)
    }

    func format(_ count: Int, of series: Series) -> String {
        asShares ? labels.percent(Int(value(count, of: series).rounded())) : labels.number(count)
    }

    public func draw() -> Chart {
        // With one cohort, its name would repeat on every row (and the line's label is "at Meta"):
        // the table has a cohort column only when it compares cohorts.
        let named = series.count > 1
        var rows: [[String]] = []
        for line in series {
            for (index, point) in line.points.enumerated() {
                let date = index < line.dates.count ? line.dates[index] : Self.isoDate(point.day)
                rows.append((named ? [line.label] : []) + [date, format(point.value, of: line)])
            }
            let unknown = line.finalValue != (line.points.last?.value ?? line.finalValue) ? " " + labels.text("chart.with_unknown") : ""
            rows.append((named ? [line.label] : []) + [(endDate ?? Self.isoDate(endDay)) + unknown, format(line.finalValue, of: line)])
        }
        let table = ChartTable(columns: (named ? [labels.text("chart.cohort")] : []) + [labels.text("chart.date"),
                                         asShares ? labels.text("chart.share_at_origin") : labels.text("chart.members_at", ["origin": origin])], rows: rows)
        var chart = Chart(id: id, title: title, description: description, table: table, maxWidth: Self.maxWidth, draw: draw)
        if series.count > 1 {
            chart.key = orderedByFinalValue().map { KeyEntry(colorClass: Palette.className($0.colorIndex),
                                                             text: labels.text("chart.key_entry", ["name": $0.label, "value": format($0.finalValue, of: $0)])) }
        }
        return chart
    }

    static func isoDate(_ day: Int) -> String {
        let (year, month, day) = TimeAxis.civil(day)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// Highest final value first: the order of the end labels and of the key.
    func orderedByFinalValue() -> [Series] {
        series.enumerated().sorted { a, b in
            let (left, right) = (value(a.element.finalValue, of: a.element), value(b.element.finalValue, of: b.element))
            return left != right ? left > right : a.offset < b.offset
        }.map(\.element)
    }

    /// The end of each line is labelled with its value; one line alone also with its name, where
    /// there is room (the title names it too).
    func endLabel(_ line: Series, compact: Bool) -> String {
        series.count > 1 || compact ? format(line.finalValue, of: line) : "\(format(line.finalValue, of: line)) \(line.label)"
    }

    func draw(on canvas: ChartCanvas) -> ChartDrawing {
        let startDay = series.compactMap { $0.points.first?.day }.min() ?? endDay - 365
        let maxValue = asShares ? 100.0 : Double(series.map(\.total).max() ?? 1)
        let widestTick = TextMetrics.width(asShares ? "100%" : String(Int(maxValue)), fontSize: Self.fontSize)
        let endRoom = min(130, (series.map { TextMetrics.width(endLabel($0, compact: canvas.isCompact), fontSize: Self.fontSize) }.max() ?? 0) + 14)
        let axis = TimeAxis(startDay: startDay, endDay: max(endDay, startDay + 30), x0: widestTick + 12, x1: canvas.width - endRoom)
        let top = 12.0, bottom = Self.height - 28
        let y: (Double) -> Double = { bottom - (bottom - top) * $0 / max(1, maxValue) }
        var svg = SVGWriter()
        svg.open(canvas, height: Self.height)
        var labels: [LabelBox] = []
        // Horizontal grid with about five value labels.
        let rawStep = maxValue / 5
        let step = [1.0, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].first { $0 >= rawStep } ?? rawStep
        var tick = 0.0
        while tick <= maxValue + 0.001 {
            svg.line(x1: axis.x0, y1: y(tick), x2: axis.x1, y2: y(tick), className: "grid")
            let text = asShares ? "\(Int(tick))%" : String(Int(tick))
            let width = TextMetrics.width(text, fontSize: Self.fontSize)
            svg.text(text, x: axis.x0 - 6, y: y(tick) + Self.fontSize * 0.35, className: "tick", anchor: "end")
            labels.append(LabelBox(text: text, x: axis.x0 - 6 - width, y: y(tick) - Self.fontSize / 2, width: width, height: Self.fontSize))
            tick += step
        }
        for yearTick in axis.yearTicks(fontSize: Self.fontSize, chartWidth: canvas.width) {
            let text = String(yearTick.year)
            let width = TextMetrics.width(text, fontSize: Self.fontSize)
            // A first year under the value axis would touch its "0": that year is left unlabelled.
            let clearance = LabelBox(text: text, x: yearTick.x - width / 2 - 3, y: bottom + 3, width: width + 6, height: Self.fontSize + 3)
            guard !labels.contains(where: { $0.overlaps(clearance) }) else { continue }
            svg.text(text, x: yearTick.x, y: bottom + 18, className: "tick", anchor: "middle")
            labels.append(LabelBox(text: text, x: yearTick.x - width / 2, y: bottom + 6, width: width, height: Self.fontSize))
        }
        var endLabels = LabelColumn(gap: 3)
        for line in orderedByFinalValue() {
            guard let first = line.points.first else { continue }
            let n = SVGWriter.number
            var d = "M\(n(axis.x(first.day))),\(n(y(value(first.value, of: line))))"
            var current = first.value
            for point in line.points.dropFirst() {
                d += " H\(n(axis.x(point.day))) V\(n(y(value(point.value, of: line))))"
                current = point.value
            }
            d += " H\(n(axis.x(endDay)))"
            svg.path(d, className: "step \(Palette.className(line.colorIndex))")
            if line.finalValue != current {
                svg.line(x1: axis.x(endDay), y1: y(value(current, of: line)), x2: axis.x(endDay), y2: y(value(line.finalValue, of: line)),
                         className: "step-unknown \(Palette.className(line.colorIndex))")
            }
            // Several lines: the value at the end, the name in full in the key under the chart.
            let text = TextMetrics.fit(endLabel(line, compact: canvas.isCompact), maxWidth: endRoom - 8, fontSize: Self.fontSize)
            let width = TextMetrics.width(text, fontSize: Self.fontSize)
            if let box = endLabels.place(text, x: axis.x(endDay) + 6, centerY: y(value(line.finalValue, of: line)),
                                         width: width, height: Self.fontSize, maxShift: Self.height) {
                svg.text(text, x: box.x, y: box.y + Self.fontSize * 0.85, className: "label")
                labels.append(box)
            }
        }
        return svg.finish(canvas, height: Self.height, labels: labels)
    }
}
