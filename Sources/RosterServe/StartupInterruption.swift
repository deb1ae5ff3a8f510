import Foundation

/// Ctrl-C (or SIGTERM) while `roster serve` builds the site for the first time, before the
/// server's own shutdown handling exists: says so, removes the build folder and exits at once,
/// rather than dying with the folder left in /tmp or finishing a long build first.
final class StartupInterruption: @unchecked Sendable {
    private let lock = NSLock()
    private var armed = true
    private var sources: [any DispatchSourceSignal] = []

    init(folder: URL, log: @escaping @Sendable (String) -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)   // delivered to the source below instead
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self, self.lock.withLock({ self.armed }) else { return }
                log("Stopped before the first build finished")
                // The build may still be writing into the folder: try again until it is gone.
                for _ in 0..<5 where FileManager.default.fileExists(atPath: folder.path) {
                    try? FileManager.default.removeItem(at: folder)
                }
                _exit(130)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The server runs: its graceful shutdown takes over from here.
    func disarm() {
        let wasArmed = lock.withLock {
            defer { armed = false }
            return armed
        }
        if wasArmed { sources.forEach { $0.cancel() } }
    }
}
