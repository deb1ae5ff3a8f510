/// A chart drawn as inline SVG, with what a reader without sight of it needs (title, description,
/// and the same numbers as a table) and where its labels landed (so tests can prove they do not
/// overlap). It is drawn several times, once per column width it may land in (`ChartCanvas`); the
/// page's CSS shows the one drawing that fits its column, so chart text is never drawn smaller than
/// its 12 px and no chart scrolls sideways.
public struct Chart: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var table: ChartTable
    /// Narrowest first; each names the column widths it is shown at.
    public var drawings: [ChartDrawing]
    /// A key shown under the chart in HTML, where names wrap instead of being cut: one entry per
    /// line or colour the chart cannot name in full on the drawing itself.
    public var key: [KeyEntry] = []

    /// Draws the chart at each of `ChartCanvas.breakpoints` up to `maxWidth`; the widest drawing is
    /// also shown in wider columns.
    init(id: String, title: String, description: String, table: ChartTable, maxWidth: Double,
         draw: (ChartCanvas) -> ChartDrawing) {
        self.id = id
        self.title = title
        self.description = description
        self.table = table
        let widths = ChartCanvas.breakpoints.filter { $0 <= maxWidth }
        // Escaped once: every drawing carries the same title and description.
        let escapedTitle = SVGWriter.escape(title), escapedDescription = SVGWriter.escape(description)
        drawings = widths.enumerated().map { index, width in
            let serves = index == widths.count - 1 ? ChartCanvas.breakpoints.filter { $0 >= width } : [width]
            return draw(ChartCanvas(chartID: id, width: width, serves: serves, escapedTitle: escapedTitle,
                                    escapedDescription: escapedDescription))
        }
    }

    /// Every drawing's markup, in order: what goes inside the chart's frame.
    public var svg: String { drawings.map(\.svg).joined(separator: "\n") }

    /// The widest drawing (the one a desktop reader sees).
    public var widest: ChartDrawing { drawings[drawings.count - 1] }
}

/// Where one drawing of a chart goes: its width in CSS pixels at a scale of 1, and the column widths
/// it is shown at.
public struct ChartCanvas: Sendable {
    /// The column widths charts are drawn for: a 320 px phone's column (288), a large phone's or a
    /// half-width grid cell's (440), an article's (640) and a desktop's (1000). A drawing is shown
    /// from its width up to the next one's, stretched up to `stretch` times, so its text is drawn at
    /// 12 to 15 px.
    public static let breakpoints: [Double] = [288, 440, 640, 1000]
    public static let stretch = 1.25

    public let chartID: String
    public let width: Double
    /// The breakpoints this drawing is shown at (its CSS classes `v288`, `v440`, …).
    public let serves: [Double]
    /// The chart's title and description, escaped for the SVG's `<title>` and `<desc>`.
    let escapedTitle: String
    let escapedDescription: String

    /// Narrower than a large phone: labels go above marks instead of beside them.
    public var isCompact: Bool { width < 440 }

    /// Unique on the page: the chart's id and this drawing's width.
    public var id: String { "\(chartID)-\(Int(width))" }

    var classes: String { "chart-svg chart-v " + serves.map { "v\(Int($0))" }.joined(separator: " ") }
}

/// One drawing of a chart at one width.
public struct ChartDrawing: Sendable {
    public var width: Double
    public var height: Double
    public var svg: String
    public var labels: [LabelBox]
}

/// One entry of a chart's key: the colour's palette class (`c3`) and what it stands for.
public struct KeyEntry: Sendable, Hashable {
    public var colorClass: String
    public var text: String
}

/// The numbers of a chart as a table: the text equivalent shown next to it.
public struct ChartTable: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String]]
    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// The box a text label occupies, from its estimated width.
public struct LabelBox: Sendable, Hashable {
    public var text: String
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(text: String, x: Double, y: Double, width: Double, height: Double) {
        self.text = text
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public func overlaps(_ other: LabelBox) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }

    /// Every pair of labels that overlap (sweep by x, so large charts stay cheap to check).
    public static func overlappingPairs(_ boxes: [LabelBox]) -> [(LabelBox, LabelBox)] {
        let sorted = boxes.sorted { $0.x < $1.x }
        var pairs: [(LabelBox, LabelBox)] = []
        for (index, box) in sorted.enumerated() {
            var next = index + 1
            while next < sorted.count, sorted[next].x < box.x + box.width {
                if box.overlaps(sorted[next]) { pairs.append((box, sorted[next])) }
                next += 1
            }
        }
        return pairs
    }
}

/// Estimates how wide text is drawn in the system sans-serif fonts, per character class, so
/// layouts can be computed (and checked) at build time with no font at hand. Errs on the wide side.
public enum TextMetrics {
    /// Widths in ems of the ASCII characters, looked up rather than matched (charts measure every
    /// label of every page).
    private static let asciiEms: [Double] = (0..<128).map { code in
        let character = Character(UnicodeScalar(UInt8(code)))
        switch character {
        case "i", "j", "l", "!", "'", "|", ".", ",", ":", ";", "I": return 0.32
        case "f", "t", "r", " ", "-": return 0.42
        case "m", "w", "M", "W", "@", "%": return 1.0
        case _ where character.isUppercase: return 0.76
        case _ where character.isNumber: return 0.64
        default: return 0.62
        }
    }

    /// One scalar's width in ems; combining marks add nothing (they sit on the letter before).
    private static func ems(_ scalar: Unicode.Scalar) -> Double {
        if scalar.isASCII { return asciiEms[Int(scalar.value)] }
        switch scalar {
        case "—", "→", "…": return 1.0
        default:
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { return 0 }
            if properties.isUppercase { return 0.76 }
            if properties.numericType != nil { return 0.64 }
            return 0.9
        }
    }

    /// Calibrated on DejaVu Sans (Debian's default, one of the widest common sans fonts), plus 6%.
    public static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += Self.ems(scalar) }
        return ems * fontSize * 1.06
    }

    /// The text cut to fit `maxWidth`, ending in "…" when cut.
    public static func fit(_ text: String, maxWidth: Double, fontSize: Double) -> String {
        let scale = fontSize * 1.06
        var total = 0.0
        for scalar in text.unicodeScalars { total += ems(scalar) }
        guard total * scale > maxWidth else { return text }
        // Whole characters are dropped from the end until the rest and "…" fit.
        var characters = Array(text)
        var width = total + 1.0
        while !characters.isEmpty, width * scale > maxWidth {
            let last = characters.removeLast()
            for scalar in last.unicodeScalars { width -= ems(scalar) }
        }
        return characters.isEmpty ? "" : String(characters) + "…"
    }

    /// The text broken into lines at spaces, each as wide as `maxWidth` at most (a word longer than
    /// that is cut to fit).
    public static func wrap(_ text: String, maxWidth: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if line.isEmpty || width(candidate, fontSize: fontSize) <= maxWidth {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { fit($0, maxWidth: maxWidth, fontSize: fontSize) }
    }
}
