import RosterModel

/// What a tracker's home page shows across all its cohorts: where the people who left went, and
/// the largest flows from one organisation to another. A person counts once however many cohorts
/// they belong to.
public struct TrackerOverview: Sendable {
    public struct Flow: Sendable, Hashable {
        public var from: String
        /// Nil when the current organisation is not known.
        public var to: String?
        public var people: Int
    }

    /// How many distinct people left at least one cohort's origin.
    public var departedPeople: Int
    /// Current organisations of those who left, largest first (then by slug); nil is "not known".
    public var destinations: [(company: String?, people: Int)]
    /// Origin → current organisation, largest first.
    public var flows: [Flow]

    public static func analyse(_ cohorts: [CohortFacts]) -> TrackerOverview {
        var destination: [String: String?] = [:]
        var flowPeople: [Flow: Set<String>] = [:]
        for facts in cohorts {
            for member in facts.members where member.status == .departed {
                if destination[member.author] == nil { destination[member.author] = .some(member.currentCompany) }
                flowPeople[Flow(from: facts.cohort.origin, to: member.currentCompany, people: 0), default: []].insert(member.author)
            }
        }
        var counts: [String?: Int] = [:]
        for (_, company) in destination { counts[company, default: 0] += 1 }
        let destinations = counts.map { (company: $0.key, people: $0.value) }
            .sorted { ($1.people, $0.company ?? "\u{10FFFF}") < ($0.people, $1.company ?? "\u{10FFFF}") }
        let flows = flowPeople.map { Flow(from: $0.key.from, to: $0.key.to, people: $0.value.count) }
            .sorted { ($1.people, $0.from, $0.to ?? "\u{10FFFF}") < ($0.people, $1.from, $1.to ?? "\u{10FFFF}") }
        return TrackerOverview(departedPeople: destination.count, destinations: destinations, flows: flows)
    }
}
