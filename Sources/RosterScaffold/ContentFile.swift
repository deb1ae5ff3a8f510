import Foundation

/// How the commands that edit content (`import`, `edition save`, `new --cohort`) write a file: to a
/// temporary file beside it, then renamed over it, so a crash leaves the file as it was or whole.
public enum ContentFile {
    /// Writes `bytes` to `path` (relative to `site`), creating its folder if needed.
    public static func replace(_ path: String, with bytes: Data, in site: URL) throws {
        let target = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).roster-\(getpid())")
        do {
            try bytes.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Scaffolder.Failure(message: "could not write '\(path)': \(error.localizedDescription)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Scaffolder.Failure(message: "could not replace '\(path)': \(reason)")
        }
    }
}
