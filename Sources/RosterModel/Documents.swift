/// An organisation people move between (`Content/companies/<slug>.md`).
public struct Company: Sendable, Hashable {
    /// The front-matter keys (see `ContentKeys`).
    public static let keys: [ContentKeys.Key] = [
        .init("name", required: true), .init("kind"), .init("headquarters"), .init("founded"), .init("website"),
        .init("sources"), .init("aliases"), .init("logo"), .init("logo_alt"),
    ]
    public var slug: String
    public var name: String
    /// `logo:` and `logo_alt:`.
    public var logo: Picture?
    public var kind: String?
    public var headquarters: String?
    public var founded: PartialDate?
    public var website: String?
    public var sources: [String]
    public var aliases: [String]
    public var body: MarkdownText
    public var locations: FieldLocations

    public init(slug: String, name: String, kind: String? = nil, headquarters: String? = nil,
                founded: PartialDate? = nil, website: String? = nil, sources: [String] = [],
                aliases: [String] = [], body: MarkdownText = MarkdownText(""), locations: FieldLocations? = nil) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.headquarters = headquarters
        self.founded = founded
        self.website = website
        self.sources = sources
        self.aliases = aliases
        self.body = body
        self.locations = locations ?? FieldLocations(start: SourceLocation(path: DocumentKind.company.path(slug)))
    }
}

/// A report article (`Content/articles/<slug>.md`).
public struct Article: Sendable, Hashable {
    /// The front-matter keys (see `ContentKeys`).
    public static let keys: [ContentKeys.Key] = [
        .init("title", required: true), .init("date", required: true), .init("updated"), .init("summary"),
        .init("byline"), .init("tags"), .init("sources"), .init("aliases"), .init("draft"),
    ]
    public var slug: String
    public var title: String
    public var date: PartialDate
    public var updated: PartialDate?
    public var summary: String?
    public var byline: String?
    public var tags: [String]
    public var sources: [String]
    public var aliases: [String]
    public var draft: Bool
    public var body: MarkdownText
    public var locations: FieldLocations

    public init(slug: String, title: String, date: PartialDate, updated: PartialDate? = nil,
                summary: String? = nil, byline: String? = nil, tags: [String] = [], sources: [String] = [],
                aliases: [String] = [], draft: Bool = false, body: MarkdownText = MarkdownText(""),
                locations: FieldLocations? = nil) {
        self.slug = slug
        self.title = title
        self.date = date
        self.updated = updated
        self.summary = summary
        self.byline = byline
        self.tags = tags
        self.sources = sources
        self.aliases = aliases
        self.draft = draft
        self.body = body
        self.locations = locations ?? FieldLocations(start: SourceLocation(path: DocumentKind.article.path(slug)))
    }

    /// Newest first: by date, then by slug.
    public static func newestFirst(_ articles: [Article]) -> [Article] {
        articles.sorted { a, b in
            if a.date != b.date { return a.date > b.date }
            return a.slug < b.slug
        }
    }

    /// The date the article last changed: `updated`, else `date`.
    public var lastModified: PartialDate { max(updated ?? date, date) }
}

/// A standalone page (`Content/pages/<slug>.md`), served at `/<slug>/`.
public struct Page: Sendable, Hashable {
    /// The front-matter keys (see `ContentKeys`).
    public static let keys: [ContentKeys.Key] = [.init("title", required: true), .init("summary")]
    public var slug: String
    public var title: String
    public var summary: String?
    public var body: MarkdownText
    public var locations: FieldLocations

    /// Slugs the site uses for its own sections; a page may not take them.
    public static let reservedSlugs: Set<String> = [
        "authors", "companies", "articles", "cohorts", "tags", "sources", "data", "assets", "404",
        "search", "changes", "pagefind",
    ]

    public init(slug: String, title: String, summary: String? = nil, body: MarkdownText = MarkdownText(""),
                locations: FieldLocations? = nil) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.body = body
        self.locations = locations ?? FieldLocations(start: SourceLocation(path: DocumentKind.page.path(slug)))
    }
}

/// One entry of the bibliography (`Content/sources.yml`).
public struct Source: Sendable, Hashable {
    /// The keys of one entry of `sources.yml`.
    public static let keys: [ContentKeys.Key] = [
        .init("title", required: true), .init("publisher"), .init("date"), .init("url"), .init("archived"), .init("accessed"),
    ]
    public var id: String
    public var title: String
    public var publisher: String?
    public var date: PartialDate?
    public var url: String?
    /// The address of an archived copy (the Wayback Machine, archive.today), for when `url` goes away.
    public var archived: String?
    /// When the editor last read it.
    public var accessed: PartialDate?
    public var locations: FieldLocations

    public init(id: String, title: String, publisher: String? = nil, date: PartialDate? = nil,
                url: String? = nil, archived: String? = nil, accessed: PartialDate? = nil,
                locations: FieldLocations = FieldLocations(start: SourceLocation(path: SiteLayout.sources))) {
        self.archived = archived
        self.accessed = accessed
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
        self.locations = locations
    }
}
