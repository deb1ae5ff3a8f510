/// Where everything lives in a site folder. The loader, the validator's messages, the scaffolder,
/// the dev server's watcher and the output writer all name folders through this, so renaming one
/// is one change.
public enum SiteLayout {
    public static let content = "Content"
    public static let templates = "Templates"
    /// The default build destination, inside the site folder.
    public static let output = "Output"
    public static let settings = "Content/site.yml"
    public static let sources = "Content/sources.yml"
    public static let data = "Content/data"
    public static let contentAssets = "Content/assets"
    public static let themeAssets = "Templates/assets"
    /// `Templates/labels/<language>.yml`: the theme's words in each language.
    public static let themeLabels = "Templates/labels"
    /// Saved editions, `<date>.json` each (`roster edition save`); a build only reads them.
    public static let editions = "Content/editions"
    /// An edition's file: `Content/editions/2025-05-27.json`.
    public static func edition(_ date: PartialDate) -> String { editions + "/\(date).json" }
    /// The CSV exports beside `data/careers.csv` (in the output folder).
    public static let peopleCSV = "data/people.csv"
    public static let companiesCSV = "data/companies.csv"
    /// The folders a site's editors write in, which a build may never write to.
    public static let editorFolders = [content, templates]
}

/// The four kinds of Markdown document, each a folder of `<slug>.md` files under `Content/`.
public enum DocumentKind: String, Sendable, CaseIterable {
    case author, company, article, page

    /// `authors`, `companies`, `articles`, `pages`.
    public var folderName: String {
        switch self {
        case .author: return "authors"
        case .company: return "companies"
        case .article: return "articles"
        case .page: return "pages"
        }
    }

    /// `Content/authors`.
    public var folder: String { SiteLayout.content + "/" + folderName }

    /// `Content/authors/<slug>.md`.
    public func path(_ slug: String) -> String { folder + "/" + slug + ".md" }
}
