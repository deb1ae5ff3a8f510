import Foundation

/// What a long build is doing, for a progress line: the phase, and how many of its items are done.
/// Workers count concurrently; a reader polls it.
public final class BuildProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var phase = ""
    private var done = 0
    private var total = 0

    public init() {}

    public func begin(_ phase: String, total: Int) {
        lock.withLock {
            self.phase = phase
            self.done = 0
            self.total = total
        }
    }

    public func advance(by count: Int = 1) {
        lock.withLock { done += count }
    }

    public var snapshot: (phase: String, done: Int, total: Int) {
        lock.withLock { (phase, done, total) }
    }
}
