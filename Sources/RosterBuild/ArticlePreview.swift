import Foundation
import RosterAnalysis
import RosterLoading
import RosterMarkdown
import RosterModel
import RosterPublishing
import RosterRendering
import RosterTemplates

/// The dev server's fast path for the commonest edit, an article's text: the build's steps for that
/// one article, on the last build's state. Load re-reads that one file, markdown renders its body,
/// analyse swaps it into the last views, render makes its page, and the page replaces the old one
/// through RosterPublishing, in milliseconds. The full rebuild that follows brings every other page
/// (indexes, mentions, feeds) up to date; anything unusual (a new article, an error, a changed
/// date) goes straight to the full rebuild.
public enum ArticlePreview {
    public static func rewrite(_ relativePath: String, siteFolder: URL, output: URL, state: BuildState) -> BuildState? {
        // load
        let (loaded, problems) = SiteLoader(siteFolder: siteFolder, parallelism: .sequential).loadArticle(relativePath)
        guard let article = loaded, !problems.hasErrors,
              let previous = state.views.site.articles.first(where: { $0.slug == article.slug }),
              article.date == previous.date, article.draft == previous.draft else { return nil }
        // markdown
        let route = Route.article(article.slug)
        let body = BodyRenderer(site: state.views.site, targets: state.targets, options: state.views.options,
                                templateIDs: state.templates.literalIDs).render(article.body, on: route, allowCharts: true)
        // analyse
        guard !body.diagnostics.hasErrors, let views = state.views.replacing(article: article, body: body) else { return nil }
        // render
        guard let html = SiteRenderer.render(views.articlePage(article), templates: state.templates, builder: views) else { return nil }
        // write
        do {
            try OutputWriter(output: output, siteFolder: siteFolder).replace(.text(route.outputFile, html))
        } catch {
            return nil
        }
        var next = state
        next.views = views
        return next
    }
}
