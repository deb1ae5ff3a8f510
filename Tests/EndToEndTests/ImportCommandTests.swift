import Foundation
import RosterTestSupport
import XCTest

/// `roster import` as an editor runs it.
extension CommandLineTests {
    /// Build the report, import its three CSV exports into a `roster init` site emptied of authors,
    /// companies, articles and pages (the report's site.yml, sources.yml and data/ kept), build
    /// again: the three CSV files are byte-identical.
    func testImportingTheExportsRebuildsTheSameCSVFiles() throws {
        let work = try TestSite.theme()
        let first = work.root.appendingPathComponent("first")
        XCTAssertEqual(try run(["build", "--site", Repository.root.path, "--output", first.path, "--quiet"]).status, 0)
        let site = work.root.appendingPathComponent("site")
        XCTAssertEqual(try run(["init", site.path]).status, 0)
        let content = site.appendingPathComponent("Content")
        for folder in ["authors", "companies", "articles", "pages", "data"] {
            try FileManager.default.removeItem(at: content.appendingPathComponent(folder))
        }
        try FileManager.default.createDirectory(at: content.appendingPathComponent("authors"), withIntermediateDirectories: true)
        for file in ["site.yml", "sources.yml", "data"] {
            try? FileManager.default.removeItem(at: content.appendingPathComponent(file))
            try FileManager.default.copyItem(at: Repository.url("Content/\(file)"), to: content.appendingPathComponent(file))
        }
        let arguments = ["import", "first/data/careers.csv", "--people", "first/data/people.csv",
                         "--companies", "first/data/companies.csv", "--site", "site"]
        let before = work.snapshot(content)
        let dry = try run(arguments + ["--dry-run"], in: work.root)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("create Content/authors/guillaume-lample.md"), dry.stdout)
        XCTAssertEqual(work.snapshot(content), before, "--dry-run wrote something")
        let imported = try run(arguments, in: work.root)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let again = try run(arguments, in: work.root)
        XCTAssertTrue(again.stdout.contains("Nothing to change"), again.stdout)
        let built = try run(["build", "--site", site.path, "--quiet"])
        XCTAssertEqual(built.status, 0, built.stderr)
        for name in ["careers", "people", "companies"] {
            let original = try Data(contentsOf: first.appendingPathComponent("data/\(name).csv"))
            let rebuilt = try Data(contentsOf: site.appendingPathComponent("Output/data/\(name).csv"))
            XCTAssertEqual(original, rebuilt, "\(name).csv differs after the round trip")
        }
    }

    func testAFailedImportExitsOneAndWritesNothing() throws {
        let work = try TestSite.minimal()
        try work.write("careers.csv", "author,company,start\nada,acmee,2015\nbob,acme,someday\n")
        let before = work.snapshot(work.root.appendingPathComponent("Content"))
        let result = try run(["import", "careers.csv"], in: work.root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("careers.csv:2:2: error: unknown company 'acmee' (did you mean 'acme'?)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("careers.csv:3:3: error: 'someday' is not a date"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was written"), result.stderr)
        XCTAssertEqual(work.snapshot(work.root.appendingPathComponent("Content")), before)
    }
}
