import RosterModel

/// What the content holds but the report does not use: a source that nothing cites, a person in no
/// cohort. Each is a warning, not an error: an editor may be halfway through adding them. A tracker
/// can have thousands, so after the first few the rest are counted in one line.
public struct CoverageWarnings: Sendable {
    /// How many of each kind are listed one by one before the rest are summarised.
    public static let listed = 5

    public static func check(_ site: Site, facts: SiteFacts) -> [Diagnostic] {
        guard !site.cohorts.isEmpty || !site.sources.isEmpty else { return [] }
        let uncited = site.sources.filter { facts.citations.routes(citing: $0.id).isEmpty }
        let unaffiliated = site.cohorts.isEmpty ? [] : site.authors.filter { !facts.isMember($0.slug) }
        return summarised(uncited.map {
            .warning("source '\($0.id)' is cited by nothing; cite it in a stint's sources, an entry's sources or a [link](source:\($0.id)), or remove it",
                     at: $0.locations.start)
        }, rest: { "\($0) more sources are cited by nothing" })
            + summarised(unaffiliated.map {
                .warning("\($0.name) is in no cohort, so no chart or count includes them; add '\($0.slug)' to a cohort's members in site.yml",
                         at: $0.locations.start)
            }, rest: { "\($0) more people are in no cohort" })
    }

    private static func summarised(_ warnings: [Diagnostic], rest: (String) -> String) -> [Diagnostic] {
        guard warnings.count > listed else { return warnings }
        let more = NumberText.grouped(warnings.count - listed)
        return Array(warnings.prefix(listed)) + [.warning("… and " + rest(more) + " (the first \(listed) are listed above)")]
    }
}
