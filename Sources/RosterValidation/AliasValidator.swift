import RosterModel

/// Aliases are former slugs: each must be a valid slug and must not take a URL that a page of
/// the site (or another alias) already has.
struct AliasValidator {
    let site: Site

    func validate() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var taken: [String: String] = [:]
        for author in site.authors { taken[Route.author(author.slug).path] = "the author '\(author.slug)'" }
        for company in site.companies { taken[Route.company(company.slug).path] = "the company '\(company.slug)'" }
        for article in site.articles { taken[Route.article(article.slug).path] = "the article '\(article.slug)'" }
        for page in site.pages { taken[Route.page(page.slug).path] = "the page '\(page.slug)'" }

        func check(_ aliases: [String], locations: FieldLocations, route: (String) -> Route) {
            for (index, alias) in aliases.enumerated() {
                let location = locations.location(of: "aliases", item: index)
                guard alias.utf8.count <= Slug.maximumLength else {
                    problems.append(.error("the alias '\(alias.prefix(40))…' is too long to be part of a URL (at most \(Slug.maximumLength) characters)",
                                           at: location))
                    continue
                }
                guard Slug.isValid(alias) else {
                    problems.append(.error("the alias '\(alias)' is not a valid slug; use lowercase letters, digits and single dashes",
                                           at: location))
                    continue
                }
                let path = route(alias).path
                if let owner = taken[path] {
                    problems.append(.error("the alias '\(alias)' would replace \(path), which belongs to \(owner)", at: location))
                } else {
                    taken[path] = "an alias"
                }
            }
        }
        for author in site.authors { check(author.aliases, locations: author.locations, route: Route.author) }
        for company in site.companies { check(company.aliases, locations: company.locations, route: Route.company) }
        for article in site.articles { check(article.aliases, locations: article.locations, route: Route.article) }
        return problems
    }
}
