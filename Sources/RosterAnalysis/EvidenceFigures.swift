import RosterModel

/// How well the site's claims are sourced, for `figures:evidence` on a methodology page: computed
/// from the content at every build, so the page never goes stale.
public struct EvidenceFigures: Sendable {
    /// Stints per confidence, in `Confidence.allCases` order.
    public var byConfidence: [(confidence: Confidence, stints: Int)]
    public var stints: Int
    /// Stints citing two sources or more, and none.
    public var withTwoOrMoreSources: Int
    public var withoutSource: Int
    public var sources: Int
    /// The oldest `accessed:` date of a source, when any source has one.
    public var oldestAccessed: PartialDate?

    /// A site with no claims and no sources.
    public static let none = EvidenceFigures(byConfidence: [], stints: 0, withTwoOrMoreSources: 0, withoutSource: 0,
                                             sources: 0, oldestAccessed: nil)

    public static func analyse(_ site: Site) -> EvidenceFigures {
        var counts: [Confidence: Int] = [:]
        var stints = 0, two = 0, none = 0
        for author in site.authors {
            for stint in author.career {
                stints += 1
                counts[stint.confidence, default: 0] += 1
                if stint.sources.count >= 2 { two += 1 }
                if stint.sources.isEmpty { none += 1 }
            }
        }
        return EvidenceFigures(byConfidence: Confidence.allCases.map { ($0, counts[$0] ?? 0) }, stints: stints,
                               withTwoOrMoreSources: two, withoutSource: none, sources: site.sources.count,
                               oldestAccessed: site.sources.compactMap(\.accessed).min())
    }
}
