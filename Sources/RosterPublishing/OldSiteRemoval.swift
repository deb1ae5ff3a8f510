import Foundation

/// How the previous site is deleted once the new one is in place.
public enum OldSiteRemoval: Sendable, Hashable {
    /// A detached `rm -rf`, so a command can exit while the old site goes.
    case detachedProcess
    /// A background thread, for a long-running process (the dev server): no child processes.
    case backgroundThread
    /// Before `publish` returns.
    case synchronous
}

/// Deletes a folder Roster wrote without making anyone wait.
public enum BackgroundRemoval {
    private static let pending = DispatchGroup()

    /// Waits until every deletion started on a background thread has ended (a process that
    /// removes the folder holding them, such as the dev server at exit, must not race them).
    public static func waitForPending() {
        pending.wait()
    }

    static func start(_ path: String, _ how: OldSiteRemoval) {
        switch how {
        case .synchronous:
            try? FileManager.default.removeItem(atPath: path)
            return
        case .backgroundThread:
            pending.enter()
            DispatchQueue.global(qos: .background).async {
                try? FileManager.default.removeItem(atPath: path)
                pending.leave()
            }
            return
        case .detachedProcess:
            break
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", "--", path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
