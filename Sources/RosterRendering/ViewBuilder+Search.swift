import RosterModel

/// What the search page's filters know of each page. Filter values are written as `<data>`
/// elements in the page's main content (the layout's `page.searchFilters`), one per value, so a
/// person in three stints of confirmed confidence counts once under "confirmed".
extension ViewBuilder {
    /// A filter's value, written so Pagefind can match it: Pagefind 1.5 lists a value holding `"` or
    /// `\` and then finds no page for it, so those are written as “ ” and ⧵.
    func searchFilter(_ key: String, _ value: String) -> SearchFilter {
        SearchFilter(key: key, value: Self.matchable(value))
    }

    /// The search filter `kind` of an indexed page, in the site's language.
    func searchKind(_ route: Route) -> String? {
        switch route {
        case .author: return labels.text("search.kinds.person")
        case .company: return labels.text("search.kinds.organisation")
        case .cohort: return labels.text("search.kinds.cohort")
        case .article: return labels.text("search.kinds.article")
        case .page: return labels.text("search.kinds.page")
        case .sources: return labels.text("search.kinds.source")
        default: return nil
        }
    }

    static func matchable(_ text: String) -> String {
        guard text.contains(where: { $0 == "\"" || $0 == "\\" }) else { return text }
        var result = ""
        var previous: Character = " "
        for character in text {
            switch character {
            case "\"": result.append(previous.isWhitespace || "([{".contains(previous) ? "\u{201C}" : "\u{201D}")
            case "\\": result.append("\u{29F5}")
            default: result.append(character)
            }
            previous = character
        }
        return result
    }
}
