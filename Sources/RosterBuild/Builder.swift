import Foundation
import RosterPublishing

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

    /// Builds the site into the output folder: every page written beside it as it is rendered, and
    /// the finished site swapped in atomically.
    public func build() -> BuildReport {
        buildKeepingState().report
    }

    /// Builds and also returns what the build knew (for the dev server).
    public func buildKeepingState() -> (report: BuildReport, state: BuildState?) {
        let run = run([.load, .validate, .markdown, .analyse, .renderAndStage, .search, .exports, .write])
        return (run.report, run.state)
    }

    /// Validates everything a build would (content, templates, every link and anchor of the
    /// rendered pages, the output folder) and writes nothing.
    public func check() -> BuildReport {
        var options = self.options
        options.cancellation = nil
        // The pages as a build makes them, search box included; Pagefind itself is not run.
        if options.search == .inBuild { options.search = .deferred }
        let run = Builder(options: options).run([.load, .validate, .markdown, .analyse, .renderAndRead, .exports, .checkLinks])
        var report = run.report
        if !report.diagnostics.hasErrors { report.pageCount = run.routes.count }
        return report
    }

    /// Waits for deletions of previous sites that `.backgroundThread` removal left running.
    public static func waitForOldSiteRemovals() {
        BackgroundRemoval.waitForPending()
    }
}
