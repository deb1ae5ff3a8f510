import RosterModel

/// The pages a sitemap lists: what a reader of the published site can reach. A build with
/// `--drafts` renders drafts, and the tag and index pages only drafts fill, but none of them is
/// published, so none is listed; neither are redirects for aliases, the 404 page or the search
/// page (it has nothing to index before a reader types).
enum PublishedRoutes {
    static func select(_ routes: [Route], articles: [Article], paginate: Int) -> [Route] {
        let published = articles.filter { !$0.draft }
        let slugs = Set(published.map(\.slug))
        var perTag: [String: Int] = [:]
        for article in published {
            for tag in Set(article.tags.map(Slug.forTag)) { perTag[tag, default: 0] += 1 }
        }
        let pageSize = max(1, paginate)
        func pages(_ count: Int) -> Int { max(1, (count + pageSize - 1) / pageSize) }
        return routes.filter { route in
            switch route {
            case .alias, .notFound, .search: return false
            case .article(let slug): return slugs.contains(slug)
            case .articles(let page): return page <= pages(published.count)
            case .tag(let slug, let page): return page <= pages(perTag[slug] ?? 0) && perTag[slug] != nil
            default: return true
            }
        }
    }
}
