import Foundation
import RosterAnalysis
import RosterLoading
import RosterMarkdown
import RosterModel
import RosterPublishing
import RosterRendering
import RosterValidation

/// The one pipeline behind every command: load → validate → analyse → render → write.
/// `build()` publishes atomically; `check()` runs everything but the write.
public struct Builder: Sendable {
    public static let version = "0.1.0"
    public let options: BuildOptions

    public init(options: BuildOptions, markdownCache: MarkdownCache? = nil, templateCache: TemplateCache? = nil) {
        self.options = options
        self.markdownCache = markdownCache
        self.templateCache = templateCache
    }

    /// The site as files, ready to write, or the problems that stop it.
    public struct Prepared: Sendable {
        public var files: [OutputFile]
        public var pages: [RenderedPage]
        public var diagnostics: [Diagnostic]
        public var phases: [(name: String, seconds: Double)]
        /// What a successful build knew, for the dev server's next steps.
        public var state: BuildState?
    }

    /// Kept between builds by the dev server.
    public let markdownCache: MarkdownCache?
    public let templateCache: TemplateCache?

    public func build() -> BuildReport {
        buildKeepingState().report
    }

    /// Builds and also returns what the build knew (for the dev server).
    public func buildKeepingState() -> (report: BuildReport, state: BuildState?) {
        var prepared = prepare()
        var files = 0
        if options.cancellation?.isCancelled == true {
            var report = BuildReport(diagnostics: [], pageCount: 0, fileCount: 0, phases: prepared.phases)
            report.cancelled = true
            return (report, nil)
        }
        if !prepared.diagnostics.hasErrors {
            let writer = OutputWriter(output: options.output, siteFolder: options.siteFolder)
            let started = ContinuousClock.now
            do {
                try writer.publish(prepared.files, oldSiteRemoval: options.oldSiteRemoval, parallelism: options.parallelism,
                                   progress: options.progress)
                files = prepared.files.count
            } catch {
                prepared.diagnostics += error.diagnostics
            }
            prepared.phases.append(("write", Self.seconds(since: started)))
        }
        let report = BuildReport(diagnostics: prepared.diagnostics.sorted(), pageCount: files == 0 ? 0 : prepared.pages.count,
                                 fileCount: files, phases: prepared.phases)
        return (report, report.succeeded ? prepared.state : nil)
    }

    /// Validates everything a build would (content, templates, internal links and anchors in the
    /// rendered pages, the output folder) and writes nothing.
    public func check() -> BuildReport {
        var prepared = prepare()
        if !prepared.diagnostics.hasErrors {
            let started = ContinuousClock.now
            var pages: [String: String] = [:]
            for page in prepared.pages { pages[page.route.outputFile] = page.html }
            let others = Set(prepared.files.map(\.path)).subtracting(pages.keys)
            var written: [String: [WrittenLink]] = [:]
            for (route, body) in prepared.state?.bodies.html ?? [:] where !body.relativeLinks.isEmpty {
                written[route.outputFile] = body.relativeLinks
            }
            prepared.diagnostics += LinkChecker(pages: pages, otherFiles: others, writtenLinks: written).check()
            if let refusal = OutputWriter(output: options.output, siteFolder: options.siteFolder).refusal() {
                prepared.diagnostics.append(refusal)
            }
            prepared.phases.append(("check links", Self.seconds(since: started)))
        }
        return BuildReport(diagnostics: prepared.diagnostics.sorted(), pageCount: prepared.pages.count,
                           fileCount: 0, phases: prepared.phases)
    }

    public func prepare() -> Prepared {
        var phases: [(String, Double)] = []
        var clock = ContinuousClock.now
        let phaseAfter = ["load": "validate", "validate": "markdown", "markdown": "analyse", "analyse": "render", "render": "exports"]
        var cancelled: Bool { options.cancellation?.isCancelled == true }
        func lap(_ name: String) {
            phases.append((name, Self.seconds(since: clock)))
            clock = ContinuousClock.now
            if let next = phaseAfter[name] { options.progress?.begin(next, total: 0) }
        }
        func stop(_ diagnostics: [Diagnostic]) -> Prepared {
            Prepared(files: [], pages: [], diagnostics: diagnostics.sorted(), phases: phases, state: nil)
        }

        let loaded = SiteLoader(siteFolder: options.siteFolder, parallelism: options.parallelism,
                                progress: options.progress).load()
        var diagnostics = loaded.diagnostics
        lap("load")
        if cancelled { return stop([]) }
        guard var site = loaded.site else { return stop(diagnostics) }
        if let baseURL = options.baseURL {
            guard URLText.isAllowedExternal(baseURL), ["http", "https"].contains(URLText.scheme(of: baseURL)) else {
                return stop(diagnostics + [.error("--base-url must be an absolute http or https URL, found '\(baseURL)'")])
            }
            site.settings = SiteSettings(title: site.settings.title, description: site.settings.description,
                                         baseURL: baseURL, language: site.settings.language, asOf: site.settings.asOf,
                                         unsafeHTML: site.settings.unsafeHTML, paginate: site.settings.paginate,
                                         feedLimit: site.settings.feedLimit, locations: site.settings.locations)
        }
        if !options.includeDrafts { site.articles.removeAll(where: \.draft) }

        let unreadable = SiteValidator.References(
            authors: loaded.fileSlugs.authors.subtracting(site.authors.map(\.slug)),
            companies: loaded.fileSlugs.companies.subtracting(site.companies.map(\.slug)),
            sourcesUnreadable: !loaded.fileSlugs.sourcesReadable)
        diagnostics += SiteValidator(site: site, unreadable: unreadable).validate()
        let (templates, templateProblems) = templateCache?.compile(loaded.templates) ?? TemplateSet.compile(loaded.templates)
        diagnostics += templateProblems
        lap("validate")
        if cancelled { return stop([]) }

        // Bodies are rendered even when something else is wrong, so that broken links are reported
        // together with every other problem.
        let renderOptions = RenderOptions(portable: options.portable, basePath: site.settings.basePath,
                                          includeDrafts: options.includeDrafts, version: Self.version,
                                          parallelism: options.parallelism, progress: options.progress)
        let targets = LinkTargets(site: site, draftArticles: loaded.fileSlugs.draftArticles,
                                  unreadable: loaded.fileSlugs, includeDrafts: options.includeDrafts)
        let bodies = BodyRenderer(site: site, targets: targets, options: renderOptions,
                                  templateIDs: templates.literalIDs).renderAll(cache: markdownCache)
        diagnostics += bodies.diagnostics
        lap("markdown")
        if cancelled { return stop([]) }
        if diagnostics.hasErrors { return stop(diagnostics) }

        let cohortFacts = site.cohorts.map { CohortAnalyzer.facts(for: $0, in: site) }
        var companyFacts: [String: CompanyFacts] = [:]
        for company in site.companies { companyFacts[company.slug] = CompanyAnalyzer.facts(for: company.slug, in: site) }
        lap("analyse")
        if cancelled { return stop([]) }

        let viewBuilder = ViewBuilder(site: site, cohortFacts: cohortFacts, companyFacts: companyFacts,
                                      bodies: bodies, options: renderOptions)
        let (pages, renderProblems) = SiteRenderer(templates: templates, builder: viewBuilder).render()
        diagnostics += renderProblems
        diagnostics += AnchorChecker(pages: pages, bodies: bodies, targets: targets, sources: site.sources).check()
        lap("render")
        if cancelled { return stop([]) }
        if diagnostics.hasErrors { return stop(diagnostics) }

        var files = pages.map { OutputFile.text($0.route.outputFile, $0.html) }
        files += Self.exports(site: site, pages: pages, cohortFacts: cohortFacts, viewBuilder: viewBuilder,
                              parallelism: options.parallelism)
        files += site.assets.map { OutputFile(path: Route.asset($0.relativePath).outputFile, contents: .copy(from: $0.sourcePath)) }
        lap("exports")
        let state = BuildState(site: site, templates: templates, cohortFacts: cohortFacts, companyFacts: companyFacts,
                               bodies: bodies, renderOptions: renderOptions, targets: targets)
        return Prepared(files: files, pages: pages, diagnostics: diagnostics.sorted(), phases: phases, state: state)
    }

    /// The feed, the sitemap, robots.txt and the data exports, made side by side.
    static func exports(site: Site, pages: [RenderedPage], cohortFacts: [CohortFacts], viewBuilder: ViewBuilder,
                        parallelism: Parallelism) -> [OutputFile] {
        let makers: [@Sendable () -> OutputFile] = [
            {
                var bodies: [String: String] = [:]
                for article in site.articles.filter({ !$0.draft }).prefix(site.settings.feedLimit) {
                    bodies[article.slug] = viewBuilder.bodyHTML(.article(article.slug))
                }
                return .text(Route.feed.outputFile, SiteFeeds.atom(site: site, bodies: bodies))
            },
            {
                let routes = PublishedRoutes.select(pages.map(\.route), articles: site.articles, paginate: site.settings.paginate)
                return .text(Route.sitemap.outputFile, SiteFeeds.sitemap(site: site, routes: routes))
            },
            { .text(Route.robots.outputFile, SiteFeeds.robots(site: site)) },
            { .text(Route.json.outputFile, DataExports.json(site: site, facts: cohortFacts)) },
            { .text(Route.csv.outputFile, DataExports.csv(site: site)) },
        ]
        let slots = ConcurrentSlots<OutputFile>(count: makers.count)
        parallelism.forEach(makers.count) { slots[$0] = makers[$0]() }
        return (0..<makers.count).compactMap { slots[$0] }
    }

    /// Waits for deletions of previous sites that `.backgroundThread` removal left running.
    public static func waitForOldSiteRemovals() {
        BackgroundRemoval.waitForPending()
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
