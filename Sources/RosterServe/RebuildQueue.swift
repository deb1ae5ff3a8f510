import Foundation
import RosterBuild

/// The changes waiting for the dev server, and the rebuild under way. A change that arrives while
/// a full rebuild runs cancels it (between two phases), so an edited article is shown by the fast
/// path at once instead of after a rebuild that is out of date anyway; every change waiting is
/// then taken together. So that saving every second cannot starve the indexes, a rebuild is
/// cancelled at most `maximumCancellations` times in a row; the next one runs to the end.
final class RebuildQueue: @unchecked Sendable {
    static let maximumCancellations = 2

    private let lock = NSLock()
    private var pending: Set<String> = []
    private var running: BuildCancellation?
    private var cancelledInARow = 0

    /// Records changed paths; stops the rebuild under way if it may still be stopped.
    func add(_ paths: Set<String>) {
        lock.withLock {
            pending.formUnion(paths)
            if let running, !running.isCancelled, cancelledInARow < Self.maximumCancellations {
                running.cancel()
                cancelledInARow += 1
            }
        }
    }

    /// Every change waiting, or nil when there is none.
    func take() -> Set<String>? {
        lock.withLock {
            defer { pending.removeAll() }
            return pending.isEmpty ? nil : pending
        }
    }

    /// A cancellation for the rebuild about to start.
    func startRebuild() -> BuildCancellation {
        let cancellation = BuildCancellation()
        lock.withLock { running = cancellation }
        return cancellation
    }

    func finishRebuild(cancelled: Bool) {
        lock.withLock {
            running = nil
            if !cancelled { cancelledInARow = 0 }
        }
    }

    /// Stops the rebuild under way, whatever the count (the server is stopping).
    func cancelAll() {
        lock.withLock {
            pending.removeAll()
            running?.cancel()
        }
    }
}
