import Foundation
import RosterAnalysis
import RosterLoading
import RosterMarkdown
import RosterModel
import RosterPublishing
import RosterRendering
import RosterTemplates

/// The dev server's fast path for the commonest edit, an article's text: re-read that one file,
/// render its body and its page from the last build's state, and rewrite that one page, in
/// milliseconds. The full rebuild that follows brings every other page (indexes, mentions, feeds)
/// up to date; anything unusual (a new article, an error) goes straight to the full rebuild.
public enum ArticlePreview {
    public static func rewrite(_ relativePath: String, siteFolder: URL, output: URL, state: BuildState) -> BuildState? {
        let (loaded, problems) = SiteLoader(siteFolder: siteFolder, parallelism: .sequential).loadArticle(relativePath)
        guard let article = loaded, !problems.hasErrors,
              let previous = state.views.site.articles.first(where: { $0.slug == article.slug }),
              article.date == previous.date, article.draft == previous.draft else { return nil }
        let route = Route.article(article.slug)
        let renderer = BodyRenderer(site: state.views.site, targets: state.targets, options: state.views.options,
                                    templateIDs: state.templates.literalIDs)
        let body = renderer.render(article.body, on: route, allowCharts: true)
        guard !body.diagnostics.hasErrors, let views = state.views.replacing(article: article, body: body) else { return nil }
        let job = views.articlePage(article)
        guard let html = SiteRenderer.render(job, templates: state.templates, builder: views) else { return nil }
        let target = output.appendingPathComponent(route.outputFile)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).preview")
        do {
            try Data(html.utf8).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else { return nil }
        } catch {
            return nil
        }
        var next = state
        next.views = views
        return next
    }
}
