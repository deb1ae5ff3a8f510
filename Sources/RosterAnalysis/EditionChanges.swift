import RosterModel

/// What changed between a saved edition and the report now: per person (departures, returns, new
/// and ended stints, current companies, confidence, cohort membership), each cohort's numbers then
/// and now, and every correction. `/changes/` and `roster diff` show the same list.
public struct EditionChanges: Sendable {
    public enum Entry: Sendable, Hashable {
        case added(cohort: String)
        case removed(cohort: String)
        /// Left the cohort's origin since the edition; `to` is where they are now.
        case departed(cohort: String, to: String?)
        case returned(cohort: String)
        case newStint(company: String, start: DateBound, confidence: Confidence)
        case stintEnded(company: String, end: DateBound)
        /// A stint of the edition whose dates were revised (matched by company, in career order).
        case datesRevised(company: String, then: Span, now: Span)
        case stintWithdrawn(company: String, start: DateBound)
        case currentCompany(then: String?, now: String?)
        case confidence(company: String, then: Confidence, now: Confidence)
    }

    /// A stint's dates: its start and its end (nil while it goes on).
    public struct Span: Sendable, Hashable {
        public var start: DateBound
        public var end: DateBound?
    }

    public struct PersonChange: Sendable {
        public var slug: String
        public var name: String
        /// False when the person is in the edition but no longer in the report.
        public var inReport: Bool
        public var entries: [Entry]
    }

    public struct Counts: Sendable, Hashable {
        /// `atOrigin` counts those who returned, as the cohort pages do.
        public var members, atOrigin, departed, returned: Int
    }

    public struct CohortNumbers: Sendable {
        public var slug: String
        public var name: String
        /// Nil for a cohort the edition did not have (or no longer in the report).
        public var then: Counts?
        public var now: Counts?
    }

    public struct CorrectionEntry: Sendable {
        public var author: String
        public var name: String
        /// The stint's company, when the correction is of a stint.
        public var company: String?
        public var correction: Correction
    }

    /// The compared edition's date.
    public var since: PartialDate
    /// By name; only people with at least one entry.
    public var people: [PersonChange]
    public var cohorts: [CohortNumbers]
    /// Every correction in the report, newest first.
    public var corrections: [CorrectionEntry]
    /// Company slug → name, from the report and then the edition (for companies since removed).
    public var companyNames: [String: String]

    public func name(ofCompany slug: String) -> String { companyNames[slug] ?? slug }

    /// The slugs of the people with changes, for author pages' "changed since" note.
    public var changedPeople: Set<String> { Set(people.filter { !$0.entries.isEmpty }.map(\.slug)) }

    public static func compare(edition then: Site, since date: PartialDate, with now: Site, facts: SiteFacts) -> EditionChanges {
        let thenFacts = CohortAnalyzer.facts(in: then)
        var names: [String: String] = [:]
        for company in then.companies { names[company.slug] = company.name }
        for company in now.companies { names[company.slug] = company.name }

        let thenAuthors = Dictionary(then.authors.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let thenMembers = memberIndex(thenFacts)
        let nowMembers = memberIndex(facts.cohorts)
        var people: [PersonChange] = []
        for author in now.authors {
            let entries = PersonDiff(then: thenAuthors[author.slug], now: author, thenDay: then.settings.asOf.dayNumber,
                                     nowDay: now.settings.asOf.dayNumber,
                                     thenMembership: thenMembers[author.slug] ?? [:], nowMembership: nowMembers[author.slug] ?? [:],
                                     cohortOrder: cohortOrder(then: thenFacts, now: facts.cohorts)).entries()
            if !entries.isEmpty { people.append(PersonChange(slug: author.slug, name: author.name, inReport: true, entries: entries)) }
        }
        let nowSlugs = Set(now.authors.map(\.slug))
        for author in then.authors where !nowSlugs.contains(author.slug) {
            let cohorts = (thenMembers[author.slug] ?? [:]).keys.sorted()
            people.append(PersonChange(slug: author.slug, name: author.name, inReport: false,
                                       entries: cohorts.map { .removed(cohort: $0) }))
        }
        people.sort { ($0.name, $0.slug) < ($1.name, $1.slug) }

        var corrections: [CorrectionEntry] = []
        for author in now.authors {
            corrections += author.corrections.map { CorrectionEntry(author: author.slug, name: author.name, company: nil, correction: $0) }
            for stint in author.career {
                corrections += stint.corrections.map {
                    CorrectionEntry(author: author.slug, name: author.name, company: stint.company, correction: $0)
                }
            }
        }
        corrections.sort { ($1.correction.date.firstDay, $0.name) < ($0.correction.date.firstDay, $1.name) }

        return EditionChanges(since: date, people: people, cohorts: numbers(then: thenFacts, now: facts.cohorts),
                              corrections: corrections, companyNames: names)
    }

    /// Author → cohort slug → the member's facts.
    private static func memberIndex(_ cohorts: [CohortFacts]) -> [String: [String: MemberFacts]] {
        var index: [String: [String: MemberFacts]] = [:]
        for cohort in cohorts {
            for member in cohort.members { index[member.author, default: [:]][cohort.cohort.slug] = member }
        }
        return index
    }

    private static func cohortOrder(then: [CohortFacts], now: [CohortFacts]) -> [String] {
        var seen: Set<String> = []
        return (now + then).map(\.cohort.slug).filter { seen.insert($0).inserted }
    }

    private static func numbers(then: [CohortFacts], now: [CohortFacts]) -> [CohortNumbers] {
        func counts(_ facts: CohortFacts) -> Counts {
            Counts(members: facts.memberCount, atOrigin: facts.atOriginCount,
                   departed: facts.departedCount, returned: facts.returnedCount)
        }
        let thenBySlug = Dictionary(then.map { ($0.cohort.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var result = now.map { facts in
            CohortNumbers(slug: facts.cohort.slug, name: facts.cohort.name, then: thenBySlug[facts.cohort.slug].map(counts),
                          now: counts(facts))
        }
        let nowSlugs = Set(now.map(\.cohort.slug))
        result += then.filter { !nowSlugs.contains($0.cohort.slug) }.map {
            CohortNumbers(slug: $0.cohort.slug, name: $0.cohort.name, then: counts($0), now: nil)
        }
        return result
    }
}
