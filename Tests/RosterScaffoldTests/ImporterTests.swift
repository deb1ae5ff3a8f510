import Foundation
import RosterModel
@testable import RosterScaffold
import RosterTestSupport
import XCTest
import Yams

/// `roster import`: every bad input reported at its row and column, nothing written when anything
/// is wrong, existing files edited in place, and the same import twice changing nothing.
final class ImporterTests: XCTestCase {
    private func importing(_ careers: String, people: String? = nil, companies: String? = nil, cohort: String? = nil,
                           into site: TestSite) throws -> (changes: [Importer.Change], problems: [Diagnostic]) {
        try site.write("careers.csv", careers)
        if let people { try site.write("people.csv", people) }
        if let companies { try site.write("companies.csv", companies) }
        let files = Importer.Files(careers: site.root.appendingPathComponent("careers.csv"),
                                   people: people == nil ? nil : site.root.appendingPathComponent("people.csv"),
                                   companies: companies == nil ? nil : site.root.appendingPathComponent("companies.csv"))
        return Importer(site: site.root, files: files, cohort: cohort).plan()
    }

    private func apply(_ plan: (changes: [Importer.Change], problems: [Diagnostic]), _ site: TestSite) throws {
        XCTAssertFalse(plan.problems.hasErrors, plan.problems.map(\.description).joined(separator: "\n"))
        try Importer.write(plan.changes, in: site.root)
    }

    func testANewPersonGetsAFileWithASlugFromTheName() throws {
        let site = try TestSite.minimal()
        let plan = try importing("name,company,start,end\nTimothée Lacroix,acme,2015,2023\nTimothée Lacroix,globex,2023-04,\n", into: site)
        XCTAssertEqual(plan.changes.map(\.path), ["Content/authors/timothee-lacroix.md"])
        try apply(plan, site)
        let text = try site.read("Content/authors/timothee-lacroix.md")
        XCTAssertEqual(text, """
            ---
            name: Timothée Lacroix
            career:
              - company: acme
                start: 2015
                end: 2023
                confidence: inferred
                note: imported from careers.csv:2 without a source
              - company: globex
                start: 2023-04
                confidence: inferred
                note: imported from careers.csv:3 without a source
            ---

            """)
        XCTAssertTrue(site.build().succeeded)
    }

    func testAnExistingCareerIsReplacedInPlaceKeepingEverythingElse() throws {
        let site = try TestSite.minimal()
        try site.write("Content/authors/bob.md", "---\n# kept comment\nname: Bob\ncareer:\n  - company: acme\n    start: 2018-06-01\n\n# after\naliases: [robert]\n---\nBob stayed.\n")
        let plan = try importing("author,company,start,role,sources\nbob,acme,2018-06-01,\"Lead, \"\"R&D\"\"\",paper\n", into: site)
        try apply(plan, site)
        XCTAssertEqual(try site.read("Content/authors/bob.md"),
                       "---\n# kept comment\nname: Bob\ncareer:\n  - company: acme\n    role: 'Lead, \"R&D\"'\n    start: 2018-06-01\n    sources: [paper]\n\n# after\naliases: [robert]\n---\nBob stayed.\n")
        XCTAssertTrue(site.build().succeeded)
        let again = try importing("author,company,start,role,sources\nbob,acme,2018-06-01,\"Lead, \"\"R&D\"\"\",paper\n", into: site)
        XCTAssertEqual(again.changes, [], "importing the same rows twice must change nothing")
    }

    func testCompaniesComeFromTheCompaniesFileAndCohortMembersAreAdded() throws {
        let site = try TestSite.minimal()
        let plan = try importing("author,name,company,start\ncy,Cy,initech,2020\n",
                                 companies: "name,company,website\nInitech,initech,https://initech.example\n",
                                 cohort: "team", into: site)
        XCTAssertEqual(plan.changes.map(\.path), ["Content/authors/cy.md", "Content/companies/initech.md", "Content/site.yml"])
        try apply(plan, site)
        XCTAssertTrue(try site.read("Content/site.yml").contains("members: [ada, bob, cy]"))
    }

    func testEveryBadRowIsReportedAtItsRowAndColumnAndNothingIsWritten() throws {
        let site = try TestSite.minimal()
        let before = site.snapshot(site.root.appendingPathComponent("Content"))
        let plan = try importing("""
            author,name,company,start,end,confidence,sources
            ada,Ada,acmee,2015,,,
            ada,Ada,acme,2015-13,,,
            ada,Ada,acme,2020,2019,,
            Not A Slug,,acme,2020,,,
            ,Zoë Smith,acme,2020,,,
            ,Zoe Smith,acme,2020,,,
            ada,Ada,acme,2020,,sure,
            ada,Ada,acme,2020,,,papr
            ada,Ada,acme
            """, into: site)
        XCTAssertEqual(plan.changes, [])
        let places = plan.problems.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        XCTAssertEqual(places, ["2:3", "3:4", "4:5", "5:1", "7:2", "8:6", "9:7", "10:4"], plan.problems.map(\.description).joined(separator: "\n"))
        let text = plan.problems.map(\.description).joined(separator: "\n")
        XCTAssertTrue(text.contains("/careers.csv:2:3: error: unknown company 'acmee' (did you mean 'acme'?)"), text)
        XCTAssertTrue(text.contains("write it as 'not-a-slug'"), text)
        XCTAssertTrue(text.contains("'Zoe Smith' and 'Zoë Smith'"), text)
        XCTAssertTrue(text.contains("(column end)"), text)
        XCTAssertEqual(site.snapshot(site.root.appendingPathComponent("Content")), before)
    }

    func testAConfirmedRowWithoutASourceIsAnErrorAtItsRow() throws {
        let site = try TestSite.minimal()
        let plan = try importing("author,company,start,confidence\nada,acme,2015,reported\n", into: site)
        XCTAssertEqual(plan.problems.map { String($0.description.dropFirst(site.root.path.count + 1)) },
                       ["careers.csv:2:4: error: a reported stint must cite a source: fill the sources column, or leave confidence empty (it becomes inferred) (column confidence)"])
    }

    func testAnUnknownColumnIsAnErrorWithASuggestion() throws {
        let site = try TestSite.minimal()
        let plan = try importing("author,compnay,start\nada,acme,2015\n", into: site)
        let text = plan.problems.map(\.description).joined(separator: "\n")
        XCTAssertTrue(text.contains("/careers.csv:1:2: error: unknown column 'compnay' (did you mean 'company'?)"), text)
    }

    func testAnUnknownCohortInThePeopleFileIsAnError() throws {
        let site = try TestSite.minimal()
        let plan = try importing("author,company,start\nada,acme,2015\n", people: "author,name,cohorts\nada,Ada,teem\n", into: site)
        XCTAssertEqual(plan.problems.map { String($0.description.dropFirst(site.root.path.count + 1)) }, ["people.csv:2:3: error: unknown cohort 'teem' (did you mean 'team'?); cohorts are defined in Content/site.yml (column cohorts)"])
    }

    func testReimportingAStintKeepsItsCorrectionsAndLeavingOneOutIsAWarning() throws {
        let site = try TestSite.minimal()
        try site.write("Content/authors/ada.md", (try site.read("Content/authors/ada.md")).replacingOccurrences(of: "    end: 2021-03\n",
            with: "    end: 2021-03\n    corrections:\n      - date: 2024-05-01\n        text: \"An earlier edition gave 2021-05.\"\n"))
        // The careers export's shape: Ada's Acme stint, and not her Globex one.
        let plan = try importing("author,company,start,end,sources\nada,acme,2015,2021-03,paper\n", into: site)
        let warnings = plan.problems.map(\.description).joined(separator: "\n")
        XCTAssertTrue(warnings.contains("warning: the import replaces ada's whole career, and the CSV leaves out this stint of Content/authors/ada.md: globex from 2021-03; add it to the CSV to keep it"), warnings)
        try apply(plan, site)
        let text = try site.read("Content/authors/ada.md")
        XCTAssertTrue(text.contains("    corrections:\n      - date: 2024-05-01\n        text: An earlier edition gave 2021-05.\n"), text)
    }

    /// The docs say to keep spreadsheets in the shape of the exports: importing an export back is a
    /// no-op, for the shipped report (which writes `confidence: confirmed`) and a minimal site (which
    /// leaves the default out).
    func testImportingTheSitesOwnCareersExportChangesNothing() throws {
        for site in [try TestSite.shippedReport(), try TestSite.minimal()] {
            XCTAssertTrue(site.build().succeeded)
            let export = try site.read("Output/data/careers.csv")
            let plan = try importing(export, into: site)
            XCTAssertFalse(plan.problems.hasErrors, plan.problems.map(\.description).joined(separator: "\n"))
            XCTAssertEqual(plan.changes.map(\.path), [], "importing the export back changes files")
        }
    }

    func testACompaniesRowForAnExistingCompanyLeavesItAsItIsWithAWarning() throws {
        let site = try TestSite.minimal()
        let plan = try importing("author,company,start,sources\nbob,acme,2018-06-01,paper\n", companies: "company,name\nacme,ACME Renamed\nglobex,Globex\n", into: site)
        XCTAssertEqual(plan.problems.map { String($0.description.dropFirst(site.root.path.count + 1)) },
                       ["companies.csv:2:2: warning: the company 'acme' exists already (Content/companies/acme.md) and is left as it is, named 'Acme'; edit that file to change it (column name)"])
        XCTAssertEqual(plan.changes, [])
    }

    func testARepeatedRowIsImportedOnceWithAWarningAtIt() throws {
        let site = try TestSite.minimal()
        let plan = try importing("author,company,start,end,sources\nbob,acme,2018-06-01,,paper\nbob,acme,2018-06-01,,paper\n", into: site)
        XCTAssertEqual(plan.problems.map { String($0.description.dropFirst(site.root.path.count + 1)) },
                       ["careers.csv:3:2: warning: this row repeats row 2 (bob, acme, the same dates); it is imported once"])
        XCTAssertEqual(plan.changes, [], "Bob's file already holds that one stint")
    }

    func testSpreadsheetHeadersEmptyColumnsAndRowsAndSemicolonsAreRead() throws {
        let site = try TestSite.minimal()
        let plan = try importing("Author;Company;Start;End;Sources;;\nbob;acme;2018-06-01;;paper;;\n;;;;;;\n", into: site)
        XCTAssertEqual(plan.problems, [])
        XCTAssertEqual(plan.changes, [])
        let dates = try importing("author,company,start\nbob,acme,04/2023\nbob,acme,April 2023\nbob,acme,27/02/2023\n", into: site)
        XCTAssertEqual(dates.problems.map { $0.message.components(separatedBy: ";").first ?? "" },
                       ["'04/2023' is not a date (did you mean 2023-04?)", "'April 2023' is not a date (did you mean 2023-04?)",
                        "'27/02/2023' is not a date (did you mean 2023-02-27?)"])
    }

    func testYAMLScalarsReadBackAsTheSameText() {
        for text in ["plain", "a: b", "#x", "true", "2015", "- x", "  padded ", "say \"hi\"", "line\nbreak", "tab\there", "ünïcode", "x #y"] {
            let written = YAMLWriting.scalar(text)
            let read = (try? Yams.load(yaml: "v: " + written) as? [String: Any])?["v"] as? String
            XCTAssertEqual(read, text, written)
        }
    }
}
