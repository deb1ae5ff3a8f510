import RosterMarkdown
import RosterModel

/// A chart embedded in an article (`![caption](chart:KIND/COHORT)`): the same figure the report's
/// pages show, with the editor's caption.
struct ChartFigure {
    let builder: ViewBuilder
    let linker: Linker

    func html(for embed: ChartEmbed) -> String {
        guard let facts = builder.facts.cohort(embed.cohort) else { return "" }
        let factory = ChartFactory(builder: builder)
        let number = embed.placeholder.filter(\.isNumber)
        let id = "figure-\(number)-\(embed.kind.rawValue)"
        let chart = switch embed.kind {
        case .destinations: factory.destinations(facts, id: id)
        case .flow: factory.flow(facts, id: id)
        case .careers: factory.careers(facts, id: id, members: facts.members.prefix(ChartFactory.cohortPageRows), first: 1)
        case .retention: factory.retention([facts], id: id)
        }
        return ChartFactory.figure(chart, caption: embed.caption.isEmpty ? nil : embed.caption)
    }
}
