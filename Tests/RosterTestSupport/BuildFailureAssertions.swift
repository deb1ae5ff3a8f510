import Foundation
import RosterBuild
import RosterModel
import XCTest

/// The shape of every bad-input test: build the site, break one thing, build again, and check that the
/// build failed with an error at the expected file and line and that the previous Output/ is unchanged.
extension XCTestCase {
    /// Builds the minimal site, snapshots Output/, writes `text` to `path`, builds again and checks
    /// the failure.
    @discardableResult
    public func assertBuildFails(writing path: String, _ text: String, errorAt errorPath: String, line: Int,
                                  containing fragment: String,
                                  file: StaticString = #filePath, line testLine: UInt = #line) throws -> BuildReport {
        try assertBuildFails(errorAt: errorPath, lines: [line], containing: fragment, file: file, line: testLine) { site in
            try site.write(path, text)
        }
    }

    @discardableResult
    public func assertBuildFails(_ givenSite: TestSite? = nil, errorAt errorPath: String, line: Int,
                                  containing fragment: String,
                                  file: StaticString = #filePath, line testLine: UInt = #line,
                                  breaking: (TestSite) throws -> Void) throws -> BuildReport {
        try assertBuildFails(givenSite, errorAt: errorPath, lines: [line], containing: fragment, file: file,
                             line: testLine, breaking: breaking)
    }

    @discardableResult
    public func assertBuildFails(writing path: String, _ text: String, errorAt errorPath: String, lines: Set<Int>,
                                  containing fragment: String,
                                  file: StaticString = #filePath, line testLine: UInt = #line) throws -> BuildReport {
        try assertBuildFails(errorAt: errorPath, lines: lines, containing: fragment, file: file, line: testLine) { site in
            try site.write(path, text)
        }
    }

    @discardableResult
    public func assertBuildFails(_ givenSite: TestSite? = nil, errorAt errorPath: String, lines: Set<Int>,
                                  containing fragment: String,
                                  file: StaticString = #filePath, line testLine: UInt = #line,
                                  breaking: (TestSite) throws -> Void) throws -> BuildReport {
        let site = try givenSite ?? TestSite.minimal()
        let first = site.build()
        XCTAssertTrue(first.succeeded, "the unbroken site should build:\n" + first.errorLines.joined(separator: "\n"),
                      file: file, line: testLine)
        let before = site.snapshot()
        XCTAssertNotNil(before["index.html"], "the first build wrote no index.html", file: file, line: testLine)

        try breaking(site)
        let report = site.build()
        XCTAssertFalse(report.succeeded, "the broken site built without an error", file: file, line: testLine)
        let match = report.diagnostics.errors.contains { error in
            error.location?.path == errorPath && lines.contains(error.location?.line ?? -1)
                && error.message.localizedCaseInsensitiveContains(fragment)
        }
        XCTAssertTrue(match, "expected an error at \(errorPath):\(lines.sorted()) containing '\(fragment)', got:\n"
                      + report.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: testLine)
        XCTAssertTrue(site.snapshot() == before, "a failed build changed Output/", file: file, line: testLine)
        // Pages are written beside Output/ as they are rendered; a build that fails after that
        // must take them away again.
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".Output.roster-staging").path),
                       "a failed build left its staging folder", file: file, line: testLine)
        return report
    }
}
