import Foundation
import RosterBuild
import RosterModel
import RosterTestSupport
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Symlink loops and YAML alias bombs: each ends, quickly, with a site or a clear error. The very
/// large inputs (a 10 MB article, 5,000 authors) are in RosterStressTests.
final class LargeInputTests: XCTestCase {
    // MARK: Symlink loops

    func testSymlinkLoopsInAssetsEndAndCopyNothingTwice() throws {
        let site = try TestSite.minimal()
        try site.write("Content/assets/top.txt", "marker-top\n")
        try site.write("Content/assets/a/inner.txt", "marker-inner\n")
        try site.write("Content/assets/a/deeper/leaf.txt", "marker-leaf\n")
        let assets = site.root.appendingPathComponent("Content/assets")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("a/b").path, withDestinationPath: "../a")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("a/deeper/self").path, withDestinationPath: ".")

        let started = Date()
        let report = try XCTUnwrap(OutputInspection.buildWithin(60, site), "a build with symlink loops did not end within 60 s")
        print("HostileContentSuite: the symlink-loop build ended in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, succeeded: \(report.succeeded)")
        guard report.succeeded else {
            XCTAssertTrue(report.diagnostics.errors.contains { ($0.location?.path ?? $0.message).contains("Content/assets") },
                          "the refusal does not name the link:\n" + report.errorLines.joined(separator: "\n"))
            return
        }
        let files = site.snapshot()
        let assetPaths = files.keys.filter { $0.hasPrefix("assets/") }.sorted()
        print("HostileContentSuite: assets written: \(assetPaths)")
        for marker in ["marker-top", "marker-inner", "marker-leaf"] {
            let holders = files.filter { $0.value.containsBytes(marker) }.keys.sorted()
            XCTAssertEqual(holders.count, 1, "\(marker) was copied \(holders.count) times: \(holders)")
        }
        // No source file of the site (reachable through `loop` → Content/) is written twice.
        let sources = site.snapshot(site.root.appendingPathComponent("Content"))
        for (path, data) in sources where data.count > 20 {
            let copies = files.filter { $0.value == data }.keys.sorted()
            XCTAssertLessThanOrEqual(copies.count, 1, "Content/\(path) was written \(copies.count) times: \(copies)")
        }
        for path in assetPaths {
            let parts = path.split(separator: "/")
            XCTAssertEqual(Set(parts).count, parts.count, "\(path) repeats a folder: a loop was followed")
        }
        // A second build (Output/ now exists) is the same.
        let again = try XCTUnwrap(OutputInspection.buildWithin(60, site))
        XCTAssertTrue(again.succeeded)
        XCTAssertEqual(site.snapshot(), files, "a second build of the same input differs")
    }

    /// A link to the site folder itself reaches Output/ too: the build must not copy its own
    /// previous output into the new one (which would grow on every build).
    func testSymlinkToTheSiteFolderDoesNotCopyOutputIntoItself() throws {
        let site = try TestSite.minimal()
        try site.write("Content/assets/app.css", "body { color: black; }\n")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/assets/root").path,
                                                   withDestinationPath: "../..")
        var sizes: [Int] = []
        for _ in 0..<3 {
            let report = try XCTUnwrap(OutputInspection.buildWithin(60, site), "a build with a link to the site folder did not end within 60 s")
            guard report.succeeded else {
                XCTAssertTrue(report.diagnostics.errors.contains { ($0.location?.path ?? $0.message).contains("Content/assets") },
                              report.errorLines.joined(separator: "\n"))
                return
            }
            let files = site.snapshot()
            sizes.append(files.count)
            let nested = files.keys.filter { $0.contains("/Output/") || ($0.hasPrefix("assets/") && $0.contains(".roster")) }.sorted()
            XCTAssertTrue(nested.isEmpty, "the build copied an output folder into itself: \(nested.prefix(10))")
        }
        print("HostileContentSuite: files per build with a link to the site folder: \(sizes)")
        XCTAssertEqual(Set(sizes).count, 1, "the output grows from build to build: \(sizes)")
    }

    // MARK: YAML alias bombs

    /// `a: &a [x × 9]`, `b: &b [*a × 9]` … `i`: 9⁹ items once expanded.
    static func bombLines(item: String = "x", levels: Int = 9) -> [String] {
        let names = (0..<levels).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
        var lines = ["\(names[0]): &\(names[0]) [" + Array(repeating: item, count: 9).joined(separator: ",") + "]"]
        for index in 1..<levels {
            lines.append("\(names[index]): &\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",") + "]")
        }
        return lines
    }

    /// The same as one flow list: `[&a [...], &b [*a, ...], ...]`.
    static func inlineBomb(item: String = "x", levels: Int = 9) -> String {
        let names = (0..<levels).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
        var items = ["&a [" + Array(repeating: item, count: 9).joined(separator: ",") + "]"]
        for index in 1..<levels {
            items.append("&\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",") + "]")
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    func testAliasBombAsCohortMembersEnds() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        let header = "title: Test report\nbase_url: https://example.org/test/\nas_of: 2025-05-27\nsearch: false\n"
        let cohort = "cohorts:\n  - slug: team\n    name: The team\n    origin: acme\n    date: 2020-01-01\n"
        let variants: [(String, String, Int)] = [
            ("inline", header + cohort + "    members: \(Self.inlineBomb(item: "ada"))\n", 9),
            ("block", Self.bombLines(item: "ada").joined(separator: "\n") + "\n" + header + cohort + "    members: *i\n", 18),
            ("mapping", header + cohort + "    members:\n" + (0..<9).map { "      - " + ($0 == 0 ? "&m0 {slug: ada, x: [ada,ada,ada,ada,ada,ada,ada,ada,ada]}" : "&m\($0) {a: *m\($0 - 1), b: *m\($0 - 1), c: *m\($0 - 1), d: *m\($0 - 1), e: *m\($0 - 1), f: *m\($0 - 1), g: *m\($0 - 1), h: *m\($0 - 1), i: *m\($0 - 1)}") }.joined(separator: "\n") + "\n", 9),
        ]
        for (name, text, membersLine) in variants {
            try site.write("Content/site.yml", text)
            let started = Date()
            let report = try XCTUnwrap(OutputInspection.buildWithin(60, site), "\(name): the build did not end within 60 s")
            print("HostileContentSuite: alias bomb in members (\(name)) ended in \(String(format: "%.2f", Date().timeIntervalSince(started))) s with \(report.diagnostics.errors.count) errors")
            XCTAssertFalse(report.succeeded, "\(name): an alias bomb as members must fail")
            XCTAssertTrue(report.diagnostics.errors.contains { $0.location?.path == "Content/site.yml" },
                          "\(name): no error in site.yml:\n" + report.errorLines.prefix(10).joined(separator: "\n"))
            XCTAssertTrue(report.diagnostics.errors.contains {
                $0.location?.path == "Content/site.yml" && (membersLine...(membersLine + 9)).contains($0.location?.line ?? 0)
            } || name == "block",
                          "\(name): no error at the members line \(membersLine):\n" + report.errorLines.prefix(10).joined(separator: "\n"))
            XCTAssertLessThan(report.diagnostics.count, 1_000, "\(name): the bomb was expanded into \(report.diagnostics.count) diagnostics")
            XCTAssertEqual(site.snapshot(), before, "\(name): Output/ changed")
        }
    }

    func testAliasBombAsCareerEnds() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        let stint = "{company: acme, start: 2015}"
        let variants: [(String, String)] = [
            ("inline", "---\nname: Ada Lovelace\ncareer: \(Self.inlineBomb(item: stint))\n---\nAda.\n"),
            ("block", "---\n" + Self.bombLines(item: stint).joined(separator: "\n") + "\nname: Ada Lovelace\ncareer: *i\n---\nAda.\n"),
            ("in a stint", "---\nname: Ada Lovelace\ncareer:\n  - company: acme\n    start: 2015\n    sources: \(Self.inlineBomb(item: "paper"))\n---\nAda.\n"),
            ("as a unit", "---\nname: Ada Lovelace\ncareer:\n  - company: acme\n    start: 2015\n    unit: \(Self.inlineBomb())\n---\nAda.\n"),
        ]
        for (name, text) in variants {
            try site.write("Content/authors/ada.md", text)
            let started = Date()
            let report = try XCTUnwrap(OutputInspection.buildWithin(60, site), "\(name): the build did not end within 60 s")
            print("HostileContentSuite: alias bomb in a career (\(name)) ended in \(String(format: "%.2f", Date().timeIntervalSince(started))) s with \(report.diagnostics.errors.count) errors")
            XCTAssertFalse(report.succeeded, "\(name): an alias bomb in a career must fail")
            XCTAssertTrue(report.diagnostics.errors.contains { $0.location?.path == "Content/authors/ada.md" },
                          "\(name): no error in ada.md:\n" + report.errorLines.prefix(10).joined(separator: "\n"))
            XCTAssertLessThan(report.diagnostics.count, 1_000, "\(name): the bomb was expanded into \(report.diagnostics.count) diagnostics")
            XCTAssertEqual(site.snapshot(), before, "\(name): Output/ changed")
        }
    }

    /// Linear amplification: a small front matter whose career is a thousand aliases of one stint
    /// with a 20 kB unit. Roster must refuse it or keep the exports small, and end promptly.
    func testAliasAmplifiedCareerIsRefusedOrBounded() throws {
        let site = try TestSite.minimal()
        let big = String(repeating: "U", count: 20_000)
        let refs = Array(repeating: "*s", count: 1_000).joined(separator: ", ")
        let text = "---\nname: Ada Lovelace\nnote: &s {company: acme, start: 2015, unit: \(big)}\ncareer: [\(refs)]\n---\nAda.\n"
        // `note` is an unknown key; without it the anchor lives in the first career item instead.
        let variants = [text, "---\nname: Ada Lovelace\ncareer: [&s {company: acme, start: 2015, unit: \(big)}, \(refs)]\n---\nAda.\n"]
        for (index, text) in variants.enumerated() {
            try site.write("Content/authors/ada.md", text)
            let started = Date()
            let report = try XCTUnwrap(OutputInspection.buildWithin(60, site), "variant \(index): the build did not end within 60 s")
            print("HostileContentSuite: amplified career variant \(index) (\(text.utf8.count / 1024) kB) ended in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, succeeded: \(report.succeeded)")
            if report.succeeded {
                let csv = (try? FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("data/careers.csv").path)[.size] as? Int) ?? 0
                let page = (try? FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("authors/ada/index.html").path)[.size] as? Int) ?? 0
                XCTAssertLessThan(csv, 10_000_000, "variant \(index): a \(text.utf8.count / 1024) kB file made a \(csv / 1_000_000) MB careers.csv")
                XCTAssertLessThan(page, 10_000_000, "variant \(index): a \(text.utf8.count / 1024) kB file made a \(page / 1_000_000) MB author page")
            } else {
                XCTAssertTrue(report.diagnostics.errors.contains { $0.location?.path == "Content/authors/ada.md" },
                              report.errorLines.prefix(10).joined(separator: "\n"))
            }
        }
    }
}
