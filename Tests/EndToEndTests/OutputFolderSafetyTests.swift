import Foundation
import RosterBuild
import RosterModel
import RosterTestSupport
import XCTest

/// Where a build may write: never into Content/, Templates/, the site folder or a folder of the
/// user's own files; a new or `.gitkeep`-only folder is fine, and stale files of an earlier build vanish.
final class OutputFolderSafetyTests: XCTestCase {
    func testOutputIntoContentIsRefused() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let output = site.snapshot()
        let content = site.root.appendingPathComponent("Content")
        let contentBefore = site.snapshot(content)
        XCTAssertGreaterThan(contentBefore.count, 5)

        let report = site.build(output: content)
        XCTAssertFalse(report.succeeded, "building into Content/ must be refused")
        XCTAssertTrue(report.diagnostics.errors.contains { $0.message.contains("refusing") }, report.errorLines.joined(separator: "\n"))
        XCTAssertEqual(site.snapshot(content), contentBefore, "the user's Content/ changed")
        XCTAssertEqual(site.snapshot(), output, "Output/ changed")
    }

    func testOutputInsideContentOrTemplatesIsRefused() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let everything = site.snapshot(site.root)
        for folder in ["Content/site", "Templates/out"] {
            let report = site.build(output: site.root.appendingPathComponent(folder))
            XCTAssertFalse(report.succeeded, "building into \(folder) must be refused")
            XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(folder).path), folder)
        }
        XCTAssertEqual(site.snapshot(site.root), everything, "the site folder changed")
    }

    func testOutputIntoTheSiteFolderIsRefused() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let everything = site.snapshot(site.root)
        XCTAssertTrue(everything.keys.contains("Content/site.yml"))
        XCTAssertTrue(everything.keys.contains("Output/index.html"))

        let report = site.build(output: site.root)
        XCTAssertFalse(report.succeeded, "building into the site folder must be refused")
        XCTAssertTrue(report.diagnostics.errors.contains { $0.message.contains("refusing") }, report.errorLines.joined(separator: "\n"))
        XCTAssertEqual(site.snapshot(site.root), everything, "the site folder changed")
    }

    func testOutputIntoAFolderOfUserFilesIsRefused() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let output = site.snapshot()
        try site.write("mine/keep.txt", "my own notes\n")
        try site.write("mine/sub/deep.txt", "more notes\n")
        let mine = site.root.appendingPathComponent("mine")

        let report = site.build(output: mine)
        XCTAssertFalse(report.succeeded, "a folder of the user's files must be refused")
        XCTAssertTrue(report.diagnostics.errors.contains { $0.message.contains("refusing") }, report.errorLines.joined(separator: "\n"))
        XCTAssertEqual(site.snapshot(mine), ["keep.txt": Data("my own notes\n".utf8), "sub/deep.txt": Data("more notes\n".utf8)])
        XCTAssertEqual(site.snapshot(), output, "Output/ changed")
    }

    func testOutputIntoANewFolderWorks() throws {
        let site = try TestSite.minimal()
        let target = site.root.appendingPathComponent("published/site")
        let report = site.build(output: target)
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        let files = site.snapshot(target)
        XCTAssertNotNil(files["index.html"])
        XCTAssertNotNil(files["authors/ada/index.html"])
        XCTAssertNotNil(files[".roster-output"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "the default Output/ was written too")
    }

    func testOutputFolderWithOnlyGitkeepIsFilledAndKeepsGitkeep() throws {
        let site = try TestSite.minimal()
        try site.writeData("Output/.gitkeep", Data())
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        var files = site.snapshot()
        XCTAssertEqual(files[".gitkeep"], Data())
        XCTAssertNotNil(files["index.html"])

        // And again, now that the folder is Roster's.
        XCTAssertTrue(site.build().succeeded)
        files = site.snapshot()
        XCTAssertEqual(files[".gitkeep"], Data())
        XCTAssertNotNil(files["index.html"])

        // A custom folder holding only a .gitkeep works as well.
        try site.writeData("public/.gitkeep", Data())
        let custom = site.root.appendingPathComponent("public")
        XCTAssertTrue(site.build(output: custom).succeeded)
        XCTAssertEqual(site.snapshot(custom)[".gitkeep"], Data())
        XCTAssertNotNil(site.snapshot(custom)["index.html"])
    }

    func testStaleFilesVanish() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/old-story.md", """
            ---
            title: Old story
            date: 2024-01-01
            tags: [Ephemeral]
            aliases: [older-story]
            ---
            Gone soon.
            """)
        XCTAssertTrue(site.build().succeeded)
        var files = site.snapshot()
        XCTAssertNotNil(files["articles/old-story/index.html"])
        XCTAssertNotNil(files["tags/ephemeral/index.html"])
        XCTAssertNotNil(files["articles/older-story/index.html"])

        try site.remove("Content/articles/old-story.md")
        XCTAssertTrue(site.build().succeeded)
        files = site.snapshot()
        XCTAssertNil(files["articles/old-story/index.html"])
        XCTAssertNil(files["tags/ephemeral/index.html"])
        XCTAssertNil(files["articles/older-story/index.html"])
        XCTAssertNotNil(files["articles/news/index.html"])
        XCTAssertFalse(try site.read("Output/sitemap.xml").contains("old-story"))
        XCTAssertFalse(try site.read("Output/feed.xml").contains("Old story"))
        // No staging folder is left beside Output/, and the previous site, deleted in the
        // background, is gone soon after.
        var siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        let deadline = Date().addingTimeInterval(10)
        while siblings.count > 3, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        }
        XCTAssertEqual(siblings.sorted(), ["Content", "Output", "Templates"])
    }
}
