import Foundation
import RosterBuild
import RosterModel
import XCTest

/// A site in a temporary folder for end-to-end tests: the shipped theme plus either the shipped
/// report or a small hand-made site, built with the real Builder.
public final class TestSite {
    public static var repository: URL { Repository.root }

    public let root: URL
    public var output: URL { root.appendingPathComponent("Output") }

    /// A copy of the shipped report (Content/ and Templates/). Search is off unless the test is
    /// about it: Pagefind takes a few hundred milliseconds a build.
    public static func shippedReport(search: Bool = false) throws -> TestSite {
        let site = try TestSite(empty: ())
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Content"),
                                         to: site.root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Templates"),
                                         to: site.root.appendingPathComponent("Templates"))
        if !search {
            let settings = try site.read("Content/site.yml")
            try site.write("Content/site.yml", settings + (settings.hasSuffix("\n") ? "" : "\n") + "search: false\n")
        }
        return site
    }

    /// The shipped theme and no content yet: for tests that write a site of their own.
    public static func theme() throws -> TestSite {
        let site = try TestSite(empty: ())
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Templates"),
                                         to: site.root.appendingPathComponent("Templates"))
        return site
    }

    /// The shipped theme and a small valid site: one cohort of two authors at two companies.
    public static func minimal() throws -> TestSite {
        let site = try TestSite(empty: ())
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Templates"),
                                         to: site.root.appendingPathComponent("Templates"))
        try site.write("Content/site.yml", """
            title: Test report
            base_url: https://example.org/test/
            as_of: 2025-05-27
            search: false
            cohorts:
              - slug: team
                name: The team
                origin: acme
                date: 2020-01-01
                members: [ada, bob]
            """)
        try site.write("Content/sources.yml", """
            paper:
              title: The paper
              publisher: arXiv
              date: 2020-01
              url: https://arxiv.org/abs/1
            """)
        try site.write("Content/companies/acme.md", "---\nname: Acme\nwebsite: https://acme.example\n---\nAcme makes things.\n")
        try site.write("Content/companies/globex.md", "---\nname: Globex\n---\nGlobex.\n")
        try site.write("Content/authors/ada.md", """
            ---
            name: Ada Lovelace
            career:
              - company: acme
                start: 2015
                end: 2021-03
                sources: [paper]
              - company: globex
                start: 2021-03
                founder: true
                sources: [paper]
            ---
            Ada left [Acme](company:acme).
            """)
        try site.write("Content/authors/bob.md", """
            ---
            name: Bob
            career:
              - company: acme
                start: 2018-06-01
                sources: [paper]
            ---
            Bob stayed.
            """)
        try site.write("Content/articles/news.md", """
            ---
            title: News
            date: 2025-05-01
            tags: [Departures]
            ---
            [Ada](author:ada) went to [Globex](company:globex).
            """)
        return site
    }

    private init(empty: ()) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("roster-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { Self.removeEventually(root) }

    /// Removes a folder that a build's background deletion (a detached `rm -rf` of the previous
    /// site) may still be working in: a removal that meets vanishing files stops half way, so try
    /// again for up to two seconds.
    public static func removeEventually(_ folder: URL) {
        for _ in 0..<40 {
            try? FileManager.default.removeItem(at: folder)
            if !FileManager.default.fileExists(atPath: folder.path) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Writes a file below the site folder, creating folders; the text is dedented by its common indentation.
    public func write(_ path: String, _ text: String) throws {
        try writeData(path, Data(text.utf8))
    }

    public func writeData(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    public func build(output: URL? = nil, drafts: Bool = false, portable: Bool = false, baseURL: String? = nil) -> BuildReport {
        Builder(options: BuildOptions(siteFolder: root, output: output, baseURL: baseURL, includeDrafts: drafts,
                                      portable: portable)).build()
    }

    public func check() -> BuildReport {
        Builder(options: BuildOptions(siteFolder: root)).check()
    }

    /// Every file below a folder with its bytes, for comparing whole outputs.
    public func snapshot(_ folder: URL? = nil) -> [String: Data] {
        let base = folder ?? output
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[String(url.path.dropFirst(base.path.count + 1))] = try? Data(contentsOf: url)
            }
        }
        return files
    }
}

extension BuildReport {
    public var errorLines: [String] { diagnostics.errors.map(\.description) }
}

/// Asserts that a build failed with an error at `path:line` whose message contains `fragment`.
public func XCTAssertError(_ report: BuildReport, at path: String, line: Int? = nil, containing fragment: String,
                    file: StaticString = #filePath, line testLine: UInt = #line) {
    let match = report.diagnostics.errors.contains { diagnostic in
        diagnostic.location?.path == path && (line == nil || diagnostic.location?.line == line)
            && diagnostic.message.localizedCaseInsensitiveContains(fragment)
    }
    XCTAssertTrue(match, "expected an error at \(path):\(line.map(String.init) ?? "?") containing '\(fragment)', got:\n"
                  + report.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: testLine)
}
