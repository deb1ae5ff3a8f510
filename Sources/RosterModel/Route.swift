/// Every kind of page and file a build writes, and where it lives. One place decides URLs, so
/// links, the sitemap and the writer never disagree.
public enum Route: Sendable, Hashable {
    /// `base` itself for page 1, `.paged(base, page:)` after it.
    public static func page(_ page: Int, of base: Route) -> Route { page <= 1 ? base : .paged(base, page: page) }

    case home
    case cohorts
    case cohort(String)
    case authors
    case author(String)
    case companies
    case company(String)
    /// Article index page, counting from 1.
    case articles(page: Int)
    case article(String)
    case tags
    /// A tag's listing page, counting from 1; the tag's slug.
    case tag(String, page: Int)
    case sources
    case page(String)
    case notFound
    case feed
    case sitemap
    case robots
    case json
    case csv
    /// A file under `assets/`.
    case asset(String)
    /// An alias's old URL, as a path below the site (`authors/old-slug/`).
    case alias(String)
    /// Page `page` (from 2) of a long list whose first page is the base route: `/authors/page/2/`,
    /// `/cohorts/<slug>/page/3/` (the cohort's members), `/companies/<slug>/page/2/`.
    indirect case paged(Route, page: Int)
    /// Every member's career, a chart per page: `/cohorts/<slug>/careers/`.
    case cohortCareers(String)
    /// What changed since the last saved edition: `/changes/`.
    case changes
    /// A saved edition, published beside the current export: `/data/editions/<date>.json`.
    case edition(String)
    /// The search page (Pagefind): `/search/`.
    case search

    /// The URL path below the site root, starting with `/`; pages end in `/`.
    public var path: String {
        switch self {
        case .home: return "/"
        case .cohorts: return "/cohorts/"
        case .cohort(let slug): return "/cohorts/\(slug)/"
        case .authors: return "/authors/"
        case .author(let slug): return "/authors/\(slug)/"
        case .companies: return "/companies/"
        case .company(let slug): return "/companies/\(slug)/"
        case .articles(let page): return page <= 1 ? "/articles/" : "/articles/page/\(page)/"
        case .article(let slug): return "/articles/\(slug)/"
        case .tags: return "/tags/"
        case .tag(let slug, let page): return page <= 1 ? "/tags/\(slug)/" : "/tags/\(slug)/page/\(page)/"
        case .sources: return "/sources/"
        case .page(let slug): return "/\(slug)/"
        case .notFound: return "/404.html"
        case .feed: return "/feed.xml"
        case .sitemap: return "/sitemap.xml"
        case .robots: return "/robots.txt"
        case .json: return "/data/roster.json"
        case .csv: return "/data/careers.csv"
        case .asset(let file): return "/assets/\(file)"
        case .alias(let path): return "/" + path
        case .paged(let base, let page): return page <= 1 ? base.path : base.path + "page/\(page)/"
        case .cohortCareers(let slug): return "/cohorts/\(slug)/careers/"
        case .changes: return "/changes/"
        case .edition(let date): return "/data/editions/\(date).json"
        case .search: return "/search/"
        }
    }

    /// The file written for this route, relative to the output folder.
    public var outputFile: String {
        let trimmed = String(path.dropFirst())
        return path.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }
}

/// Writes links between pages. Links are relative to the page they appear on, so the site works
/// under any path on any host; `404.html` instead links from `base_url`'s path, because hosts
/// serve it at any URL. In portable mode directory links end in `index.html` so the site can be
/// browsed straight from disk.
public struct Linker: Sendable, Hashable {
    public enum Base: Sendable, Hashable {
        /// Relative to the page at this path (`/articles/x/`).
        case page(String)
        /// Absolute from this path (`/llama/`).
        case absolute(String)
    }

    public var base: Base
    public var portable: Bool
    /// The folders of the page's own URL, split once: `href` runs thousands of times per build.
    private let fromFolders: [Substring]

    public init(from base: Base, portable: Bool = false) {
        self.base = base
        self.portable = portable
        if case .page(let from) = base {
            fromFolders = Array(from.split(separator: "/", omittingEmptySubsequences: true)
                .dropLast(from.hasSuffix("/") ? 0 : 1))
        } else {
            fromFolders = []
        }
    }

    /// What a link to a top-level path (`/authors/`, `/feed.xml`) depends on: the page's first
    /// folder, how deep it is, and how links are written. Equal keys give equal links to such paths.
    public var topLevelKey: TopLevelKey {
        switch base {
        case .absolute(let root): return TopLevelKey(firstFolder: "", depth: 0, portable: portable, absoluteRoot: root)
        case .page: return TopLevelKey(firstFolder: fromFolders.first.map(String.init) ?? "", depth: fromFolders.count,
                                       portable: portable, absoluteRoot: nil)
        }
    }

    public struct TopLevelKey: Sendable, Hashable {
        public var firstFolder: String
        public var depth: Int
        public var portable: Bool
        public var absoluteRoot: String?
    }

    public init(for route: Route, basePath: String, portable: Bool = false) {
        if route == .notFound {
            self.init(from: .absolute(basePath), portable: false)
        } else {
            self.init(from: .page(route.path), portable: portable)
        }
    }

    public func href(_ route: Route, fragment: String? = nil) -> String {
        href(path: route.path, fragment: fragment)
    }

    /// A link to a site path (starting with `/`), with an optional `#fragment`.
    public func href(path target: String, fragment: String? = nil) -> String {
        var link: String
        switch base {
        case .absolute(let root):
            link = (root.hasSuffix("/") ? String(root.dropLast()) : root) + target
        case .page:
            link = Self.relative(fromFolders: fromFolders, to: target)
            if portable && link.hasSuffix("/") { link += "index.html" }
            if portable && link.isEmpty { link = "index.html" }
        }
        link = URLText.percentEncodePath(link)
        if let fragment, !fragment.isEmpty {
            link += "#" + URLText.percentEncodePath(fragment)
        }
        return link.isEmpty ? "./" : link
    }

    /// A prefix for files below a folder (`../../assets/`): never `index.html`, even when portable.
    public func filePrefix(_ folder: String) -> String {
        var plain = self
        plain.portable = false
        let link = plain.href(path: folder)
        return link == "./" ? "" : link
    }

    static func relative(from: String, to target: String) -> String {
        relative(fromFolders: Array(from.split(separator: "/", omittingEmptySubsequences: true)
            .dropLast(from.hasSuffix("/") ? 0 : 1)), to: target)
    }

    static func relative(fromFolders fromDir: [Substring], to target: String) -> String {
        // Fast path: a target in another top-level folder is `../` per level, then the target.
        if let first = fromDir.first {
            let rest = target.utf8.dropFirst()
            let firstLength = first.utf8.count
            let sharesFirst = rest.count > firstLength && rest.starts(with: first.utf8)
                && rest[rest.index(rest.startIndex, offsetBy: firstLength)] == UInt8(ascii: "/")
            if !sharesFirst && target.count > 1 {
                return String(repeating: "../", count: fromDir.count) + target.dropFirst()
            }
        } else if target.count > 1 {
            return String(target.dropFirst())
        }
        let isDirectory = target.hasSuffix("/")
        let targetParts = target.split(separator: "/", omittingEmptySubsequences: true)
        var common = 0
        while common < fromDir.count, common < targetParts.count, fromDir[common] == targetParts[common] {
            common += 1
        }
        if isDirectory == false && common == targetParts.count && common > 0 { common -= 1 }
        let ups = Array(repeating: "..", count: fromDir.count - common)
        let downs = targetParts[common...].map(String.init)
        var link = (ups + downs).joined(separator: "/")
        if isDirectory && !link.isEmpty { link += "/" }
        return link
    }
}
