import Foundation
import RosterBuild
import RosterModel
import RosterTestSupport
import XCTest
@testable import RosterScaffold

final class ScaffolderTests: XCTestCase {
    var folder: URL!
    let scaffolder = Scaffolder(today: PartialDate(year: 2025, month: 6, day: 1)!)

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-scaffold-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testInitWritesASiteThatBuildsWithNoErrorsOrWarnings() throws {
        _ = try scaffolder.initSite(at: folder)
        let report = Builder(options: BuildOptions(siteFolder: folder)).build()
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.diagnostics, [], report.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(Builder(options: BuildOptions(siteFolder: folder)).check().diagnostics, [])
    }

    func testInitRefusesAFolderThatIsNotEmpty() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try scaffolder.initSite(at: folder))
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8), "mine")
    }

    func testInitOnAFileSaysItIsAFileAndLeavesItAlone() throws {
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder)
        XCTAssertThrowsError(try scaffolder.initSite(at: folder)) { error in
            XCTAssertTrue("\(error)".contains("is a file"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: folder, encoding: .utf8), "mine")
    }

    func testNewFilesOfEveryKindBuildIncludingTheDraftArticle() throws {
        _ = try scaffolder.initSite(at: folder)
        for kind in Scaffolder.Kind.allCases {
            let path = try scaffolder.newFile(kind, slug: "new-\(kind.rawValue)", name: "New: \(kind.rawValue)", in: folder)
            XCTAssertEqual(path, "Content/\(["author": "authors", "company": "companies", "article": "articles", "page": "pages"][kind.rawValue]!)/new-\(kind.rawValue).md")
        }
        let article = try String(contentsOf: folder.appendingPathComponent("Content/articles/new-article.md"), encoding: .utf8)
        XCTAssertTrue(article.contains("date: 2025-06-01"))
        XCTAssertTrue(article.contains("title: 'New: article'"))
        let report = Builder(options: BuildOptions(siteFolder: folder, includeDrafts: true)).build()
        // The warnings: a new person belongs to no cohort until the editor adds them to one, and the
        // placeholders are there to be replaced (the draft article's are not published).
        XCTAssertEqual(report.diagnostics.map(\.message),
                       ["New: author is in no cohort, so no chart or count includes them; add 'new-author' to a cohort's members in site.yml",
                        "this note is the placeholder 'roster new' wrote; write how you know, or cite a source",
                        "the text starts with the placeholder 'roster new' wrote ('Write a short biography here.'); replace it with your own",
                        "the text starts with the placeholder 'roster new' wrote ('Describe the organisation here.'); replace it with your own",
                        "the text starts with the placeholder 'roster new' wrote ('Write the page here.'); replace it with your own"],
                       report.diagnostics.map(\.description).joined(separator: "\n"))
    }

    /// A new member of a cohort starts at the cohort's origin (every member needs a stint there) and
    /// moves to `--company` when it is another; the first member of a new cohort mends `members: []`.
    func testANewCohortMemberStartsAtTheOriginAndMayBeTheFirstMemberOfANewCohort() throws {
        _ = try scaffolder.initSite(at: folder)
        try scaffolder.newFiles(.author, slug: "emmy-noether", name: "Emmy Noether", company: "globex", cohort: "acme-research", in: folder)
        let emmy = try String(contentsOf: folder.appendingPathComponent("Content/authors/emmy-noether.md"), encoding: .utf8)
        XCTAssertTrue(emmy.contains("  - company: acme\n    start: unknown\n    end: unknown\n"), emmy)
        XCTAssertTrue(emmy.contains("  - company: globex\n    start: unknown\n    confidence: inferred\n"), emmy)

        let settings = folder.appendingPathComponent("Content/site.yml")
        let yaml = try String(contentsOf: settings, encoding: .utf8)
            + "  - slug: globex-founders\n    name: Globex founders\n    origin: globex\n    date: 2023\n    members: [ ]\n"
            + "  - slug: later\n    name: Later\n    origin: acme\n    date: 2024\n    members: []\n"
        try Data(yaml.utf8).write(to: settings)
        XCTAssertThrowsError(try scaffolder.newFiles(.author, slug: "x", name: nil, company: "acmee", in: folder)) { error in
            XCTAssertTrue("\(error)".contains("(did you mean 'acme'?); if it is a new one, add it first"), "\(error)")
        }
        // Another cohort still empty does not stand in the way.
        try scaffolder.newFiles(.author, slug: "rosa", name: "Rosa", cohort: "globex-founders", in: folder)
        try scaffolder.newFiles(.author, slug: "lin", name: "Lin", cohort: "later", in: folder)
        let written = try String(contentsOf: settings, encoding: .utf8)
        XCTAssertTrue(written.contains("    members: [rosa]\n") && written.hasSuffix("    members: [lin]\n"), written)
        let report = Builder(options: BuildOptions(siteFolder: folder)).check()
        XCTAssertFalse(report.diagnostics.hasErrors, report.diagnostics.map(\.description).joined(separator: "\n"))
    }

    func testNewNeverOverwritesAFile() throws {
        _ = try scaffolder.initSite(at: folder)
        let path = folder.appendingPathComponent("Content/authors/ada-lovelace.md")
        let before = try Data(contentsOf: path)
        XCTAssertThrowsError(try scaffolder.newFile(.author, slug: "ada-lovelace", name: nil, in: folder)) { error in
            XCTAssertTrue("\(error)".contains("already exists"))
        }
        XCTAssertEqual(try Data(contentsOf: path), before)
        XCTAssertThrowsError(try scaffolder.newFile(.page, slug: "authors", name: nil, in: folder))
        XCTAssertThrowsError(try scaffolder.newFile(.author, slug: "Bad Slug", name: nil, in: folder))
    }

    func testEmbeddedThemeMatchesTemplates() throws {
        let templates = Repository.url("Templates")
        var onDisk: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: templates.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: templates.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                onDisk[path] = try Data(contentsOf: templates.appendingPathComponent(path))
            }
        }
        let embedded = Dictionary(uniqueKeysWithValues: DefaultTheme.files.map { ($0.path, $0.bytes) })
        XCTAssertEqual(embedded.keys.sorted(), onDisk.keys.sorted(), "the embedded theme lists other files than Templates/")
        for (path, bytes) in onDisk { XCTAssertEqual(embedded[path], bytes, "\(path) differs from the embedded copy") }
    }
}
