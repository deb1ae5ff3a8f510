import CRosterSystem
import Foundation
import RosterModel
import RosterSupport

/// Writes a whole site beside the output folder and swaps it in with one atomic
/// `renameat2(RENAME_EXCHANGE)`, so there is never a moment without a complete site and a failed
/// or killed build leaves the previous one whole. Roster only ever replaces a folder that holds
/// its marker file, or nothing but a `.gitkeep` (which it keeps): a folder of the user's files is
/// refused, never emptied.
public struct OutputWriter: Sendable {
    public static let markerName = ".roster-output"
    static let markerText = "This folder is written by Roster. Every build replaces all of it; do not keep files here.\n"

    public let output: URL
    /// The site folder: the output may be inside it (`Output/`) but may not be it or hold it.
    public let siteFolder: URL
    /// The editor's folders: the output may not be them, be inside them or hold them.
    public var userFolders: [URL] { SiteLayout.editorFolders.map { siteFolder.appendingPathComponent($0) } }

    public init(output: URL, siteFolder: URL) {
        self.output = output.standardizedFileURL
        self.siteFolder = siteFolder.standardizedFileURL
    }

    var stagingURL: URL { output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).roster-staging") }

    /// The reason the output folder may not be replaced, or nil when it may.
    public func refusal() -> Diagnostic? {
        let target = Self.realPath(output)
        func contains(_ outer: String, _ inner: String) -> Bool { outer == inner || inner.hasPrefix(outer == "/" ? "/" : outer + "/") }
        let site = Self.realPath(siteFolder)
        if contains(target, site) {
            return .error("refusing to write the site to '\(output.path)': that folder holds the site's own files (\(siteFolder.path)); choose another --output, such as Output/")
        }
        for folder in userFolders {
            let real = Self.realPath(folder)
            if contains(target, real) || contains(real, target) {
                return .error("refusing to write the site to '\(output.path)': it overlaps '\(folder.path)', which holds your own files; choose another --output, such as Output/")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return .error("refusing to write the site to '\(output.path)': it is a file, not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        if entries.contains(Self.markerName) || entries.allSatisfy({ $0 == ".gitkeep" }) { return nil }
        return .error("refusing to replace '\(output.path)': it holds files Roster did not write (it has no \(Self.markerName) marker); choose an empty or new folder with --output, or empty it yourself")
    }

    /// Starts a new site beside the output folder; see `StagingSite`.
    public func beginStaging() throws(DiagnosticsError) -> StagingSite {
        try StagingSite(writer: self)
    }

    /// Writes `files` into a staging folder and swaps it with the output folder (see `StagingSite`).
    public func publish(_ files: [OutputFile], oldSiteRemoval: OldSiteRemoval = .detachedProcess,
                        parallelism: Parallelism = .automatic, progress: BuildProgress? = nil) throws(DiagnosticsError) {
        let staging = try beginStaging()
        let failures = ConcurrentSlots<Error>(count: files.count)
        progress?.begin("write", total: files.count)
        parallelism.forEach(files.count) { index in
            defer { progress?.advance() }
            do { try staging.write(files[index]) } catch { failures[index] = error }
        }
        if let failure = (0..<files.count).lazy.compactMap({ failures[$0] }).first {
            staging.discard()
            throw DiagnosticsError([.error("could not write the site beside '\(output.path)': \(failure)")])
        }
        try staging.publish(oldSiteRemoval: oldSiteRemoval)
    }

    /// Replaces one file of the published site in place (the dev server's fast path), through a
    /// temporary file beside it and a rename, so a reader sees the old page or the new one.
    public func replace(_ file: OutputFile) throws {
        let target = output.appendingPathComponent(file.path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).roster-new")
        switch file.contents {
        case .text(let text): try Data(text.utf8).write(to: temporary)
        case .copy(let source): try Data(contentsOf: URL(fileURLWithPath: source)).write(to: temporary)
        }
        guard rename(temporary.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    /// Swaps a finished staging folder with the output folder; the previous site, now at the
    /// staging path, is then removed as `oldSiteRemoval` says.
    func swapIn(_ staging: URL, oldSiteRemoval: OldSiteRemoval) throws(DiagnosticsError) {
        do {
            try exchange(staging)
        } catch {
            throw DiagnosticsError([.error("could not swap the new site into '\(output.path)': \(error)")])
        }
        // The staging path now holds the previous site.
        if oldSiteRemoval != .synchronous {
            let trash = output.deletingLastPathComponent()
                .appendingPathComponent(".\(output.lastPathComponent).roster-old-\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1e6))")
            if rename(staging.path, trash.path) == 0 {
                BackgroundRemoval.start(trash.path, oldSiteRemoval)
                return
            }
        }
        try? removeIfOurs(staging)
    }

    /// Old sites a killed build or a background removal left behind.
    func removeLeftovers() {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).roster-old-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let path = parent.appendingPathComponent(name)
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path.path)) ?? []
            if entries.contains(Self.markerName) { BackgroundRemoval.start(path.path, .backgroundThread) }
        }
    }

    private func exchange(_ staging: URL) throws {
        if FileManager.default.fileExists(atPath: output.path) {
            if roster_exchange_paths(staging.path, output.path) != 0 {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } else {
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            if rename(staging.path, output.path) != 0 {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
    }

    /// Removes a folder only when Roster wrote it (it holds the marker) or it holds nothing but a `.gitkeep`.
    func removeIfOurs(_ url: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: url.path) else { return }
        let entries = (try? fileManager.contentsOfDirectory(atPath: url.path)) ?? []
        guard entries.contains(Self.markerName) || entries.allSatisfy({ $0 == ".gitkeep" }) else { return }
        try fileManager.removeItem(at: url)
    }

    static func realPath(_ url: URL) -> String {
        // Resolve the nearest existing ancestor so a folder that does not exist yet compares correctly.
        var existing = url.standardizedFileURL
        var suffix: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            suffix.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in suffix { path += (path.hasSuffix("/") ? "" : "/") + component }
        return path
    }
}
