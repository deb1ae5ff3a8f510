import Foundation
import RosterModel
import RosterSupport
import Yams

/// What loading produced: the model (when the essentials could be read), the templates, and
/// every problem met on the way.
public struct LoadedSite: Sendable {
    public var site: Site?
    public var templates: [TemplateSource]
    public var diagnostics: [Diagnostic]
    /// Slugs of every file found, including those whose front matter failed, so that later
    /// stages do not report a reference to a broken file as unknown.
    public var fileSlugs: FileSlugs
}


/// Turns a site folder (`Content/` + `Templates/`) into the model. It reads everything it can and
/// reports every file it cannot, never skipping one silently.
public struct SiteLoader: Sendable {
    public let folder: URL
    public let parallelism: Parallelism
    public let progress: BuildProgress?

    public init(siteFolder: URL, parallelism: Parallelism = .automatic, progress: BuildProgress? = nil) {
        self.folder = siteFolder
        self.parallelism = parallelism
        self.progress = progress
    }

    public func load() -> LoadedSite {
        let files = SiteFolder(root: folder)
        var problems: [Diagnostic] = []
        var slugs = FileSlugs()

        guard files.isDirectory(SiteLayout.content) else {
            return LoadedSite(site: nil, templates: [], diagnostics: [
                .error("no Content/ folder in '\(folder.path)'; run Roster in a site folder or pass --site DIR"),
            ], fileSlugs: slugs)
        }
        // Content and Templates are checked once here, so that a link that takes either out of
        // the site is one error rather than one for each folder below it.
        let templatesOutside = files.leavesSite(SiteLayout.templates)
        if let contentOutside = files.leavesSite(SiteLayout.content) {
            return LoadedSite(site: nil, templates: [], diagnostics: [contentOutside] + (templatesOutside.map { [$0] } ?? []),
                              fileSlugs: slugs)
        }
        let (settings, cohorts) = loadSettings(files, &problems, &slugs)
        var authors = loadDocuments(.author, files, &problems, &slugs.authors, decode: DocumentDecoders.author)
        var companies = loadDocuments(.company, files, &problems, &slugs.companies, decode: DocumentDecoders.company)
        measurePictures(&authors, &companies, files, &problems)
        let articles = loadDocuments(.article, files, &problems, &slugs.articles, decode: DocumentDecoders.article)
        slugs.draftArticles = Set(articles.filter(\.draft).map(\.slug))
        let pages = loadDocuments(.page, files, &problems, &slugs.pages, decode: DocumentDecoders.page)
        let sources = loadSources(files, &problems, &slugs)
        let data = loadData(files, &problems)
        let editions = loadEditions(files, asOf: settings?.asOf, &problems)
        var templates: [TemplateSource] = []
        let assets: [Asset]
        if let templatesOutside {
            problems.append(templatesOutside)
            assets = loadAssets(files, from: [SiteLayout.contentAssets], &problems)
        } else {
            assets = loadAssets(files, from: [SiteLayout.themeAssets, SiteLayout.contentAssets], &problems)
            templates = loadTemplates(files, &problems)
        }

        // Settings that could not be read are reported already; the rest of the site is still
        // checked with stand-in settings, so one bad line in site.yml does not hide other problems.
        if settings == nil && !problems.hasErrors {
            problems.append(.error("\(SiteLayout.settings) could not be read"))
        }
        var site = Site(settings: settings ?? .unreadable, cohorts: cohorts, authors: authors, companies: companies,
                        articles: articles, pages: pages, sources: sources, data: data, assets: assets)
        site.editions = editions
        if templatesOutside == nil, let settings {
            site.labels = loadLabels(files, settings: settings, &problems)
            problems += LabelCheck.missing(in: site.labels, templates: templates)
        }
        return LoadedSite(site: site, templates: templates, diagnostics: problems.sorted(), fileSlugs: slugs)
    }

    /// Reads one article file (`Content/articles/<slug>.md`), for the dev server's fast path.
    public func loadArticle(_ relativePath: String) -> (Article?, [Diagnostic]) {
        let files = SiteFolder(root: folder)
        let name = (relativePath as NSString).lastPathComponent
        guard name.hasSuffix(".md"), Slug.isValid(String(name.dropLast(3))) else { return (nil, []) }
        var problems: [Diagnostic] = []
        let text = files.text(relativePath, problems: &problems)
        let (article, more) = Self.parseArticle(text, path: relativePath)
        return (article, problems + more)
    }

    /// Reads one author file (`Content/authors/<slug>.md`), for the dev server's fast path.
    public func loadAuthor(_ relativePath: String) -> (Author?, [Diagnostic]) {
        let files = SiteFolder(root: folder)
        let name = (relativePath as NSString).lastPathComponent
        guard name.hasSuffix(".md"), Slug.isValid(String(name.dropLast(3))) else { return (nil, []) }
        var problems: [Diagnostic] = []
        let text = files.text(relativePath, problems: &problems)
        let slug = String(name.dropLast(3))
        let author = YAMLRecovery.document(text, path: relativePath, problems: &problems) { document, node, found in
            DocumentDecoders.author(slug: slug, document, node, path: relativePath, problems: &found)
        }
        guard let author else { return (nil, problems) }
        var authors = [author], companies: [Company] = []
        measurePictures(&authors, &companies, files, &problems)
        return (authors.first, problems)
    }

    static func parseArticle(_ text: Result<String, Diagnostic>, path relativePath: String) -> (Article?, [Diagnostic]) {
        let name = (relativePath as NSString).lastPathComponent
        let slug = String(name.dropLast(3))
        var problems: [Diagnostic] = []
        let article = YAMLRecovery.document(text, path: relativePath, problems: &problems) { document, node, found in
            DocumentDecoders.article(slug: slug, document, node, path: relativePath, problems: &found)
        }
        return (article, problems)
    }

    /// An article from a file's bytes: UTF-8 checks, front matter, YAML (with recovery), keys (the
    /// fuzzer's first entry).
    public static func parseArticle(_ data: Data, path: String) -> (Article?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let text = TextFile.decode(data, path: path, problems: &problems)
        let (article, more) = parseArticle(text, path: path)
        return (article, problems + more)
    }

    /// `site.yml` from its bytes, read the way a build reads it (the fuzzer's second entry).
    public static func parseSettings(_ data: Data) -> (SiteSettings?, [Cohort], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let text = TextFile.decode(data, path: SiteLayout.settings, problems: &problems)
        let read = decodeSettings(text)
        return (read.settings, read.cohorts, problems + read.problems)
    }

    /// The settings and cohorts in `site.yml`'s text; `cohortSlugs` is nil when the cohorts cannot be
    /// read, so that no member is reported as belonging nowhere.
    static func decodeSettings(_ text: Result<String, Diagnostic>)
        -> (settings: SiteSettings?, cohorts: [Cohort], cohortSlugs: Set<String>?, problems: [Diagnostic]) {
        let path = SiteLayout.settings
        switch text.map({ YAMLRecovery.parse($0, path: path, firstLine: 1) }) {
        case .failure(let problem): return (nil, [], nil, [problem])
        case .success(let recovery):
            // Nothing readable: the syntax errors say why; no "missing key" follows them.
            guard recovery.isComplete || recovery.node != nil else { return (nil, [], nil, recovery.problems) }
            let (settings, cohorts, cohortSlugs, found) = SiteSettingsDecoder.decode(recovery.node, path: path)
            let readable = recovery.node?.mapping != nil && !recovery.unreadableKeys.contains("cohorts")
            return (settings, cohorts, readable ? cohortSlugs : nil, recovery.problems + recovery.filtering(found))
        }
    }

    private func loadSettings(_ files: SiteFolder, _ problems: inout [Diagnostic],
                              _ slugs: inout FileSlugs) -> (SiteSettings?, [Cohort]) {
        let path = SiteLayout.settings
        guard files.exists(path) else {
            problems.append(.error("\(SiteLayout.settings) is missing; it holds the site's title, base_url, as_of and cohorts"))
            slugs.cohortsReadable = false
            return (nil, [])
        }
        let read = Self.decodeSettings(files.text(path, problems: &problems))
        problems += read.problems
        if let cohortSlugs = read.cohortSlugs { slugs.cohorts = cohortSlugs } else { slugs.cohortsReadable = false }
        return (read.settings, read.cohorts)
    }

    /// The files directly in `folder` whose names end in `suffix`, each with its name and its name
    /// without the suffix, and which of them are links; a folder there, or a file of another kind,
    /// is a warning and is left out.
    func listFiles(in folder: String, ending suffix: String, folderNoun: String, fileNoun: String, _ files: SiteFolder,
                   _ problems: inout [Diagnostic]) -> (found: [(path: String, name: String, stem: String)], linked: Set<String>) {
        let listing = files.files(in: folder, problems: &problems)
        for path in listing.folders {
            problems.append(.warning("\(path) is a folder; \(folderNoun) are the \(suffix) files directly in \(folder), so it is ignored",
                                     at: SourceLocation(path: path)))
        }
        var found: [(path: String, name: String, stem: String)] = []
        for path in listing.files {
            let name = (path as NSString).lastPathComponent
            guard name.hasSuffix(suffix) else {
                problems.append(.warning("'\(name)' is not \(fileNoun) (\(suffix)) and is ignored", at: SourceLocation(path: path)))
                continue
            }
            found.append((path, name, String(name.dropLast(suffix.count))))
        }
        return (found, listing.linked)
    }

    private typealias Decode<T> = @Sendable (String, FrontMatter, Node?, String, inout [Diagnostic]) -> T?

    /// Reads a folder of Markdown documents on every core; results keep the files' order.
    private func loadDocuments<T: Sendable>(_ kind: DocumentKind, _ files: SiteFolder, _ problems: inout [Diagnostic],
                                            _ slugs: inout Set<String>, decode: Decode<T>) -> [T] {
        var paths: [(path: String, slug: String, walked: Bool)] = []
        let (found, linked) = listFiles(in: kind.folder, ending: ".md", folderNoun: kind.folderName, fileNoun: "a Markdown file",
                                        files, &problems)
        for (path, name, stem) in found {
            let slug = stem
            guard Slug.isValid(slug) else {
                problems.append(.error("the file name '\(name)' is not a valid slug; use lowercase letters, digits and single dashes, like '\(Slug.forTag(slug).isEmpty ? "my-page" : Slug.forTag(slug)).md'",
                                       at: SourceLocation(path: path)))
                continue
            }
            slugs.insert(slug)
            paths.append((path, slug, !linked.contains(path)))
        }
        let slots = ConcurrentSlots<(T?, [Diagnostic])>(count: paths.count)
        let work = paths
        progress?.begin("load \(kind.folderName)", total: work.count)
        parallelism.forEach(work.count) { index in
            defer { progress?.advance() }
            let (path, slug, walked) = work[index]
            var found: [Diagnostic] = []
            let text = files.text(path, walked: walked, problems: &found)
            let value = YAMLRecovery.document(text, path: path, problems: &found) { document, node, problems in
                decode(slug, document, node, path, &problems)
            }
            slots[index] = (value, found)
        }
        var documents: [T] = []
        documents.reserveCapacity(work.count)
        for index in work.indices {
            guard let (value, found) = slots[index] else { continue }
            problems += found
            if let value { documents.append(value) }
        }
        return documents
    }
}
