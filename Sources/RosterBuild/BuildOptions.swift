import RosterModel
import RosterPublishing
import Foundation
import RosterSupport

/// What to build and how; the CLI and the dev server fill this in.
public struct BuildOptions: Sendable {
    /// The folder holding `Content/` and `Templates/`.
    public var siteFolder: URL
    /// Defaults to `Output/` inside the site folder.
    public var output: URL
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Directory links end in `index.html` so the site can be browsed from disk.
    public var portable: Bool
    /// How many cores to use; `.sequential` gives the same bytes, slower.
    public var parallelism: Parallelism
    /// Updated as the build goes, for a progress line.
    public var progress: BuildProgress?
    /// How the previous site goes once the new one is in place.
    public var oldSiteRemoval: OldSiteRemoval = .detachedProcess
    /// Lets the dev server stop a rebuild that a newer change makes pointless.
    public var cancellation: BuildCancellation?
    /// Whether the build runs Pagefind (when `site.yml` has search on and the site is not portable).
    public var search: SearchIndexing = .inBuild

    public enum SearchIndexing: Sendable {
        /// Indexed in the staging folder before the swap (`roster build`).
        case inBuild
        /// Pages carry the search box, and the caller indexes the published folder later (`roster serve`).
        case deferred
        /// No search box, no index (`roster check`, edition commands).
        case off
    }

    public init(siteFolder: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                portable: Bool = false, parallelism: Parallelism = .automatic, progress: BuildProgress? = nil) {
        self.siteFolder = siteFolder.standardizedFileURL
        self.output = (output ?? siteFolder.appendingPathComponent(SiteLayout.output)).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.portable = portable
        self.parallelism = parallelism
        self.progress = progress
    }
}

/// How a build went.
public struct BuildReport: Sendable {
    /// Sorted by path, line, column.
    public var diagnostics: [Diagnostic]
    /// HTML pages written.
    public var pageCount: Int
    /// Every file written, pages included.
    public var fileCount: Int
    /// Each phase and its duration in seconds, in order.
    public var phases: [(name: String, seconds: Double)]
    /// The build was cancelled between two phases and wrote nothing.
    public var cancelled = false
    /// Draft articles left out because the build was not asked for them (`--drafts`).
    public var draftsLeftOut = 0
    /// The pages carry search, and the index is left to the caller (`SearchIndexing.deferred`).
    public var searchIndexPending = false
    public var succeeded: Bool { !diagnostics.hasErrors && !cancelled }
    public var seconds: Double { phases.reduce(0) { $0 + $1.seconds } }
}

/// Asked between a build's phases: once cancelled, the build stops before its next phase and
/// writes nothing (a write under way always finishes: it is one atomic swap).
public final class BuildCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() { lock.withLock { cancelled = true } }

    public var isCancelled: Bool { lock.withLock { cancelled } }
}
