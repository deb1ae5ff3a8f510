import Foundation
import RosterMarkdown
import RosterModel
import RosterRendering
import RosterSupport

/// The checks on rendered pages that every build runs, each reported where the editor wrote the
/// cause (as Zola checks anchors): a `#fragment` in a body's internal link must name an id on the
/// page it leads to, and a source id must not repeat an id the theme writes on `/sources/`.
/// `roster check` goes further with `LinkChecker`, over every link and id of every page.
struct AnchorChecker {
    /// The ids (repeats kept) of at least the pages in `routesNeedingIDs`.
    let pageIDs: [Route: [String]]
    let bodies: RenderedBodies
    let targets: LinkTargets
    let sources: [Source]

    /// The pages whose ids these checks read: those a body's fragment points at, and /sources/.
    /// A build keeps the ids of these pages only.
    static func routesNeedingIDs(_ bodies: RenderedBodies, targets: LinkTargets) -> Set<Route> {
        var routes: Set<Route> = [.sources]
        for (route, body) in bodies.html {
            if !body.pageFragments.isEmpty { routes.insert(route) }
            for found in body.links where found.link.fragment?.isEmpty == false && found.link.kind != .source {
                if case .success(let (target, _)) = targets.route(for: found.link) { routes.insert(target) }
            }
        }
        return routes
    }

    func check() -> [Diagnostic] {
        fragmentProblems() + sourceIDProblems(pageIDs[.sources])
    }

    private func fragmentProblems() -> [Diagnostic] {
        var idSets: [Route: Set<String>] = [:]
        func ids(on route: Route) -> Set<String>? {
            if let known = idSets[route] { return known }
            guard let list = pageIDs[route] else { return nil }
            let set = Set(list)
            idSets[route] = set
            return set
        }
        var problems: [Diagnostic] = []
        for (bodyRoute, body) in bodies.html {
            for fragment in body.pageFragments {
                guard let ids = ids(on: bodyRoute), !ids.contains(fragment.id) else { continue }
                problems.append(.error("the link '#\(fragment.id)' points at an id that is not on this page"
                                       + Suggestion.hint(for: fragment.id, in: ids), at: fragment.location))
            }
            for found in body.links {
                // The fragment is decoded already, as InternalLink reads it.
                guard let fragment = found.link.fragment, !fragment.isEmpty, found.link.kind != .source,
                      case .success(let (route, _)) = targets.route(for: found.link),
                      let ids = ids(on: route), !ids.contains(fragment) else { continue }
                problems.append(.error("the link '\(found.link.written)' points at '#\(fragment)', which is not an id on \(route.path)"
                                       + Suggestion.hint(for: fragment, in: ids), at: found.location))
            }
        }
        return problems
    }

    /// A source's anchor on `/sources/` is its id, so an id the theme also writes there (`main`,
    /// `site-header`) would make the page's ids ambiguous.
    private func sourceIDProblems(_ ids: [String]?) -> [Diagnostic] {
        guard let ids else { return [] }
        var counts: [String: Int] = [:]
        for id in ids { counts[id, default: 0] += 1 }
        return sources.filter { (counts[$0.id] ?? 0) > 1 }.map { source in
            .error("the source id '\(source.id)' is also an id the theme uses on /sources/, so links to it are ambiguous; choose another id",
                   at: source.locations.start)
        }
    }
}
