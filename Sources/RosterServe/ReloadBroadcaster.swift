import Foundation

/// Tells every open page that the site changed. Each subscriber gets the build generations as they
/// happen; a slow subscriber only ever holds the newest one.
public final class ReloadBroadcaster: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<Int>.Continuation] = [:]
    private var closed = false

    public init() {}

    public var subscriberCount: Int { lock.withLock { subscribers.count } }

    public func subscribe() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.subscribers.removeValue(forKey: id) }
        }
        let accepted = lock.withLock { () -> Bool in
            if closed { return false }
            subscribers[id] = continuation
            return true
        }
        if !accepted { continuation.finish() }
        return stream
    }

    public func publish(_ generation: Int) {
        let current = lock.withLock { Array(subscribers.values) }
        for continuation in current { continuation.yield(generation) }
    }

    /// Ends every stream, now and for anyone who subscribes later (the server is stopping).
    public func finishAll() {
        let current = lock.withLock { () -> [AsyncStream<Int>.Continuation] in
            closed = true
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for continuation in current { continuation.finish() }
    }
}
