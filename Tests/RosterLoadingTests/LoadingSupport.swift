import Foundation
import RosterModel
@testable import RosterLoading

/// A scratch site folder for loader tests.
final class ScratchSite {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("roster-load-\(UUID().uuidString)")

    init(siteYAML: String = "title: T\nbase_url: https://example.org/\nas_of: 2025-01-01\ncohorts:\n  - {slug: c, name: C, origin: acme, date: 2020, members: [ada]}\n") throws {
        try write("Content/site.yml", siteYAML)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Templates"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws { try writeData(path, Data(text.utf8)) }

    func writeData(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func load() -> LoadedSite { SiteLoader(siteFolder: root).load() }
}

extension LoadedSite {
    func errors(in path: String) -> [Diagnostic] { diagnostics.filter { $0.isError && $0.location?.path == path } }
}
