import Foundation
import RosterAnalysis
import RosterLoading
import RosterModel
import RosterPublishing
import RosterRendering
import RosterSupport
import RosterTemplates

/// The phases of a build, in pipeline order; `--verbose` prints each one's time.
public enum BuildPhase: String, Sendable, CaseIterable {
    case load, validate, markdown, analyse, render, search, exports, write
    case checkLinks = "check links"
}

/// What a build carries from one step to the next. Each step reads what the steps before it made
/// and adds its own; a step that finds the build cannot go on sets `stopped`.
struct BuildRun {
    let options: BuildOptions
    let markdownCache: MarkdownCache?
    let templateCache: TemplateCache?

    var diagnostics: [Diagnostic] = []
    var phases: [(name: String, seconds: Double)] = []
    /// Set by a step when going on would only repeat errors or write a broken site.
    var stopped = false
    var cancelled = false
    /// Draft articles the build left out (no `--drafts`).
    var draftsLeftOut = 0
    /// Set by a step that had nothing to do, so that `--verbose` does not list it.
    var skipped = false

    // load
    var site: Site?
    var fileSlugs = FileSlugs()
    var templateSources: [TemplateSource] = []
    // validate
    var templates: TemplateSet?
    // markdown
    var renderOptions: RenderOptions?
    var targets: LinkTargets?
    var bodies: RenderedBodies?
    // analyse
    var facts: SiteFacts?
    var views: ViewBuilder?
    // render
    var staging: StagingSite?
    var routes: [Route] = []
    var anchors: [Route: PageAnchors] = [:]
    // exports
    var files: [OutputFile] = []
    /// Pages and files written when the site was swapped in.
    var written: (pages: Int, files: Int)?

    init(options: BuildOptions, markdownCache: MarkdownCache?, templateCache: TemplateCache?) {
        self.options = options
        self.markdownCache = markdownCache
        self.templateCache = templateCache
    }

    /// Search is on in `site.yml` and this build makes pages that show it.
    var wantsSearch: Bool {
        site?.settings.search == true && options.search != .off && !options.portable
    }

    /// Marks the step as having had nothing to do.
    mutating func skip() { skipped = true }

    /// Ends the build here (the reasons are in `diagnostics`).
    mutating func stop(_ problems: [Diagnostic] = []) {
        diagnostics += problems
        stopped = true
    }

    /// What the dev server keeps of a build that succeeded.
    var state: BuildState? {
        guard written != nil, let templates, let targets, let views else { return nil }
        return BuildState(templates: templates, targets: targets, views: views)
    }

    var report: BuildReport {
        var report = BuildReport(diagnostics: cancelled ? [] : diagnostics.sorted(), pageCount: written?.pages ?? 0,
                                 fileCount: written?.files ?? 0, phases: phases)
        report.cancelled = cancelled
        report.draftsLeftOut = draftsLeftOut
        report.searchIndexPending = written != nil && options.search == .deferred && renderOptions?.search == true
        return report
    }
}

/// One named step of the pipeline.
struct BuildStep: Sendable {
    let phase: BuildPhase
    let run: @Sendable (inout BuildRun) -> Void

    init(_ phase: BuildPhase, _ run: @escaping @Sendable (inout BuildRun) -> Void) {
        self.phase = phase
        self.run = run
    }
}

extension Builder {
    /// Runs the steps in order, timing each; cancellation is looked at between steps. A build that
    /// stops or is cancelled after pages were staged leaves nothing behind.
    func run(_ steps: [BuildStep]) -> BuildRun {
        var state = BuildRun(options: options, markdownCache: markdownCache, templateCache: templateCache)
        for step in steps {
            options.progress?.begin(step.phase.rawValue, total: 0)
            let started = ContinuousClock.now
            state.skipped = false
            step.run(&state)
            let duration = ContinuousClock.now - started
            if !state.skipped {
                state.phases.append((step.phase.rawValue,
                                     Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18))
            }
            if state.stopped { break }
            // Between steps: a cancelled build ends after the step under way.
            if options.cancellation?.isCancelled == true, step.phase != steps.last?.phase {
                state.cancelled = true
                break
            }
        }
        if state.written == nil { state.staging?.discard() }
        return state
    }
}
