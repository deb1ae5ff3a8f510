import Foundation
import XCTest
@testable import RosterServe

/// Ctrl-C before the server listens stops the first build and the server; after, it is the
/// server's graceful shutdown that handles it.
final class StartupInterruptionTests: XCTestCase {
    private let folder = URL(fileURLWithPath: "/nonexistent-roster-test")

    func testCtrlCDuringTheFirstBuildCancelsItAndKeepsTheServerFromAnnouncingItself() {
        let interruption = StartupInterruption(folder: folder, log: { _ in }, patience: nil, listen: false)
        interruption.interrupt()
        XCTAssertTrue(interruption.cancellation.isCancelled, "the first build is told to stop")
        XCTAssertTrue(interruption.interrupted)
        XCTAssertFalse(interruption.disarm(), "the server must stop rather than say it serves")
    }

    func testCtrlCOnceTheServerListensIsLeftToItsShutdown() {
        let interruption = StartupInterruption(folder: folder, log: { _ in }, patience: nil, listen: false)
        XCTAssertTrue(interruption.disarm())
        interruption.interrupt()
        XCTAssertFalse(interruption.cancellation.isCancelled)
        XCTAssertFalse(interruption.interrupted)
        XCTAssertTrue(interruption.disarm(), "disarming twice is harmless")
    }
}
