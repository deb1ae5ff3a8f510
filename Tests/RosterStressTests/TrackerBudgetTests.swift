import Foundation
import RosterBuild
import RosterTestSupport
import XCTest

/// The generated tracker of the benchmark (25,000 people, 700 organisations, 700 cohorts of 5 to
/// 3,000 members) built for real: every page and chart within its budget, and the numbers exact.
final class TrackerBudgetTests: XCTestCase {
    func testTheTwentyFiveThousandPersonTrackerStaysWithinItsBudgets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-tracker-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", Repository.url("tools/bench/tracker.py").path, folder.path]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        XCTAssertEqual(generator.terminationStatus, 0)
        let report = Builder(options: BuildOptions(siteFolder: folder)).build()
        XCTAssertFalse(report.diagnostics.hasErrors, report.diagnostics.prefix(10).map(\.description).joined(separator: "\n"))
        let output = folder.appendingPathComponent("Output")
        var largestPage = (0, ""), largestSVG = (0, ""), mostBars = (0, ""), mostRibbons = (0, "")
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "html", let data = try? Data(contentsOf: url) else { continue }
            let page = url.path.replacingOccurrences(of: output.path, with: "")
            if data.count > largestPage.0 { largestPage = (data.count, page) }
            let html = String(decoding: data, as: UTF8.self)
            for svg in html.components(separatedBy: "<svg").dropFirst() {
                let body = svg.components(separatedBy: "</svg>").first ?? ""
                if body.utf8.count > largestSVG.0 { largestSVG = (body.utf8.count, page) }
                let bars = body.components(separatedBy: "class=\"bar ").count - 1
                if bars > mostBars.0 && body.contains("Where the") { mostBars = (bars, page) }
                let ribbons = body.components(separatedBy: "class=\"ribbon ").count - 1
                if ribbons > mostRibbons.0 { mostRibbons = (ribbons, page) }
            }
        }
        XCTAssertLessThanOrEqual(largestPage.0, 1_000_000, "largest page: \(largestPage.1)")
        XCTAssertLessThanOrEqual(largestSVG.0, 200_000, "largest SVG: \(largestSVG.1)")
        XCTAssertLessThanOrEqual(mostBars.0, 13, "most bars: \(mostBars.1)")
        XCTAssertLessThanOrEqual(mostRibbons.0, 15, "most ribbons: \(mostRibbons.1)")

        // The numbers on the largest cohort's page are its facts, and its destinations table adds up.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/roster.json"))) as? [String: Any]
        let cohorts = json?["cohorts"] as? [[String: Any]] ?? []
        let biggest = try XCTUnwrap(cohorts.max { ($0["members"] as? [Any])?.count ?? 0 < ($1["members"] as? [Any])?.count ?? 0 })
        let facts = try XCTUnwrap(biggest["facts"] as? [String: Any])
        let slug = try XCTUnwrap(biggest["slug"] as? String)
        let page = try String(contentsOf: output.appendingPathComponent("cohorts/\(slug)/index.html"), encoding: .utf8)
        // Printed grouped, as the site's language writes them ("2,999").
        let grouped = NumberFormatter()
        grouped.numberStyle = .decimal
        grouped.locale = Locale(identifier: "en_US")
        for key in ["members", "departed", "at_origin"] {
            let number = grouped.string(from: NSNumber(value: facts[key] as? Int ?? -1)) ?? ""
            XCTAssertTrue(page.contains("<strong>\(number)</strong>"), "\(slug): \(key) (\(number)) is not on the page")
        }
        let destinations = facts["destinations"] as? [[String: Any]] ?? []
        XCTAssertEqual(destinations.map { $0["count"] as? Int ?? 0 }.reduce(0, +), facts["departed"] as? Int)
    }
}
