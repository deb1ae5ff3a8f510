import Foundation
import RosterModel

/// Reads files below the site folder, refusing anything that leads outside it (a symlink to
/// `/etc/passwd` in `Content/` is an error, not a leak into `Output/`).
struct SiteFolder: Sendable {
    let root: URL
    let realRoot: String

    init(root: URL) {
        self.root = root.standardizedFileURL
        self.realRoot = self.root.resolvingSymlinksInPath().path
    }

    /// `Content/authors/x.md` for a file below the root.
    func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relativePath).path)
    }

    func isDirectory(_ relativePath: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(relativePath).path,
                                              isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Regular files directly in a folder (or, with `recursive`, below it), sorted, hidden files
    /// skipped. Links are followed only when they stay inside the site folder, and in a recursive
    /// walk (assets) inside the folder walked, so a link cannot publish the site's sources or copy
    /// `Output/` into itself; loops are cut.
    func files(in relativePath: String, recursive: Bool = false, problems: inout [Diagnostic]) -> [String] {
        var result: [String] = []
        var visited: Set<String> = []
        let boundary = recursive ? root.appendingPathComponent(relativePath).resolvingSymlinksInPath().path : realRoot
        walk(relativePath, recursive: recursive, boundary: boundary, boundaryName: recursive ? relativePath + "/" : "the site folder",
             into: &result, visited: &visited, problems: &problems)
        return result.sorted()
    }

    private func walk(_ relativePath: String, recursive: Bool, boundary: String, boundaryName: String, into result: inout [String],
                      visited: inout Set<String>, problems: inout [Diagnostic]) {
        let url = root.appendingPathComponent(relativePath)
        let real = url.resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = relativePath + "/" + name
            switch classify(child, within: boundary) {
            case .file: result.append(child)
            case .directory where recursive:
                walk(child, recursive: true, boundary: boundary, boundaryName: boundaryName, into: &result, visited: &visited,
                     problems: &problems)
            case .directory: break
            case .outside:
                problems.append(.error("'\(child)' is a link to a place outside \(boundaryName); Roster does not follow it",
                                       at: SourceLocation(path: child)))
            case .broken:
                problems.append(.warning("'\(child)' is a broken link; it is skipped", at: SourceLocation(path: child)))
            }
        }
    }

    enum Kind { case file, directory, outside, broken }

    /// What a path is. Only links are resolved (a walk never enters a folder outside the site, so
    /// a plain file or folder found by it is inside).
    func classify(_ relativePath: String, within boundary: String? = nil) -> Kind {
        let limit = boundary ?? realRoot
        let url = root.appendingPathComponent(relativePath)
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return .broken }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: break
        default: return .broken
        }
        let real = url.resolvingSymlinksInPath().path
        guard real == limit || real.hasPrefix(limit.hasSuffix("/") ? limit : limit + "/") else {
            return .outside
        }
        if real == limit { return .outside }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return .broken }
        return isDirectory.boolValue ? .directory : .file
    }

    /// A text file's contents, or the reason it cannot be read.
    func text(_ relativePath: String) -> Result<String, Diagnostic> {
        if classify(relativePath) == .outside {
            return .failure(.error("'\(relativePath)' is a link to a place outside the site folder; Roster does not follow it",
                                   at: SourceLocation(path: relativePath)))
        }
        guard let data = Self.read(root.appendingPathComponent(relativePath).path) else {
            return .failure(.error("this file cannot be read (check its permissions)", at: SourceLocation(path: relativePath)))
        }
        return TextFile.decode(data, path: relativePath)
    }

    /// A whole file with plain POSIX calls (FileManager's reader keeps a buffer for empty files,
    /// which LeakSanitizer reports, and costs more per file).
    static func read(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var data = Data(count: Int(info.st_size))
        var total = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while total < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let count = Glibc.read(descriptor, base + total, buffer.count - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if count == 0 { break }
                total += count
            }
            return true
        }
        guard ok else { return nil }
        if total < data.count { data.removeSubrange(total...) }
        return data
    }

    func absolutePath(_ relativePath: String) -> String {
        root.appendingPathComponent(relativePath).path
    }
}
