import Foundation

/// Whether the dev server can listen where it was asked, found before the first build (which can
/// take seconds) rather than after it, with advice instead of the socket library's words.
public struct PortInUse: Error, CustomStringConvertible {
    public let host: String
    public let port: Int
    public var description: String {
        "port \(port) is in use on \(host) (another `roster serve`, or another server); try --port \(port + 1) or --port 0 (any free port)"
    }
}

enum PortCheck {
    /// Throws `PortInUse` when some address of `host` has `port` taken.
    static func ensureFree(host: String, port: Int) throws {
        guard port > 0 else { return }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host.isEmpty ? nil : host, String(port), &hints, &found) == 0, let first = found else { return }
        defer { freeaddrinfo(first) }
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let entry = address {
            let descriptor = socket(entry.pointee.ai_family, entry.pointee.ai_socktype, entry.pointee.ai_protocol)
            if descriptor >= 0 {
                var yes: Int32 = 1
                setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
                let bound = bind(descriptor, entry.pointee.ai_addr, entry.pointee.ai_addrlen)
                let reason = errno
                close(descriptor)
                if bound != 0 && reason == EADDRINUSE { throw PortInUse(host: host, port: port) }
            }
            address = entry.pointee.ai_next
        }
    }
}
