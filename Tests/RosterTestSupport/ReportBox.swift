import Foundation
import RosterBuild

/// A build report handed from a worker thread to the test.
public final class ReportBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var report: BuildReport?

    public init() {}

    public func set(_ report: BuildReport) {
        condition.lock()
        self.report = report
        condition.broadcast()
        condition.unlock()
    }

    public func wait(seconds: TimeInterval) -> BuildReport? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while report == nil {
            if !condition.wait(until: deadline) { break }
        }
        return report
    }
}
