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

    /// A port in use is found before the first build, and the message says what to do.
    func testServeOnAPortInUseSaysSoBeforeBuilding() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(listener, 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && listen(listener, 1) == 0
                && getsockname(listener, $0, &length) == 0 }
        }
        XCTAssertTrue(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let (status, output) = try serveFailing(["--port", String(port)])
        XCTAssertEqual(status, 1)
        XCTAssertTrue(output.contains("roster: error: port \(port) is in use on 127.0.0.1"), output)
        // The port offered instead is one that was free when the message was written.
        let offered = try XCTUnwrap(output.firstMatch(of: /try --port (\d+) \(free now\) or --port 0/)?.1).flatMap { Int($0) }
        XCTAssertGreaterThan(try XCTUnwrap(offered), port)
        XCTAssertFalse(output.contains("Built") || output.contains("Rebuilt"), "it built before finding the port taken: \(output)")
    }

    /// A port out of range and a host with no address are refused before building, in words.
    func testServeRefusesAPortOutOfRangeAndAnUnknownHostBeforeBuilding() throws {
        let (status, output) = try serveFailing(["--port", "99999"])
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(output.contains("--port 99999 is not a port; give one from 1 to 65535, or 0 for any free port"), output)
        let (hostStatus, hostOutput) = try serveFailing(["--host", "nosuchhost.invalid"])
        XCTAssertEqual(hostStatus, 1)
        XCTAssertTrue(hostOutput.contains("cannot listen on 'nosuchhost.invalid': no address of this computer has that name"), hostOutput)
        XCTAssertFalse(hostOutput.contains("Built"), hostOutput)
    }

    /// Runs `roster serve` with `arguments` on a minimal site, expecting it to stop by itself.
    private func serveFailing(_ arguments: [String]) throws -> (Int32, String) {
        let site = try TestSite.minimal()
        let process = Process()
        process.executableURL = try RosterExecutable.url()
        process.arguments = ["serve", "--site", site.root.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
