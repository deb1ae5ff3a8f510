import Foundation
import RosterMarkdown
import RosterModel
import RosterSupport

/// Every Markdown body of the site rendered for the page it appears on, with the internal links
/// each one writes (the analyse step derives mentions and citations from them).
public struct RenderedBodies: Sendable {
    public var html: [Route: RenderedMarkdown] = [:]
    /// Each body's route and the internal links written in it, in the site's order (authors,
    /// companies, articles, pages): what the analyse step derives mentions from.
    public var links: [(route: Route, links: [InternalLink])] = []
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

    /// Renders every body; a body whose text and surroundings are unchanged since `cache` was
    /// filled is taken from it (the dev server keeps the cache between rebuilds).
    public func renderAll(cache: MarkdownCache? = nil) -> RenderedBodies {
        var list: [(Route, MarkdownText, allowCharts: Bool)] = []
        list += site.authors.map { (Route.author($0.slug), $0.body, false) }
        list += site.companies.map { (Route.company($0.slug), $0.body, false) }
        list += site.articles.map { (Route.article($0.slug), $0.body, true) }
        list += site.pages.map { (Route.page($0.slug), $0.body, true) }

        // cmark is the costliest step of a build: every core renders bodies; results are then
        // gathered in a fixed order, so the output does not depend on scheduling.
        let jobs = list
        let slots = ConcurrentSlots<RenderedMarkdown>(count: jobs.count)
        options.progress?.begin("markdown", total: jobs.count)
        let fingerprint = cache.map { _ in self.fingerprint() } ?? 0
        options.parallelism.forEach(jobs.count) { index in
            defer { options.progress?.advance() }
            let (route, text, allowCharts) = jobs[index]
            let key = cache.map { _ in MarkdownCache.key(text, fingerprint: fingerprint) } ?? 0
            if let cached = cache?.lookup(route, key: key) {
                slots[index] = cached
                return
            }
            let rendered = render(text, on: route, allowCharts: allowCharts)
            cache?.store(rendered, for: route, key: key)
            slots[index] = rendered
        }
        var result = RenderedBodies()
        result.html.reserveCapacity(jobs.count)
        result.links.reserveCapacity(jobs.count)
        for (index, (route, _, _)) in jobs.enumerated() {
            guard let rendered = slots[index] else { continue }
            result.html[route] = rendered
            result.diagnostics += rendered.diagnostics
            if !rendered.links.isEmpty { result.links.append((route, rendered.links.map(\.link))) }
        }
        return result
    }

    /// Everything besides its text that a body's HTML depends on: the link targets, the options
    /// and the ids the page reserves.
    func fingerprint() -> UInt64 {
        var parts = [site.settings.unsafeHTML ? "unsafe" : "safe", options.portable ? "portable" : "clean", options.basePath,
                     site.labels.text("article.footnote_back")]
        parts += reservedIDs.sorted()
        parts += targets.fingerprintParts()
        return MarkdownCache.hash(parts.joined(separator: "\u{1}"))
    }

    public func render(_ text: MarkdownText, on route: Route, allowCharts: Bool) -> RenderedMarkdown {
        let linker = options.linker(for: route)
        var rendered = MarkdownRenderer(unsafeHTML: site.settings.unsafeHTML, footnoteBackLabel: site.labels.text("article.footnote_back"))
            .render(text, reservedIDs: reservedIDs) { link in
                switch targets.route(for: link) {
                case .success(let (target, fragment)): return .href(linker.href(target, fragment: fragment))
                case .failure(let error): return .unknown(error.message)
                }
            }
        for chart in rendered.charts {
            if !allowCharts {
                rendered.diagnostics.append(.error("charts can only be embedded in articles and pages", at: chart.location))
                continue
            }
            let (known, candidates): (Bool, [String])
            switch chart.kind.subject {
            case .cohort: (known, candidates) = (targets.hasCohort(chart.target), site.cohorts.map(\.slug))
            case .author: (known, candidates) = (targets.hasAuthor(chart.target), site.authors.map(\.slug))
            case .company: (known, candidates) = (targets.hasCompany(chart.target), site.companies.map(\.slug))
            case .site: (known, candidates) = (true, [])
            }
            if !known {
                rendered.diagnostics.append(.error("unknown \(chart.kind.subject.rawValue) '\(chart.target)' in chart '\(chart.kind.rawValue)/\(chart.target)'\(Suggestion.hint(for: chart.target, in: candidates))",
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
    /// Pages carry the search box and the search page is written (Pagefind indexes the site).
    public var search = false

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

/// Rendered bodies kept between the dev server's rebuilds, keyed by route and by a hash of the
/// body and of everything else its HTML depends on.
public final class MarkdownCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Route: (key: UInt64, rendered: RenderedMarkdown)] = [:]

    public init() {}

    func lookup(_ route: Route, key: UInt64) -> RenderedMarkdown? {
        lock.withLock { entries[route].flatMap { $0.key == key ? $0.rendered : nil } }
    }

    func store(_ rendered: RenderedMarkdown, for route: Route, key: UInt64) {
        lock.withLock { entries[route] = (key, rendered) }
    }

    static func key(_ text: MarkdownText, fingerprint: UInt64) -> UInt64 {
        hash("\(text.path)\u{1}\(text.firstLine)\u{1}\(text.text)") ^ fingerprint
    }

    static func hash(_ text: String) -> UInt64 { FNV1a.hash(text) }
}
