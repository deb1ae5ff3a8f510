import Foundation
@testable import RosterBuild
import RosterModel
import RosterTestSupport
import XCTest

/// The runner that walks the named steps: order, timings, stopping and cancellation.
final class BuildRunnerTests: XCTestCase {
    func testABuildTimesEveryPhaseInPipelineOrder() throws {
        let site = try TestSite.minimal()
        let report = Builder(options: BuildOptions(siteFolder: site.root, parallelism: .sequential)).build()
        XCTAssertFalse(report.diagnostics.hasErrors, "\(report.diagnostics)")
        XCTAssertEqual(report.phases.map(\.name), ["load", "validate", "markdown", "analyse", "render", "exports", "write"])
        XCTAssertTrue(report.phases.allSatisfy { $0.seconds >= 0 })
    }

    func testCheckRunsTheLinkCheckInsteadOfWriting() throws {
        let site = try TestSite.minimal()
        let report = Builder(options: BuildOptions(siteFolder: site.root, parallelism: .sequential)).check()
        XCTAssertEqual(report.phases.last?.name, "check links")
        XCTAssertFalse(report.phases.map(\.name).contains("write"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
        XCTAssertGreaterThan(report.pageCount, 0)
    }

    func testAStepThatStopsEndsTheRunThere() throws {
        let site = try TestSite.minimal()
        let stop = BuildStep(.validate) { run in run.stop() }
        let never = BuildStep(.render) { _ in XCTFail("a step after a stop must not run") }
        let run = Builder(options: BuildOptions(siteFolder: site.root)).run([.load, stop, never])
        XCTAssertTrue(run.stopped)
        XCTAssertEqual(run.phases.map(\.name), ["load", "validate"])
    }

    func testCancellationIsLookedAtBetweenStepsAndLeavesNoOutput() throws {
        let site = try TestSite.minimal()
        var options = BuildOptions(siteFolder: site.root)
        let cancellation = BuildCancellation()
        options.cancellation = cancellation
        let cancel = BuildStep(.analyse) { _ in cancellation.cancel() }
        let run = Builder(options: options).run([.load, .validate, .markdown, cancel, .renderAndStage, .exports, .write])
        XCTAssertTrue(run.cancelled)
        XCTAssertTrue(run.report.cancelled)
        XCTAssertEqual(run.phases.last?.name, "analyse")
        XCTAssertNil(run.written)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    func testTheLastStepIsNeverCancelledHalfway() throws {
        let site = try TestSite.minimal()
        var options = BuildOptions(siteFolder: site.root)
        let cancellation = BuildCancellation()
        options.cancellation = cancellation
        let cancelAtTheEnd = BuildStep(.write) { run in
            BuildStep.write.run(&run)
            cancellation.cancel()
        }
        let run = Builder(options: options).run([.load, .validate, .markdown, .analyse, .renderAndStage, .exports, cancelAtTheEnd])
        XCTAssertFalse(run.cancelled)
        XCTAssertNotNil(run.written)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    /// Bodies are still rendered, so broken links are reported together with every other problem.
    func testAnErrorInContentStopsAfterTheBodiesAreChecked() throws {
        let site = try TestSite.minimal()
        try site.write("Content/authors/bob.md", "---\nname: Bob\ncareer:\n  - company: nowhere\n    start: 2018\n---\n")
        let run = Builder(options: BuildOptions(siteFolder: site.root)).run([.load, .validate, .markdown, .analyse])
        XCTAssertTrue(run.stopped)
        XCTAssertEqual(run.phases.last?.name, "markdown")
        XCTAssertNil(run.facts)
        XCTAssertTrue(run.diagnostics.hasErrors)
    }
}
