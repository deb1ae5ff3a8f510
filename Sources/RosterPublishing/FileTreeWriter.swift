import Foundation
import RosterModel

/// Writes a tree of files on every core. A file whose size and hash match the previous build's
/// manifest is hard-linked from the previous tree instead of written again.
struct FileTreeWriter {
    let root: String
    let previousRoot: String
    var parallelism: Parallelism = .automatic
    var progress: BuildProgress?

    /// Writes the files and returns the new manifest.
    func write(_ files: [OutputFile]) throws -> String {
        let previous = OutputManifest.read(from: previousRoot + "/" + OutputManifest.fileName)
        func parent(_ path: Substring) -> Substring? {
            path.lastIndex(of: "/").map { path[..<$0] }
        }
        var folders: Set<String> = []
        for file in files {
            var folder = parent(file.path[...])
            while let current = folder, !current.isEmpty, folders.insert(String(current)).inserted {
                folder = parent(current)
            }
        }
        for folder in folders.sorted() {
            if mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        let entries = ConcurrentSlots<Result<OutputManifest.Entry, Error>>(count: files.count)
        progress?.begin("write", total: files.count)
        parallelism.forEach(files.count) { index in
            defer { progress?.advance() }
            let file = files[index]
            do {
                let bytes: [UInt8]
                switch file.contents {
                case .text(let text): bytes = Array(text.utf8)
                case .copy(let source):
                    guard let data = FileManager.default.contents(atPath: source) else {
                        throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: source])
                    }
                    bytes = [UInt8](data)
                }
                let entry = OutputManifest.Entry(path: file.path, size: bytes.count, hash: OutputManifest.hash(bytes))
                let target = root + "/" + file.path
                if previous[file.path] == entry, link(previousRoot + "/" + file.path, target) == 0 {
                    entries[index] = .success(entry)
                    return
                }
                try Self.writeFile(target, bytes)
                entries[index] = .success(entry)
            } catch {
                entries[index] = .failure(error)
            }
        }
        var manifest: [OutputManifest.Entry] = []
        for index in files.indices {
            switch entries[index] {
            case .success(let entry)?: manifest.append(entry)
            case .failure(let error)?: throw error
            case nil: throw POSIXError(.EIO)
            }
        }
        return OutputManifest.text(manifest)
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            guard result > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            written += result
        }
    }
}

/// `.roster-manifest`: every file of the built site with its size and hash, so the next build can
/// tell which files it does not need to write again.
enum OutputManifest {
    static let fileName = ".roster-manifest"

    struct Entry: Hashable {
        var path: String
        var size: Int
        var hash: UInt64
    }

    static func read(from path: String) -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return [:]
        }
        var entries: [String: Entry] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let size = Int(fields[1]), let hash = UInt64(fields[2], radix: 16) else { continue }
            entries[String(fields[0])] = Entry(path: String(fields[0]), size: size, hash: hash)
        }
        return entries
    }

    static func text(_ entries: [Entry]) -> String {
        entries.sorted { $0.path < $1.path }.map { "\($0.path)\t\($0.size)\t\(String($0.hash, radix: 16))\n" }.joined()
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 { FNV1a.hash(bytes) }
}

/// How the previous site is deleted once the new one is in place.
public enum OldSiteRemoval: Sendable, Hashable {
    /// A detached `rm -rf`, so a command can exit while the old site goes.
    case detachedProcess
    /// A background thread, for a long-running process (the dev server): no child processes.
    case backgroundThread
    /// Before `publish` returns.
    case synchronous
}

/// Deletes a folder Roster wrote without making anyone wait.
public enum BackgroundRemoval {
    private static let pending = DispatchGroup()

    /// Waits until every deletion started on a background thread has ended (a process that
    /// removes the folder holding them, such as the dev server at exit, must not race them).
    public static func waitForPending() {
        pending.wait()
    }

    static func start(_ path: String, _ how: OldSiteRemoval) {
        switch how {
        case .synchronous:
            try? FileManager.default.removeItem(atPath: path)
            return
        case .backgroundThread:
            pending.enter()
            DispatchQueue.global(qos: .background).async {
                try? FileManager.default.removeItem(atPath: path)
                pending.leave()
            }
            return
        case .detachedProcess:
            break
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", "--", path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
