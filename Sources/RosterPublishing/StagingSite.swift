import Foundation
import RosterModel
import RosterSupport

/// A new site being written beside the output folder, a file at a time, from any number of
/// threads: pages go to disk as they are rendered, so a build never holds the whole site in memory.
/// Nothing is visible at the output folder until `publish` swaps the finished tree in with one
/// atomic exchange; `discard` (or a crash) leaves the previous site as it was.
///
/// A file whose size and hash match the previous build's manifest is hard-linked from the previous
/// tree instead of written, so it keeps its inode and modification time (rsync and web caches see
/// no change).
public final class StagingSite: @unchecked Sendable {
    let writer: OutputWriter
    let root: String
    private let previousRoot: String
    private let previous: [String: OutputManifest.Entry]
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var entries: [OutputManifest.Entry] = []

    /// Clears a staging folder an earlier build left, and starts a new one.
    init(writer: OutputWriter) throws(DiagnosticsError) {
        if let refusal = writer.refusal() { throw DiagnosticsError([refusal]) }
        self.writer = writer
        let staging = writer.stagingURL
        root = staging.path
        previousRoot = writer.output.path
        previous = OutputManifest.read(from: previousRoot + "/" + OutputManifest.fileName)
        writer.removeLeftovers()
        do {
            try writer.removeIfOurs(staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(OutputWriter.markerText.utf8).write(to: staging.appendingPathComponent(OutputWriter.markerName))
            if FileManager.default.fileExists(atPath: writer.output.appendingPathComponent(".gitkeep").path) {
                try Data().write(to: staging.appendingPathComponent(".gitkeep"))
            }
        } catch {
            try? writer.removeIfOurs(staging)
            throw DiagnosticsError([.error("could not write the site beside '\(writer.output.path)': \(error)")])
        }
    }

    /// Writes one file (creating its folders), or links it from the previous site if unchanged.
    public func write(_ file: OutputFile) throws {
        switch file.contents {
        case .text(var text):
            try text.withUTF8 { try write(file.path, $0) }
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: source])
            }
            try data.withUnsafeBytes { try write(file.path, $0.bindMemory(to: UInt8.self)) }
        }
    }

    private func write(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        let entry = OutputManifest.Entry(path: path, size: bytes.count, hash: FNV1a.hash(bytes))
        try makeFolders(for: path)
        let target = root + "/" + path
        if previous[path] != entry || link(previousRoot + "/" + path, target) != 0 {
            try Self.writeFile(target, bytes)
        }
        lock.withLock { entries.append(entry) }
    }

    /// Creates the folders above `path` that no earlier file created.
    private func makeFolders(for path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        if lock.withLock({ folders.contains(folder) }) { return }
        try makeFolders(for: folder)
        if mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        lock.withLock { _ = folders.insert(folder) }
    }

    static func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, base + written, bytes.count - written)
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            written += result
        }
    }

    /// The staging folder, for tools that add to the site before it is published (Pagefind).
    public var path: String { root }

    /// How many files were written or linked so far.
    public var fileCount: Int { lock.withLock { entries.count } }

    /// Writes the manifest and swaps the new site in; the previous one is then deleted in the
    /// background, so nobody waits for it.
    public func publish(oldSiteRemoval: OldSiteRemoval = .detachedProcess) throws(DiagnosticsError) {
        let manifest = lock.withLock { OutputManifest.text(entries) }
        do {
            try Data(manifest.utf8).write(to: URL(fileURLWithPath: root + "/" + OutputManifest.fileName))
        } catch {
            discard()
            throw DiagnosticsError([.error("could not write the site beside '\(writer.output.path)': \(error)")])
        }
        try writer.swapIn(URL(fileURLWithPath: root), oldSiteRemoval: oldSiteRemoval)
    }

    /// Deletes what was written; the output folder was never touched.
    public func discard() {
        try? writer.removeIfOurs(URL(fileURLWithPath: root))
    }
}
