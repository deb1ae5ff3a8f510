import RosterModel
import RosterPublishing
import Foundation

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

    public init(siteFolder: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                portable: Bool = false, parallelism: Parallelism = .automatic, progress: BuildProgress? = nil) {
        self.siteFolder = siteFolder.standardizedFileURL
        self.output = (output ?? siteFolder.appendingPathComponent("Output")).standardizedFileURL
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
    public var succeeded: Bool { !diagnostics.hasErrors }
    public var seconds: Double { phases.reduce(0) { $0 + $1.seconds } }
}


