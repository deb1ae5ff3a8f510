import Foundation

/// How many cores a stage may use. Every parallel stage fills fixed slots and reads them back in
/// order, so the output is the same whatever this is (a test builds both ways and compares).
public struct Parallelism: Sendable, Hashable {
    public var workers: Int

    public init(workers: Int) {
        self.workers = max(1, workers)
    }

    public static let automatic = Parallelism(workers: ProcessInfo.processInfo.activeProcessorCount)
    public static let sequential = Parallelism(workers: 1)

    /// Runs `body` for every index in 0..<count, on all allowed cores.
    public func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if workers <= 1 || count < 2 {
            for index in 0..<count { body(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }
}
