import Foundation

/// Whether the dev server can listen where it was asked, found before the first build (which can
/// take seconds) rather than after it, with advice instead of the socket library's words.
public struct PortInUse: Error, CustomStringConvertible {
    public let host: String
    public let port: Int
    /// The next port found free, if any of the next few is.
    public let free: Int?
    public var description: String {
        "port \(port) is in use on \(host) (another `roster serve`, or another server); try "
            + (free.map { "--port \($0) (free now) or " } ?? "") + "--port 0 (any free port)"
    }
}

/// A `--host` that names no address this computer has.
public struct UnknownHost: Error, CustomStringConvertible {
    public let host: String
    public var description: String {
        "cannot listen on '\(host)': no address of this computer has that name; use --host 127.0.0.1 (this computer only) or --host 0.0.0.0 (every network)"
    }
}

enum PortCheck {
    /// Throws `UnknownHost` when `host` has no address, and `PortInUse` when some address of it has
    /// `port` taken.
    static func ensureFree(host: String, port: Int) throws {
        guard try !isTaken(host: host, port: port) else {
            let free = (port + 1...min(port + 20, 65_535)).first { (try? isTaken(host: host, port: $0)) == false }
            throw PortInUse(host: host, port: port, free: free)
        }
    }

    private static func isTaken(host: String, port: Int) throws -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host.isEmpty ? nil : host, String(port), &hints, &found) == 0, let first = found else {
            throw UnknownHost(host: host)
        }
        defer { freeaddrinfo(first) }
        guard port > 0 else { return false }
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let entry = address {
            let descriptor = socket(entry.pointee.ai_family, entry.pointee.ai_socktype, entry.pointee.ai_protocol)
            if descriptor >= 0 {
                var yes: Int32 = 1
                setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
                let bound = bind(descriptor, entry.pointee.ai_addr, entry.pointee.ai_addrlen)
                let reason = errno
                close(descriptor)
                if bound != 0 && reason == EADDRINUSE { return true }
            }
            address = entry.pointee.ai_next
        }
        return false
    }
}
