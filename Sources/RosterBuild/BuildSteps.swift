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

/// The steps a build is made of, each named by its phase (see `Builder.build()` and `check()`).
extension BuildStep {
    /// Reads `Content/` and `Templates/` into the model.
    static let load = BuildStep(.load) { run in
        var loaded = SiteLoader(siteFolder: run.options.siteFolder, parallelism: run.options.parallelism,
                                progress: run.options.progress).load()
        run.diagnostics += loaded.diagnostics
        run.fileSlugs = loaded.fileSlugs
        run.templateSources = loaded.templates
        // Taken out, so that the run holds the only copy and its Markdown sources can be let go.
        guard var site = loaded.site else { return run.stop() }
        loaded.site = nil
        if let baseURL = run.options.baseURL {
            guard URLText.isAllowedExternal(baseURL), ["http", "https"].contains(URLText.scheme(of: baseURL)) else {
                return run.stop([.error("--base-url must be an absolute http or https URL, found '\(baseURL)'")])
            }
            site.settings = site.settings.overriding(baseURL: baseURL)
        }
        if !run.options.includeDrafts {
            run.draftsLeftOut = site.articles.count { $0.draft }
            site.articles.removeAll(where: \.draft)
        }
        run.site = site
    }

    /// Checks every rule and cross-reference, and compiles and checks the templates.
    static let validate = BuildStep(.validate) { run in
        guard let site = run.site else { return run.stop() }
        let unreadable = SiteValidator.References(
            authors: run.fileSlugs.authors.subtracting(site.authors.map(\.slug)),
            companies: run.fileSlugs.companies.subtracting(site.companies.map(\.slug)),
            sourcesUnreadable: !run.fileSlugs.sourcesReadable)
        // Looked for while the rest of the build goes on; the analyse step waits for the answer.
        if run.wantsSearch { DispatchQueue.global().async { _ = Pagefind.located } }
        run.diagnostics += SiteValidator(site: site, unreadable: unreadable).validate(parallelism: run.options.parallelism)
        let cache = run.templateCache
        let compile = { (sources: [TemplateSource]) in cache?.compile(sources) ?? TemplateSet.compile(sources) }
        var (templates, problems) = compile(run.templateSources)
        run.diagnostics += problems
        // The labels are written into the templates once they are known to compile as written (so
        // that every error points at the template's own line and column).
        if !problems.hasErrors { templates = compile(LabelFilling.fill(run.templateSources, labels: site.labels)).0 }
        if run.wantsSearch && !templates.names.contains("search") && !problems.hasErrors {
            run.diagnostics.append(.error("Templates/search.mustache is missing; the search page needs it (a site made by `roster init` has one to copy), or set 'search: false' in site.yml"))
        }
        if site.previousEdition != nil && !templates.names.contains("changes") && !problems.hasErrors {
            run.diagnostics.append(.error("Templates/changes.mustache is missing; /changes/ needs it now that an edition is saved (a site made by `roster init` has one to copy)"))
        }
        run.templates = templates
    }

    /// Every body through cmark-gfm, on every core. Bodies are rendered even when something else
    /// is wrong, so that broken links are reported together with every other problem.
    static let markdown = BuildStep(.markdown) { run in
        guard var site = run.site, let templates = run.templates else { return run.stop() }
        let options = run.options
        let renderOptions = RenderOptions(portable: options.portable, basePath: site.settings.basePath,
                                          includeDrafts: options.includeDrafts, version: Builder.version,
                                          parallelism: options.parallelism, progress: options.progress)
        let targets = LinkTargets(site: site, draftArticles: run.fileSlugs.draftArticles,
                                  slugsFound: run.fileSlugs, includeDrafts: options.includeDrafts)
        let bodies = BodyRenderer(site: site, targets: targets, options: renderOptions,
                                  templateIDs: templates.literalIDs).renderAll(cache: run.markdownCache)
        run.diagnostics += bodies.diagnostics
        // The Markdown sources are not read again: a large site should not keep them in memory,
        // and the C library is asked to give the memory back (glibc keeps freed memory otherwise).
        run.site = nil
        site = site.withoutMarkdownSources()
        _ = roster_release_free_memory()
        (run.site, run.renderOptions, run.targets, run.bodies) = (site, renderOptions, targets, bodies)
        if run.diagnostics.hasErrors { run.stop() }
    }

    /// Derives every fact the pages and exports show, and the views the pages are built from.
    static let analyse = BuildStep(.analyse) { run in
        guard let site = run.site, let bodies = run.bodies, var renderOptions = run.renderOptions else { return run.stop() }
        if run.wantsSearch {
            renderOptions.search = Pagefind.located != nil
            if !renderOptions.search {
                run.diagnostics.append(.warning("the site is built without search: Pagefind was not found; install it with `\(Pagefind.install)`, or set 'search: false' in site.yml"))
            }
            run.renderOptions = renderOptions
        }
        let facts = SiteFacts.analyse(site, links: bodies.links, parallelism: run.options.parallelism)
        run.facts = facts
        run.diagnostics += CoverageWarnings.check(site, facts: facts)
        run.views = ViewBuilder(site: site, facts: facts, bodies: bodies, options: renderOptions)
    }

    /// Every page through its template, on every core, each written beside the output folder as
    /// soon as it is made; then the anchor checks that need the rendered pages.
    static let renderAndStage = BuildStep(.render) { run in
        guard let views = run.views, let templates = run.templates, let bodies = run.bodies, let targets = run.targets else {
            return run.stop()
        }
        let staging: StagingSite
        do {
            staging = try OutputWriter(output: run.options.output, siteFolder: run.options.siteFolder).beginStaging()
        } catch let error as DiagnosticsError {
            return run.stop(error.diagnostics)
        } catch {
            return run.stop([.error("could not start the site beside '\(run.options.output.path)': \(error)")])
        }
        run.staging = staging
        let anchors = AnchorCollector(needed: AnchorChecker.routesNeedingIDs(bodies, targets: targets), hrefs: false)
        let (routes, problems) = SiteRenderer(templates: templates, builder: views).render { page in
            anchors.add(page)
            try staging.write(.text(page.route.outputFile, page.html))
        }
        run.routes = routes
        run.anchors = anchors.pages
        run.diagnostics += problems + checkAnchors(run)
        if run.diagnostics.hasErrors { run.stop() }
    }

    /// Every page through its template, keeping only each page's ids and links (`roster check`).
    static let renderAndRead = BuildStep(.render) { run in
        guard let views = run.views, let templates = run.templates else { return run.stop() }
        let anchors = AnchorCollector(needed: nil, hrefs: true)
        let (routes, problems) = SiteRenderer(templates: templates, builder: views).render { anchors.add($0) }
        run.routes = routes
        run.anchors = anchors.pages
        run.diagnostics += problems + checkAnchors(run)
    }

    /// The fragments written in bodies and the source ids, against the rendered pages' ids.
    private static func checkAnchors(_ run: BuildRun) -> [Diagnostic] {
        guard let bodies = run.bodies, let targets = run.targets, let site = run.site else { return [] }
        return AnchorChecker(pageIDs: run.anchors.mapValues(\.ids), bodies: bodies, targets: targets, sources: site.sources).check()
    }

    /// Pagefind on the staged pages, so that the published site and its index always match.
    static let search = BuildStep(.search) { run in
        guard run.options.search == .inBuild, run.renderOptions?.search == true else { return run.skip() }
        guard let staging = run.staging, let pagefind = Pagefind.located else { return run.stop() }
        do {
            try pagefind.index(siteAt: staging.path)
        } catch let error as DiagnosticsError {
            run.stop(error.diagnostics)
        } catch {
            run.stop([.error("could not index the site for search: \(error)")])
        }
    }

    /// The feed, the sitemap, robots.txt, the data exports and the assets, made side by side.
    static let exports = BuildStep(.exports) { run in
        guard let site = run.site, let views = run.views, let facts = run.facts else { return run.stop() }
        run.files = SiteExports(site: site, views: views, cohortFacts: facts.cohorts, routes: run.routes,
                                siteFolder: run.options.siteFolder)
            .files(parallelism: run.options.parallelism)
    }

    /// The exports and assets into the staging folder, then the one atomic swap.
    static let write = BuildStep(.write) { run in
        guard let staging = run.staging else { return run.stop() }
        do {
            for file in run.files { try staging.write(file) }
            try staging.publish(oldSiteRemoval: run.options.oldSiteRemoval)
            run.written = (run.routes.count, staging.fileCount)
        } catch let error as DiagnosticsError {
            run.stop(error.diagnostics)
        } catch {
            run.stop([.error("could not write the site beside '\(run.options.output.path)': \(error)")])
        }
    }

    /// Every relative link and fragment of every page, and the output folder (`roster check`).
    static let checkLinks = BuildStep(.checkLinks) { run in
        var byFile: [String: PageAnchors] = [:]
        for (route, page) in run.anchors { byFile[route.outputFile] = page }
        var others = Set(run.files.map(\.path))
        others.subtract(byFile.keys)
        var written: [String: [WrittenLink]] = [:]
        for (route, body) in run.bodies?.html ?? [:] where !body.relativeLinks.isEmpty {
            written[route.outputFile] = body.relativeLinks
        }
        run.diagnostics += LinkChecker(pages: byFile, otherFiles: others, writtenLinks: written,
                                       parallelism: run.options.parallelism).check()
        if let refusal = OutputWriter(output: run.options.output, siteFolder: run.options.siteFolder).refusal() {
            run.diagnostics.append(refusal)
        }
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
