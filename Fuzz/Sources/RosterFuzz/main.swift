import CFuzzDriver
import Foundation
import RosterLoading
import RosterMarkdown
import RosterModel
import RosterRendering

/// One input, every parser it can reach: the bytes as an article file (UTF-8 checks, front-matter
/// splitting, YAML decoding, keys), its body through cmark-gfm with internal-link resolution, the
/// bytes as site.yml, and every `scheme:target` in it as an internal link. Nothing may crash, hang
/// or leak; errors are fine.
let site = Site(settings: SiteSettings(title: "Fuzz", baseURL: "https://example.org/", asOf: PartialDate(year: 2025)!),
                cohorts: [Cohort(slug: "team", name: "Team", origin: "acme", date: PartialDate(year: 2020)!, members: ["ada"])],
                authors: [Author(slug: "ada", name: "Ada", career: [])],
                companies: [Company(slug: "acme", name: "Acme")],
                articles: [Article(slug: "news", title: "News", date: PartialDate(year: 2024)!, tags: ["Paris", "Café"])],
                pages: [Page(slug: "about", title: "About")],
                sources: [Source(id: "paper", title: "Paper")])
let targets = LinkTargets(site: site)
let linker = Linker(from: .page("/articles/fuzz/"))

/// SwiftPM names an executable's entry point `<module>_main`; hand it to libFuzzer's driver.
@_cdecl("RosterFuzz_main")
public func rosterFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzz(UnsafeRawPointer(data), size)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let (article, _) = SiteLoader.parseArticle(data, path: "Content/articles/fuzz.md")
    let text = String(decoding: data, as: UTF8.self)
    let body = article?.body ?? MarkdownText(text, firstLine: 1, path: "Content/articles/fuzz.md")
    for unsafe in [false, true] {
        _ = MarkdownRenderer(unsafeHTML: unsafe).render(body, reservedIDs: ["main"]) { link in
            switch targets.route(for: link) {
            case .success(let (route, fragment)): return .href(linker.href(route, fragment: fragment))
            case .failure(let error): return .unknown(error.message)
            }
        }
    }
    _ = SiteLoader.parseSettings(data)
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" || $0 == ")" }).prefix(64) {
        if let link = InternalLink(url: String(word)) { _ = targets.route(for: link) }
    }
    _ = Slug.forTag(String(text.prefix(256)))
    return 0
}
