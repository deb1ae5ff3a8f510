import RosterModel

/// A link written with one of Roster's schemes: `[text](author:SLUG#fragment)`.
public struct InternalLink: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case author, company, article, page, source, tag, cohort
    }

    public var kind: Kind
    /// The slug, id or tag name after the scheme.
    public var target: String
    public var fragment: String?

    /// Parses `author:guillaume-lample#career`; nil when the URL uses no internal scheme.
    public init?(url: String) {
        guard let colon = url.firstIndex(of: ":"), let kind = Kind(rawValue: String(url[..<colon])) else {
            return nil
        }
        var rest = String(url[url.index(after: colon)...])
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
        }
        self.kind = kind
        self.target = rest.removingPercentEncoding ?? rest
        self.fragment = fragment
    }

    public init(kind: Kind, target: String, fragment: String? = nil) {
        self.kind = kind
        self.target = target
        self.fragment = fragment
    }

    public var written: String { "\(kind.rawValue):\(target)" + (fragment.map { "#\($0)" } ?? "") }
}

/// A link found in a body, where it was written.
public struct FoundLink: Sendable, Hashable {
    public var link: InternalLink
    public var location: SourceLocation
}

/// `![caption](chart:KIND/COHORT)`: a chart to draw in place of the image.
public struct ChartEmbed: Sendable, Hashable {
    public static let kinds = ["destinations", "flow", "careers", "retention"]

    public var kind: String
    public var cohort: String
    public var caption: String
    /// The text left in the HTML where the chart goes.
    public var placeholder: String
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

    /// The HTML with each chart's placeholder paragraph replaced by `figure(chart)`.
    public func html(replacingCharts figure: (ChartEmbed) -> String) -> String {
        var html = self.html
        for chart in charts {
            let figureHTML = figure(chart)
            let paragraph = "<p>\(chart.placeholder)</p>"
            if html.contains(paragraph) {
                html = html.replacingOccurrences(of: paragraph, with: figureHTML)
            } else {
                html = html.replacingOccurrences(of: chart.placeholder, with: figureHTML)
            }
        }
        return html
    }
}
