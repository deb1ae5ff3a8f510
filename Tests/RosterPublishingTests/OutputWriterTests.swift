import Foundation
import RosterModel
import XCTest
@testable import RosterPublishing

final class OutputWriterTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("roster-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: root.appendingPathComponent("Content/site.yml"))
    }

    override func tearDownWithError() throws {
        // A background deletion of the previous site may still run inside `root`: a removal that
        // meets vanishing files stops half way, so try again for a moment.
        for _ in 0..<40 where FileManager.default.fileExists(atPath: root.path) {
            try? FileManager.default.removeItem(at: root)
            if FileManager.default.fileExists(atPath: root.path) { Thread.sleep(forTimeInterval: 0.05) }
        }
    }

    private func writer(_ output: String) -> OutputWriter {
        OutputWriter(output: root.appendingPathComponent(output), siteFolder: root)
    }

    private func files(_ output: String) -> [String] {
        (FileManager.default.enumerator(atPath: root.appendingPathComponent(output).path)?.allObjects as? [String] ?? []).sorted()
    }

    func testFirstBuildCreatesTheFolderWithItsMarker() throws {
        try writer("Output").publish([.text("index.html", "hi"), .text("a/b/index.html", "b")])
        XCTAssertEqual(files("Output"), [".roster-manifest", ".roster-output", "a", "a/b", "a/b/index.html", "index.html"])
    }

    func testRebuildSwapsInTheNewSiteAndStaleFilesVanish() throws {
        try writer("Output").publish([.text("old.html", "old"), .text("index.html", "1")])
        try writer("Output").publish([.text("index.html", "2")], oldSiteRemoval: .synchronous)
        XCTAssertEqual(files("Output"), [".roster-manifest", ".roster-output", "index.html"])
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("Output/index.html"), encoding: .utf8), "2")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(".Output.roster-staging").path))
    }

    func testUnchangedFilesAreLinkedFromThePreviousSiteNotWritten() throws {
        try writer("Output").publish([.text("same.html", "same"), .text("changed.html", "1")])
        let inode = { (name: String) -> UInt64? in
            (try? FileManager.default.attributesOfItem(atPath: self.root.appendingPathComponent("Output/\(name)").path)[.systemFileNumber]) as? UInt64
        }
        let sameBefore = inode("same.html"), changedBefore = inode("changed.html")
        try writer("Output").publish([.text("same.html", "same"), .text("changed.html", "2")])
        XCTAssertEqual(inode("same.html"), sameBefore, "an unchanged file keeps its inode")
        XCTAssertNotEqual(inode("changed.html"), changedBefore)
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("Output/changed.html"), encoding: .utf8), "2")
    }

    func testGitkeepOnlyFolderIsReplacedAndKeepsItsGitkeep() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Output"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("Output/.gitkeep"))
        try writer("Output").publish([.text("index.html", "x")])
        XCTAssertEqual(files("Output"), [".gitkeep", ".roster-manifest", ".roster-output", "index.html"])
    }

    func testFolderOfTheUsersFilesIsRefusedAndUntouched() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: root.appendingPathComponent("mine/keep.txt"))
        XCTAssertThrowsError(try writer("mine").publish([.text("index.html", "x")]))
        XCTAssertEqual(files("mine"), ["keep.txt"])
    }

    func testContentTheSiteFolderAndItsParentsAreRefused() throws {
        XCTAssertNotNil(writer("Content").refusal())
        XCTAssertNotNil(writer("Content/out").refusal())
        XCTAssertNotNil(writer("Templates").refusal())
        XCTAssertNotNil(OutputWriter(output: root, siteFolder: root).refusal())
        XCTAssertNotNil(OutputWriter(output: root.deletingLastPathComponent(), siteFolder: root).refusal())
        XCTAssertNil(writer("Output").refusal())
        XCTAssertEqual(files("Content"), ["site.yml"])
    }

    func testAFailedWriteLeavesThePreviousSiteWhole() throws {
        try writer("Output").publish([.text("index.html", "1")])
        XCTAssertThrowsError(try writer("Output").publish([.text("index.html", "2"), OutputFile(path: "x", contents: .copy(from: "/nonexistent"))]))
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("Output/index.html"), encoding: .utf8), "1")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(".Output.roster-staging").path))
    }
}
