import Foundation
import RosterTestSupport
import XCTest

/// Builds render bodies on every core; their HTML must not depend on which ran beside which.
/// Before the fix for cmark-gfm's shared character table, each build of this site lost the
/// autolinks and strikethrough of 8–33 of its 300 bodies, differently every time.
final class ParallelMarkdownTests: XCTestCase {
    func testEveryBuildOnAllCoresGivesEveryBodyItsAutolinksAndStrikethrough() throws {
        let site = try TestSite.minimal()
        let paragraph = "see www.example.com/a and http://example.org/b, and ~~gone~~ now."
        let body = (0..<3).map { "Paragraph \($0): \(paragraph)" }.joined(separator: "\n\n")
        for index in 0..<300 {
            try site.write("Content/articles/race-\(index).md", "---\ntitle: Race \(index)\ndate: 2024-01-01\n---\n\(body)\n")
        }
        var outputs: [[String: Data]] = []
        for run in 0..<3 {
            let output = site.root.appendingPathComponent("Output-\(run)")
            let report = site.build(output: output)
            XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
            var wrong: [String] = []
            for index in 0..<300 {
                let html = try String(contentsOf: output.appendingPathComponent("articles/race-\(index)/index.html"), encoding: .utf8)
                let complete = html.components(separatedBy: "<del>gone</del>").count == 4
                    && html.components(separatedBy: #"href="http://www.example.com/a""#).count == 4
                    && html.components(separatedBy: #"href="http://example.org/b""#).count == 4
                if !complete { wrong.append("race-\(index)") }
            }
            XCTAssertEqual(wrong, [], "build \(run + 1): these bodies lost links or strikethrough")
            outputs.append(site.snapshot(output))
        }
        XCTAssertEqual(outputs[0], outputs[1], "two builds of one site differ")
        XCTAssertEqual(outputs[0], outputs[2], "two builds of one site differ")
    }
}
