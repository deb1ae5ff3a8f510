/// A chart drawn as inline SVG, with what a reader without sight of it needs (title, description,
/// and the same numbers as a table) and where its labels landed (so tests can prove they do not
/// overlap).
public struct Chart: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var svg: String
    public var labels: [LabelBox]
    public var table: ChartTable
    public var width: Double
    public var height: Double
    /// A key shown under the chart in HTML, where names wrap instead of being cut: one entry per
    /// line or colour the chart cannot name in full on the drawing itself.
    public var key: [KeyEntry] = []
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
}
