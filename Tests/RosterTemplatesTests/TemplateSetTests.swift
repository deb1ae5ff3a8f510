import RosterModel
import RosterSupport
import XCTest
@testable import RosterTemplates

final class TemplateSetTests: XCTestCase {
    private func allRequired(plus extra: [TemplateSource] = []) -> [TemplateSource] {
        TemplateSet.required.map { TemplateSource(name: $0, path: "Templates/\($0).mustache", text: "{{page.title}}") } + extra
    }

    func testMissingPartialIsReportedAtItsLine() {
        let sources = allRequired().filter { $0.name != "author" }
            + [TemplateSource(name: "author", path: "Templates/author.mustache", text: "<h1>\n  {{> partials/heder}}\n")]
        let (_, problems) = TemplateSet.compile(sources + [TemplateSource(name: "partials/header", path: "Templates/partials/header.mustache", text: "")])
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.location, SourceLocation(path: "Templates/author.mustache", line: 2, column: 3))
        XCTAssertTrue(problems.first?.message.contains("did you mean 'partials/header'") == true)
    }

    func testSyntaxErrorIsReportedAtItsFileAndLine() {
        let sources = allRequired().filter { $0.name != "home" }
            + [TemplateSource(name: "home", path: "Templates/home.mustache", text: "a\nb\n{{#open}}\nc\n")]
        let (_, problems) = TemplateSet.compile(sources)
        XCTAssertEqual(problems.first?.location?.path, "Templates/home.mustache")
        XCTAssertTrue(problems.first?.message.contains("template syntax error") == true)
    }

    func testMissingRequiredTemplateIsAnError() {
        let (_, problems) = TemplateSet.compile(allRequired().filter { $0.name != "tag" })
        XCTAssertEqual(problems.map(\.message), ["the theme has no template 'tag'; add Templates/tag.mustache"])
    }

    func testMustacheEscapesQuotesForAttributes() {
        let (templates, _) = TemplateSet.compile(allRequired(plus: [TemplateSource(name: "t", path: "t", text: "<a title=\"{{x}}\">{{x}}</a>")]))
        let html = templates.render(["x": "\"><script>'&"], with: "t")
        XCTAssertEqual(html, "<a title=\"&quot;&gt;&lt;script&gt;&#39;&amp;\">&quot;&gt;&lt;script&gt;&#39;&amp;</a>")
    }

    func testEscapeHandlesHTMLSpecialsAndDropsControlCharacters() {
        XCTAssertEqual(Markup.escapeHTML("a<b>&\"'\u{0}\u{7}c\n"), "a&lt;b&gt;&amp;&quot;&#39;c\n")
    }
}
