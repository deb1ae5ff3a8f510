import Foundation
import Hummingbird
import Logging
import RosterBuild
import RosterModel
import ServiceLifecycle

/// `roster serve`: builds the site (drafts included) into a temporary folder, never `Output/`,
/// serves it, rebuilds when `Content/` or `Templates/` change and tells open pages to reload. A
/// failed rebuild keeps the last good site and shows its problems on every page.
public final class DevServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var siteFolder: URL
        public var host: String
        public var port: Int
        public init(siteFolder: URL, host: String = "127.0.0.1", port: Int = 8080) {
            self.siteFolder = siteFolder
            self.host = host
            self.port = port
        }
    }

    public let options: Options
    public let state = ServeState()
    public let broadcaster = ReloadBroadcaster()
    /// Where the site is built; removed when the server stops.
    public let folder: URL
    public var siteRoot: URL { folder.appendingPathComponent("site") }
    private let searchIndexer: SearchIndexer
    private let markdownCache = MarkdownCache()
    private let templateCache = TemplateCache()
    private let stateLock = NSLock()
    private var lastState: BuildState?
    /// The warnings the last build printed: a rebuild prints its warnings when they differ, so an
    /// edit that adds one shows it, and a keystroke elsewhere does not repeat them.
    private var printedWarnings: [String] = []
    /// Whether a build has succeeded since the server started (there is a good site to keep serving).
    private var servedGoodSite = false
    private let log: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }) {
        self.options = options
        self.log = log
        self.folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-serve-\(UUID().uuidString)")
        searchIndexer = SearchIndexer(site: folder.appendingPathComponent("site"), log: log)
    }

    /// The address pages are built for: this server's own root.
    var previewURL: String {
        let host = ["0.0.0.0", "::", ""].contains(options.host) ? "localhost"
            : options.host.contains(":") ? "[\(options.host)]" : options.host
        return options.port > 0 ? "http://\(host):\(options.port)/" : "http://\(host)/"
    }

    /// Builds once; returns the report (the server starts even when the first build fails, and
    /// then serves a page listing the problems until they are fixed). `cancellationStops`: the
    /// build is the first, and cancelling it means Ctrl-C, not a newer change.
    @discardableResult
    public func rebuild(cancellation: BuildCancellation? = nil, cancellationStops: Bool = false) -> BuildReport {
        // Served from the root, as Hugo's server does: base_url's path (`/report/`) would break the
        // 404 page's links, which start from it.
        var buildOptions = BuildOptions(siteFolder: options.siteFolder, output: siteRoot, baseURL: previewURL,
                                        includeDrafts: true)
        buildOptions.oldSiteRemoval = .backgroundThread
        buildOptions.cancellation = cancellation
        // Indexed after the rebuild, in the background (see `SearchIndexer`), never on the fast path.
        buildOptions.search = .deferred
        let (report, buildState) = Builder(options: buildOptions, markdownCache: markdownCache,
                                           templateCache: templateCache).buildKeepingState()
        if report.cancelled {
            if !cancellationStops { log("A newer change arrived: rebuilding again") }
            return report
        }
        stateLock.withLock { lastState = buildState }
        searchIndexer.wanted = report.searchIndexPending
        let generation = state.record(report.diagnostics)
        let warnings = report.diagnostics.filter { !$0.isError }.map(\.description)
        let (newWarnings, hadGoodSite) = stateLock.withLock { () -> (Bool, Bool) in
            defer { printedWarnings = warnings; if report.succeeded { servedGoodSite = true } }
            return (warnings != printedWarnings, servedGoodSite)
        }
        if newWarnings && !warnings.isEmpty { log(warnings.joined(separator: "\n")) }
        if report.succeeded {
            log("\(generation == 1 ? "Built" : "Rebuilt") \(report.pageCount) pages in \(Int((report.seconds * 1000).rounded())) ms"
                + (warnings.isEmpty ? "" : " (\(warnings.count) warning\(warnings.count == 1 ? "" : "s"))"))
        } else {
            log(report.diagnostics.errors.map(\.description).joined(separator: "\n"))
            log(hadGoodSite ? "roster: the rebuild failed; still serving the last good site"
                : "roster: the build failed; the browser shows these errors until they are fixed")
            if !FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent("index.html").path) {
                writePlaceholder()
            }
        }
        broadcaster.publish(generation)
        return report
    }

    /// Handles one burst of changes: an edit to a single article's file is shown at once (its page
    /// rewritten from the last build, then reloaded), and a full rebuild follows in every case.
    @discardableResult
    public func handle(_ paths: Set<String>, cancellation: BuildCancellation? = nil) -> BuildReport {
        let content = options.siteFolder.appendingPathComponent(SiteLayout.content).standardizedFileURL.path + "/"
        let previewed = [DocumentKind.article, .author].map { options.siteFolder.appendingPathComponent($0.folder).standardizedFileURL.path + "/" }
        // Editors' backups (`x~`, `.x.swp`) are not edits, and neither is a temporary file that is
        // gone already: `sed -i` and many editors write one and rename it over the article.
        let edited = paths.filter { path in
            !path.hasSuffix("~") && !(path as NSString).lastPathComponent.hasPrefix(".")
                && (path.hasSuffix(".md") || FileManager.default.fileExists(atPath: path))
        }
        if edited.count == 1, let path = edited.first, previewed.contains(where: { path.hasPrefix($0) }), path.hasSuffix(".md"),
           FileManager.default.fileExists(atPath: path), let current = stateLock.withLock({ lastState }), state.problems.isEmpty {
            let relative = SiteLayout.content + "/" + String(path.dropFirst(content.count))
            let started = ContinuousClock.now
            if let next = PagePreview.rewrite(relative, siteFolder: options.siteFolder, output: siteRoot, state: current) {
                stateLock.withLock { lastState = next }
                let elapsed = ContinuousClock.now - started
                log("Rewrote \(relative)'s page in \(elapsed.components.attoseconds / 1_000_000_000_000_000 + elapsed.components.seconds * 1000) ms; rebuilding the rest")
                broadcaster.publish(state.record([]))
            }
        }
        return rebuild(cancellation: cancellation)
    }

    /// Before any build succeeded there is no site: serve a page that only carries the overlay.
    private func writePlaceholder() {
        try? FileManager.default.createDirectory(at: siteRoot, withIntermediateDirectories: true)
        let page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Roster: build failed</title></head><body><main><h1>The site could not be built yet</h1></main></body></html>\n"
        for name in ["index.html", "404.html"] {
            try? Data(page.utf8).write(to: siteRoot.appendingPathComponent(name))
        }
        try? Data("Roster dev server placeholder\n".utf8).write(to: siteRoot.appendingPathComponent(".roster-output"))
    }

    /// Runs until cancelled or until SIGINT/SIGTERM; `onReady` gets the bound port.
    public func run(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try PortCheck.ensureFree(host: options.host, port: options.port)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Ctrl-C before the server listens (the first build of a large site takes seconds) stops
        // at once and removes the folder; from then on the server's graceful shutdown handles it.
        let interruption = StartupInterruption(folder: folder, log: log)
        var cleanedUp = false
        defer {
            _ = interruption.disarm()
            broadcaster.finishAll()
            if !cleanedUp { removeFolder() }
        }
        rebuild(cancellation: interruption.cancellation, cancellationStops: true)
        if interruption.interrupted { interruption.stop() }
        searchIndexer.indexIfWanted()
        let watcher = SiteWatcher(folders: SiteLayout.editorFolders.map { options.siteFolder.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) })
        let changes = try watcher.changes()
        // Changes are gathered as they come (cancelling a rebuild they make pointless); one worker
        // takes all that are waiting each time it is free.
        let queue = RebuildQueue()
        let (wakeups, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let gathering = Task.detached {
            for await paths in changes {
                queue.add(paths)
                wake.yield()
            }
            wake.finish()
        }
        let rebuilding = Task.detached { [self] in
            for await _ in wakeups {
                while let paths = queue.take() {
                    let cancellation = queue.startRebuild()
                    let report = handle(paths, cancellation: cancellation)
                    queue.finishRebuild(cancelled: report.cancelled)
                }
                // Nothing is waiting: the search index catches up with the pages.
                searchIndexer.indexIfWanted()
            }
        }
        defer {
            watcher.stop()
            gathering.cancel()
            rebuilding.cancel()
        }
        func stopWatching() async {
            watcher.stop()
            gathering.cancel()
            queue.cancelAll()
            wake.finish()
            rebuilding.cancel()
            await rebuilding.value   // a rebuild under way ends (at its next phase) before its folder goes
            removeFolder()
            cleanedUp = true
        }

        let router = Router()
        let provider = SiteFileProvider(root: siteRoot, state: state)
        router.add(middleware: NotFoundPageMiddleware(provider: provider))
        router.add(middleware: ConditionalRequestMiddleware())
        router.add(middleware: FileMiddleware(fileProvider: provider, searchForIndexHtml: true)
            .withAdditionalMediaTypes(forFileExtensions: Self.textTypes))
        let broadcaster = self.broadcaster
        router.get(RouterPath(ServeInjection.eventsPath)) { _, _ -> Response in
            let events = broadcaster.subscribe()
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                            body: ResponseBody { writer in
                                try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
                                for await generation in events {
                                    try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                                }
                                try await writer.finish(nil)
                            })
        }
        // The server's graceful shutdown waits for open requests, and an event stream never ends
        // by itself: on Ctrl-C (or SIGTERM) end the streams first, whatever order services stop in.
        let signalSources = [SIGINT, SIGTERM].map { signalNumber in
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { broadcaster.finishAll() }
            source.resume()
            return source
        }
        defer { signalSources.forEach { $0.cancel() } }
        var logger = Logger(label: "roster-serve")
        // Failures to listen are thrown; what the server logs on its own is noise for an editor.
        logger.logLevel = .critical
        let app = Application(router: router,
                              configuration: .init(address: .hostname(options.host, port: options.port), serverName: "roster"),
                              services: [CloseEventStreamsOnShutdown(broadcaster: broadcaster)],
                              onServerRunning: { channel in
                                  guard interruption.disarm() else { interruption.stop() }
                                  await onReady(channel.localAddress?.port ?? 0)
                              },
                              logger: logger)
        do {
            try await app.runService()
        } catch {
            await stopWatching()
            throw error
        }
        await stopWatching()
    }

    /// Removes the build folder once no deletion of an old site is still running inside it.
    private func removeFolder() {
        Builder.waitForOldSiteRemovals()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Text files are UTF-8, and say so (Hummingbird's defaults name no charset).
    static let textTypes: [MediaType.FileExtension: MediaType] = {
        var types: [MediaType.FileExtension: MediaType] = [:]
        for (fileExtension, subType) in [("html", "html"), ("css", "css"), ("csv", "csv"), ("txt", "plain")] {
            types[MediaType.FileExtension(rawValue: fileExtension)] = MediaType(type: .text, subType: subType,
                                                                                parameter: ("charset", "utf-8"))
        }
        for (fileExtension, subType) in [("xml", "xml"), ("json", "json"), ("svg", "svg+xml")] {
            types[MediaType.FileExtension(rawValue: fileExtension)] = MediaType(
                type: fileExtension == "svg" ? .image : .application, subType: subType, parameter: ("charset", "utf-8"))
        }
        return types
    }()
}

/// Open event streams would hold a graceful shutdown (Ctrl-C) open forever: end them first.
struct CloseEventStreamsOnShutdown: Service {
    let broadcaster: ReloadBroadcaster

    func run() async throws {
        try? await gracefulShutdown()
        broadcaster.finishAll()
    }
}
