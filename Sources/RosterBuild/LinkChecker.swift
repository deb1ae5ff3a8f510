import Foundation
import RosterMarkdown
import RosterModel
import RosterSupport

/// Checks the rendered site the way a visitor would meet it: every relative link leads to a file
/// the build writes, every `#fragment` to an id on that page, and no id appears twice on a page.
struct LinkChecker: Sendable {
    /// Output path (`authors/x/index.html`) → the page's ids and hrefs.
    let pages: [String: PageAnchors]
    /// Every other file written (`feed.xml`, `assets/style.css`).
    public let otherFiles: Set<String>
    /// Output path → the relative links its body wrote, so a broken one is reported where it was
    /// written rather than blamed on the template.
    public let writtenLinks: [String: [WrittenLink]]

    let parallelism: Parallelism

    init(pages: [String: PageAnchors], otherFiles: Set<String>, writtenLinks: [String: [WrittenLink]] = [:],
         parallelism: Parallelism = .automatic) {
        self.pages = pages
        self.otherFiles = otherFiles
        self.writtenLinks = writtenLinks
        self.parallelism = parallelism
    }

    func check() -> [Diagnostic] {
        var ids: [String: Set<String>] = [:]
        var problems: [Diagnostic] = []
        for (path, page) in pages {
            var seen: Set<String> = []
            for id in page.ids where !seen.insert(id).inserted {
                problems.append(.error("the page \(Self.url(path)) has the id '\(id)' more than once (check its template)"))
            }
            ids[path] = seen
        }
        // Each page on its own, on every core: a page's links are checked against the ids of all.
        let paths = pages.keys.filter { !$0.hasSuffix("404.html") }
        let found = ConcurrentSlots<[Diagnostic]>(count: paths.count)
        let allIDs = ids
        parallelism.forEach(paths.count) { index in
            found[index] = linkProblems(on: paths[index], ids: allIDs)
        }
        for index in paths.indices { problems += found[index] ?? [] }
        return problems.sorted()
    }

    private func linkProblems(on path: String, ids: [String: Set<String>]) -> [Diagnostic] {
        guard let page = pages[path] else { return [] }
        var problems: [Diagnostic] = []
        var written: [String: SourceLocation] = [:]
        for link in writtenLinks[path] ?? [] where written[Self.comparable(link.url)] == nil {
            written[Self.comparable(link.url)] = link.location
        }
        let folders = path.split(separator: "/").dropLast().map(String.init)
        for href in Set(page.hrefs) {
            guard let (target, fragment) = resolve(href, from: path, folders: folders) else { continue }
            let location = written[Self.comparable(href)]
            if let pageIDs = ids[target] {
                // As a browser looks for the fragment: as written, then percent-decoded.
                if let fragment, !fragment.isEmpty, !pageIDs.contains(fragment),
                   !pageIDs.contains(URLText.percentDecoded(fragment)) {
                    if let location {
                        problems.append(.error("the link '\(href)' points at '#\(fragment)', which is not an id on \(Self.url(target))",
                                               at: location))
                    } else {
                        problems.append(.error("the page \(Self.url(path)) links to '\(href)', but '#\(fragment)' is not an id on \(Self.url(target)) (check its template)"))
                    }
                }
            } else if !otherFiles.contains(target) {
                if let location {
                    problems.append(.error("the link '\(href)' leads to \(Self.url(target)), which the site does not contain; link to the site's own pages with author:, company:, article:, page:, source:, tag: or cohort:, and to files in Content/assets/ by their path",
                                           at: location))
                } else {
                    problems.append(.error("the page \(Self.url(path)) links to '\(href)', which the site does not contain (check its template)"))
                }
            }
        }
        return problems
    }

    /// A link as a browser reads it, for matching what a body wrote against what cmark printed
    /// (which percent-encodes some characters).
    static func comparable(_ url: String) -> String {
        URLText.percentDecoded(url)
    }

    /// `authors/x/index.html` → `/authors/x/`: the address a reader would see.
    static func url(_ file: String) -> String {
        "/" + (file == "index.html" ? "" : file.hasSuffix("/index.html") ? String(file.dropLast("index.html".count)) : file)
    }

    /// The output file a relative href leads to, or nil for external and absolute links.
    /// `folders` are the page's folders (`["authors", "x"]`), when they are split already.
    func resolve(_ href: String, from page: String, folders: [String]? = nil) -> (String, String?)? {
        if href.isEmpty || href.hasPrefix("/") || URLText.scheme(of: href) != nil { return nil }
        var pathPart = href
        var fragment: String?
        if let hash = href.firstIndex(of: "#") {
            fragment = String(href[href.index(after: hash)...])
            pathPart = String(href[..<hash])
        }
        if pathPart.isEmpty { return (page, fragment) }
        var parts = folders ?? page.split(separator: "/").dropLast().map(String.init)
        for component in pathPart.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(URLText.percentDecoded(String(component)))
            }
        }
        var target = parts.joined(separator: "/")
        if pathPart.hasSuffix("/") || pathPart == "." || pathPart == "./" { target += target.isEmpty ? "index.html" : "/index.html" }
        return (target, fragment)
    }
}
