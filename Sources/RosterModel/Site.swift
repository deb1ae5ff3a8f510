/// Everything a site is made of, as loaded from `Content/`: plain values, no I/O.
public struct Site: Sendable {
    public var settings: SiteSettings
    public var cohorts: [Cohort]
    /// Sorted by slug.
    public var authors: [Author]
    /// Sorted by slug.
    public var companies: [Company]
    /// Newest first (by date, then slug).
    public var articles: [Article]
    /// Sorted by slug.
    public var pages: [Page]
    /// In the order of `sources.yml`.
    public var sources: [Source]
    /// `Content/data/<name>.yml`, by name.
    public var data: [String: DataValue]
    /// Files to copy verbatim to `Output/assets/`, theme first, content overriding.
    public var assets: [Asset]
    /// `Content/editions/`, oldest first.
    public var editions: [Edition] = []
    /// The theme's words in the site's language, with `site.yml`'s `labels:` on top.
    public var labels: Labels = .empty

    public init(settings: SiteSettings, cohorts: [Cohort] = [], authors: [Author] = [],
                companies: [Company] = [], articles: [Article] = [], pages: [Page] = [],
                sources: [Source] = [], data: [String: DataValue] = [:], assets: [Asset] = []) {
        self.settings = settings
        self.cohorts = cohorts
        self.authors = authors.sorted { $0.slug < $1.slug }
        self.companies = companies.sorted { $0.slug < $1.slug }
        self.articles = Article.newestFirst(articles)
        self.pages = pages.sorted { $0.slug < $1.slug }
        self.sources = sources
        self.data = data
        self.assets = assets
    }

    /// The site with every Markdown body's text emptied (its path and first line kept): once the
    /// bodies are rendered nothing reads them again, and a large site should not keep them.
    public func withoutMarkdownSources() -> Site {
        func empty(_ body: MarkdownText) -> MarkdownText { MarkdownText("", firstLine: body.firstLine, path: body.path) }
        var site = self
        for index in site.authors.indices { site.authors[index].body = empty(site.authors[index].body) }
        for index in site.companies.indices { site.companies[index].body = empty(site.companies[index].body) }
        for index in site.articles.indices { site.articles[index].body = empty(site.articles[index].body) }
        for index in site.pages.indices { site.pages[index].body = empty(site.pages[index].body) }
        return site
    }

    /// The edition `/changes/` compares with: the newest saved before `as_of`.
    public var previousEdition: Edition? {
        editions.last { $0.date.lastDay < settings.asOf.lastDay && $0.report != nil }
    }

    /// By binary search: `authors` is sorted by slug.
    public func author(_ slug: String) -> Author? { Self.find(slug, in: authors, \.slug) }
    /// By binary search: `companies` is sorted by slug.
    public func company(_ slug: String) -> Company? { Self.find(slug, in: companies, \.slug) }

    private static func find<T>(_ slug: String, in sorted: [T], _ key: KeyPath<T, String>) -> T? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle][keyPath: key] < slug { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low][keyPath: key] == slug ? sorted[low] : nil
    }
}

/// `site.yml` settings.
public struct SiteSettings: Sendable, Hashable {
    /// The keys of `site.yml` (see `ContentKeys`).
    public static let keys: [ContentKeys.Key] = [
        .init("title", required: true), .init("description"), .init("base_url", required: true), .init("language"),
        .init("as_of", required: true), .init("unsafe_html"), .init("paginate"), .init("feed_limit"),
        .init("home"), .init("featured"), .init("evidence"), .init("search"), .init("labels"), .init("cohorts", required: true),
    ]
    /// What an unsourced claim is: an error (a report) or a warning (a tracker whose data has no
    /// per-claim sources; the site then says how many claims have none).
    public enum Evidence: String, Sendable, Hashable, CaseIterable {
        case error, warn
    }
    /// What the home page leads with: one cohort (a report) or the overview of all (a tracker).
    public enum Home: String, Sendable, Hashable, CaseIterable {
        case cohort, overview
    }
    /// At most this many cohorts in the home page's retention overlay.
    public static let maximumFeatured = 8
    public var title: String
    public var description: String?
    /// Absolute http(s) URL of the published site, always ending in `/` (one is added if missing).
    public var baseURL: String {
        didSet { if !baseURL.hasSuffix("/") { baseURL += "/" } }
    }
    public var language: String
    /// The date the report's statements hold.
    public var asOf: PartialDate
    public var unsafeHTML: Bool
    /// Entries per index page.
    public var paginate: Int
    public var feedLimit: Int
    /// Nil: the overview when there are more than 8 cohorts, else the first cohort.
    public var home: Home?
    /// Cohort slugs drawn in the overview's retention chart.
    public var featured: [String]
    public var evidence: Evidence
    /// A search page and box, indexed by Pagefind at every build (`search: false` turns it off).
    public var search: Bool = true
    /// `labels:`: the theme's labels this site words its own way (dotted keys, as in the labels file).
    public var labels: [String: Labels.Value] = [:]
    public var labelLocations: [String: SourceLocation] = [:]
    public var locations: FieldLocations

    public init(title: String, description: String? = nil, baseURL: String, language: String = "en",
                asOf: PartialDate, unsafeHTML: Bool = false, paginate: Int = 50, feedLimit: Int = 50,
                home: Home? = nil, featured: [String] = [], evidence: Evidence = .error,
                locations: FieldLocations = FieldLocations(start: SourceLocation(path: SiteLayout.settings))) {
        self.evidence = evidence
        self.home = home
        self.featured = featured
        self.title = title
        self.description = description
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.language = language
        self.asOf = asOf
        self.unsafeHTML = unsafeHTML
        self.paginate = paginate
        self.feedLimit = feedLimit
        self.locations = locations
    }

    /// These settings with the ones given on the command line (`--base-url`) or by the dev server
    /// (its own address) in place: the one way settings are overridden, so none is lost.
    public func overriding(baseURL: String? = nil) -> SiteSettings {
        var settings = self
        if let baseURL { settings.baseURL = baseURL }
        return settings
    }

    /// Stands in for settings that could not be read, so that the rest of the site is still
    /// checked and every problem reported in one run. A site with it never builds: the reason it
    /// is used is always an error already.
    public static let unreadable = SiteSettings(title: "", baseURL: "https://example.invalid/",
                                                asOf: PartialDate(knownYear: 2000))

    /// The path part of `base_url` (`/llama/`), for pages that hosts serve at any URL (404).
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}

/// A group of people followed together, measured against one origin company.
public struct Cohort: Sendable, Hashable {
    /// The keys of one entry of `cohorts:` in `site.yml`.
    public static let keys: [ContentKeys.Key] = [
        .init("slug", required: true), .init("name", required: true), .init("origin", required: true),
        .init("date", required: true), .init("members", required: true), .init("member"),
    ]
    public var slug: String
    public var name: String
    public var origin: String
    public var date: PartialDate
    /// Author slugs, in display order.
    public var members: [String]
    /// What one member and several are called (`member: {one: researcher, other: researchers}`), by
    /// plural category; nil for the theme's `cohort.member` label.
    public var member: [String: String]?
    public var locations: FieldLocations

    public init(slug: String, name: String, origin: String, date: PartialDate, members: [String],
                locations: FieldLocations = FieldLocations(start: SourceLocation(path: SiteLayout.settings))) {
        self.slug = slug
        self.name = name
        self.origin = origin
        self.date = date
        self.members = members
        self.locations = locations
    }
}

/// A file copied verbatim: `relativePath` under `Output/assets/`, read from `sourcePath`.
public struct Asset: Sendable, Hashable {
    public var relativePath: String
    public var sourcePath: String

    public init(relativePath: String, sourcePath: String) {
        self.relativePath = relativePath
        self.sourcePath = sourcePath
    }
}

/// Free-form YAML from `Content/data/`, kept in its order.
public indirect enum DataValue: Sendable, Hashable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case list([DataValue])
    case map([DataEntry])
}

extension DataValue {
    /// The value under `key` of a map.
    public subscript(key: String) -> DataValue? {
        guard case .map(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The text of a string or number.
    public var text: String? {
        switch self {
        case .string(let text), .number(let text): return text
        default: return nil
        }
    }
}

extension Site {
    /// `Content/data/events.yml`: the home page's timeline, entries with a `date` and a `title`.
    public static let eventsData = "events"

    /// The timeline's entries that have a title, with their date as written.
    public var events: [(index: Int, date: String, title: String)] {
        guard case .list(let items)? = data[Self.eventsData] else { return [] }
        return items.enumerated().compactMap { index, item in
            guard let title = item["title"]?.text else { return nil }
            return (index, item["date"]?.text ?? "", title)
        }
    }
}

public struct DataEntry: Sendable, Hashable {
    public var key: String
    public var value: DataValue
    public init(key: String, value: DataValue) {
        self.key = key
        self.value = value
    }
}
