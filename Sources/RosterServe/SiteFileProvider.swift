import Foundation
import Hummingbird
import RosterModel
import RosterSupport

/// Serves files of the built site to Hummingbird's file middleware, where its local file system
/// falls short for a dev server: it never leaves the site folder (a symlink out of it is not found),
/// hidden files are not served, it adds the live-reload script and the error overlay to pages, and its ETags change with the
/// bytes, not only with the modification second and size (the middleware builds its ETag from the
/// `modificationDate` and `size` this provider reports: the date's fraction is taken from a hash of
/// the content, so a same-size edit within a second is never served stale).
public struct SiteFileProvider: FileProvider {
    public struct FileAttributes: FileMiddlewareFileAttributes, Sendable {
        public let isFolder: Bool
        public let size: Int
        public let modificationDate: Date
    }

    public struct FileIdentifier: Sendable {
        /// The resolved path, inside the root.
        let path: String
    }

    let root: String
    let state: ServeState
    let cache = ServedFileCache()

    public init(root: URL, state: ServeState) {
        self.root = root.resolvingSymlinksInPath().standardizedFileURL.path
        self.state = state
    }

    public func getFileIdentifier(_ path: String) -> FileIdentifier? {
        guard !path.contains("\0") else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        // Hidden files (the build's own `.roster-output` marker and `.roster-manifest`) are not the site.
        guard !parts.contains(where: { $0.hasPrefix(".") }) else { return nil }
        let joined = URL(fileURLWithPath: root).appendingPathComponent(parts.joined(separator: "/"))
        let resolved = joined.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved == root || resolved.hasPrefix(root + "/") else { return nil }
        return FileIdentifier(path: resolved)
    }

    public func getAttributes(id: FileIdentifier) async throws -> FileAttributes? {
        var info = stat()
        guard stat(id.path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return FileAttributes(isFolder: true, size: 0, modificationDate: Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec)))
        }
        guard let served = served(id, info: info) else { return nil }
        let fraction = Double(served.hash % 1_000_000) / 1_000_000
        return FileAttributes(isFolder: false, size: served.bytes.count,
                              modificationDate: Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + fraction))
    }

    public func loadFile(id: FileIdentifier, context: some RequestContext) async throws -> ResponseBody {
        guard let served = served(id) else { throw HTTPError(.notFound) }
        return ResponseBody(byteBuffer: ByteBuffer(bytes: served.bytes))
    }

    public func loadFile(id: FileIdentifier, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        guard let served = served(id), range.lowerBound >= 0, range.upperBound < served.bytes.count else {
            throw HTTPError(.rangeNotSatisfiable)
        }
        return ResponseBody(byteBuffer: ByteBuffer(bytes: served.bytes[range]))
    }

    /// A file's served bytes and their hash, cached by path, inode, size, modification time and
    /// build generation (the overlay depends on it), so a page is read and hashed once per change.
    func served(_ id: FileIdentifier, info known: stat? = nil) -> ServedFileCache.Entry? {
        var info = known ?? stat()
        if known == nil, stat(id.path, &info) != 0 { return nil }
        let key = ServedFileCache.Key(path: id.path, inode: UInt64(info.st_ino), size: Int(info.st_size),
                                      seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
                                      generation: id.path.hasSuffix(".html") ? state.generation : 0)
        if let hit = cache.lookup(key) { return hit }
        guard let bytes = contents(id) else { return nil }
        let entry = ServedFileCache.Entry(bytes: bytes, hash: Self.hash(bytes))
        cache.store(entry, for: key)
        return entry
    }

    /// The bytes served for a file: pages get the reload script and, after a failed rebuild, the overlay.
    func contents(_ id: FileIdentifier) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: id.path) else { return nil }
        guard id.path.hasSuffix(".html"), let html = String(data: data, encoding: .utf8) else { return [UInt8](data) }
        return Array(ServeInjection.inject(into: html, problems: state.problems).utf8)
    }

    /// The site's own 404 page, with the injections.
    func notFoundPage() -> [UInt8]? {
        contents(FileIdentifier(path: root + "/404.html"))
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 { FNV1a.hash(bytes) }
}

/// Answers every miss with the site's own `404.html` (status 404).
struct NotFoundPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let provider: SiteFileProvider

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            return response.status == .notFound ? notFound() : response
        } catch let error as any HTTPResponseError where error.status == .notFound {
            return notFound()
        }
    }

    private func notFound() -> Response {
        guard let page = provider.notFoundPage() else { return Response(status: .notFound) }
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
    }
}

/// The dev server's recently served files; bounded, cleared when it grows past its budget.
final class ServedFileCache: @unchecked Sendable {
    struct Key: Hashable {
        var path: String
        var inode: UInt64
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var generation: Int
    }

    struct Entry {
        var bytes: [UInt8]
        var hash: UInt64
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var bytes = 0
    let budget = 128 << 20

    func lookup(_ key: Key) -> Entry? { lock.withLock { entries[key] } }

    func store(_ entry: Entry, for key: Key) {
        lock.withLock {
            if bytes + entry.bytes.count > budget {
                entries.removeAll(keepingCapacity: true)
                bytes = 0
            }
            if entries.updateValue(entry, forKey: key) == nil { bytes += entry.bytes.count }
        }
    }
}
