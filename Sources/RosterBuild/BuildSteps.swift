import CRosterSystem
import Foundation
import RosterAnalysis
import RosterLoading
import RosterMarkdown
import RosterModel
import RosterPublishing
import RosterRendering
import RosterSupport
import RosterTemplates
import RosterValidation

/// What the steps before rendering made: everything a page needs, and the problems found so far.
struct PreparedSite: Sendable {
    var site: Site
    var diagnostics: [Diagnostic]
    var templates: TemplateSet
    var targets: LinkTargets
    var bodies: RenderedBodies
    var facts: SiteFacts
    var renderOptions: RenderOptions
    var viewBuilder: ViewBuilder

    var renderer: SiteRenderer { SiteRenderer(templates: templates, builder: viewBuilder) }

    var state: BuildState {
        BuildState(templates: templates, targets: targets, views: viewBuilder)
    }

    func anchorChecker(_ pages: [Route: PageAnchors]) -> AnchorChecker {
        AnchorChecker(pageIDs: pages.mapValues(\.ids), bodies: bodies, targets: targets, sources: site.sources)
    }
}

extension Builder {
    /// Load, validate, render the Markdown bodies and analyse. Nil when the build stops here (the
    /// reasons are in `clock`): errors that rendering pages could only repeat, or a cancellation.
    func prepare(_ clock: inout PhaseClock) -> PreparedSite? {
        // load
        var loaded = SiteLoader(siteFolder: options.siteFolder, parallelism: options.parallelism,
                                progress: options.progress).load()
        var diagnostics = loaded.diagnostics
        let fileSlugs = loaded.fileSlugs
        let templateSources = loaded.templates
        // Taken out, so that this is the only copy and its Markdown sources can be let go below.
        guard var site = loaded.site else { return clock.stop(with: diagnostics) }
        loaded.site = nil
        clock.lap("load")
        if clock.cancelled { return clock.stop(with: []) }

        // validate
        if let baseURL = options.baseURL {
            guard URLText.isAllowedExternal(baseURL), ["http", "https"].contains(URLText.scheme(of: baseURL)) else {
                return clock.stop(with: diagnostics + [.error("--base-url must be an absolute http or https URL, found '\(baseURL)'")])
            }
            site.settings.baseURL = baseURL
        }
        if !options.includeDrafts { site.articles.removeAll(where: \.draft) }
        let unreadable = SiteValidator.References(
            authors: fileSlugs.authors.subtracting(site.authors.map(\.slug)),
            companies: fileSlugs.companies.subtracting(site.companies.map(\.slug)),
            sourcesUnreadable: !fileSlugs.sourcesReadable)
        diagnostics += SiteValidator(site: site, unreadable: unreadable).validate()
        let (templates, templateProblems) = templateCache?.compile(templateSources) ?? TemplateSet.compile(templateSources)
        diagnostics += templateProblems
        clock.lap("validate")
        if clock.cancelled { return clock.stop(with: []) }

        // markdown: bodies are rendered even when something else is wrong, so that broken links
        // are reported together with every other problem.
        let renderOptions = RenderOptions(portable: options.portable, basePath: site.settings.basePath,
                                          includeDrafts: options.includeDrafts, version: Self.version,
                                          parallelism: options.parallelism, progress: options.progress)
        let targets = LinkTargets(site: site, draftArticles: fileSlugs.draftArticles,
                                  slugsFound: fileSlugs, includeDrafts: options.includeDrafts)
        let bodies = BodyRenderer(site: site, targets: targets, options: renderOptions,
                                  templateIDs: templates.literalIDs).renderAll(cache: markdownCache)
        diagnostics += bodies.diagnostics
        // The Markdown sources are not read again: a large site should not keep them in memory,
        // and the C library is asked to give the memory back (glibc keeps freed memory otherwise).
        site = site.withoutMarkdownSources()
        MemoryRelease.returnFreedMemory()
        clock.lap("markdown")
        if clock.cancelled { return clock.stop(with: []) }
        if diagnostics.hasErrors { return clock.stop(with: diagnostics) }

        // analyse
        let facts = SiteFacts.analyse(site, links: bodies.links)
        let viewBuilder = ViewBuilder(site: site, facts: facts, bodies: bodies, options: renderOptions)
        clock.lap("analyse")
        if clock.cancelled { return clock.stop(with: []) }
        return PreparedSite(site: site, diagnostics: diagnostics, templates: templates, targets: targets, bodies: bodies,
                            facts: facts, renderOptions: renderOptions,
                            viewBuilder: viewBuilder)
    }

    /// The feed, the sitemap, robots.txt, the data exports and the assets, made side by side.
    func exports(_ prepared: PreparedSite, routes: [Route]) -> [OutputFile] {
        let site = prepared.site, viewBuilder = prepared.viewBuilder, facts = prepared.facts.cohorts
        let makers: [@Sendable () -> OutputFile] = [
            {
                var bodies: [String: String] = [:]
                for article in site.articles.filter({ !$0.draft }).prefix(site.settings.feedLimit) {
                    bodies[article.slug] = viewBuilder.bodyHTML(.article(article.slug))
                }
                return .text(Route.feed.outputFile, SiteFeeds.atom(site: site, bodies: bodies))
            },
            {
                let published = PublishedRoutes.select(routes, articles: site.articles, paginate: site.settings.paginate)
                return .text(Route.sitemap.outputFile, SiteFeeds.sitemap(site: site, routes: published))
            },
            { .text(Route.robots.outputFile, SiteFeeds.robots(site: site)) },
            { .text(Route.json.outputFile, DataExports.json(site: site, facts: facts)) },
            { .text(Route.csv.outputFile, DataExports.csv(site: site)) },
        ]
        let slots = ConcurrentSlots<OutputFile>(count: makers.count)
        options.parallelism.forEach(makers.count) { slots[$0] = makers[$0]() }
        return (0..<makers.count).compactMap { slots[$0] }
            + site.assets.map { OutputFile(path: Route.asset($0.relativePath).outputFile, contents: .copy(from: $0.sourcePath)) }
    }
}

/// The anchors of the pages rendered so far: those of every page (for `roster check`), or only of
/// the pages the anchor checks look at (for a build, which writes the pages and keeps nothing else).
final class AnchorCollector: @unchecked Sendable {
    private let needed: Set<Route>?
    private let hrefs: Bool
    private let lock = NSLock()
    private var collected: [Route: PageAnchors] = [:]

    init(needed: Set<Route>?, hrefs: Bool) {
        self.needed = needed
        self.hrefs = hrefs
    }

    func add(_ page: RenderedPage) {
        guard needed?.contains(page.route) ?? true else { return }
        let anchors = PageAnchors(html: page.html, hrefs: hrefs)
        lock.withLock { collected[page.route] = anchors }
    }

    var pages: [Route: PageAnchors] { lock.withLock { collected } }
}

/// Times a build's steps, shows them in the progress line, and answers whether the build was
/// cancelled; it also carries the problems of a build that stopped early.
struct PhaseClock {
    let progress: BuildProgress?
    let cancellation: BuildCancellation?
    private(set) var phases: [(name: String, seconds: Double)] = []
    private var started = ContinuousClock.now
    private var stopped: [Diagnostic] = []

    init(progress: BuildProgress?, cancellation: BuildCancellation?) {
        self.progress = progress
        self.cancellation = cancellation
    }

    var cancelled: Bool { cancellation?.isCancelled == true }

    mutating func lap(_ name: String) {
        let duration = ContinuousClock.now - started
        phases.append((name, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18))
        started = ContinuousClock.now
        progress?.begin("after \(name)", total: 0)
    }

    /// Ends the build before rendering; always nil, for `return clock.stop(with:)`.
    mutating func stop(with diagnostics: [Diagnostic]) -> PreparedSite? {
        stopped = diagnostics
        return nil
    }

    func report(_ diagnostics: [Diagnostic]? = nil, pages: Int = 0, files: Int = 0) -> BuildReport {
        var report = BuildReport(diagnostics: (diagnostics ?? stopped).sorted(), pageCount: pages, fileCount: files, phases: phases)
        report.cancelled = cancelled && diagnostics == nil && stopped.isEmpty
        return report
    }
}

/// Gives memory that was freed back to the system, where the C library can.
enum MemoryRelease {
    static func returnFreedMemory() {
        _ = roster_release_free_memory()
    }
}
