import RosterModel

/// Who of the tracked people is at a company now, who was, and the moves in and out per year.
public struct CompanyFacts: Sendable, Hashable {
    public var company: String
    /// Authors (slugs, sorted by name) whose current position, as of `as_of`, is here.
    public var current: [String]
    /// Authors who had a stint here and are not here now.
    public var alumni: [String]
    /// Arrivals (stints that began here, by year of a known start) and departures (stints that
    /// ended here by `as_of`, by year of a known end), years ascending; only years with either.
    public var moves: [YearMoves]
}

public struct YearMoves: Sendable, Hashable {
    public var year: Int
    public var arrivals: Int
    public var departures: Int
}

public enum CompanyAnalyzer {
    /// The facts of every company, in one pass over the authors (linear in stints, however many
    /// companies there are). A company nobody worked at has empty facts.
    public static func facts(in site: Site) -> [String: CompanyFacts] {
        let day = site.settings.asOf.dayNumber
        var current: [String: [String]] = [:]
        var alumni: [String: [String]] = [:]
        var arrivals: [String: [Int: Int]] = [:]
        var departures: [String: [Int: Int]] = [:]
        for author in site.authors.sorted(by: { ($0.name, $0.slug) < ($1.name, $1.slug) }) {
            let now = author.currentStint(at: day)?.company
            var seen: Set<String> = []
            for stint in author.career {
                if seen.insert(stint.company).inserted {
                    if now == stint.company { current[stint.company, default: []].append(author.slug) } else {
                        alumni[stint.company, default: []].append(author.slug)
                    }
                }
                if let year = stint.start.date?.year { arrivals[stint.company, default: [:]][year, default: 0] += 1 }
                if let end = stint.end?.date, end.dayNumber <= day { departures[stint.company, default: [:]][end.year, default: 0] += 1 }
            }
        }
        var facts: [String: CompanyFacts] = [:]
        // Every company of the site, and any a career names (validation reports those).
        let slugs = Set(site.companies.map(\.slug)).union(current.keys).union(alumni.keys)
        for slug in slugs {
            let arrived = arrivals[slug] ?? [:], left = departures[slug] ?? [:]
            let moves = Set(arrived.keys).union(left.keys).sorted().map {
                YearMoves(year: $0, arrivals: arrived[$0] ?? 0, departures: left[$0] ?? 0)
            }
            facts[slug] = CompanyFacts(company: slug, current: current[slug] ?? [], alumni: alumni[slug] ?? [], moves: moves)
        }
        return facts
    }

    /// One company's facts (for tests and single pages); `facts(in:)` makes all of them at once.
    public static func facts(for company: String, in site: Site) -> CompanyFacts {
        facts(in: site)[company] ?? CompanyFacts(company: company, current: [], alumni: [], moves: [])
    }
}
