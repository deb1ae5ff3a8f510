import RosterModel

/// What the bodies say about each other: which articles mention an author or a company (an
/// `author:` or `company:` link in an article), and which pages cite a source (`source:` links).
public struct Mentions: Sendable {
    /// Author slug → slugs of the articles that link to the author, in the order of the articles.
    public var articlesByAuthor: [String: [String]] = [:]
    public var articlesByCompany: [String: [String]] = [:]
    /// Source id → the routes of the pages whose bodies link to it.
    public var pagesBySource: [String: [Route]] = [:]

    public init() {}

    /// - Parameter links: each body's route and the internal links written in it, bodies in the
    ///   site's order (authors, companies, articles, pages).
    public static func index(_ links: [(route: Route, links: [InternalLink])]) -> Mentions {
        var authors: [String: [String]] = [:], companies: [String: [String]] = [:], sources: [String: [Route]] = [:]
        var seenAuthors: Set<[String]> = [], seenCompanies: Set<[String]> = [], seenSources: Set<String> = []
        for (route, found) in links {
            for link in found {
                switch link.kind {
                case .author, .company:
                    guard case .article(let article) = route else { continue }
                    if link.kind == .author {
                        if seenAuthors.insert([link.target, article]).inserted { authors[link.target, default: []].append(article) }
                    } else if seenCompanies.insert([link.target, article]).inserted {
                        companies[link.target, default: []].append(article)
                    }
                case .source:
                    if seenSources.insert(link.target + "\u{1}" + route.path).inserted { sources[link.target, default: []].append(route) }
                case .article, .page, .tag, .cohort:
                    continue
                }
            }
        }
        var mentions = Mentions()
        mentions.articlesByAuthor = authors
        mentions.articlesByCompany = companies
        mentions.pagesBySource = sources
        return mentions
    }
}
