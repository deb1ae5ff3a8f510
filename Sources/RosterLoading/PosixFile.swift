import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX calls for the loader: what a path is, where its links really lead, and a whole
/// file's bytes. FileManager's reader keeps a buffer for empty files (which LeakSanitizer
/// reports) and costs more per file; and only stat tells a named pipe from a file.
enum PosixFile {
    /// What `st_mode` says a path is.
    enum FileType: Equatable, Sendable {
        case regular, directory, link, namedPipe, socket, characterDevice, blockDevice, unknown

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFDIR: self = .directory
            case S_IFLNK: self = .link
            case S_IFIFO: self = .namedPipe
            case S_IFSOCK: self = .socket
            case S_IFCHR: self = .characterDevice
            case S_IFBLK: self = .blockDevice
            default: self = .unknown
            }
        }

        /// In words a site's author knows ("it is a named pipe").
        var name: String {
            switch self {
            case .regular: return "an ordinary file"
            case .directory: return "a folder"
            case .link: return "a link"
            case .namedPipe: return "a named pipe"
            case .socket: return "a socket"
            case .characterDevice, .blockDevice: return "a device"
            case .unknown: return "not an ordinary file"
            }
        }
    }

    enum Contents {
        case data(Data)
        /// Something other than a regular file, which is never opened (or, if it was swapped in
        /// after the check, never read).
        case notAFile(FileType)
        case unreadable
    }

    /// Nil when nothing is there (or, following links, when a link is broken).
    static func type(atPath path: String, followLinks: Bool) -> FileType? {
        var info = stat()
        let status = followLinks ? stat(path, &info) : lstat(path, &info)
        return status == 0 ? FileType(mode: info.st_mode) : nil
    }

    /// A folder's entries (hidden ones included), with what the folder says each is: `.regular`,
    /// `.directory` or `.link` when it knows, nil when it does not (then ask `type(atPath:)`).
    /// One call lists a folder without a stat per file. Nil when the folder cannot be read.
    static func entries(ofFolder path: String) -> [(name: String, type: FileType?)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var entries: [(name: String, type: FileType?)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let type: FileType?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): type = .regular
            case Int32(DT_DIR): type = .directory
            case Int32(DT_LNK): type = .link
            case Int32(DT_UNKNOWN): type = nil
            default: type = nil   // pipes, sockets, devices: stat says which
            }
            entries.append((name, type))
        }
        return entries
    }

    /// The path with every link resolved, or nil when it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when `path` is `folder` or below it; both must be real paths.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// A whole file. Opening a named pipe for reading blocks until something writes to it (a
    /// build would hang forever) and opening a device can have effects, so the path is checked
    /// with stat first and opened only when it is a regular file; O_NONBLOCK and the fstat after
    /// opening cover a file swapped for a pipe in between.
    /// With `followingLinks: false` a link is not opened at all (O_NOFOLLOW).
    static func contents(atPath path: String, followingLinks: Bool = true) -> Contents {
        guard let type = type(atPath: path, followLinks: followingLinks) else { return .unreadable }
        guard type == .regular else { return .notAFile(type) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable }
        let opened = FileType(mode: info.st_mode)
        guard opened == .regular else { return .notAFile(opened) }
        var data = Data(count: Int(info.st_size))
        var total = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while total < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let count = read(descriptor, base + total, buffer.count - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if count == 0 { break }
                total += count
            }
            return true
        }
        guard ok else { return .unreadable }
        if total < data.count { data.removeSubrange(total...) }
        return .data(data)
    }
}
