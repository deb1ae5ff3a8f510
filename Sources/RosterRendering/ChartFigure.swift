import RosterCharts
import RosterMarkdown
import RosterModel

/// A chart embedded in an article or page (`![caption](chart:KIND/SLUG)`): the same figure the report's
/// pages show, with the editor's caption.
struct ChartFigure {
    let builder: ViewBuilder
    let linker: Linker

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
        }
        guard let chart else { return "" }
        return ChartFactory.figure(chart, caption: embed.caption.isEmpty ? nil : embed.caption)
    }
}
