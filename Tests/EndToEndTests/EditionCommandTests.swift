import Foundation
import RosterTestSupport
import XCTest

/// `roster edition save`, `roster diff` and `/changes/` as an editor uses them.
extension CommandLineTests {
    /// The shipped report's saved edition (backfilled as of 2023-12-31) is what `edition save
    /// --as-of` writes from its careers today, and its `/changes/` lists the 2024 moves.
    func testTheShippedEditionIsTheBackfillOfTheShippedCareersAndChangesListsThe2024Moves() throws {
        let site = try TestSite.shippedReport()
        let saved = try Data(contentsOf: site.root.appendingPathComponent("Content/editions/2023-12-31.json"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/editions"))
        let save = try run(["edition", "save", "--as-of", "2023-12-31"], in: site.root)
        XCTAssertEqual(save.status, 0, save.stderr)
        XCTAssertTrue(save.stdout.contains("create Content/editions/2023-12-31.json"), save.stdout)
        XCTAssertEqual(try Data(contentsOf: site.root.appendingPathComponent("Content/editions/2023-12-31.json")), saved,
                       "the shipped edition is not the backfill of the shipped careers")

        let content = site.snapshot(site.root.appendingPathComponent("Content"))
        let build = try run(["build", "--quiet"], in: site.root)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(site.snapshot(site.root.appendingPathComponent("Content")), content, "a build changed Content/")
        let page = try site.read("Output/changes/index.html")
        XCTAssertTrue(page.contains("<h1>Since <time datetime=\"2023-12-31\">31 Dec 2023</time></h1>"), page)
        for expected in ["<a href=\"../authors/baptiste-roziere/\">Baptiste Rozière</a>",
                         "now at <a href=\"../companies/mistral-ai/\">Mistral AI</a>",
                         "<a href=\"../authors/gautier-izacard/\">Gautier Izacard</a>",
                         "New stint at <a href=\"../companies/microsoft-ai/\">Microsoft AI</a>, from Mar 2024 (inferred)",
                         "<span class=\"then\">10</span> → <strong>11</strong>"] {
            XCTAssertTrue(page.contains(expected), "missing: \(expected)")
        }
        XCTAssertFalse(page.contains("Hugo Touvron"), "someone who did not change is listed")
        XCTAssertTrue(try site.read("Output/authors/baptiste-roziere/index.html").contains("Changed since the edition of 31 Dec 2023"))
        XCTAssertFalse(try site.read("Output/authors/hugo-touvron/index.html").contains("Changed since the edition"))
        XCTAssertTrue(try site.read("Output/feed.xml").contains("<title>Edition of 31 Dec 2023</title>"))
        XCTAssertEqual(try Data(contentsOf: site.output.appendingPathComponent("data/editions/2023-12-31.json")), saved)
        XCTAssertTrue(try site.read("Output/data/roster.json").contains("\n  \"format\": 1,\n"))

        let diff = try run(["diff", "2023-12-31"], in: site.root)
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertTrue(diff.stdout.hasPrefix("2 people changed since the edition of 31 Dec 2023: 1 departure, 2 new stints."), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("    - New stint at Mistral AI, from Aug 2024 (confirmed)."), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("\nCohorts then and now:\n  Authors of \"LLaMA: Open and Efficient Foundation Language Models\": members 14, at origin 4 → 3, left 10 → 11, returned 0\n"),
                      diff.stdout)
        XCTAssertTrue(diff.stdout.contains("\nPeople:\n  Baptiste Rozière\n"), diff.stdout)
    }

    func testSavingAnEditionRefusesToReplaceOneAndADryRunWritesNothing() throws {
        let site = try TestSite.minimal()
        let editions = site.root.appendingPathComponent("Content/editions")
        let dry = try run(["edition", "save", "--dry-run"], in: site.root)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("create Content/editions/2025-05-27.json"), dry.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: editions.path), "--dry-run wrote the edition")
        XCTAssertEqual(try run(["edition", "save"], in: site.root).status, 0)
        let again = try run(["edition", "save"], in: site.root)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists; pass --force"), again.stderr)
        XCTAssertEqual(try run(["edition", "save", "--force"], in: site.root).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: editions.path), ["2025-05-27.json"],
                       "a temporary file was left behind")
        // An edition of as_of itself is the current one: there is nothing earlier to compare with.
        XCTAssertEqual(try run(["build", "--quiet"], in: site.root).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("changes").path))
    }

    func testSavingAnEditionOfContentWithErrorsWritesNothing() throws {
        let site = try TestSite.minimal()
        try site.write("Content/authors/bob.md", "---\nname: Bob\ncareer:\n  - company: acmee\n    start: 2018\n    sources: [paper]\n---\n")
        let result = try run(["edition", "save"], in: site.root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("unknown company 'acmee'"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/editions").path))
    }

    func testABrokenOrNewerEditionIsAnErrorAtItsFileAndTheSiteIsNotReplaced() throws {
        let site = try TestSite.minimal()
        XCTAssertEqual(try run(["build", "--quiet"], in: site.root).status, 0)
        let before = site.snapshot()
        try site.write("Content/editions/2024-01-01.json", "{\"format\": 9}")
        try site.write("Content/editions/2023-01-01.json", "not json")
        try site.write("Content/editions/last-year.json", "{}")
        let result = try run(["build"], in: site.root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("Content/editions/2024-01-01.json:1:1: error: this edition was saved by a newer Roster (format 9"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Content/editions/2023-01-01.json:1:2: error: this edition is not valid JSON (invalid value here)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Content/editions/last-year.json:1:1: error: an edition's file name is the date"), result.stderr)
        XCTAssertEqual(site.snapshot(), before)
    }
}
