import Foundation
import RosterTestSupport
import XCTest

/// A build killed at any moment leaves `Output/` as the previous complete site or the new complete
/// site, never a mix, and the next build recovers.
final class CrashSafetyTests: XCTestCase {
    /// A site of `count` articles whose titles carry `version`, so two versions differ everywhere.
    private func writeArticles(_ site: TestSite, version: Int, count: Int = 150) throws {
        try? site.remove("Content/articles")
        for index in 0..<count {
            try site.write("Content/articles/a\(index).md", """
                ---
                title: Story \(index), version \(version)
                date: 2025-0\(1 + index % 9)-1\(index % 9)
                tags: [Tag \(index % 7)]
                ---
                [Ada](author:ada) and [Globex](company:globex), version \(version).

                ## Part one
                \(String(repeating: "Some words for the body of the story. ", count: 40))
                """)
        }
    }

    func testKillingABuildAt50MomentsNeverLeavesAHalfSite() throws {
        let executable = try RosterExecutable.url()
        let site = try TestSite.minimal()
        var expected: [Int: [String: Data]] = [:]
        for version in [1, 2] {
            try writeArticles(site, version: version)
            XCTAssertTrue(site.build().succeeded)
            expected[version] = site.snapshot()
        }
        XCTAssertNotEqual(expected[1], expected[2])
        // Output now holds version 2. Time one full build to spread the kills over it.
        let started = Date()
        try runToEnd(executable, site)
        let duration = Date().timeIntervalSince(started)

        var generator = SystemRandomNumberGenerator()
        var version = 2
        var outcomes: [String: Int] = [:]
        for _ in 0..<50 {
            version = 3 - version
            try writeArticles(site, version: version)
            let process = try start(executable, site)
            let delay = Double.random(in: 0...(duration * 1.1), using: &generator)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let snapshot = site.snapshot()
            if snapshot == expected[version] {
                outcomes["new", default: 0] += 1
            } else if snapshot == expected[3 - version] {
                outcomes["previous", default: 0] += 1
                // The content now differs from Output; the next iteration builds the other version,
                // which is exactly what Output holds, so keep the two in step.
                version = 3 - version
                try writeArticles(site, version: version)
            } else {
                XCTFail("after a kill \(String(format: "%.3f", delay)) s into a build, Output/ is neither site")
                return
            }
        }
        // Both outcomes should have happened for the test to mean something.
        XCTAssertGreaterThan(outcomes["previous", default: 0], 0, "\(outcomes)")
        // A later build recovers and leaves no staging folder behind.
        try runToEnd(executable, site)
        XCTAssertEqual(site.snapshot(), expected[version])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".Output.roster-staging").path))
        print("crash safety: \(outcomes) in 50 kills over a \(String(format: "%.2f", duration)) s build")
    }

    private func start(_ executable: URL, _ site: TestSite) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["build", "--quiet", "--site", site.root.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func runToEnd(_ executable: URL, _ site: TestSite) throws {
        let process = try start(executable, site)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
