import RosterModel

/// Arrivals and departures per year at one company: two bars a year, told apart by colour, by their
/// place (arrivals left, departures right), by the legend and by the numbers on top of them. No
/// hatching: on every chart of the site hatching means "date not known", and these dates are known.
public struct YearBarsChart: Sendable {
    public struct Year: Sendable {
        public var year: Int
        public var arrivals: Int
        public var departures: Int
        public init(year: Int, arrivals: Int, departures: Int) {
            self.year = year
            self.arrivals = arrivals
            self.departures = departures
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var years: [Year]
    /// The site's words (`chart.*`) and number format.
    public var labels: Labels

    public init(id: String, title: String, description: String, years: [Year], labels: Labels) {
        self.labels = labels
        self.id = id
        self.title = title
        self.description = description
        self.years = years
    }

    static let maxWidth = 640.0
    static let height = 220.0
    static let fontSize = 12.0

    public func draw() -> Chart {
        let table = ChartTable(columns: [labels.text("chart.year"), labels.text("chart.arrived"), labels.text("chart.left")],
                               rows: years.map { [String($0.year), labels.number($0.arrivals), labels.number($0.departures)] })
        return Chart(id: id, title: title, description: description, table: table, maxWidth: Self.maxWidth, draw: draw)
    }

    /// Every year from the first to the last, those without a move at zero, so the axis is even
    /// (2015, 2016, 2018 once stood evenly apart); the table lists only the years with moves.
    static func everyYear(_ years: [Year]) -> [Year] {
        guard let first = years.first?.year, let last = years.last?.year, last - first < 150 else { return years }
        let byYear = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        return (first...last).map { byYear[$0] ?? Year(year: $0, arrivals: 0, departures: 0) }
    }

    func draw(on canvas: ChartCanvas) -> ChartDrawing {
        let years = Self.everyYear(self.years)
        // Room at each side for half a year label under the first and last bars.
        let side = TextMetrics.width("2000", fontSize: Self.fontSize) / 2 + 2
        let top = 30.0, bottom = Self.height - 26, left = side, right = canvas.width - side
        let maxValue = max(1, years.map { max($0.arrivals, $0.departures) }.max() ?? 1)
        let slot = (right - left) / Double(max(1, years.count))
        let barWidth = min(28, slot * 0.35)
        var svg = SVGWriter()
        svg.open(canvas, height: Self.height)
        var labels: [LabelBox] = []
        // Legend.
        svg.rect(x: left, y: 6, width: 12, height: 12, className: "bar c0")
        let arrived = self.labels.text("chart.arrived"), departed = self.labels.text("chart.left")
        svg.text(arrived, x: left + 16, y: 16)
        let arrivedWidth = TextMetrics.width(arrived, fontSize: Self.fontSize)
        labels.append(LabelBox(text: arrived, x: left + 16, y: 6, width: arrivedWidth, height: Self.fontSize))
        let leftX = left + 16 + arrivedWidth + 16
        svg.rect(x: leftX, y: 6, width: 12, height: 12, className: "bar c1")
        svg.text(departed, x: leftX + 16, y: 16)
        labels.append(LabelBox(text: departed, x: leftX + 16, y: 6,
                               width: TextMetrics.width(departed, fontSize: Self.fontSize), height: Self.fontSize))
        let scale = (bottom - top - 14) / Double(maxValue)
        let showEvery = Int((TextMetrics.width("2000", fontSize: Self.fontSize) + 8) / slot) + 1
        for (index, year) in years.enumerated() {
            let center = left + slot * (Double(index) + 0.5)
            for (offset, value, className) in [(-barWidth - 1, year.arrivals, "bar c0"), (1.0, year.departures, "bar c1")] {
                let h = Double(value) * scale
                let x = center + offset
                svg.rect(x: x, y: bottom - h, width: barWidth, height: h, className: className)
                if value > 0 && barWidth >= TextMetrics.width(self.labels.number(value), fontSize: Self.fontSize) {
                    let text = self.labels.number(value)
                    let width = TextMetrics.width(text, fontSize: Self.fontSize)
                    svg.text(text, x: x + barWidth / 2, y: bottom - h - 4, className: "value", anchor: "middle")
                    labels.append(LabelBox(text: text, x: x + barWidth / 2 - width / 2, y: bottom - h - 4 - Self.fontSize + 2, width: width, height: Self.fontSize))
                }
            }
            if index % showEvery == 0 {
                let text = String(year.year)
                let width = TextMetrics.width(text, fontSize: Self.fontSize)
                svg.text(text, x: center, y: bottom + 18, className: "tick", anchor: "middle")
                labels.append(LabelBox(text: text, x: center - width / 2, y: bottom + 6, width: width, height: Self.fontSize))
            }
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, className: "axis")
        return svg.finish(canvas, height: Self.height, labels: labels)
    }
}
