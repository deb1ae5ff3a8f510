/// View models: what templates see. Logic lives here, in Swift; templates only print and loop.
/// Every key is listed in docs/templates.md.

/// `{{site.*}}`: the site's settings.
public struct SiteView: Sendable {
    public var title: String
    public var description: String?
    public var language: String
    public var baseURL: String
    /// "27 May 2025".
    public var asOf: String
    /// "2025-05-27".
    public var asOfISO: String
    public var generator: String
    /// With `evidence: warn`: "12 of 60 claims cite no source.", shown on the home page and on the
    /// methodology page; absent when every claim cites one or the rules are errors.
    public var evidenceNote: String?
}

/// `{{page.*}}`: the page being rendered.
public struct PageMeta: Sendable {
    public var title: String
    /// Plain text for `<meta name="description">` and Open Graph.
    public var description: String
    /// Absolute URL (from `base_url`), for the canonical link and Open Graph.
    public var canonical: String
    /// `website`, `article` (articles) or `profile` (authors).
    public var ogType: String
    public var breadcrumbs: [Crumb]
    public var isHome: Bool
    /// The page's own photo or logo (absolute URL) for social previews; a list of one or none.
    public var images: [String] = []
    /// Search indexes this page (`data-pagefind-body` on its main content): people, organisations,
    /// cohorts, articles, pages and sources; not indexes, tag listings, later pages or redirects.
    public var indexed: Bool
    /// What the search page's filters know of this page (its kind, and a person's organisation,
    /// cohorts, statuses and confidences), each value once; empty when the page is not indexed.
    public var searchFilters: [SearchFilter] = []
}

/// `{{#page.searchFilters}}`: one value of one of the search page's filters.
public struct SearchFilter: Sendable, Hashable {
    public var key: String
    /// The value as the filter lists it (`ViewBuilder.searchFilter`).
    public var value: String
}

public struct Crumb: Sendable, Hashable {
    public var title: String
    public var href: String
}

/// `{{links.*}}`: hrefs of the site's sections from this page.
public struct SiteLinks: Sendable, Hashable {
    public var home: String
    public var cohorts: String
    public var authors: String
    public var companies: String
    public var articles: String
    public var tags: String
    public var sources: String
    public var feed: String
    public var json: String
    public var csv: String
    /// `/changes/`, when an earlier edition is saved.
    public var changes: String?
    /// `/search/`, when the site has search.
    public var search: String?
    /// Prefix for the search index's files (`pagefind/`), ending in `/`.
    public var pagefind: String
    /// Prefix for files under `assets/`, ending in `/`.
    public var assets: String
}

/// What every page shares besides `site` and `data` (the same on every page): the links of the
/// site's sections, the navigation and the standalone pages, all relative to the page. Pages with
/// equal shared views render the templates under `Templates/shared/` identically.
public struct SharedView: Sendable, Hashable {
    public var links: SiteLinks
    public var nav: [NavItem]
    /// `{{#pages}}`: the standalone pages, for the footer.
    public var pages: [Crumb]
}

/// `{{#nav}}`: the main navigation.
public struct NavItem: Sendable, Hashable {
    public var title: String
    public var href: String
    public var current: Bool
}

public struct AuthorLink: Sendable {
    public var slug: String
    public var name: String
    public var href: String
    /// The person's photo, when there is one: a list of one or none (an absent value would be looked
    /// up in the enclosing context, where another picture may be).
    public var photo: [PictureView]
}

/// A photo or logo: `<img src="{{src}}" alt="{{alt}}" width="{{width}}" height="{{height}}">`.
public struct PictureView: Sendable {
    public var src: String
    public var alt: String
    public var width: Int
    public var height: Int
}

public struct CompanyLink: Sendable {
    /// Empty when the company is unknown.
    public var slug: String
    public var name: String
    /// Nil when the company is unknown.
    public var href: String?
    /// False when the company is unknown (test this, not `href`: an absent `href` would be looked up
    /// in the enclosing context).
    public var known: Bool
    /// The company's logo, when there is one (a list of one or none).
    public var logo: [PictureView] = []
}

public struct SourceRef: Sendable {
    public var id: String
    public var title: String
    /// To the entry on /sources/.
    public var href: String
}

public struct TagLink: Sendable {
    public var name: String
    public var slug: String
    public var href: String
    public var count: Int
}

public struct ArticleItem: Sendable {
    public var slug: String
    public var title: String
    public var href: String
    /// "27 May 2025".
    public var date: String
    public var dateISO: String
    public var summary: String?
    public var byline: String?
    public var tags: [TagLink]
    public var draft: Bool
}

public struct Pagination: Sendable {
    public var current: Int
    public var total: Int
    public var previous: String?
    public var next: String?
    public var pages: [PageNumber]
    /// True when there is more than one page.
    public var isPaged: Bool
    /// "Newer" and "Older" for articles, "Previous" and "Next" for other lists.
    public var previousLabel: String
    public var nextLabel: String
    /// "Showing 51–100 of 3,000".
    public var range: String
}

public struct PageNumber: Sendable {
    public var number: Int
    public var href: String
    public var current: Bool
    /// True when numbers are left out before this one (print "…").
    public var gapBefore: Bool
}

public struct LabelledLink: Sendable {
    public var label: String
    public var url: String
}

/// An entry of the home page's timeline (`data/events.yml`), its date written like every other date.
public struct EventRow: Sendable {
    /// "27 Feb 2023", "Apr 2023"; as written when it is not a date.
    public var date: String
    /// Absent when the date is not one.
    public var dateISO: String?
    public var title: String
}
