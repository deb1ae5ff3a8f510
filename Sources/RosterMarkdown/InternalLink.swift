import RosterModel

/// A link found in a body, where it was written.
public struct FoundLink: Sendable, Hashable {
    public var link: InternalLink
    public var location: SourceLocation
}

/// `![caption](chart:KIND/SLUG)`: a chart to draw in place of the image.
public struct ChartEmbed: Sendable, Hashable {
    public var kind: ChartKind
    /// The cohort, author or company the chart is of (`kind.subject` says which).
    public var target: String
    public var caption: String
    /// The text left in the HTML where the chart goes.
    public var placeholder: String
    public var location: SourceLocation
}

/// `[x](#when-they-left)`: a link to an id on the page the body is part of, where it was written.
public struct PageFragment: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
}

/// A link's destination as the editor wrote it, and where.
public struct WrittenLink: Sendable, Hashable {
    public var url: String
    public var location: SourceLocation
}

/// A heading of a body, with its id on the page.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
}

/// A Markdown body turned into HTML, with what the page around it needs to know.
public struct RenderedMarkdown: Sendable, Hashable {
    public var html: String
    public var links: [FoundLink]
    public var headings: [Heading]
    public var charts: [ChartEmbed]
    public var diagnostics: [Diagnostic]
    /// Links to a place on the same page (`[x](#when-they-left)`): the id and where it was written.
    public var pageFragments: [PageFragment] = []
    /// Relative links written as such (`[plan](files/plan.pdf)`), with where they were written, so
    /// that `roster check` can name the line of one that leads nowhere.
    public var relativeLinks: [WrittenLink] = []

    /// The HTML with each chart's placeholder (and the `<p>` around it) replaced by `figure(chart)`,
    /// in one pass over the bytes however many charts there are.
    public func html(replacingCharts figure: (ChartEmbed) -> String) -> String {
        guard !charts.isEmpty else { return html }
        let open = Array("\u{E002}chart".utf8), close = Array("\u{E003}".utf8)
        let paragraphOpen = Array("<p>".utf8), paragraphClose = Array("</p>".utf8)
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + charts.count * 4096)
        var index = 0
        func matches(_ needle: [UInt8], at position: Int) -> Bool {
            position >= 0 && position + needle.count <= bytes.count && bytes[position..<position + needle.count].elementsEqual(needle)
        }
        while index < bytes.count {
            if bytes[index] == open[0], matches(open, at: index) {
                var cursor = index + open.count
                var number = 0
                var digits = 0
                while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, digits < 9 {
                    number = number * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                    digits += 1
                }
                if digits > 0, matches(close, at: cursor), charts.indices.contains(number) {
                    var end = cursor + close.count
                    if output.count >= paragraphOpen.count, output.suffix(paragraphOpen.count).elementsEqual(paragraphOpen),
                       matches(paragraphClose, at: end) {
                        output.removeLast(paragraphOpen.count)
                        end += paragraphClose.count
                    }
                    output += Array(figure(charts[number]).utf8)
                    index = end
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
