import Foundation
import RosterMarkdown
import RosterModel

/// Every Markdown body of the site rendered for the page it appears on, with what the bodies
/// say about each other: which articles mention an author or company, which pages cite a source.
public struct RenderedBodies: Sendable {
    public var html: [Route: RenderedMarkdown] = [:]
    /// Author slug → slugs of the articles that link to the author.
    public var authorMentions: [String: [String]] = [:]
    public var companyMentions: [String: [String]] = [:]
    /// Source id → the routes of the pages whose bodies link to it.
    public var sourceLinks: [String: [Route]] = [:]
    public var diagnostics: [Diagnostic] = []
}

/// Renders the bodies (this is where unknown internal links are found, at their own line).
public struct BodyRenderer: Sendable {
    public let site: Site
    public let targets: LinkTargets
    public let options: RenderOptions
    /// Ids the page around a body uses; the body's headings avoid them.
    public let reservedIDs: Set<String>

    public init(site: Site, targets: LinkTargets, options: RenderOptions, templateIDs: Set<String> = []) {
        self.site = site
        self.targets = targets
        self.options = options
        self.reservedIDs = Self.layoutIDs.union(templateIDs)
    }

    /// Ids any layout is likely to use; headings in bodies avoid them even when a theme does not.
    public static let layoutIDs: Set<String> = ["main", "top", "content", "site-header", "site-footer", "toc", "footnotes"]

    public func renderAll() -> RenderedBodies {
        var list: [(Route, MarkdownText, allowCharts: Bool)] = []
        list += site.authors.map { (Route.author($0.slug), $0.body, false) }
        list += site.companies.map { (Route.company($0.slug), $0.body, false) }
        list += site.articles.map { (Route.article($0.slug), $0.body, true) }
        list += site.pages.map { (Route.page($0.slug), $0.body, false) }

        // cmark is the costliest step of a build: every core renders bodies; results are then
        // gathered in a fixed order, so the output does not depend on scheduling.
        let jobs = list
        let slots = ConcurrentSlots<RenderedMarkdown>(count: jobs.count)
        options.progress?.begin("markdown", total: jobs.count)
        options.parallelism.forEach(jobs.count) { index in
            defer { options.progress?.advance() }
            let (route, text, allowCharts) = jobs[index]
            slots[index] = render(text, on: route, allowCharts: allowCharts)
        }
        var result = RenderedBodies()
        result.html.reserveCapacity(jobs.count)
        for (index, (route, _, _)) in jobs.enumerated() {
            guard let rendered = slots[index] else { continue }
            result.html[route] = rendered
            result.diagnostics += rendered.diagnostics
            for found in rendered.links {
                switch found.link.kind {
                case .author, .company:
                    guard case .article(let article) = route else { break }
                    if found.link.kind == .author {
                        append(article, to: &result.authorMentions[found.link.target, default: []])
                    } else {
                        append(article, to: &result.companyMentions[found.link.target, default: []])
                    }
                case .source:
                    if result.sourceLinks[found.link.target]?.contains(route) != true {
                        result.sourceLinks[found.link.target, default: []].append(route)
                    }
                default: break
                }
            }
        }
        return result
    }

    private func append(_ slug: String, to list: inout [String]) {
        if !list.contains(slug) { list.append(slug) }
    }

    public func render(_ text: MarkdownText, on route: Route, allowCharts: Bool) -> RenderedMarkdown {
        let linker = options.linker(for: route)
        var rendered = MarkdownRenderer(unsafeHTML: site.settings.unsafeHTML)
            .render(text, reservedIDs: reservedIDs) { link in
                switch targets.route(for: link) {
                case .success(let (target, fragment)): return .href(linker.href(target, fragment: fragment))
                case .failure(let error): return .unknown(error.message)
                }
            }
        for chart in rendered.charts {
            if !allowCharts {
                rendered.diagnostics.append(.error("charts can only be embedded in articles", at: chart.location))
            } else if !targets.hasCohort(chart.cohort) {
                rendered.diagnostics.append(.error("unknown cohort '\(chart.cohort)' in chart '\(chart.kind)/\(chart.cohort)'\(Suggestion.hint(for: chart.cohort, in: site.cohorts.map(\.slug)))",
                                                   at: chart.location))
            }
        }
        return rendered
    }
}

/// How pages are rendered: where links point from, drafts, portable links.
public struct RenderOptions: Sendable {
    public var portable: Bool
    public var basePath: String
    public var includeDrafts: Bool
    public var version: String
    public var parallelism: Parallelism
    public var progress: BuildProgress?

    public init(portable: Bool = false, basePath: String = "/", includeDrafts: Bool = false, version: String = "0.1.0",
                parallelism: Parallelism = .automatic, progress: BuildProgress? = nil) {
        self.portable = portable
        self.basePath = basePath
        self.includeDrafts = includeDrafts
        self.version = version
        self.parallelism = parallelism
        self.progress = progress
    }

    public func linker(for route: Route) -> Linker {
        Linker(for: route, basePath: basePath, portable: portable)
    }
}
