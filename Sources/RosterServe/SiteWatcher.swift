import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders recursively with inotify and reports bursts of changes: a burst of saves (an
/// editor writing a temp file, renaming, touching) gives one event once the folder has been quiet
/// for `quietPeriod`.
public final class SiteWatcher: @unchecked Sendable {
    private let folders: [String]
    private let quietPeriod: Duration
    private var descriptor: Int32 = -1
    private var watches: [Int32: String] = [:]
    private let lock = NSLock()
    private var stopped = false
    private var eventCount = 0
    private var lastEvent = ContinuousClock.now
    /// Paths named by events since the last report.
    private var changed: Set<String> = []

    public init(folders: [URL], quietPeriod: Duration = .milliseconds(50)) {
        self.folders = folders.map(\.path)
        self.quietPeriod = quietPeriod
    }

    deinit { lock.withLock { stopped = true } }

    /// Stops watching; the reading thread notices within 200 ms, closes the descriptor and ends the stream.
    public func stop() {
        lock.withLock { stopped = true }
    }

    /// One element per burst of changes, with the paths it touched. Ends when the watcher stops.
    public func changes() throws -> AsyncStream<Set<String>> {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        descriptor = fd
        for folder in folders { addRecursively(folder) }
        let (raw, rawContinuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let thread = Thread { [weak self] in
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            // Closing a descriptor does not wake a blocked read on Linux: wait with a timeout and
            // look at `stop()` in between, so the thread (and whatever it keeps alive) ends.
            var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            while let self, !self.isStopped {
                waiting.revents = 0
                let ready = poll(&waiting, 1, 200)
                if ready == 0 || (ready < 0 && errno == EINTR) { continue }
                if ready < 0 || self.isStopped { break }
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                self.handleEvents(buffer, count: count)
                self.lock.withLock {
                    self.eventCount += 1
                    self.lastEvent = ContinuousClock.now
                }
                rawContinuation.yield()
            }
            close(fd)
            rawContinuation.finish()
        }
        thread.name = "roster-watcher"
        thread.start()
        // Debounce: report once nothing has happened for the quiet period.
        let quiet = quietPeriod
        return AsyncStream { continuation in
            let task = Task { [weak self] in
                var reported = 0
                for await _ in raw {
                    while let self {
                        let last = self.lock.withLock { self.lastEvent }
                        let calm = ContinuousClock.now - last
                        if calm >= quiet { break }
                        try? await Task.sleep(for: quiet - calm)
                    }
                    guard let self else { break }
                    let (count, paths) = self.lock.withLock { () -> (Int, Set<String>) in
                        defer { self.changed.removeAll() }
                        return (self.eventCount, self.changed)
                    }
                    if count != reported {
                        reported = count
                        continuation.yield(paths)
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func addRecursively(_ folder: String) {
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE
            | IN_DELETE_SELF | IN_ATTRIB)
        let wd = inotify_add_watch(descriptor, folder, mask)
        if wd >= 0 { lock.withLock { watches[wd] = folder } }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
               FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                addRecursively(path)
            }
        }
    }

    /// New folders are watched as they appear.
    private func handleEvents(_ buffer: [UInt8], count: Int) {
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            if length > 0 {
                let nameBytes = buffer[(offset + headerSize)..<(offset + headerSize + length)].prefix { $0 != 0 }
                if let name = String(bytes: nameBytes, encoding: .utf8), let parent = lock.withLock({ watches[wd] }) {
                    let path = parent + "/" + name
                    lock.withLock { _ = changed.insert(path) }
                    if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        addRecursively(path)
                    }
                }
            }
            offset += headerSize + length
        }
    }
}

