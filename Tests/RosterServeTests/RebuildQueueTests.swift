import RosterBuild
import XCTest
@testable import RosterServe

final class RebuildQueueTests: XCTestCase {
    func testAChangeDuringARebuildCancelsItAndIsTakenWithTheOthersWaiting() {
        let queue = RebuildQueue()
        queue.add(["a.md"])
        XCTAssertEqual(queue.take(), ["a.md"])
        XCTAssertNil(queue.take())
        let running = queue.startRebuild()
        queue.add(["b.md"])
        queue.add(["c.md"])
        XCTAssertTrue(running.isCancelled)
        queue.finishRebuild(cancelled: true)
        XCTAssertEqual(queue.take(), ["b.md", "c.md"])
    }

    func testSavingAgainAndAgainCannotStarveTheFullRebuild() {
        let queue = RebuildQueue()
        for _ in 0..<RebuildQueue.maximumCancellations {
            let running = queue.startRebuild()
            queue.add(["a.md"])
            XCTAssertTrue(running.isCancelled)
            queue.finishRebuild(cancelled: true)
            _ = queue.take()
        }
        let third = queue.startRebuild()
        queue.add(["a.md"])
        XCTAssertFalse(third.isCancelled, "after two cancellations in a row a rebuild runs to the end")
        queue.finishRebuild(cancelled: false)
        _ = queue.take()
        let fourth = queue.startRebuild()
        queue.add(["a.md"])
        XCTAssertTrue(fourth.isCancelled, "a finished rebuild starts the count again")
    }
}
