/// `{{#author}}` on an author's page.
public struct AuthorView: Sendable {
    public var slug: String
    public var name: String
    public var current: CurrentPosition?
    public var career: [StintRow]
    public var cohorts: [AuthorCohortRow]
    public var links: [LabelledLink]
    /// The bio as HTML.
    public var bio: String
    public var mentions: [ArticleItem]
    public var sources: [SourceRef]
    /// The one-row career timeline as a figure (HTML).
    public var timelineChart: String
    /// Every correction of the page (of the person, then of each stint), oldest first.
    public var corrections: [CorrectionNote]
    /// "Changed since the edition of …", when it did.
    public var changed: ChangedSinceNote?
    /// The person's photo (a list of one or none).
    public var photo: [PictureView]
}

public struct CurrentPosition: Sendable {
    public var company: CompanyLink
    public var role: String?
    public var unit: String?
    /// "Apr 2023"; nil when the start is unknown.
    public var since: String?
}

public struct StintRow: Sendable {
    public var company: CompanyLink
    public var unit: String?
    public var role: String?
    public var start: String
    /// "now" while open.
    public var end: String
    public var isOpen: Bool
    /// confirmed, reported or inferred.
    public var confidence: String
    /// The confidence in the site's language ("confirmed"; "confirmé").
    public var confidenceLabel: String
    /// The reasoning behind the claim (`note:`).
    public var note: String?
    public var founder: Bool
    public var sources: [SourceRef]
    public var corrections: [CorrectionNote]
}

public struct AuthorCohortRow: Sendable {
    public var cohort: String
    public var href: String
    public var status: String
    /// `at origin`, `left` or `returned`: the same words on every site (the search filter's values).
    public var searchStatus: String
    public var routeText: String
    public var route: [CompanyLink]
    public var tenure: String
}

/// A row of the authors index.
public struct AuthorRow: Sendable {
    public var author: AuthorLink
    public var current: CompanyLink
    public var role: String?
}

/// `{{#company}}` on a company's page.
public struct CompanyView: Sendable {
    public var slug: String
    public var name: String
    /// The organisation's logo (a list of one or none).
    public var logo: [PictureView]
    public var kind: String?
    public var headquarters: String?
    public var founded: String?
    public var website: String?
    /// The description as HTML.
    public var description: String
    /// The people on this page of the company (all of them fit on one page unless the list is long).
    public var current: [PersonAtCompany]
    public var alumni: [PersonAtCompany]
    /// How many in all, across pages.
    public var currentCount: Count
    public var alumniCount: Count
    public var moves: [MoveRow]
    /// Arrivals and departures per year as a figure (HTML); absent when no move has a known date.
    public var movesChart: String?
    public var mentions: [ArticleItem]
    public var sources: [SourceRef]
    /// False on the second and later pages of a long company (the description, moves and mentions
    /// are on the first).
    public var isFirstPage: Bool
}

public struct PersonAtCompany: Sendable {
    public var author: AuthorLink
    public var role: String?
    /// "Apr 2023 – now".
    public var period: String
}

public struct MoveRow: Sendable {
    public var year: Int
    public var arrivals: Int
    public var departures: Int
}

/// A row of the companies index.
public struct CompanyRow: Sendable {
    public var company: CompanyLink
    public var kind: String?
    public var headquarters: String?
    /// Tracked people there now.
    public var currentCount: Count
}

/// `{{#article}}` on an article's page.
public struct ArticleView: Sendable {
    public var item: ArticleItem
    public var updated: String?
    public var updatedISO: String?
    /// The body as HTML.
    public var body: String
    public var toc: [TocEntry]
    public var hasToc: Bool
    public var sources: [SourceEntry]
}

public struct TocEntry: Sendable {
    public var level: Int
    public var text: String
    public var href: String
}

/// A full bibliography entry (sources page, article source lists).
public struct SourceEntry: Sendable {
    public var id: String
    public var title: String
    public var publisher: String?
    public var date: String?
    public var url: String?
    /// An archived copy's address.
    public var archived: String?
    /// "27 May 2025": when the editor last read it.
    public var accessed: String?
    public var href: String
    public var citedBy: [Crumb]
}

/// `{{#standalone}}` on a standalone page.
public struct PageView: Sendable {
    public var title: String
    public var summary: String?
    public var body: String
    /// True on `/methodology/`, which shows `site.evidenceNote`.
    public var isMethodology: Bool
}
