import Foundation
import RosterAnalysis
import RosterLoading
import RosterMarkdown
import RosterModel
import RosterPublishing
import RosterRendering
import RosterTemplates

/// The dev server's fast path for the commonest edits, an article's or an author's file: the
/// build's steps for that one page, on the last build's state. Load re-reads that one file, markdown renders its body,
/// analyse swaps it into the last views, render makes its page, and the page replaces the old one
/// through RosterPublishing, in milliseconds. The full rebuild that follows brings every other page
/// (indexes, mentions, feeds, cohort facts) up to date; anything unusual (a new file, an error, a
/// changed date, an unknown company) goes straight to the full rebuild.
public enum PagePreview {
    /// The page of the article or author at `relativePath` rewritten, or nil when the edit needs
    /// the full rebuild.
    public static func rewrite(_ relativePath: String, siteFolder: URL, output: URL, state: BuildState) -> BuildState? {
        if relativePath.hasPrefix(DocumentKind.author.folder + "/") {
            return author(relativePath, siteFolder: siteFolder, output: output, state: state)
        }
        return article(relativePath, siteFolder: siteFolder, output: output, state: state)
    }

    static func author(_ relativePath: String, siteFolder: URL, output: URL, state: BuildState) -> BuildState? {
        // load
        let (loaded, problems) = SiteLoader(siteFolder: siteFolder, parallelism: .sequential).loadAuthor(relativePath)
        guard let author = loaded, !problems.hasErrors else { return nil }
        // markdown, analyse
        let route = Route.author(author.slug)
        let body = renderBody(author.body, on: route, allowCharts: false, state: state)
        guard !body.diagnostics.hasErrors, let views = state.views.replacing(author: author, body: body) else { return nil }
        // render, write
        return publish(views.authorPage(author), views: views, siteFolder: siteFolder, output: output, state: state)
    }

    static func article(_ relativePath: String, siteFolder: URL, output: URL, state: BuildState) -> BuildState? {
        // load
        let (loaded, problems) = SiteLoader(siteFolder: siteFolder, parallelism: .sequential).loadArticle(relativePath)
        guard let article = loaded, !problems.hasErrors,
              let previous = state.views.site.articles.first(where: { $0.slug == article.slug }),
              article.date == previous.date, article.draft == previous.draft else { return nil }
        // markdown, analyse
        let body = renderBody(article.body, on: .article(article.slug), allowCharts: true, state: state)
        guard !body.diagnostics.hasErrors, let views = state.views.replacing(article: article, body: body) else { return nil }
        // render, write
        return publish(views.articlePage(article), views: views, siteFolder: siteFolder, output: output, state: state)
    }

    private static func renderBody(_ text: MarkdownText, on route: Route, allowCharts: Bool, state: BuildState) -> RenderedMarkdown {
        BodyRenderer(site: state.views.site, targets: state.targets, options: state.views.options,
                     templateIDs: state.templates.literalIDs).render(text, on: route, allowCharts: allowCharts)
    }

    /// The page through its template, replacing the old one in the output folder; the state with
    /// the new views, or nil when either fails.
    private static func publish(_ job: PageJob, views: ViewBuilder, siteFolder: URL, output: URL, state: BuildState) -> BuildState? {
        guard let html = SiteRenderer.render(job, templates: state.templates, builder: views) else { return nil }
        do {
            try OutputWriter(output: output, siteFolder: siteFolder).replace(.text(job.route.outputFile, html))
        } catch {
            return nil
        }
        var next = state
        next.views = views
        return next
    }
}
