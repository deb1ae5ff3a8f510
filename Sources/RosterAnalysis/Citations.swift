import RosterModel

/// Which pages cite each source: through a stint's or an entry's `sources:` and through `source:`
/// links in bodies. The sources page lists them, and a source cited by nothing is a warning.
public struct Citations: Sendable {
    /// Source id → the routes of the pages that cite it, each once, in the site's order.
    public var routesBySource: [String: [Route]]

    public static let none = Citations(routesBySource: [:])

    public static func index(_ site: Site, mentions: Mentions) -> Citations {
        var cited: [String: [Route]] = [:]
        var seen: Set<Pair> = []
        func add(_ id: String, _ route: Route) {
            if seen.insert(Pair(id: id, route: route)).inserted { cited[id, default: []].append(route) }
        }
        for author in site.authors {
            for stint in author.career { for id in stint.sources { add(id, .author(author.slug)) } }
        }
        for company in site.companies { for id in company.sources { add(id, .company(company.slug)) } }
        for article in site.articles { for id in article.sources { add(id, .article(article.slug)) } }
        for (id, routes) in mentions.pagesBySource.sorted(by: { $0.key < $1.key }) {
            for route in routes { add(id, route) }
        }
        return Citations(routesBySource: cited)
    }

    private struct Pair: Hashable {
        var id: String
        var route: Route
    }

    public func routes(citing id: String) -> [Route] { routesBySource[id] ?? [] }
}
