import RosterModel

/// Warns about the placeholders of `roster new` left in content: a stint's note that passes for its
/// evidence, a summary, or a body's first sentence, all of which would be published as written.
struct StarterTextValidator {
    let site: Site

    func validate() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for author in site.authors {
            for stint in author.career where stint.note == StarterText.stintNote {
                problems.append(.warning("this note is the placeholder 'roster new' wrote; write how you know, or cite a source",
                                         at: stint.locations.location(of: "note")))
            }
            problems += body(author.body, StarterText.authorBody)
        }
        for company in site.companies { problems += body(company.body, StarterText.companyBody) }
        for article in site.articles where !article.draft {
            if article.summary == StarterText.articleSummary {
                problems.append(.warning("this summary is the placeholder 'roster new' wrote; say what the article reports",
                                         at: article.locations.location(of: "summary")))
            }
            problems += body(article.body, StarterText.articleBody)
        }
        for page in site.pages { problems += body(page.body, StarterText.pageBody) }
        return problems
    }

    private func body(_ text: MarkdownText, _ placeholder: String) -> [Diagnostic] {
        let blank = text.text.prefix { $0.isNewline }.count
        guard text.text.dropFirst(blank).hasPrefix(placeholder) else { return [] }
        return [.warning("the text starts with the placeholder 'roster new' wrote ('\(placeholder)'); replace it with your own",
                         at: SourceLocation(path: text.path, line: text.firstLine + blank))]
    }
}
