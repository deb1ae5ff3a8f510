/// Every key of the content format, in one table. The loader accepts exactly these (and suggests the
/// closest for a misspelt one), the scaffolder writes the required ones and names the others in its
/// starter files, and a test checks that docs/content.md names each one.
public enum ContentKeys {
    public struct Key: Sendable, Hashable {
        public let name: String
        public let required: Bool

        init(_ name: String, required: Bool = false) {
            self.name = name
            self.required = required
        }
    }

    // Each table sits beside the fields it fills (`Author.keys` in Author.swift, …), so that a new
    // field and its key are added in one place.
    public static var settings: [Key] { SiteSettings.keys }
    public static var cohort: [Key] { Cohort.keys }
    public static var source: [Key] { Source.keys }
    public static var author: [Key] { Author.keys }
    public static var stint: [Key] { Stint.keys }
    public static var link: [Key] { Link.keys }
    public static var correction: [Key] { Correction.keys }
    public static var company: [Key] { Company.keys }
    public static var article: [Key] { Article.keys }
    public static var page: [Key] { Page.keys }

    /// The front matter of a kind of document.
    public static func frontMatter(_ kind: DocumentKind) -> [Key] {
        switch kind {
        case .author: return author
        case .company: return company
        case .article: return article
        case .page: return page
        }
    }

    /// Every table with what it describes, for documentation and its test.
    public static let all: [(what: String, keys: [Key])] = [
        ("site.yml", settings), ("a cohort", cohort), ("a source", source), ("an author", author), ("a stint", stint),
        ("a link", link), ("a correction", correction), ("a company", company), ("an article", article), ("a page", page),
    ]
}

extension Array where Element == ContentKeys.Key {
    /// The keys' names, in order.
    public var names: [String] { map(\.name) }
}

/// The columns of the CSV exports, which `roster import` reads back.
public enum CSVColumns {
    public static let careers = ["author", "name", "company", "company_name", "unit", "role", "start", "end", "founder",
                                 "confidence", "note", "sources"]
    public static let people = ["author", "name", "links", "aliases", "cohorts"]
    public static let companies = ["company", "name", "kind", "headquarters", "founded", "website"]
}
