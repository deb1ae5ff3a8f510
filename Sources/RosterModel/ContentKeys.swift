/// Every key of the content format, in one table. The loader accepts exactly these (and suggests the
/// closest for a misspelt one), the scaffolder writes the required ones and names the others in its
/// starter files, and a test checks that docs/content.md names each one. Adding a key starts here.
public enum ContentKeys {
    public struct Key: Sendable, Hashable {
        public let name: String
        public let required: Bool

        init(_ name: String, required: Bool = false) {
            self.name = name
            self.required = required
        }
    }

    /// `site.yml`.
    public static let settings: [Key] = [
        Key("title", required: true), Key("description"), Key("base_url", required: true), Key("language"),
        Key("as_of", required: true), Key("unsafe_html"), Key("paginate"), Key("feed_limit"), Key("cohorts", required: true),
    ]
    /// One entry of `cohorts:` in `site.yml`.
    public static let cohort: [Key] = [
        Key("slug", required: true), Key("name", required: true), Key("origin", required: true),
        Key("date", required: true), Key("members", required: true),
    ]
    /// One entry of `sources.yml`.
    public static let source: [Key] = [Key("title", required: true), Key("publisher"), Key("date"), Key("url")]
    public static let author: [Key] = [Key("name", required: true), Key("aliases"), Key("links"), Key("career", required: true)]
    /// One entry of an author's `career:`.
    public static let stint: [Key] = [
        Key("company", required: true), Key("unit"), Key("role"), Key("start", required: true), Key("end"),
        Key("confidence"), Key("founder"), Key("sources"),
    ]
    /// One entry of an author's `links:`.
    public static let link: [Key] = [Key("label", required: true), Key("url", required: true)]
    public static let company: [Key] = [
        Key("name", required: true), Key("kind"), Key("headquarters"), Key("founded"), Key("website"), Key("sources"),
        Key("aliases"),
    ]
    public static let article: [Key] = [
        Key("title", required: true), Key("date", required: true), Key("updated"), Key("summary"), Key("byline"),
        Key("tags"), Key("sources"), Key("aliases"), Key("draft"),
    ]
    public static let page: [Key] = [Key("title", required: true), Key("summary")]

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
        ("a link", link), ("a company", company), ("an article", article), ("a page", page),
    ]
}

extension Array where Element == ContentKeys.Key {
    /// The keys' names, in order.
    public var names: [String] { map(\.name) }
}
