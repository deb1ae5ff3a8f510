import RosterAnalysis
import RosterCharts
import RosterMarkdown
import RosterModel
import RosterSupport

/// A chart embedded in an article or page (`![caption](chart:KIND/SLUG)`): the same figure the report's
/// pages show, with the editor's caption.
struct ChartFigure {
    let builder: ViewBuilder
    let linker: Linker
    /// False in the feed: the caption and the numbers, without the drawings.
    var drawn = true

    func html(for embed: ChartEmbed) -> String {
        let factory = ChartFactory(builder: builder)
        let number = embed.placeholder.filter(\.isNumber)
        let id = "figure-\(number)-\(embed.kind.rawValue)"
        let cohort = builder.facts.cohort(embed.target)
        let chart: Chart?
        switch embed.kind {
        case .destinations: chart = cohort.map { factory.destinations($0, id: id) }
        case .flow: chart = cohort.map { factory.flow($0, id: id) }
        case .careers: chart = cohort.map { factory.careers($0, id: id, members: $0.members.prefix(ChartFactory.cohortPageRows), first: 1) }
        case .retention: chart = cohort.map { factory.retention([$0], id: id) }
        case .career: chart = builder.authorsBySlug[embed.target].map { factory.careerRow($0, id: id) }
        case .moves:
            chart = builder.companiesBySlug[embed.target].flatMap { factory.moves($0, facts: builder.companyFacts[$0.slug], id: id) }
        case .evidence:
            return evidenceTable(builder.facts.evidence, id: id, caption: embed.caption)
        }
        guard let chart else { return "" }
        return factory.figure(chart, caption: embed.caption.isEmpty ? nil : embed.caption, drawn: drawn)
    }

    /// `figures:evidence`: the site's evidence figures as a table, computed at every build.
    func evidenceTable(_ figures: EvidenceFigures, id: String, caption: String) -> String {
        let labels = builder.labels
        func percent(_ count: Int) -> String {
            labels.percent(figures.stints == 0 ? 0 : Int((Double(count) * 100 / Double(figures.stints)).rounded()))
        }
        var rows = figures.byConfidence.map {
            (labels.text("chart.evidence.marked", ["confidence": labels.text("confidence." + $0.confidence.rawValue)]), $0.stints)
        }
        rows += [(labels.text("chart.evidence.two_or_more"), figures.withTwoOrMoreSources),
                 (labels.text("chart.evidence.none"), figures.withoutSource)]
        let title = caption.isEmpty ? labels.count("chart.evidence.caption", figures.stints) : caption
        var html = "<figure class=\"evidence-figures\" id=\"\(id)\">\n<table>\n"
        html += "<caption>\(Markup.escapeHTML(title))</caption>\n"
        html += "<thead><tr><th scope=\"col\">\(Markup.escapeHTML(labels.text("chart.evidence.figure")))</th>"
            + " <th scope=\"col\">\(Markup.escapeHTML(labels.text("chart.evidence.stints")))</th>"
            + " <th scope=\"col\">\(Markup.escapeHTML(labels.text("facts.share")))</th></tr></thead>\n<tbody>\n"
        for (label, count) in rows {
            html += "<tr><th scope=\"row\">\(Markup.escapeHTML(label))</th> <td>\(labels.number(count))</td> <td>\(percent(count))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        var note = labels.count("chart.evidence.sources", figures.sources)
        if let oldest = figures.oldestAccessed { note += labels.text("chart.evidence.oldest", ["date": builder.date(oldest)]) }
        html += "<p class=\"note\">\(Markup.escapeHTML(note)).</p>\n</figure>\n"
        return html
    }
}
