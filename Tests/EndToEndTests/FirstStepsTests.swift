import Foundation
import RosterTestSupport
import XCTest

/// The first steps of a new editor (issue 13, part 5), as they run them.
extension CommandLineTests {
    func testNewAuthorTakesAnExistingCompanyAndJoinsACohortWritingOnlyWhatItLists() throws {
        let site = try TestSite.minimal()
        let wrong = try run(["new", "author", "cy", "--company", "acmee"], in: site.root)
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("no company 'acmee' in Content/companies (did you mean 'acme'?)"), wrong.stderr)
        let before = site.snapshot(site.root.appendingPathComponent("Content"))
        let dry = try run(["new", "author", "cy", "--company", "globex", "--cohort", "team", "--dry-run"], in: site.root)
        XCTAssertEqual(dry.outLines, ["create Content/authors/cy.md", "change Content/site.yml", "Dry run: nothing was written."])
        XCTAssertEqual(site.snapshot(site.root.appendingPathComponent("Content")), before)
        let made = try run(["new", "author", "cy", "--company", "globex", "--cohort", "team"], in: site.root)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(try site.read("Content/authors/cy.md").contains("  - company: globex\n"))
        XCTAssertTrue(try site.read("Content/site.yml").contains("members: [ada, bob, cy]"))
        let unknownCohort = try run(["new", "author", "dee", "--cohort", "teem"], in: site.root)
        XCTAssertTrue(unknownCohort.stderr.contains("(did you mean 'team'?)"), unknownCohort.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/authors/dee.md").path),
                       "a failed new wrote the author")
    }

    func testANewAuthorWithoutACompanyListsTheCompaniesThatExist() throws {
        let site = try TestSite.minimal()
        XCTAssertEqual(try run(["new", "author", "cy"], in: site.root).status, 0)
        XCTAssertTrue(try site.read("Content/authors/cy.md").contains("# the companies: acme, globex"))
    }

    func testABuildSaysHowManyDraftsItLeftOut() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/wip.md", "---\ntitle: WIP\ndate: 2025-05-02\ndraft: true\n---\nSoon.\n")
        let build = try run(["build"], in: site.root)
        XCTAssertTrue(build.stdout.contains("(1 draft left out; --drafts includes it)"), build.stdout)
    }

    func testTimelineEventsAboutNobodyInTheReportAreWarnedAndDatesReadLikeOtherDates() throws {
        let site = try TestSite.minimal()
        try site.write("Content/data/events.yml", "- date: \"2021-03\"\n  title: Ada founds Globex.\n- date: someday\n  title: Initech is founded.\n")
        let build = try run(["build"], in: site.root)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.contains("event 2 ('Initech is founded.') names no person or organisation of the report"), build.stderr)
        XCTAssertTrue(build.stderr.contains("the date of event 2 ('Initech is founded.') is 'someday'"), build.stderr)
        XCTAssertFalse(build.stderr.contains("event 1"), build.stderr)
        XCTAssertTrue(try site.read("Output/index.html").contains(#"<time class="event-date" datetime="2021-03-15">Mar 2021</time> Ada founds Globex."#))
    }

    func testCommonYAMLMistakesAreExplainedAsWhatToDo() throws {
        let site = try TestSite.minimal()
        try site.write("Content/companies/co.md", "---\nname: & Co\n---\n")
        try site.write("Content/companies/paris.md", "---\nname: Paris\nkind: lab: small\n---\n")
        try site.write("Content/companies/draft.md", "---\nname: Draft\nheadquarters: [Draft] notes\n---\n")
        try site.write("Content/companies/fine.md", "---\nname: Fine\naliases: [fine-co] # a list, then a comment\n---\n")
        let check = try run(["check"], in: site.root)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("Content/companies/co.md:2:8: error: YAML syntax error: a value starting with & or * must be in quotes"), check.stderr)
        XCTAssertTrue(check.stderr.contains("Content/companies/paris.md:3:10: error: YAML syntax error: a value with ': ' in it must be in quotes"), check.stderr)
        XCTAssertTrue(check.stderr.contains("Content/companies/draft.md:3:23: error: YAML syntax error: a value starting with [ must be in quotes, like title: \"[Draft] notes\""), check.stderr)
        XCTAssertFalse(check.stderr.contains("fine.md"), check.stderr)
    }

    func testCompanyKindsReadAsWordsAndCareerTablesNameTheirSources() throws {
        let site = try TestSite.minimal()
        try site.write("Content/companies/globex.md", "---\nname: Globex\nkind: big-tech\n---\nGlobex.\n")
        XCTAssertEqual(try run(["build", "--quiet"], in: site.root).status, 0)
        XCTAssertTrue(try site.read("Output/companies/globex/index.html").contains("Organisation · Big tech"))
        XCTAssertTrue(try site.read("Output/authors/ada/index.html").contains(#"<a class="source-link" href="../../sources/#paper">The paper</a>"#))
    }
}
