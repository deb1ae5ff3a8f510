import RosterModel

/// Horizontal bars, one per category, labelled with the category and its value (destinations).
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Int
        public var colorIndex: Int
        public init(label: String, value: Int, colorIndex: Int) {
            self.label = label
            self.value = value
            self.colorIndex = colorIndex
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var bars: [Bar]
    public var valueHeading: String
    public var categoryHeading: String
    /// The site's words (`chart.*`) and number format.
    public var labels: Labels
    /// At most this many bars are drawn; the rest become one "N others" bar (the table keeps all).
    public var maxDrawn = 12

    public init(id: String, title: String, description: String, bars: [Bar], categoryHeading: String, valueHeading: String,
                labels: Labels) {
        self.labels = labels
        self.id = id
        self.title = title
        self.description = description
        self.bars = bars
        self.categoryHeading = categoryHeading
        self.valueHeading = valueHeading
    }

    static let maxWidth = 640.0
    static let fontSize = 12.0
    static let rowHeight = 24.0

    /// The bars drawn: the first `maxDrawn`, then one bar for the rest, "N others (M people)".
    func drawnBars() -> [Bar] {
        guard bars.count > maxDrawn + 1 else { return bars }
        let rest = bars.dropFirst(maxDrawn)
        let people = rest.map(\.value).reduce(0, +)
        return Array(bars.prefix(maxDrawn)) + [Bar(label: labels.count("chart.others", rest.count, ["people": labels.count("chart.people", people)]),
                                                  value: people, colorIndex: 7)]
    }

    public func draw() -> Chart {
        let table = ChartTable(columns: [categoryHeading, valueHeading], rows: bars.map { [$0.label, labels.number($0.value)] })
        return Chart(id: id, title: title, description: description, table: table, maxWidth: Self.maxWidth, draw: draw)
    }

    /// Side by side, the name left of its bar; compact, the name on its own line above the bar.
    func draw(on canvas: ChartCanvas) -> ChartDrawing {
        let bars = drawnBars()
        let compact = canvas.isCompact
        let maxLabel = bars.map { TextMetrics.width($0.label, fontSize: Self.fontSize) }.max() ?? 0
        let labelWidth = compact ? canvas.width - 4 : min(canvas.width * 0.4, max(60, maxLabel))
        let plotX = compact ? 2 : labelWidth + 12
        let maxValue = max(1, bars.map(\.value).max() ?? 1)
        let valueRoom = TextMetrics.width(self.labels.number(maxValue), fontSize: Self.fontSize) + 8
        let plotWidth = canvas.width - plotX - valueRoom
        let rowHeight = compact ? Self.rowHeight + Self.fontSize + 4 : Self.rowHeight
        let height = Double(max(1, bars.count)) * rowHeight + 8
        var svg = SVGWriter()
        svg.open(canvas, height: height)
        var labels: [LabelBox] = []
        for (index, bar) in bars.enumerated() {
            let rowTop = 4 + Double(index) * rowHeight
            let top = compact ? rowTop + Self.fontSize + 4 : rowTop
            let baseline = top + Self.rowHeight / 2 + Self.fontSize * 0.35
            let text = TextMetrics.fit(bar.label, maxWidth: labelWidth, fontSize: Self.fontSize)
            let textWidth = TextMetrics.width(text, fontSize: Self.fontSize)
            if compact {
                svg.text(text, x: plotX, y: rowTop + Self.fontSize)
                labels.append(LabelBox(text: text, x: plotX, y: rowTop + 1, width: textWidth, height: Self.fontSize))
            } else {
                svg.text(text, x: labelWidth, y: baseline, anchor: "end")
                labels.append(LabelBox(text: text, x: labelWidth - textWidth, y: top + 4, width: textWidth, height: Self.fontSize))
            }
            let barWidth = plotWidth * Double(bar.value) / Double(maxValue)
            svg.rect(x: plotX, y: top + 4, width: barWidth, height: Self.rowHeight - 8, className: "bar \(Palette.className(bar.colorIndex))")
            let valueText = self.labels.number(bar.value)
            svg.text(valueText, x: plotX + barWidth + 4, y: baseline, className: "value")
            labels.append(LabelBox(text: valueText, x: plotX + barWidth + 4, y: top + 4,
                                   width: TextMetrics.width(valueText, fontSize: Self.fontSize), height: Self.fontSize))
        }
        return svg.finish(canvas, height: height, labels: labels)
    }
}
