import Foundation
import RosterModel
import RosterTestSupport
import XCTest
@testable import RosterTemplates

/// Templates that would crash swift-mustache's renderer or parser (it recurses without a limit)
/// are errors at the tag responsible. None of these tests render: before the checks existed,
/// rendering them crashed the test process.
final class TemplateCycleAndDepthTests: XCTestCase {
    private func compile(_ extra: [String: String]) -> [Diagnostic] {
        let replaced = Set(extra.keys)
        let required = TemplateSet.required.filter { !replaced.contains($0) }
            .map { TemplateSource(name: $0, path: "Templates/\($0).mustache", text: "{{page.title}}") }
        let added = extra.keys.sorted().map { TemplateSource(name: $0, path: "Templates/\($0).mustache", text: extra[$0]!) }
        return TemplateSet.compile(required + added).1
    }

    private func nested(_ sigil: String, _ name: String, levels: Int) -> String {
        String(repeating: "{{\(sigil)\(name)}}", count: levels) + "x" + String(repeating: "{{/\(name)}}", count: levels)
    }

    func testAPartialThatIncludesItselfIsAnErrorAtItsTag() {
        let problems = compile(["page": "<p>{{> partials/self}}</p>", "partials/self": "x{{> partials/self}}"])
        XCTAssertEqual(problems.map(\.description), [
            "Templates/partials/self.mustache:1:2: error: the partial 'partials/self' includes itself "
                + "(partials/self → partials/self); Roster would never finish rendering it",
        ])
    }

    func testTwoPartialsIncludingEachOtherAreOneErrorListingTheChain() {
        let problems = compile(["page": "{{> a}}", "a": "A\n  {{> b}}", "b": "B {{#list}}{{>a}}{{/list}}"])
        XCTAssertEqual(problems.map(\.description), [
            "Templates/b.mustache:1:12: error: the partial 'a' includes itself (a → b → a); Roster would never finish rendering it",
        ])
    }

    func testALayoutThatIncludesOrInheritsFromItselfIsAnError() {
        let includes = compile(["layout": "<body>\n{{> layout}}\n</body>"])
        XCTAssertEqual(includes.map(\.location), [SourceLocation(path: "Templates/layout.mustache", line: 2, column: 1)])
        XCTAssertTrue(includes.first?.message.contains("the partial 'layout' includes itself (layout → layout)") == true)

        let inherits = compile(["layout": "{{<layout}}{{/layout}}\n<body>{{$main}}{{/main}}</body>"])
        XCTAssertEqual(inherits.map(\.location), [SourceLocation(path: "Templates/layout.mustache", line: 1, column: 1)])
        XCTAssertTrue(inherits.first?.message.contains("the parent template 'layout' inherits from itself (layout → layout)") == true)

        let page = compile(["page": "{{<page}}{{$main}}hi{{/main}}{{/page}}"])
        XCTAssertEqual(page.map(\.location), [SourceLocation(path: "Templates/page.mustache", line: 1, column: 1)])
    }

    func testTwoTemplatesInheritingFromEachOtherAreOneError() {
        let problems = compile(["a": "{{<b}}{{/b}}", "b": "{{<a}}{{/a}}"])
        XCTAssertEqual(problems.map(\.description), [
            "Templates/b.mustache:1:1: error: the parent template 'a' inherits from itself (a → b → a); Roster would never finish rendering it",
        ])
    }

    func testACycleInPartialsNoPageUsesIsStillAnError() {
        let problems = compile(["partials/unused": "{{#items}}{{> partials/unused}}{{/items}}"])
        XCTAssertEqual(problems.map(\.location), [SourceLocation(path: "Templates/partials/unused.mustache", line: 1, column: 11)])
    }

    func testATemplateInACycleIsNotRegistered() {
        let (templates, _) = TemplateSet.compile([TemplateSource(name: "a", path: "a", text: "{{> a}}"),
                                                  TemplateSource(name: "b", path: "b", text: "fine {{> a}}")])
        XCTAssertNil(templates.library.getTemplate(named: "a"))
        XCTAssertNotNil(templates.library.getTemplate(named: "b"))
    }

    func testDynamicPartialsAndSharedPartialsAreNotCycles() {
        let problems = compile(["page": "{{> p}}{{> q}}{{>*dynamic}}", "p": "{{> shared}}", "q": "{{> shared}}{{> shared}}", "shared": "s"])
        XCTAssertEqual(problems, [])
    }

    func testSectionsNestedMoreThanAHundredDeepAreAnErrorAtTheTagOpeningLevel101() {
        XCTAssertEqual(compile(["page": nested("#", "title", levels: 100)]), [])
        let problems = compile(["page": nested("#", "title", levels: 101)])
        XCTAssertEqual(problems.map(\.location), [SourceLocation(path: "Templates/page.mustache", line: 1, column: 1 + 100 * 10)])
        XCTAssertTrue(problems.first?.message.hasPrefix("template sections are nested more than 100 deep here; ") == true)
    }

    func testThousandsOfNestedSectionsAreReportedQuicklyWithoutCrashing() {
        let start = Date()
        for (sigil, name) in [("#", "title"), ("^", "x"), ("$", "a")] {
            let deep = "{{=<% %>=}}\n" + nested(sigil, name, levels: 5000).replacingOccurrences(of: "{{", with: "<%")
                .replacingOccurrences(of: "}}", with: "%>")
            let problems = compile(["page": deep])
            XCTAssertEqual(problems.map(\.location), [SourceLocation(path: "Templates/page.mustache", line: 2, column: 1 + 100 * (name.count + 5))])
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testTheDefaultThemeCompilesWithoutProblems() throws {
        let folder = Repository.url("Templates")
        let files = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: folder.path))
        let sources = try files.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }.sorted().map {
            TemplateSource(name: String($0.dropLast(".mustache".count)), path: "Templates/\($0)",
                           text: try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
        XCTAssertTrue(sources.contains { $0.name == "partials/company-link" })
        let (templates, problems) = TemplateSet.compile(sources)
        XCTAssertEqual(problems, [])
        for name in TemplateSet.required { XCTAssertNotNil(templates.library.getTemplate(named: name), name) }
    }
}
