import Foundation
import RosterBuild
import RosterTestSupport
import XCTest

/// Runs the built `roster` executable the way a user does and checks its exit status and output.
final class CommandLineTests: XCTestCase {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var outLines: [String] { stdout.split(separator: "\n").map(String.init) }
        var errLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    static func executable() throws -> URL { try RosterExecutable.url() }

    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("roster-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        XCTAssertTrue(FileManager.default.createFile(atPath: outURL.path, contents: nil))
        XCTAssertTrue(FileManager.default.createFile(atPath: errURL.path, contents: nil))
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(status: process.terminationStatus,
                   stdout: try String(contentsOf: outURL, encoding: .utf8),
                   stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    func testVersion() throws {
        let result = try run(["--version"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), Builder.version)
        XCTAssertNotNil(result.stdout.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression), result.stdout)
    }

    func testBuildPrintsOneLine() throws {
        let site = try TestSite.minimal()
        let result = try run(["build", "--site", site.root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.outLines.count, 1, result.stdout)
        XCTAssertTrue(result.stdout.contains("Built"), result.stdout)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    func testBuildFromInsideTheSiteFolderUsesItByDefault() throws {
        let site = try TestSite.minimal()
        let result = try run(["build"], in: site.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    func testQuietPrintsNothing() throws {
        let site = try TestSite.minimal()
        let result = try run(["build", "--quiet", "--site", site.root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    func testContentErrorExitsOneWithCompilerStyleLine() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        let text = """
            ---
            name: Ada Lovelace
            career:
              - company: acme
                start: 2015
                end: 2021-03
              - company: globx
                start: 2021-03
            ---
            Ada.
            """
        try site.write("Content/authors/ada.md", text)
        let line = lineNumber(of: "globx", in: text)
        // Run from elsewhere: paths stay relative to the site folder.
        let result = try run(["build", "--site", site.root.path], in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(result.status, 1)
        let pattern = #"^Content/authors/ada\.md:\#(line):[0-9]+: error: .*globx"#
        XCTAssertTrue(result.errLines.contains { $0.range(of: pattern, options: .regularExpression) != nil },
                      "no line matching \(pattern) in:\n\(result.stderr)")
        XCTAssertFalse(result.stdout.contains("Built"), result.stdout)
        XCTAssertEqual(site.snapshot(), before, "a failed build changed Output/")
    }

    func testErrorWithoutFileReadsRosterError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("roster-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try run(["build", "--site", empty.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errLines.contains { $0.hasPrefix("roster: error: ") }, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: empty.appendingPathComponent("Output").path))
    }

    func testCheckWritesNothing() throws {
        let site = try TestSite.minimal()
        let result = try run(["check", "--site", site.root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "check wrote Output/")
        let entries = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        XCTAssertEqual(entries, ["Content", "Templates"])
    }

    func testCheckFailsOnAnError() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/news.md", "---\ntitle: News\ndate: 2025-05-01\n---\nSee [x](author:nobody).\n")
        let result = try run(["check", "--site", site.root.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errLines.contains { $0.hasPrefix("Content/articles/news.md:5:") && $0.contains(": error: ") },
                      result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "check wrote Output/")
    }

    func testBuildHelp() throws {
        let result = try run(["build", "--help"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = result.stdout + result.stderr
        for option in ["--site", "--output", "--base-url", "--drafts", "--portable", "--quiet"] {
            XCTAssertTrue(text.contains(option), "help does not mention \(option):\n\(text)")
        }
    }

    func testUsageErrorUsesArgumentParserStatus() throws {
        let result = try run(["build", "--no-such-option"])
        XCTAssertEqual(result.status, 64, "argument-parser's usage error status is EX_USAGE (64)")
        XCTAssertFalse(result.stderr.isEmpty)
    }
}
