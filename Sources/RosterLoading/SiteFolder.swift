import Foundation
import RosterModel

/// Reads files below the site folder, refusing anything that leads outside it (a symlink to
/// `/etc/passwd` in `Content/` is an error, not a leak into `Output/`), and anything that is not
/// an ordinary file (a named pipe would block the build forever).
struct SiteFolder: Sendable {
    let root: URL
    /// The site folder with its links resolved: the boundary that every read must stay within.
    /// Resolved first because the folder itself may be reached through a link (`/tmp` is one on
    /// some systems), and everything below it is compared with resolved paths.
    let realRoot: String

    /// `root` as a path ending in `/`, so that a file's path is one concatenation.
    private let rootPrefix: String

    init(root: URL) {
        self.root = root.standardizedFileURL
        self.realRoot = PosixFile.realPath(self.root.path) ?? self.root.path
        self.rootPrefix = self.root.path.hasSuffix("/") ? self.root.path : self.root.path + "/"
    }

    /// `Content/authors/x.md` for a file below the root.
    func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    func absolutePath(_ relativePath: String) -> String {
        relativePath.isEmpty ? root.path : rootPrefix + relativePath
    }

    /// True when something is there, even something that cannot be read (so that a folder or a
    /// pipe named `site.yml` is reported as such, not as missing).
    func exists(_ relativePath: String) -> Bool {
        PosixFile.type(atPath: absolutePath(relativePath), followLinks: true) != nil
    }

    func isDirectory(_ relativePath: String) -> Bool {
        PosixFile.type(atPath: absolutePath(relativePath), followLinks: true) == .directory
    }

    /// An error when the path, once its links are resolved, is outside the site folder, or inside a
    /// folder a build wrote (it holds Roster's marker): `Content/assets -> ../Output` would copy each
    /// build into the next. It names the first part of the path that leads there.
    func leavesSite(_ relativePath: String) -> Diagnostic? {
        var prefix = ""
        for component in relativePath.split(separator: "/") {
            prefix += prefix.isEmpty ? String(component) : "/" + component
            guard let real = PosixFile.realPath(absolutePath(prefix)) else { return nil }
            if !PosixFile.isInside(real, realRoot) {
                return .error("\(prefix) is a link to \(real), outside the site folder; Roster reads only files inside the site",
                              at: SourceLocation(path: prefix))
            }
            if let built = builtFolder(containing: real) {
                return .error("\(prefix) is a link into \(built), a folder Roster builds; a build must not read its own output",
                              at: SourceLocation(path: prefix))
            }
        }
        return nil
    }

    /// The folder at or above `real` (up to the site folder) that holds the marker of a built site.
    private func builtFolder(containing real: String) -> String? {
        var folder = real
        while PosixFile.isInside(folder, realRoot) && folder != realRoot {
            if PosixFile.type(atPath: folder + "/" + Self.outputMarker, followLinks: false) != nil { return folder }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// The file `OutputWriter` leaves in every folder it builds (RosterPublishing's `markerName`).
    static let outputMarker = ".roster-output"

    /// A text file's contents, or the reason it cannot be read; problems that do not stop it from
    /// being read (control characters) go to `problems`. `walked` is true for a file a walk of a
    /// checked folder found as a plain file (not a link): it is opened without following links, so
    /// it cannot lead outside the site even if it is swapped for a link meanwhile, and its path
    /// need not be resolved.
    func text(_ relativePath: String, walked: Bool = false, problems: inout [Diagnostic]) -> Result<String, Diagnostic> {
        data(relativePath, walked: walked, problems: &problems).flatMap { TextFile.decode($0, path: relativePath, problems: &problems) }
    }

    /// The bytes of a file, with the same care as `text`.
    func data(_ relativePath: String, walked: Bool = false, problems: inout [Diagnostic]) -> Result<Data, Diagnostic> {
        let location = SourceLocation(path: relativePath)
        let path = absolutePath(relativePath)
        if walked {
            switch PosixFile.contents(atPath: path, followingLinks: false) {
            case .data(let data): return .success(data)
            case .notAFile, .unreadable: break   // it changed since the walk: read it the careful way
            }
        }
        if let real = PosixFile.realPath(path), !PosixFile.isInside(real, realRoot) {
            return .failure(.error("'\(relativePath)' is a link to a place outside the site folder; Roster does not follow it",
                                   at: location))
        }
        switch PosixFile.contents(atPath: path) {
        case .data(let data):
            return .success(data)
        case .notAFile(.directory):
            return .failure(.error("\(relativePath) is a folder, not a file", at: location))
        case .notAFile(let type):
            return .failure(.error("\(relativePath) is not a regular file (it is \(type.name)); Roster reads only ordinary files",
                                   at: location))
        case .unreadable:
            return .failure(.error("this file cannot be read (check its permissions)", at: location))
        }
    }
}
