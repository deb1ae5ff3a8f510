import Foundation
import RosterModel
import XCTest
@testable import RosterLoading

/// A scratch site folder for loader tests.
final class ScratchSite {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("roster-load-\(UUID().uuidString)")
    /// Named pipes made by `makeFIFO`, opened for writing if a load blocks on them.
    private(set) var fifos: [String] = []
    /// Other folders made for the test (the places links lead to), removed with the site.
    private var extraFolders: [URL] = []

    init(siteYAML: String = "title: T\nbase_url: https://example.org/\nas_of: 2025-01-01\ncohorts:\n  - {slug: c, name: C, origin: acme, date: 2020, members: [ada]}\n") throws {
        try write("Content/site.yml", siteYAML)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Templates"), withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
        for folder in extraFolders { try? FileManager.default.removeItem(at: folder) }
    }

    func write(_ path: String, _ text: String) throws { try writeData(path, Data(text.utf8)) }

    func writeData(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(path), withIntermediateDirectories: true)
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }

    /// A named pipe at `path` (replacing a file there): reading it blocks until something writes.
    func makeFIFO(_ path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        guard mkfifo(url.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        fifos.append(url.path)
    }

    /// A link at `path` (a path in the site) to `destination` (written into the link as is).
    func link(_ path: String, to destination: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    /// A new empty folder outside the site, removed with it; its real path (links resolved).
    func outsideFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roster-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        extraFolders.append(url)
        return URL(fileURLWithPath: PosixFile.realPath(url.path) ?? url.path)
    }

    func load() -> LoadedSite { SiteLoader(siteFolder: root).load() }

    /// Loads on another thread, so that a read that blocks fails the test instead of hanging the
    /// suite; the pipes are then opened for writing until the stuck load gets past them.
    func loadWithin(seconds: Double = 30, file: StaticString = #filePath, line: UInt = #line) -> LoadedSite? {
        let root = self.root
        let box = LoadBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.set(SiteLoader(siteFolder: root).load())
            done.signal()
        }
        if done.wait(timeout: .now() + seconds) == .success { return box.get() }
        XCTFail("loading did not finish within \(seconds) s: a read blocks", file: file, line: line)
        for _ in 0..<200 {
            for path in fifos {
                let descriptor = open(path, O_WRONLY | O_NONBLOCK)
                if descriptor >= 0 { close(descriptor) }
            }
            if done.wait(timeout: .now() + 0.05) == .success { break }
        }
        return nil
    }
}

private final class LoadBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: LoadedSite?
    func set(_ loaded: LoadedSite) { lock.withLock { value = loaded } }
    func get() -> LoadedSite? { lock.withLock { value } }
}

extension LoadedSite {
    func errors(in path: String) -> [Diagnostic] { diagnostics.filter { $0.isError && $0.location?.path == path } }
    func warnings(in path: String) -> [Diagnostic] { diagnostics.filter { !$0.isError && $0.location?.path == path } }
    func all(in path: String) -> [Diagnostic] { diagnostics.filter { $0.location?.path == path } }
}
