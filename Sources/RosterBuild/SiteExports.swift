import Foundation
import RosterAnalysis
import RosterModel
import RosterPublishing
import RosterRendering
import RosterSupport

/// Every file of the site besides its pages: the feed, the sitemap, robots.txt, the JSON and CSV
/// exports, and the assets.
struct SiteExports {
    let site: Site
    let views: ViewBuilder
    let cohortFacts: [CohortFacts]
    /// The routes of the pages rendered, for the sitemap.
    let routes: [Route]
    /// Where the saved editions are read from (they are published as they are).
    let siteFolder: URL

    /// The files, made side by side; in a fixed order.
    func files(parallelism: Parallelism) -> [OutputFile] {
        let site = self.site, views = self.views, facts = cohortFacts, routes = self.routes
        let makers: [@Sendable () -> OutputFile] = [
            {
                var bodies: [String: String] = [:]
                for article in site.articles.filter({ !$0.draft }).prefix(site.settings.feedLimit) {
                    bodies[article.slug] = views.feedBodyHTML(.article(article.slug))
                }
                return .text(Route.feed.outputFile, SiteFeeds.atom(site: site, bodies: bodies, changes: routes.contains(.changes)))
            },
            {
                let published = PublishedRoutes.select(routes, articles: site.articles, paginate: site.settings.paginate)
                return .text(Route.sitemap.outputFile, SiteFeeds.sitemap(site: site, routes: published))
            },
            { .text(Route.robots.outputFile, SiteFeeds.robots(site: site)) },
            { .text(Route.json.outputFile, DataExports.json(site: site, facts: facts)) },
            { .text(Route.csv.outputFile, DataExports.careersCSV(site: site)) },
            { .text(SiteLayout.peopleCSV, DataExports.peopleCSV(site: site)) },
            { .text(SiteLayout.companiesCSV, DataExports.companiesCSV(site: site)) },
        ]
        let slots = ConcurrentSlots<OutputFile>(count: makers.count)
        parallelism.forEach(makers.count) { slots[$0] = makers[$0]() }
        return (0..<makers.count).compactMap { slots[$0] }
            + site.editions.map { edition in
                OutputFile(path: Route.edition(edition.date.description).outputFile,
                           contents: .copy(from: siteFolder.appendingPathComponent(edition.path).path))
            }
            + site.assets.map { OutputFile(path: Route.asset($0.relativePath).outputFile, contents: .copy(from: $0.sourcePath)) }
    }
}
