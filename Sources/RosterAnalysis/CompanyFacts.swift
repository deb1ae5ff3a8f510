import RosterModel

/// Who of the tracked people is at a company now, who was, and the moves in and out per year.
public struct CompanyFacts: Sendable, Hashable {
    public var company: String
    /// Authors (slugs, sorted by name) whose current position, as of `as_of`, is here.
    public var current: [String]
    /// Authors who had a stint here and are not here now.
    public var alumni: [String]
    /// Stints that began here, by year of a known start.
    public var arrivalsByYear: [YearCount]
    /// Stints here that ended, by year of a known end.
    public var departuresByYear: [YearCount]
}

public enum CompanyAnalyzer {
    public static func facts(for company: String, in site: Site) -> CompanyFacts {
        let day = site.settings.asOf.dayNumber
        let byName = site.authors.sorted { ($0.name, $0.slug) < ($1.name, $1.slug) }
        var current: [String] = []
        var alumni: [String] = []
        var arrivals: [Int: Int] = [:]
        var departures: [Int: Int] = [:]
        for author in byName where author.career.contains(where: { $0.company == company }) {
            if author.career.last(where: { $0.isOpen(at: day) })?.company == company {
                current.append(author.slug)
            } else {
                alumni.append(author.slug)
            }
            for stint in author.career where stint.company == company {
                if let year = stint.start.date?.year { arrivals[year, default: 0] += 1 }
                if let year = stint.end?.date?.year, stint.end?.date.map({ $0.dayNumber <= day }) == true {
                    departures[year, default: 0] += 1
                }
            }
        }
        func counts(_ table: [Int: Int]) -> [YearCount] {
            table.keys.sorted().map { YearCount(year: $0, count: table[$0] ?? 0) }
        }
        return CompanyFacts(company: company, current: current, alumni: alumni,
                            arrivalsByYear: counts(arrivals), departuresByYear: counts(departures))
    }
}
