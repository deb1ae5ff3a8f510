import RosterModel
import RosterTemplates
import XCTest
@testable import RosterRendering

/// Templates under `Templates/shared/` are rendered once per shared view and reused on every page
/// with that view; the pages must read exactly as if each had rendered them itself.
final class SharedPartialsTests: XCTestCase {
    private func templates(header: String) -> TemplateSet {
        var sources = TemplateSet.required.map { TemplateSource(name: $0, path: "Templates/\($0).mustache", text: "{{page.title}}") }
        sources.append(TemplateSource(name: "t", path: "Templates/t.mustache", text: "<body>\n{{> shared/header}}\n<h1>{{page}}</h1>\n</body>\n"))
        sources.append(TemplateSource(name: "shared/header", path: "Templates/shared/header.mustache", text: header))
        sources.append(TemplateSource(name: "plain", path: "Templates/plain.mustache", text: "<body>\n" + header + "<h1>{{page}}</h1>\n</body>\n"))
        let (set, problems) = TemplateSet.compile(sources)
        XCTAssertEqual(problems, [])
        return set
    }

    private func shared(_ home: String, current: Bool = false) -> SharedView {
        let links = SiteLinks(home: home, cohorts: "c/", authors: "a/", companies: "co/", articles: "ar/", tags: "t/",
                              sources: "s/", feed: "feed.xml", json: "j", csv: "c", pagefind: "pagefind/", assets: "assets/")
        return SharedView(links: links, nav: [NavItem(title: "Authors & co", href: home + "authors/", current: current)],
                          pages: [Crumb(title: "About", href: home + "about/")])
    }

    private func job(_ view: SharedView, page: String) -> PageJob {
        PageJob(route: .home, template: "t", context: PageContext(shared: view, values: [
            "site": ["title": "Report"], "links": view.links, "nav": view.nav, "pages": view.pages, "page": page]))
    }

    func testPagesReadAsIfEachRenderedTheSharedTemplateItself() {
        let header = "<header><a href=\"{{links.home}}\">{{site.title}}</a>\n{{#nav}}<a href=\"{{href}}\"{{#current}} aria-current=\"page\"{{/current}}>{{title}}</a>{{/nav}}\n</header>\n"
        let set = templates(header: header)
        let partials = SharedPartials(templates: set, constant: ["site": ["title": "Report"]])
        for (view, page) in [(shared("../"), "One"), (shared("../../", current: true), "Two"), (shared("../"), "Three")] {
            let expected = set.render(job(view, page: page).context.values, with: "plain")
            XCTAssertEqual(set.render(job(view, page: page), shared: partials), expected)
            XCTAssertTrue(expected?.contains("<h1>\(page)</h1>") == true)
            XCTAssertTrue(expected?.contains("Authors &amp; co") == true, expected ?? "")
        }
    }

    func testASharedTemplateSeesOnlyTheSharedKeys() {
        let set = templates(header: "<p>[{{page}}]</p>\n")
        let partials = SharedPartials(templates: set, constant: [:])
        XCTAssertEqual(set.render(job(shared("../"), page: "Secret"), shared: partials), "<body>\n<p>[]</p>\n<h1>Secret</h1>\n</body>\n")
    }

    /// Text with `{{` in it cannot be a literal template: the real one is rendered on each page.
    func testSharedTextWithBracesIsStillRenderedRight() {
        let set = templates(header: "<p>{{site.title}}</p>\n")
        let partials = SharedPartials(templates: set, constant: ["site": ["title": "{{x}} and }}"]])
        var context = job(shared("../"), page: "P")
        context.context["site"] = ["title": "{{x}} and }}"]
        XCTAssertEqual(set.render(context, shared: partials), "<body>\n<p>{{x}} and }}</p>\n<h1>P</h1>\n</body>\n")
    }
}
