import Foundation
import RosterTestSupport
import XCTest

/// `roster serve` as a process: Ctrl-C stops it cleanly whenever it comes, and the temporary build
/// folder goes with it.
final class ServeCommandTests: XCTestCase {
    /// Starts `roster serve` with its own TMPDIR, sends SIGINT after `delay` (or once it listens,
    /// when nil), and returns its exit status and what is left in that TMPDIR.
    private func interruptServe(site: TestSite, after delay: TimeInterval?) throws -> (status: Int32, left: [String], output: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("roster-serve-tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = try RosterExecutable.url()
        process.arguments = ["serve", "--site", site.root.path, "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": scratch.path]) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var output = Data()
        if let delay {
            Thread.sleep(forTimeInterval: delay)
        } else {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, !String(decoding: output, as: UTF8.self).contains("Serving") {
                output += pipe.fileHandleForReading.availableData
            }
        }
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        output += pipe.fileHandleForReading.readDataToEndOfFile()
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        return (process.terminationStatus, left, String(decoding: output, as: UTF8.self))
    }

    func testCtrlCWhileServingStopsAndRemovesTheBuildFolder() throws {
        let site = try TestSite.minimal()
        let result = try interruptServe(site: site, after: nil)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertEqual(result.left, [], result.output)
    }

    func testCtrlCDuringTheFirstBuildStopsAtOnceAndRemovesTheBuildFolder() throws {
        let site = try TestSite.minimal()
        for index in 0..<3000 {
            try site.write("Content/articles/a\(index).md", "---\ntitle: Article \(index)\ndate: 2024-01-01\n---\n# Heading\n\nText [Ada](author:ada).\n")
        }
        let result = try interruptServe(site: site, after: 0.3)
        XCTAssertTrue([0, 130].contains(result.status), "exit status \(result.status): \(result.output)")
        XCTAssertEqual(result.left, [], result.output)
        if result.status == 130 {
            XCTAssertTrue(result.output.contains("Stopped before the first build finished"), result.output)
        }
    }
}
