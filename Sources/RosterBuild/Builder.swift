import Foundation
import RosterAnalysis
import RosterLoading
import RosterMarkdown
import RosterModel
import RosterPublishing
import RosterRendering
import RosterTemplates
import RosterValidation

/// The one pipeline behind every command, in named steps:
/// load → validate → markdown → analyse → render → exports → write.
/// `build()` writes each page beside the output folder as it is rendered and swaps the finished site
/// in atomically; `check()` runs every step but the writing, and checks every link of every page.
public struct Builder: Sendable {
    public static let version = "0.1.0"
    public let options: BuildOptions
    /// Kept between builds by the dev server.
    public let markdownCache: MarkdownCache?
    public let templateCache: TemplateCache?

    public init(options: BuildOptions, markdownCache: MarkdownCache? = nil, templateCache: TemplateCache? = nil) {
        self.options = options
        self.markdownCache = markdownCache
        self.templateCache = templateCache
    }

    public func build() -> BuildReport {
        buildKeepingState().report
    }

    /// Builds and also returns what the build knew (for the dev server).
    public func buildKeepingState() -> (report: BuildReport, state: BuildState?) {
        var clock = PhaseClock(progress: options.progress, cancellation: options.cancellation)
        guard let prepared = prepare(&clock) else { return (clock.report(), nil) }
        let writer = OutputWriter(output: options.output, siteFolder: options.siteFolder)
        let staging: StagingSite
        do {
            staging = try writer.beginStaging()
        } catch {
            return (clock.report(prepared.diagnostics + error.diagnostics), nil)
        }
        var problems = prepared.diagnostics
        let anchors = AnchorCollector(needed: AnchorChecker.routesNeedingIDs(prepared.bodies, targets: prepared.targets),
                                      hrefs: false)
        let (routes, renderProblems) = prepared.renderer.render { page in
            anchors.add(page)
            try staging.write(.text(page.route.outputFile, page.html))
        }
        problems += renderProblems
        problems += prepared.anchorChecker(anchors.pages).check()
        clock.lap("render")
        if clock.cancelled {
            staging.discard()
            return (clock.report(), nil)
        }
        guard !problems.hasErrors else {
            staging.discard()
            return (clock.report(problems), nil)
        }
        let files = exports(prepared, routes: routes)
        clock.lap("exports")
        do {
            for file in files { try staging.write(file) }
            try staging.publish(oldSiteRemoval: options.oldSiteRemoval)
        } catch let error as DiagnosticsError {
            problems += error.diagnostics
        } catch {
            staging.discard()
            problems.append(.error("could not write the site beside '\(options.output.path)': \(error)"))
        }
        clock.lap("write")
        let written = !problems.hasErrors
        let report = clock.report(problems, pages: written ? routes.count : 0, files: written ? staging.fileCount : 0)
        return (report, written ? prepared.state : nil)
    }

    /// Validates everything a build would (content, templates, every link and anchor of the
    /// rendered pages, the output folder) and writes nothing.
    public func check() -> BuildReport {
        var clock = PhaseClock(progress: options.progress, cancellation: nil)
        guard let prepared = prepare(&clock) else { return clock.report() }
        var problems = prepared.diagnostics
        let anchors = AnchorCollector(needed: nil, hrefs: true)
        let (routes, renderProblems) = prepared.renderer.render { anchors.add($0) }
        problems += renderProblems
        let pages = anchors.pages
        problems += prepared.anchorChecker(pages).check()
        clock.lap("render")
        var byFile: [String: PageAnchors] = [:]
        for (route, page) in pages { byFile[route.outputFile] = page }
        var others = Set(exports(prepared, routes: routes).map(\.path))
        others.subtract(byFile.keys)
        var written: [String: [WrittenLink]] = [:]
        for (route, body) in prepared.bodies.html where !body.relativeLinks.isEmpty {
            written[route.outputFile] = body.relativeLinks
        }
        problems += LinkChecker(pages: byFile, otherFiles: others, writtenLinks: written,
                                parallelism: options.parallelism).check()
        if let refusal = OutputWriter(output: options.output, siteFolder: options.siteFolder).refusal() {
            problems.append(refusal)
        }
        clock.lap("check links")
        return clock.report(problems, pages: routes.count, files: 0)
    }

    /// Waits for deletions of previous sites that `.backgroundThread` removal left running.
    public static func waitForOldSiteRemovals() {
        BackgroundRemoval.waitForPending()
    }
}
