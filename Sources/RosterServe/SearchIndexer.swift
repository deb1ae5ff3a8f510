import Foundation
import RosterModel
import RosterPublishing

/// Indexes the served site for search after a full rebuild, when no change is waiting: Pagefind
/// takes seconds on a large site, and an editor saving again should not wait for it. One run at a
/// time; a rebuild that finishes meanwhile asks for another run after it.
final class SearchIndexer: @unchecked Sendable {
    private let site: URL
    private let log: @Sendable (String) -> Void
    private let lock = NSLock()
    private var isWanted = false
    private var running = false
    private var again = false

    init(site: URL, log: @escaping @Sendable (String) -> Void) {
        self.site = site
        self.log = log
    }

    /// Whether the last build's pages carry search (then their index is due).
    var wanted: Bool {
        get { lock.withLock { isWanted } }
        set { lock.withLock { isWanted = newValue } }
    }

    /// Starts indexing in the background when the last build wants it.
    func indexIfWanted() {
        guard let pagefind = Pagefind.located else { return }
        let start: Bool = lock.withLock {
            guard isWanted else { return false }
            isWanted = false
            if running {
                again = true
                return false
            }
            running = true
            return true
        }
        guard start else { return }
        Thread.detachNewThread { [self] in
            while true {
                let started = ContinuousClock.now
                do {
                    try pagefind.index(siteAt: site.path)
                    let elapsed = ContinuousClock.now - started
                    log("Indexed the site for search in \(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) ms")
                } catch let error as DiagnosticsError {
                    log("roster: search could not be indexed: \(error.diagnostics.map(\.message).joined(separator: "; "))")
                } catch {
                    log("roster: search could not be indexed: \(error)")
                }
                let more: Bool = lock.withLock {
                    if again {
                        again = false
                        return true
                    }
                    running = false
                    return false
                }
                if !more { return }
            }
        }
    }
}
