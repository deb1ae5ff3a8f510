import RosterModel

extension ViewBuilder {
    func sourceEntry(_ source: Source, _ linker: Linker, citedBy: [Crumb]) -> SourceEntry {
        SourceEntry(id: source.id, title: source.title, publisher: source.publisher, date: source.date.map(date),
                    url: source.url, archived: source.archived, accessed: source.accessed.map(date),
                    href: linker.href(.sources, fragment: source.id), citedBy: citedBy)
    }

    /// `/search/`: Pagefind's interface, with a way through the site for readers without JavaScript.
    func searchPage() -> PageJob {
        var context = context(for: .search, title: labels.text("search.title"), description: labels.text("search.lede"),
                              breadcrumbs: [(labels.text("search.title"), .search)])
        context["search"] = true
        // The result count's forms: the browser picks one for the count with Intl.PluralRules.
        context["resultForms"] = labels.forms("search.results").map { ["category": $0.category, "text": $0.text] }
        return PageJob(route: .search, template: "search", context: context)
    }

    func title(of route: Route) -> String {
        switch route {
        case .author(let slug): return authorsBySlug[slug]?.name ?? slug
        case .company(let slug): return companiesBySlug[slug]?.name ?? slug
        case .article(let slug): return articlesBySlug[slug]?.title ?? slug
        case .page(let slug): return site.pages.first { $0.slug == slug }?.title ?? slug
        default: return route.path
        }
    }

    func sourcesPage() -> PageJob {
        let route = Route.sources
        let linker = options.linker(for: route)
        var context = context(for: route, title: labels.text("nav.sources"), breadcrumbs: [(labels.text("nav.sources"), .sources)])
        context["sources"] = site.sources.map { source in
            let citedBy = facts.citations.routes(citing: source.id)
                .map { Crumb(title: title(of: $0), href: linker.href($0)) }
                .sorted { $0.title < $1.title }
            return sourceEntry(source, linker, citedBy: citedBy)
        }
        return PageJob(route: route, template: "sources", context: context)
    }

    /// Every page of the site, in a stable order, each built when it is rendered.
    public func allPages() -> [PageSpec] {
        func one(_ route: Route, _ make: @escaping @Sendable () -> PageJob) -> PageSpec { PageSpec(route: route, make: make) }
        var specs = [one(.home) { homePage() }]
        specs += cohortsPages()
        specs += cohortFacts.flatMap { cohortPages($0) + cohortCareersPages($0) }
        specs += authorsPages()
        specs += site.authors.map { author in one(.author(author.slug)) { authorPage(author) } }
        specs += companiesPages()
        specs += site.companies.flatMap { companyPages($0) }
        specs += articleIndexPages()
        specs += site.articles.map { article in one(.article(article.slug)) { articlePage(article) } }
        specs.append(one(.tags) { tagsPage() })
        specs += tagPages()
        specs.append(one(.sources) { sourcesPage() })
        specs += site.pages.map { page in one(.page(page.slug)) { standalonePage(page) } }
        if let changes = changesPage() { specs.append(changes) }
        if options.search { specs.append(one(.search) { searchPage() }) }
        specs += redirectPages()
        specs.append(one(.notFound) { notFoundPage() })
        return specs
    }
}
