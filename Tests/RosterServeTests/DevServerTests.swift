import Foundation
import RosterBuild
import RosterTestSupport
import XCTest
@testable import RosterServe

/// Starts `roster serve` on a free port inside the test and uses it as a browser would.
final class DevServerTests: XCTestCase {
    var fixture: TestSite!
    var site: URL! { fixture?.root }
    var server: DevServer!
    var task: Task<Void, Error>!
    var http: RawHTTP!
    let logs = LogLines()

    override func setUp() async throws {
        fixture = try TestSite.theme()
        try write("Content/site.yml", """
            title: Served
            base_url: https://example.org/report/
            as_of: 2025-05-27
            search: false
            cohorts:
              - {slug: team, name: Team, origin: acme, date: 2020, members: [ada]}
            """)
        try write("Content/companies/acme.md", "---\nname: Acme\n---\n")
        try write("Content/authors/ada.md", "---\nname: Ada\ncareer:\n  - {company: acme, start: 2019, confidence: inferred, note: a test stint}\n---\n")
        try write("Content/articles/news.md", "---\ntitle: First title\ndate: 2025-05-01\n---\nHello.\n")
        try write("Content/articles/plan.md", "---\ntitle: Secret plan\ndate: 2025-05-02\ndraft: true\n---\nDraft.\n")
        server = DevServer(options: .init(siteFolder: site, port: 0), log: { [logs] in logs.append($0) })
        let ready = AsyncStream<Int>.makeStream()
        task = Task { [server] in try await server!.run { port in ready.continuation.yield(port) } }
        var iterator = ready.stream.makeAsyncIterator()
        guard let port = await iterator.next() else { return XCTFail("server did not start") }
        http = RawHTTP(port: port)
    }

    override func tearDown() async throws {
        task?.cancel()
        _ = try? await task?.value
        fixture = nil
        // XCTest keeps async test cases alive; let go of the server so its memory can be checked.
        task = nil
        server = nil
        http = nil
    }

    private func write(_ path: String, _ text: String) throws {
        try fixture.write(path, text)
    }

    /// Polls until `condition` holds, for at most `seconds` (behaviour, not a benchmark).
    private func eventually(_ seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }

    func testServesPagesWithDraftsContentTypesAndTheReloadScript() throws {
        let home = try http.get("/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(home.body.contains("new EventSource(\"/__roster/events\")"))
        XCTAssertEqual(try http.get("/articles/plan/").status, 200, "drafts are served")
        XCTAssertEqual(try http.get("/assets/style.css").headers["content-type"], "text/css; charset=utf-8")
        XCTAssertEqual(try http.get("/data/roster.json").headers["content-type"], "application/json; charset=utf-8")
        XCTAssertEqual(try http.get("/feed.xml").headers["content-type"], "application/xml; charset=utf-8")
        XCTAssertEqual(try http.get("/authors").status, 301)
        let built = try String(contentsOf: server.siteRoot.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(built.contains("EventSource"), "the script is added when serving, never written")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output").path), "serve never writes Output/")
    }

    func testMissesGetTheSitesOwn404Page() throws {
        let miss = try http.get("/no/such/page/")
        XCTAssertEqual(miss.status, 404)
        XCTAssertTrue(miss.body.contains("Page not found"))
        // The 404 page links from base_url's path when published; served, the site is at the root.
        XCTAssertTrue(miss.body.contains(#"href="/assets/style.css""#), miss.body)
        XCTAssertFalse(miss.body.contains(#"href="/report/"#), miss.body)
    }

    func testTheBuildsOwnHiddenFilesAreNotServed() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: server.siteRoot.appendingPathComponent(".roster-output").path))
        for path in ["/.roster-output", "/.roster-manifest", "/assets/.hidden"] {
            XCTAssertEqual(try http.get(path).status, 404, path)
        }
    }

    func testPathTraversalIsRefused() throws {
        try "secret".write(to: site.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: server.siteRoot.appendingPathComponent("escape").path,
                                                   withDestinationPath: site.path)
        for path in ["/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/assets/..%2f..%2fsecret.txt",
                     "//etc/passwd", "/escape/secret.txt", "/./../secret.txt"] {
            let response = try http.get(path)
            XCTAssertTrue([400, 404].contains(response.status), "\(path) gave \(response.status)")
            XCTAssertFalse(response.body.contains("secret") && !response.body.contains("Page not found"), path)
            XCTAssertFalse(response.body.contains("root:"), path)
        }
    }

    func testETagChangesWithTheBytesAndMatchesGiveNotModified() throws {
        let first = try http.get("/assets/style.css")
        let tag = try XCTUnwrap(first.headers["etag"])
        XCTAssertEqual(try http.get("/assets/style.css", headers: ["If-None-Match": tag]).status, 304)
        // RFC 9110: any tag, a list, and the weak comparison (with or without W/).
        let strong = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
        for condition in ["*", "\"other\", \(tag)", strong, "W/\(strong)"] {
            XCTAssertEqual(try http.get("/assets/style.css", headers: ["If-None-Match": condition]).status, 304, condition)
        }
        XCTAssertEqual(try http.get("/assets/style.css", headers: ["If-None-Match": "\"other\""]).status, 200)
        // The same size, within the same second: the tag must still change.
        let css = site.appendingPathComponent("Templates/assets/style.css")
        var text = try String(contentsOf: css, encoding: .utf8)
        text = text.replacingOccurrences(of: "--text: #1b1d21;", with: "--text: #1b1d22;")
        try text.write(to: css, atomically: false, encoding: .utf8)
        XCTAssertTrue(try eventually { try http.get("/assets/style.css").headers["etag"] != tag })
    }

    func testSavingAFileRebuildsThePageAndTellsOpenPagesToReload() throws {
        let events = try http.openEventStream()
        XCTAssertTrue(events.wait(for: "connected", seconds: 5))
        try write("Content/articles/news.md", "---\ntitle: Second title\ndate: 2025-05-01\n---\nHello again.\n")
        XCTAssertTrue(events.wait(for: "event: reload", seconds: 10), events.received)
        XCTAssertTrue(try eventually { try http.get("/articles/news/").body.contains("Second title") })
    }

    func testABrokenFileShowsTheOverlayWhileTheLastGoodSiteIsServed() throws {
        try write("Content/authors/ada.md", "---\nname: Ada\ncareer:\n  - {company: acmee, start: 2019, confidence: inferred, note: a test stint}\n---\n")
        XCTAssertTrue(try eventually { try http.get("/").body.contains("roster-overlay") })
        let page = try http.get("/authors/ada/")
        XCTAssertEqual(page.status, 200, "the last good site is still served")
        XCTAssertTrue(page.body.contains("Content/authors/ada.md:4:"), page.body)
        XCTAssertTrue(page.body.contains("unknown company &#39;acmee&#39;") || page.body.contains("unknown company 'acmee'"))
        try write("Content/authors/ada.md", "---\nname: Ada\ncareer:\n  - {company: acme, start: 2019, confidence: inferred, note: a test stint}\n---\n")
        XCTAssertTrue(try eventually { try !http.get("/").body.contains("roster-overlay") })
    }

    func testWarningsArePrintedWhenTheyChangeNotOnEveryRebuild() throws {
        try write("Content/authors/cy.md", "---\nname: Cy\ncareer:\n  - {company: acme, start: 2019, confidence: inferred, note: a test stint}\n---\n")
        let warned = { self.logs.lines.filter { $0.contains("Content/authors/cy.md") && $0.contains("warning:") }.count }
        XCTAssertTrue(eventually { warned() == 1 && self.logs.lines.contains { $0.contains("(1 warning)") } }, logs.lines.joined(separator: "\n"))
        let rebuilds = logs.lines.filter { $0.hasPrefix("Rebuilt") }.count
        try write("Content/articles/news.md", "---\ntitle: Third title\ndate: 2025-05-01\n---\nHello.\n")
        XCTAssertTrue(eventually { self.logs.lines.filter { $0.hasPrefix("Rebuilt") }.count > rebuilds })
        XCTAssertEqual(warned(), 1, "the same warning again: " + logs.lines.joined(separator: "\n"))
    }

    func testBurstOfSavesGivesOneRebuild() throws {
        let before = server.state.generation
        for index in 0..<10 {
            try write("Content/articles/news.md", "---\ntitle: Title \(index)\ndate: 2025-05-01\n---\nHello.\n")
        }
        XCTAssertTrue(try eventually { try http.get("/articles/news/").body.contains("Title 9") })
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertLessThanOrEqual(server.state.generation - before, 2, "a burst of saves gives one rebuild (two at most, if it straddles a rebuild)")
    }
}

extension DevServerTests {
    func testAnEditedAuthorTakesTheFastPath() throws {
        try write("Content/authors/ada.md", "---\nname: Ada\ncareer:\n  - {company: acme, start: 2019, role: Chief tinkerer, confidence: inferred, note: a test stint}\n---\nA new bio line.\n")
        XCTAssertTrue(try eventually { try http.get("/authors/ada/").body.contains("Chief tinkerer") })
        XCTAssertTrue(eventually { logs.lines.contains { $0.hasPrefix("Rewrote Content/authors/ada.md") } }, logs.lines.joined(separator: "\n"))
    }

    func testAnArticleSavedThroughATemporaryFileTakesTheFastPath() throws {
        // What `sed -i` and many editors do: write a temporary file, rename it over the article.
        let temporary = site.appendingPathComponent("Content/articles/sedX1b2c3")
        try Data("---\ntitle: First title\ndate: 2025-05-01\n---\nRenamed into place.\n".utf8).write(to: temporary)
        XCTAssertEqual(rename(temporary.path, site.appendingPathComponent("Content/articles/news.md").path), 0)
        XCTAssertTrue(try eventually { try http.get("/articles/news/").body.contains("Renamed into place.") })
        XCTAssertTrue(eventually { logs.lines.contains { $0.hasPrefix("Rewrote Content/articles/news.md") } }, logs.lines.joined(separator: "\n"))
    }

    func testStoppingRemovesTheBuildFolderEvenWhileAnOldSiteIsBeingDeleted() async throws {
        try write("Content/articles/news.md", "---\ntitle: Changed\ndate: 2025-05-01\n---\nChanged.\n")
        let folder = try XCTUnwrap(server).folder
        for _ in 0..<100 where !logs.lines.contains(where: { $0.hasPrefix("Rebuilt") && $0 != logs.lines.first }) {
            try await Task.sleep(for: .milliseconds(50))
        }
        task.cancel()
        _ = try? await task.value
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "the build folder outlived the server")
    }

    func testEditingOneArticleRewritesItsPageBeforeTheFullRebuild() throws {
        let before = server.state.generation
        try write("Content/articles/news.md", "---\ntitle: First title\ndate: 2025-05-01\n---\nA quick fix.\n")
        XCTAssertTrue(try eventually { try http.get("/articles/news/").body.contains("A quick fix.") })
        // The fast path and then the full rebuild each count as a generation.
        XCTAssertTrue(eventually { server.state.generation >= before + 2 })
        XCTAssertTrue(try http.get("/").body.contains("First title"))
    }
}

/// What the server logged, in order.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}
