/// A tracked person (`Content/authors/<slug>.md`).
public struct Author: Sendable, Hashable {
    /// The front-matter keys (see `ContentKeys`).
    public static let keys: [ContentKeys.Key] = [
        .init("name", required: true), .init("aliases"), .init("links"), .init("career", required: true),
        .init("corrections"), .init("photo"), .init("photo_alt"),
    ]
    public var slug: String
    public var name: String
    /// `photo:` and `photo_alt:`.
    public var photo: Picture?
    /// Former slugs; a redirect page is written at each.
    public var aliases: [String]
    public var links: [Link]
    /// Oldest first, as the editor listed it.
    public var career: [Stint]
    /// Corrections of what the page said about the person, oldest first.
    public var corrections: [Correction]
    public var body: MarkdownText
    public var locations: FieldLocations

    public init(slug: String, name: String, aliases: [String] = [], links: [Link] = [], career: [Stint],
                corrections: [Correction] = [], body: MarkdownText = MarkdownText(""), locations: FieldLocations? = nil) {
        self.corrections = corrections
        self.slug = slug
        self.name = name
        self.aliases = aliases
        self.links = links
        self.career = career
        self.body = body
        self.locations = locations ?? FieldLocations(start: SourceLocation(path: DocumentKind.author.path(slug)))
    }
}

/// One period at one company. Stints may overlap.
public struct Stint: Sendable, Hashable {
    /// The keys of one entry of an author's `career:`.
    public static let keys: [ContentKeys.Key] = [
        .init("company", required: true), .init("unit"), .init("role"), .init("start", required: true), .init("end"),
        .init("confidence"), .init("founder"), .init("note"), .init("sources"), .init("corrections"),
    ]
    public var company: String
    public var unit: String?
    public var role: String?
    public var start: DateBound
    /// Nil while the stint is open; `.unknown` when it ended at an unknown date.
    public var end: DateBound?
    public var confidence: Confidence
    public var founder: Bool
    /// The reasoning behind the claim (for an inferred stint), shown beside it.
    public var note: String?
    public var sources: [String]
    /// Corrections of this claim, oldest first: shown beside it and on `/changes/`.
    public var corrections: [Correction]
    public var locations: FieldLocations

    public init(company: String, unit: String? = nil, role: String? = nil, start: DateBound,
                end: DateBound? = nil, confidence: Confidence = .confirmed, founder: Bool = false,
                note: String? = nil, sources: [String] = [], corrections: [Correction] = [],
                locations: FieldLocations = FieldLocations(start: SourceLocation(path: ""))) {
        self.corrections = corrections
        self.note = note
        self.company = company
        self.unit = unit
        self.role = role
        self.start = start
        self.end = end
        self.confidence = confidence
        self.founder = founder
        self.sources = sources
        self.locations = locations
    }

    /// Started on or before `day` (an unknown start counts as before) and has not ended by it
    /// (no end, or an end after it; an unknown end is closed).
    public func isOpen(at day: Int) -> Bool {
        if let start = start.date, start.dayNumber > day { return false }
        switch end {
        case nil: return true
        case .unknown?: return false
        case .known(let date)?: return date.dayNumber > day
        }
    }
}

extension Author {
    /// The current position on `day`: of the stints open then, the last in career order.
    public func currentStint(at day: Int) -> Stint? {
        career.last { $0.isOpen(at: day) }
    }

    /// The stint at `company` to show for this person there: the open one on `day`, else the last.
    public func stint(at company: String, on day: Int) -> Stint? {
        let stints = career.filter { $0.company == company }
        return stints.last { $0.isOpen(at: day) } ?? stints.last
    }
}

/// How firmly a stint is established.
public enum Confidence: String, Sendable, Hashable, CaseIterable {
    /// A source names the person and the company.
    case confirmed
    /// Rests on press reports of the move.
    case reported
    /// Deduced; the bio says how.
    case inferred
}

/// A published correction: when the report was corrected and what was wrong
/// (`corrections: [{date: 2025-06-02, text: "An earlier edition said …"}]`).
public struct Correction: Sendable, Hashable {
    /// The keys of one entry of `corrections:`.
    public static let keys: [ContentKeys.Key] = [.init("date", required: true), .init("text", required: true)]
    public var date: PartialDate
    public var text: String
    public var location: SourceLocation

    public init(date: PartialDate, text: String, location: SourceLocation = SourceLocation(path: "")) {
        self.date = date
        self.text = text
        self.location = location
    }
}

/// A labelled external link.
public struct Link: Sendable, Hashable {
    /// The keys of one entry of an author's `links:`.
    public static let keys: [ContentKeys.Key] = [.init("label", required: true), .init("url", required: true)]
    public var label: String
    public var url: String
    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}

/// A Markdown body and the file line where it starts, so errors inside it point at the right line.
public struct MarkdownText: Sendable, Hashable {
    public var text: String
    /// The file line of the body's first line.
    public var firstLine: Int
    public var path: String

    public init(_ text: String, firstLine: Int = 1, path: String = "") {
        self.text = text
        self.firstLine = firstLine
        self.path = path
    }
}
