import RosterModel

extension ViewBuilder {
    /// Splits `items` into pages of `size` (`site.paginate` unless given; at least one page), each
    /// built when rendered.
    func paginate<T: Sendable>(_ items: [T], size: Int? = nil, labels pager: (String, String) = ("common.previous", "common.next"),
                               route: @escaping @Sendable (Int) -> Route,
                               _ build: @escaping @Sendable (Route, [T], Pagination) -> PageJob) -> [PageSpec] {
        let size = max(1, size ?? site.settings.paginate)
        let count = items.count
        let labels = self.labels
        let total = max(1, (items.count + size - 1) / size)
        return (1...total).map { number in
            let here = route(number)
            let slice = Array(items.dropFirst((number - 1) * size).prefix(size))
            return PageSpec(route: here) { [options] in
                let linker = options.linker(for: here)
                let pagination = Pagination(
                    current: number, total: total,
                    previous: number > 1 ? linker.href(route(number - 1)) : nil,
                    next: number < total ? linker.href(route(number + 1)) : nil,
                    pages: Self.pageWindow(current: number, total: total).map { shown in
                        PageNumber(number: shown.number, href: linker.href(route(shown.number)), current: shown.number == number,
                                   gapBefore: shown.gapBefore)
                    },
                    isPaged: total > 1, previousLabel: labels.text(pager.0), nextLabel: labels.text(pager.1),
                    range: count == 0 ? "" : labels.text("common.range", ["first": labels.number((number - 1) * size + 1),
                                                                         "last": labels.number(min(count, number * size)),
                                                                         "total": labels.number(count)]))
                return build(here, slice, pagination)
            }
        }
    }

    /// The page numbers a pager shows: the first, the last and two either side of the current one,
    /// so a pager stays short (and linear to build) however many pages there are.
    static func pageWindow(current: Int, total: Int) -> [(number: Int, gapBefore: Bool)] {
        let numbers = Set([1, total] + Array(max(1, current - 2)...min(total, current + 2))).sorted()
        var previous = 0
        return numbers.map { number in
            defer { previous = number }
            return (number, previous != 0 && number > previous + 1)
        }
    }

    func articleIndexPages() -> [PageSpec] {
        paginate(site.articles, labels: ("common.newer", "common.older"), route: { .articles(page: $0) }) { route, articles, pagination in
            let title = labels.text("nav.articles") + pageSuffix(pagination)
            var context = context(for: route, title: title, breadcrumbs: [(labels.text("nav.articles"), .articles(page: 1))])
            let linker = options.linker(for: route)
            context["articles"] = articles.map { articleItem($0, linker) }
            context["pagination"] = pagination
            return PageJob(route: route, template: "articles", context: context)
        }
    }

    public func articlePage(_ article: Article) -> PageJob {
        let route = Route.article(article.slug)
        let linker = options.linker(for: route)
        let toc = (bodies.html[route]?.headings ?? []).filter { (2...3).contains($0.level) }
        let view = ArticleView(
            item: articleItem(article, linker), updated: article.updated.map(date), updatedISO: article.updated?.isoDay,
            body: body(route),
            toc: toc.map { TocEntry(level: $0.level, text: $0.text, href: "#\($0.id)") },
            hasToc: toc.count >= 3,
            sources: article.sources.compactMap { sourcesByID[$0] }.map { sourceEntry($0, linker, citedBy: []) })
        var context = context(for: route, title: article.title, description: article.summary, ogType: "article",
                              breadcrumbs: [(labels.text("nav.articles"), .articles(page: 1)), (article.title, route)])
        context["article"] = view
        return PageJob(route: route, template: "article", context: context)
    }

    func tagsPage() -> PageJob {
        let route = Route.tags
        let linker = options.linker(for: route)
        var context = context(for: route, title: labels.text("nav.tags"), breadcrumbs: [(labels.text("nav.articles"), .articles(page: 1)), (labels.text("nav.tags"), .tags)])
        context["tags"] = tags.map { TagLink(name: $0.name, slug: $0.slug, href: linker.href(.tag($0.slug, page: 1)),
                                             count: $0.articles.count) }
        return PageJob(route: route, template: "tags", context: context)
    }

    func tagPages() -> [PageSpec] {
        tags.flatMap { tag in
            let articles = tag.articles.compactMap { articlesBySlug[$0] }
            return paginate(articles, labels: ("common.newer", "common.older"), route: { .tag(tag.slug, page: $0) }) { route, slice, pagination in
                let title = labels.text("article.tag_title", ["tag": tag.name]) + pageSuffix(pagination)
                var context = context(for: route, title: title,
                                      breadcrumbs: [(labels.text("nav.tags"), .tags), (tag.name, .tag(tag.slug, page: 1))])
                context["tagSummary"] = labels.count("article.tagged", articles.count, ["tag": tag.name])
                let linker = options.linker(for: route)
                context["tag"] = TagLink(name: tag.name, slug: tag.slug, href: linker.href(.tag(tag.slug, page: 1)),
                                         count: articles.count)
                context["articles"] = slice.map { articleItem($0, linker) }
                context["pagination"] = pagination
                return PageJob(route: route, template: "tag", context: context)
            }
        }
    }

    func standalonePage(_ page: Page) -> PageJob {
        let route = Route.page(page.slug)
        var context = context(for: route, title: page.title, description: page.summary,
                              breadcrumbs: [(page.title, route)])
        context["standalone"] = PageView(title: page.title, summary: page.summary, body: body(route), isMethodology: page.slug == "methodology")
        return PageJob(route: route, template: "page", context: context)
    }

    func notFoundPage() -> PageJob {
        var context = context(for: .notFound, title: labels.text("not_found.title"))
        context["notFound"] = true
        return PageJob(route: .notFound, template: "404", context: context)
    }

    /// A small page at each alias's old URL that sends readers (and search engines) to the new one.
    func redirectPages() -> [PageSpec] {
        var jobs: [PageSpec] = []
        func add(_ aliases: [String], _ section: String, _ target: Route, _ title: String) {
            for alias in aliases {
                let route = Route.alias("\(section)/\(alias)/")
                jobs.append(PageSpec(route: route) { [self] in
                    let linker = options.linker(for: route)
                    var context = context(for: route, title: title)
                    context["redirect"] = ["href": linker.href(target), "canonical": absoluteURL(target)]
                    return PageJob(route: route, template: "redirect", context: context)
                })
            }
        }
        for author in site.authors { add(author.aliases, "authors", .author(author.slug), author.name) }
        for company in site.companies { add(company.aliases, "companies", .company(company.slug), company.name) }
        for article in site.articles { add(article.aliases, "articles", .article(article.slug), article.title) }
        return jobs
    }
}
