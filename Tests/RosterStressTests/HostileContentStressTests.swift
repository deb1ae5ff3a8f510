import Foundation
import RosterBuild
import RosterModel
import RosterTestSupport
import XCTest

/// The full OWASP filter-evasion suite (`make test-stress`): every payload alone in every field of a
/// site of its own, then all of them in one site; every output file checked.
final class HostileContentStressTests: XCTestCase {
    /// One build per payload: the payload alone in every YAML string field and in every kind of
    /// Markdown place. Every output file is checked, and every field round-trips exactly.
    func testEachPayloadAloneInEveryFieldIsInert() throws {
        XCTAssertGreaterThanOrEqual(HostilePayloads.xss.count, 30)
        for payload in HostilePayloads.xss {
            XCTAssertEqual(payload, payload.trimmingCharacters(in: .whitespacesAndNewlines), "a payload must not need trimming")
        }
        let started = Date()
        for (index, payload) in HostilePayloads.xss.enumerated() {
            let fixture = HostileFixture(payloads: [payload])
            let site = try fixture.makeSite()
            let report = site.build()
            guard report.succeeded else {
                XCTFail("payload #\(index) \(payload.debugDescription): the build failed:\n" + report.errorLines.joined(separator: "\n"))
                continue
            }
            try fixture.verify(site, label: "payload #\(index) \(payload.debugDescription)")
        }
        print("HostileContentSuite: \(HostilePayloads.xss.count) single-payload builds took \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// Every payload at once, one per author, company, cohort, article, page, source and event, so
    /// that index pages, the feed and the exports hold all of them side by side.
    func testAllPayloadsTogetherInOneSiteAreInert() throws {
        let fixture = HostileFixture(payloads: HostilePayloads.xss)
        let site = try fixture.makeSite()
        let started = Date()
        let report = site.build()
        print("HostileContentSuite: the \(HostilePayloads.xss.count)-payload site built in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        try fixture.verify(site, label: "all payloads")
        // The template-injection payloads stay literal text (never evaluated).
        let home = try site.read("Output/index.html")
        XCTAssertTrue(MiniHTML.textContent(home).contains("{{ 7*7 }}"), "the template-injection payload is not shown literally")
    }
}
