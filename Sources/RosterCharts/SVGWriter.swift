import RosterModel
import RosterSupport

/// Writes SVG markup with escaped text and fixed number formats, so output is deterministic.
struct SVGWriter {
    private(set) var markup = ""

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        let tenths = Int((abs(rounded) * 10).rounded())
        return (rounded < 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }

    static func escape(_ text: String) -> String { Markup.escapeHTML(text) }

    mutating func raw(_ text: String) { markup += text }

    /// Opens a drawing on `canvas`, `height` units tall. Its `width` attribute is the most it may be
    /// stretched to; CSS shrinks it to its column, never below its own width (see `ChartCanvas`).
    mutating func open(_ canvas: ChartCanvas, height: Double) {
        let id = canvas.id
        let w = Self.number(canvas.width), h = Self.number(height)
        let shownWidth = Self.number(canvas.width * ChartCanvas.stretch), shownHeight = Self.number(height * ChartCanvas.stretch)
        markup += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(canvas.classes)\" viewBox=\"0 0 \(w) \(h)\" width=\"\(shownWidth)\" height=\"\(shownHeight)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        markup += "<title id=\"\(id)-title\">\(canvas.escapedTitle)</title>\n"
        markup += "<desc id=\"\(id)-desc\">\(canvas.escapedDescription)</desc>\n"
    }

    /// Closes the drawing and hands it over with its labels.
    mutating func finish(_ canvas: ChartCanvas, height: Double, labels: [LabelBox]) -> ChartDrawing {
        markup += "</svg>"
        return ChartDrawing(width: canvas.width, height: height, svg: markup, labels: labels)
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, className: String, extra: String = "") {
        markup += "<rect class=\"\(className)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" height=\"\(Self.number(max(0, height)))\"\(extra)/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) {
        markup += "<line class=\"\(className)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"/>\n"
    }

    mutating func path(_ d: String, className: String, extra: String = "") {
        markup += "<path class=\"\(className)\" d=\"\(d)\"\(extra)/>\n"
    }

    /// Text at a baseline position; `anchor` is start, middle or end.
    mutating func text(_ text: String, x: Double, y: Double, className: String = "label", anchor: String = "start", extra: String = "") {
        let anchorAttribute = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
        markup += "<text class=\"\(className)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\"\(anchorAttribute)\(extra)>\(Self.escape(text))</text>\n"
    }
}

/// Colours by position; the theme's CSS gives each class a fill with enough contrast in light and
/// dark mode. Colour is never the only cue: every series is also named in text.
enum Palette {
    static let count = 8
    static func className(_ index: Int) -> String { "c\(index % count)" }
}
