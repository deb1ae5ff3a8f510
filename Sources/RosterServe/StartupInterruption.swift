import Foundation
import RosterBuild

/// Ctrl-C (or SIGTERM) while `roster serve` builds the site for the first time, before the
/// server's own shutdown handling exists: the build is cancelled (it stops at its next phase), and
/// the server stops before it listens, removing its folder once nothing writes into it any more.
final class StartupInterruption: @unchecked Sendable {
    private enum State { case starting, interrupted, serving }

    /// Given to the first build.
    let cancellation = BuildCancellation()
    private let lock = NSLock()
    private var state = State.starting
    private var sources: [any DispatchSourceSignal] = []
    private let folder: URL
    private let log: @Sendable (String) -> Void
    /// How long a cancelled first build is waited for before the process exits anyway (nil: not
    /// at all, for tests).
    private let patience: TimeInterval?

    init(folder: URL, log: @escaping @Sendable (String) -> Void, patience: TimeInterval? = 5, listen: Bool = true) {
        self.folder = folder
        self.log = log
        self.patience = patience
        guard listen else { return }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)   // delivered to the source below instead
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.interrupt() }
            source.resume()
            sources.append(source)
        }
    }

    var interrupted: Bool { lock.withLock { state == .interrupted } }

    /// What SIGINT or SIGTERM does.
    func interrupt() {
        guard lock.withLock({ () -> Bool in
            guard state == .starting else { return false }
            state = .interrupted
            return true
        }) else { return }
        cancellation.cancel()
        // A build that does not reach its next phase soon is not waited for.
        if let patience { DispatchQueue.global().asyncAfter(deadline: .now() + patience) { [self] in stop(waitingForRemovals: false) } }
    }

    /// The server listens: its graceful shutdown takes over. False when Ctrl-C came first; the
    /// caller then stops (`stop()`) instead of announcing the server.
    func disarm() -> Bool {
        lock.withLock {
            guard state == .starting else { return state == .serving }
            state = .serving
            sources.forEach { $0.cancel() }
            return true
        }
    }

    /// Says so, removes the folder and exits (status 0: the editor asked it to stop).
    func stop(waitingForRemovals: Bool = true) -> Never {
        log("Stopped before the server started")
        if waitingForRemovals { Builder.waitForOldSiteRemovals() }
        try? FileManager.default.removeItem(at: folder)
        _exit(0)
    }
}
