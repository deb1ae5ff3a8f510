import Foundation
import OrderedCollections
import RosterAnalysis
import RosterMarkdown
import RosterModel

/// One page to render: its route, its template and what the template sees.
public struct PageJob: Sendable {
    public var route: Route
    public var template: String
    public var context: PageContext
}

/// What a page's template sees: the keys every page shares (`site`, `links`, `nav`, `pages`,
/// `data`) and the page's own (`page`, `article`, …).
public struct PageContext: @unchecked Sendable {
    public let shared: SharedView
    /// A dictionary of view models; `[String: Any]` is what Mustache reads.
    public var values: [String: Any]

    /// The page's picture for social previews (`og:image`), unless it is an SVG, which the big
    /// social networks do not show (the page still shows it).
    mutating func setImage(_ url: String) {
        guard !url.lowercased().hasSuffix(".svg"), var meta = values["page"] as? PageMeta else { return }
        meta.images = [url]
        values["page"] = meta
    }

    /// Adds values to the search page's filters, each (key, value) once, when the page is indexed.
    mutating func addSearchFilters(_ filters: [SearchFilter]) {
        guard var meta = values["page"] as? PageMeta, meta.indexed else { return }
        for filter in filters where !meta.searchFilters.contains(filter) { meta.searchFilters.append(filter) }
        values["page"] = meta
    }

    public subscript(key: String) -> Any? {
        get { values[key] }
        set { values[key] = newValue }
    }
}

/// A page of the site and how to build its view models: built when it is rendered, on whichever
/// core renders it.
public struct PageSpec: Sendable {
    public var route: Route
    public var make: @Sendable () -> PageJob

    public init(route: Route, make: @escaping @Sendable () -> PageJob) {
        self.route = route
        self.make = make
    }
}

/// Builds view models from the model, the derived facts and the rendered bodies. All the
/// logic of what a page shows is here; templates only print and loop.
public struct ViewBuilder: Sendable {
    public private(set) var site: Site
    /// Everything derived in the analyse step: cohort and company facts, mentions.
    public let facts: SiteFacts
    public var cohortFacts: [CohortFacts] { facts.cohorts }
    public var companyFacts: [String: CompanyFacts] { facts.companies }
    public private(set) var bodies: RenderedBodies
    public let options: RenderOptions
    private(set) var authorsBySlug: [String: Author]
    let companiesBySlug: [String: Company]
    /// A company's chart colour: its rank among the site's companies by tracked people there now,
    /// then ever, then slug, so the organisations a chart shows together differ in colour first.
    let companyOrdinals: [String: Int]
    private(set) var articlesBySlug: [String: Article]
    let sourcesByID: [String: Source]
    /// Tag slug → (name, article slugs newest first).
    let tags: [(slug: String, name: String, articles: [String])]
    let tagCounts: [String: Int]
    /// Tag name → slug, computed once (slugging folds Unicode, and tags are linked on every list).
    let tagSlugs: [String: String]
    /// People whose facts changed since the compared edition.
    let changedPeople: Set<String>
    /// `{{site.*}}` and `{{data.*}}`: the same on every page, made once.
    let siteView: SiteView
    private let constants: ConstantValues
    /// Shared views already made, by what they depend on (see `sharedView(for:_:)`).
    private let sharedViews = SharedViewCache()

    static func colorRanks(_ companies: [Company], _ facts: [String: CompanyFacts]) -> [String: Int] {
        let ranked = companies.map { company -> (slug: String, now: Int, ever: Int) in
            let known = facts[company.slug]
            return (company.slug, known?.current.count ?? 0, (known?.current.count ?? 0) + (known?.alumni.count ?? 0))
        }.sorted { ($1.now, $1.ever, $0.slug) < ($0.now, $0.ever, $1.slug) }
        return Dictionary(ranked.enumerated().map { ($0.element.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    public init(site: Site, facts: SiteFacts, bodies: RenderedBodies, options: RenderOptions) {
        self.site = site
        self.facts = facts
        self.bodies = bodies
        self.options = options
        authorsBySlug = Dictionary(site.authors.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        companiesBySlug = Dictionary(site.companies.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        companyOrdinals = Self.colorRanks(site.companies, facts.companies)
        articlesBySlug = Dictionary(site.articles.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        sourcesByID = Dictionary(site.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byTag: [String: (String, OrderedSet<String>)] = [:]
        var slugs: [String: String] = [:]
        for article in site.articles {
            for name in article.tags {
                let slug: String
                if let known = slugs[name] {
                    slug = known
                } else {
                    slug = Slug.forTag(name)
                    slugs[name] = slug
                }
                byTag[slug, default: (name, [])].1.append(article.slug)
            }
        }
        tags = byTag.keys.sorted().compactMap { slug in byTag[slug].map { (slug, $0.0, Array($0.1)) } }
        tagCounts = byTag.mapValues { $0.1.count }
        tagSlugs = slugs
        changedPeople = facts.changes?.changedPeople ?? []
        let settings = site.settings
        siteView = SiteView(title: settings.title, description: settings.description, language: settings.language,
                            baseURL: settings.baseURL, asOf: site.labels.date(settings.asOf), asOfISO: settings.asOf.isoDay,
                            generator: "Roster \(options.version)", evidenceNote: Self.evidenceNote(site.settings, facts.evidence, site.labels))
        constants = ConstantValues(values: ["site": siteView, "data": site.data.mapValues(DataContext.value),
                                            "labels": LabelsContext.nested(site.labels)])
    }

    /// How many claims cite no source, when the site allows that (`evidence: warn`).
    static func evidenceNote(_ settings: SiteSettings, _ evidence: EvidenceFigures, _ labels: Labels) -> String? {
        guard settings.evidence == .warn, evidence.withoutSource > 0 else { return nil }
        return labels.count("facts.evidence_note", evidence.stints, ["without": labels.number(evidence.withoutSource)])
    }

    /// The site's words (`Templates/labels/<language>.yml` and `site.yml`'s `labels:`).
    var labels: Labels { site.labels }

    /// A date as the site's language writes it ("27 May 2025", "27 mai 2025").
    func date(_ date: PartialDate) -> String { site.labels.date(date) }

    /// A stint's start or end: its date, or "date unknown" in the site's language.
    func date(_ bound: DateBound) -> String { bound.date.map(date) ?? labels.text("common.date_unknown") }

    /// The keys of the context that are the same on every page.
    var constantContext: [String: Any] { constants.values }

    /// The same views with one article's front matter and body replaced: the dev server's fast path
    /// shows an edited article's page at once, and the full rebuild that follows brings every other
    /// page (indexes, tags, mentions) up to date. Linear in nothing: the indexes are kept.
    public func replacing(article: Article, body: RenderedMarkdown) -> ViewBuilder? {
        guard let index = site.articles.firstIndex(where: { $0.slug == article.slug }) else { return nil }
        var copy = self
        copy.site.articles[index] = article
        copy.articlesBySlug[article.slug] = article
        copy.bodies.html[.article(article.slug)] = body
        return copy
    }

    /// The same views with one author's front matter and body replaced (the dev server's fast path
    /// for an edited author). Only when every company and source it names is known: anything else
    /// waits for the full rebuild.
    public func replacing(author: Author, body: RenderedMarkdown) -> ViewBuilder? {
        guard let index = site.authors.firstIndex(where: { $0.slug == author.slug }),
              author.career.allSatisfy({ companiesBySlug[$0.company] != nil && $0.sources.allSatisfy { sourcesByID[$0] != nil } })
        else { return nil }
        var copy = self
        copy.site.authors[index] = author
        copy.authorsBySlug[author.slug] = author
        copy.bodies.html[.author(author.slug)] = body
        return copy
    }

    // MARK: Links

    func authorLink(_ slug: String, _ linker: Linker) -> AuthorLink {
        let author = authorsBySlug[slug]
        return AuthorLink(slug: slug, name: author?.name ?? slug, href: linker.href(.author(slug)),
                          photo: pictureView(author?.photo, linker))
    }

    func companyLink(_ slug: String?, _ linker: Linker) -> CompanyLink {
        guard let slug else { return CompanyLink(slug: "", name: labels.text("common.unknown_organisation"), href: nil, known: false) }
        return CompanyLink(slug: slug, name: companyName(slug), href: linker.href(.company(slug)), known: true,
                           logo: pictureView(companiesBySlug[slug]?.logo, linker))
    }

    /// A photo or logo as a list of one, or none.
    func pictureView(_ picture: Picture?, _ linker: Linker) -> [PictureView] {
        guard let picture else { return [] }
        return [PictureView(src: linker.href(.asset(picture.path)), alt: picture.alt, width: picture.width, height: picture.height)]
    }

    func companyName(_ slug: String?) -> String {
        guard let slug else { return labels.text("common.unknown_organisation") }
        return companiesBySlug[slug]?.name ?? slug
    }

    func sourceRef(_ id: String, _ linker: Linker) -> SourceRef {
        SourceRef(id: id, title: sourcesByID[id]?.title ?? id, href: linker.href(.sources, fragment: id))
    }

    func tagLink(_ name: String, _ linker: Linker) -> TagLink {
        let slug = tagSlugs[name] ?? Slug.forTag(name)
        let count = tagCounts[slug] ?? 0
        return TagLink(name: name, slug: slug, href: linker.href(.tag(slug, page: 1)), count: count)
    }

    func articleItem(_ article: Article, _ linker: Linker) -> ArticleItem {
        ArticleItem(slug: article.slug, title: article.title, href: linker.href(.article(article.slug)),
                    date: date(article.date), dateISO: article.date.isoDay, summary: article.summary,
                    byline: article.byline, tags: article.tags.map { tagLink($0, linker) }, draft: article.draft)
    }

    func body(_ route: Route, drawn: Bool = true) -> String {
        guard let rendered = bodies.html[route] else { return "" }
        let linker = options.linker(for: route)
        return rendered.html { ChartFigure(builder: self, linker: linker, drawn: drawn).html(for: $0) }
    }

    // MARK: The context every page shares

    func context(for route: Route, title: String, description: String? = nil, ogType: String = "website",
                 breadcrumbs: [(String, Route)] = []) -> PageContext {
        let linker = options.linker(for: route)
        let settings = site.settings
        var crumbs = [Crumb(title: labels.text("nav.home"), href: linker.href(.home))]
        crumbs += breadcrumbs.map { Crumb(title: $0.0, href: linker.href($0.1)) }
        let indexed = options.search && Self.isIndexed(route)
        let meta = PageMeta(title: title, description: description ?? settings.description ?? settings.title,
                            canonical: absoluteURL(route), ogType: ogType,
                            breadcrumbs: route == .home ? [] : crumbs, isHome: route == .home,
                            indexed: indexed, searchFilters: indexed ? searchKind(route).map { [searchFilter("kind", $0)] } ?? [] : [])
        let shared = sharedView(for: route, linker)
        var values = constantContext
        values["page"] = meta
        values["links"] = shared.links
        values["nav"] = shared.nav
        values["pages"] = shared.pages
        return PageContext(shared: shared, values: values)
    }

    /// The shared view of a page. It holds links to top-level paths only, and the current section,
    /// so pages with the same first folder, depth and section share one: made once per such group.
    func sharedView(for route: Route, _ linker: Linker) -> SharedView {
        let key = SharedViewCache.Key(links: linker.topLevelKey, section: Self.section(of: route))
        return sharedViews.view(for: key) { makeSharedView(for: route, linker) }
    }

    private func makeSharedView(for route: Route, _ linker: Linker) -> SharedView {
        let links = SiteLinks(home: linker.href(.home), cohorts: linker.href(.cohorts), authors: linker.href(.authors),
                              companies: linker.href(.companies), articles: linker.href(.articles(page: 1)),
                              tags: linker.href(.tags), sources: linker.href(.sources), feed: linker.href(.feed),
                              json: linker.href(.json), csv: linker.href(.csv),
                              changes: facts.changes == nil ? nil : linker.href(.changes),
                              search: options.search ? linker.href(.search) : nil, pagefind: linker.filePrefix("/pagefind/"),
                              assets: linker.filePrefix("/assets/"))
        let section = Self.section(of: route)
        let nav: [NavItem] = [
            ("nav.report", Route.home), ("nav.cohorts", .cohorts), ("nav.people", .authors), ("nav.companies", .companies),
            ("nav.articles", .articles(page: 1)), ("nav.sources", .sources),
        ].map { NavItem(title: labels.text($0.0), href: linker.href($0.1), current: Self.section(of: $0.1) == section) }
        let pageLinks = site.pages.map { Crumb(title: $0.title, href: linker.href(.page($0.slug))) }
        return SharedView(links: links, nav: nav, pages: pageLinks)
    }

    /// The pages a reader searches for.
    static func isIndexed(_ route: Route) -> Bool {
        switch route {
        case .author, .company, .cohort, .article, .page, .sources: return true
        default: return false
        }
    }

    func absoluteURL(_ route: Route) -> String {
        site.settings.baseURL + URLText.percentEncodePath(String(route.path.dropFirst()))
    }

    static func section(of route: Route) -> String {
        switch route {
        case .home: return "home"
        case .paged(let base, _): return section(of: base)
        case .cohorts, .cohort, .cohortCareers: return "cohorts"
        case .authors, .author: return "authors"
        case .companies, .company: return "companies"
        case .articles, .article, .tags, .tag: return "articles"
        case .sources: return "sources"
        default: return "other"
        }
    }

}

/// Shared views by what they depend on; filled by the workers that render pages.
private final class SharedViewCache: @unchecked Sendable {
    struct Key: Hashable {
        var links: Linker.TopLevelKey
        var section: String
    }

    private let lock = NSLock()
    private var views: [Key: SharedView] = [:]

    func view(for key: Key, make: () -> SharedView) -> SharedView {
        if let known = lock.withLock({ views[key] }) { return known }
        let made = make()
        lock.withLock { views[key] = made }
        return made
    }
}

/// Values made once for every page; never changed after they are made.
private struct ConstantValues: @unchecked Sendable {
    let values: [String: Any]
}

/// `Content/data/*.yml` as Mustache values.
enum DataContext {
    static func value(_ data: DataValue) -> Any {
        switch data {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag
        case .null: return NSNull()
        case .list(let items): return items.map(value)
        case .map(let entries):
            var dictionary: [String: Any] = [:]
            for entry in entries where dictionary[entry.key] == nil { dictionary[entry.key] = value(entry.value) }
            return dictionary
        }
    }
}

extension ViewBuilder {
    /// A body's final HTML (charts drawn), as it appears on its page.
    /// A body for the feed: its charts as caption and numbers (feed readers have no CSS to pick one
    /// drawing, nor the colours).
    public func feedBodyHTML(_ route: Route) -> String { body(route, drawn: false) }
}
