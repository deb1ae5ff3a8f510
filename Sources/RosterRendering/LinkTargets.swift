import RosterLoading
import RosterMarkdown
import RosterModel
import RosterSupport

/// What internal links may point at, and the route each leads to.
public struct LinkTargets: Sendable {
    let authors: Set<String>
    let companies: Set<String>
    let articles: Set<String>
    let drafts: Set<String>
    let pages: Set<String>
    let sources: Set<String>
    let tagSlugs: Set<String>
    let cohorts: Set<String>
    /// sources.yml or site.yml could not be read: any source id or cohort slug may exist.
    let anySource: Bool
    let anyCohort: Bool

    /// - Parameter slugsFound: the slug of every file found, read or not: a link to a file that could
    ///   not be read is not reported again (its own error says what is wrong).
    public init(site: Site, draftArticles: Set<String> = [], slugsFound: FileSlugs? = nil, includeDrafts: Bool = false) {
        let files = slugsFound ?? FileSlugs()
        authors = Set(site.authors.map(\.slug)).union(files.authors)
        companies = Set(site.companies.map(\.slug)).union(files.companies)
        articles = Set(site.articles.map(\.slug)).union(includeDrafts ? files.articles : files.articles.subtracting(draftArticles))
        drafts = draftArticles.subtracting(articles)
        pages = Set(site.pages.map(\.slug)).union(files.pages)
        sources = Set(site.sources.map(\.id))
        tagSlugs = Set(site.articles.flatMap(\.tags).map(Slug.forTag))
        cohorts = Set(site.cohorts.map(\.slug)).union(files.cohorts)
        anySource = !files.sourcesReadable
        anyCohort = !files.cohortsReadable
    }

    /// The route of a link's target, or why there is none.
    public func route(for link: InternalLink) -> Result<(Route, String?), LinkError> {
        let target = link.target
        func check(_ known: Set<String>, _ route: Route, fragment: String? = link.fragment,
                   anyTarget: Bool = false) -> Result<(Route, String?), LinkError> {
            guard known.contains(target) || anyTarget else {
                var message = "unknown \(link.kind.rawValue) '\(target)' in link '\(link.written)'"
                message += Suggestion.hint(for: target, in: known)
                if link.kind == .article && drafts.contains(target) {
                    message = "the article '\(target)' is a draft, so this link would be broken; publish it or build with --drafts"
                }
                return .failure(LinkError(message: message))
            }
            return .success((route, fragment))
        }
        switch link.kind {
        case .author: return check(authors, .author(target))
        case .company: return check(companies, .company(target))
        case .article: return check(articles, .article(target))
        case .page: return check(pages, .page(target))
        case .cohort: return check(cohorts, .cohort(target), anyTarget: anyCohort)
        case .source:
            if link.fragment != nil {
                return .failure(LinkError(message: "a source link cannot name a #fragment: 'source:\(target)' already leads to that source's entry on /sources/"))
            }
            return check(sources, .sources, fragment: target, anyTarget: anySource)
        case .tag:
            let slug = Slug.forTag(target)
            guard tagSlugs.contains(slug) else {
                return .failure(LinkError(message: "no article has the tag '\(target)' (link '\(link.written)')"))
            }
            return .success((.tag(slug, page: 1), link.fragment))
        }
    }

    public func hasCohort(_ slug: String) -> Bool { anyCohort || cohorts.contains(slug) }
    public func hasAuthor(_ slug: String) -> Bool { authors.contains(slug) }
    public func hasCompany(_ slug: String) -> Bool { companies.contains(slug) }

    /// Every target, sorted, for cache keys.
    func fingerprintParts() -> [String] {
        [authors, companies, articles, drafts, pages, sources, tagSlugs, cohorts].flatMap { $0.sorted() + ["|"] }
            + ["\(anySource)", "\(anyCohort)"]
    }
}

public struct LinkError: Error, Sendable {
    public var message: String
}
