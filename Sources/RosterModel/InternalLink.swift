/// A link written with one of Roster's schemes: `[text](author:SLUG#fragment)`.
public struct InternalLink: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case author, company, article, page, source, tag, cohort

        /// The kind a URL's scheme names, compared on bytes.
        public init?(scheme: Substring.UTF8View) {
            guard let kind = Self.allCases.first(where: { $0.rawValue.utf8.elementsEqual(scheme) }) else { return nil }
            self = kind
        }
    }

    public var kind: Kind
    /// The slug, id or tag name after the scheme.
    public var target: String
    public var fragment: String?

    /// Parses `author:guillaume-lample#career`; nil when the URL uses no internal scheme.
    public init?(url: String) {
        // On bytes: most URLs are not internal, and this runs for every link of every body.
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: 0x3A), let kind = Kind(scheme: bytes[..<colon]) else { return nil }
        let rest = bytes[bytes.index(after: colon)...]
        var fragment: String?
        var target = rest
        if let hash = rest.firstIndex(of: 0x23) {
            // Written encoded (`#%E6%97%A5`) or not (`#日`), it names the same id; the link is encoded
            // once, when it is written out.
            fragment = URLText.percentDecoded(String(Substring(rest[rest.index(after: hash)...])))
            target = rest[..<hash]
        }
        self.kind = kind
        self.target = URLText.percentDecoded(String(Substring(target)))
        self.fragment = fragment
    }

    public init(kind: Kind, target: String, fragment: String? = nil) {
        self.kind = kind
        self.target = target
        self.fragment = fragment
    }

    public var written: String { "\(kind.rawValue):\(target)" + (fragment.map { "#\($0)" } ?? "") }
}


/// The charts an article or page can embed (`![caption](chart:KIND/SLUG)`): the link parser accepts
/// exactly these, and the chart factory draws each (a `switch` with no `default`, so a new kind
/// cannot be accepted and then drawn as another).
public enum ChartKind: String, Sendable, Hashable, CaseIterable {
    case destinations, flow, careers, retention
    /// One person's career as a timeline: `chart:career/AUTHOR`.
    case career
    /// A company's arrivals and departures per year: `chart:moves/COMPANY`.
    case moves
    /// The evidence figures of the whole site as a table: `figures:evidence` (no slug).
    case evidence

    /// What the slug after the kind names.
    public enum Subject: String, Sendable {
        case cohort, author, company
        /// The whole site: written `figures:NAME`, with no slug.
        case site
    }

    public var subject: Subject {
        switch self {
        case .destinations, .flow, .careers, .retention: return .cohort
        case .career: return .author
        case .moves: return .company
        case .evidence: return .site
        }
    }
}
