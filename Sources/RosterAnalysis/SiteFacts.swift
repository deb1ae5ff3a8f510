import RosterModel
import RosterSupport

/// Every fact the pages and exports show, derived once in the analyse step, with the indexes that
/// let a page find its facts without scanning (an author page asks for its cohorts, not every cohort
/// for its author).
public struct SiteFacts: Sendable {
    /// In the order of `site.yml`, each with its retention.
    public var cohorts: [CohortFacts]
    public var companies: [String: CompanyFacts]
    public var mentions: Mentions
    /// Across all cohorts, for a tracker's home page.
    public var overview: TrackerOverview
    /// Which pages cite each source.
    public var citations: Citations
    /// What changed since the newest edition before `as_of` (nil when there is none).
    public var changes: EditionChanges?
    /// How well the claims are sourced (`figures:evidence`).
    public var evidence: EvidenceFigures
    /// Cohort slug → its index in `cohorts`.
    private let cohortIndex: [String: Int]
    /// Author slug → (cohort index, member index), in cohort order.
    private let memberships: [String: [(cohort: Int, member: Int)]]

    public init(cohorts: [CohortFacts], companies: [String: CompanyFacts], mentions: Mentions,
                citations: Citations = .none, evidence: EvidenceFigures = .none) {
        self.evidence = evidence
        self.citations = citations
        self.cohorts = cohorts
        self.companies = companies
        self.mentions = mentions
        overview = TrackerOverview.analyse(cohorts)
        var cohortIndex: [String: Int] = [:]
        var memberships: [String: [(cohort: Int, member: Int)]] = [:]
        for (index, facts) in cohorts.enumerated() {
            if cohortIndex[facts.cohort.slug] == nil { cohortIndex[facts.cohort.slug] = index }
            for (position, member) in facts.members.enumerated() {
                memberships[member.author, default: []].append((index, position))
            }
        }
        self.cohortIndex = cohortIndex
        self.memberships = memberships
    }

    /// The cohorts' facts on every core, the companies' beside them.
    public static func analyse(_ site: Site, links: [(route: Route, links: [InternalLink])],
                               parallelism: Parallelism = .automatic) -> SiteFacts {
        let companies = ConcurrentSlots<[String: CompanyFacts]>(count: 1)
        let cohorts = ConcurrentSlots<[CohortFacts]>(count: 1)
        parallelism.forEach(2) { job in
            if job == 0 {
                companies[0] = CompanyAnalyzer.facts(in: site)
            } else {
                cohorts[0] = CohortAnalyzer.facts(in: site, parallelism: parallelism)
            }
        }
        let mentions = Mentions.index(links)
        var facts = SiteFacts(cohorts: cohorts[0] ?? [], companies: companies[0] ?? [:], mentions: mentions,
                              citations: Citations.index(site, mentions: mentions), evidence: EvidenceFigures.analyse(site))
        if let edition = site.previousEdition, let report = edition.report {
            facts.changes = EditionChanges.compare(edition: report, since: edition.date, with: site, facts: facts)
        }
        return facts
    }

    public func cohort(_ slug: String) -> CohortFacts? { cohortIndex[slug].map { cohorts[$0] } }

    /// Whether the author belongs to any cohort (no list is made).
    public func isMember(_ author: String) -> Bool { memberships[author] != nil }

    /// The cohorts an author belongs to, in the order of `site.yml`, with the author's facts in each.
    public func memberships(of author: String) -> [(cohort: CohortFacts, member: MemberFacts)] {
        (memberships[author] ?? []).map { (cohorts[$0.cohort], cohorts[$0.cohort].members[$0.member]) }
    }
}
