import Foundation
import RosterMarkdown
import RosterModel
import RosterRendering

/// The checks on rendered pages that every build runs, each reported where the editor wrote the
/// cause (as Zola checks anchors): a `#fragment` in a body's internal link must name an id on the
/// page it leads to, and a source id must not repeat an id the theme writes on `/sources/`.
/// `roster check` goes further with `LinkChecker`, over every link and id of every page.
struct AnchorChecker {
    let pages: [RenderedPage]
    let bodies: RenderedBodies
    let targets: LinkTargets
    let sources: [Source]

    func check() -> [Diagnostic] {
        fragmentProblems() + sourceIDProblems(pages.first { $0.route == .sources }?.html)
    }

    private func fragmentProblems() -> [Diagnostic] {
        var pageIDs = PageIDs(pages: pages)
        var problems: [Diagnostic] = []
        for (bodyRoute, body) in bodies.html {
            for fragment in body.pageFragments {
                guard let ids = pageIDs.ids(on: bodyRoute), !ids.contains(fragment.id) else { continue }
                problems.append(.error("the link '#\(fragment.id)' points at an id that is not on this page"
                                       + Suggestion.hint(for: fragment.id, in: ids), at: fragment.location))
            }
            for found in body.links {
                // The fragment is decoded already, as InternalLink reads it.
                guard let fragment = found.link.fragment, !fragment.isEmpty, found.link.kind != .source,
                      case .success(let (route, _)) = targets.route(for: found.link),
                      let ids = pageIDs.ids(on: route), !ids.contains(fragment) else { continue }
                problems.append(.error("the link '\(found.link.written)' points at '#\(fragment)', which is not an id on \(route.path)"
                                       + Suggestion.hint(for: fragment, in: ids), at: found.location))
            }
        }
        return problems
    }

    /// A source's anchor on `/sources/` is its id, so an id the theme also writes there (`main`,
    /// `site-header`) would make the page's ids ambiguous.
    private func sourceIDProblems(_ html: String?) -> [Diagnostic] {
        guard let html else { return [] }
        var counts: [String: Int] = [:]
        for id in LinkChecker.attributeValues("id", in: html) { counts[id, default: 0] += 1 }
        return sources.filter { (counts[$0.id] ?? 0) > 1 }.map { source in
            .error("the source id '\(source.id)' is also an id the theme uses on /sources/, so links to it are ambiguous; choose another id",
                   at: source.locations.start)
        }
    }
}

/// The ids of rendered pages, read only for the pages a fragment points at: most sites have few
/// fragment links, so the index of pages is made only when the first one appears.
private struct PageIDs {
    let pages: [RenderedPage]
    private var htmlByRoute: [Route: String]?
    private var idsByRoute: [Route: Set<String>] = [:]

    init(pages: [RenderedPage]) { self.pages = pages }

    mutating func ids(on route: Route) -> Set<String>? {
        if let known = idsByRoute[route] { return known }
        if htmlByRoute == nil {
            htmlByRoute = Dictionary(pages.map { ($0.route, $0.html) }, uniquingKeysWith: { first, _ in first })
        }
        guard let html = htmlByRoute?[route] else { return nil }
        let ids = Set(LinkChecker.attributeValues("id", in: html))
        idsByRoute[route] = ids
        return ids
    }
}
