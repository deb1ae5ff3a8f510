import RosterModel
import RosterSupport

/// The derived facts of one cohort as of `as_of`: computed once, shown on pages and exported.
public struct CohortFacts: Sendable, Hashable {
    public var cohort: Cohort
    /// In cohort order.
    public var members: [MemberFacts]
    public var tenureMeanYears: Double?
    public var tenureMedianYears: Double?
    /// How many of the departed have a known tenure.
    public var tenureKnownCount: Int
    /// Largest group first, then by company name; unknown (nil) is a group too.
    public var destinations: [Destination]
    /// Author slugs, in cohort order.
    public var founders: [String]
    /// Year → number of departures, years ascending; only years that have departures.
    public var departuresByYear: [YearCount]
    /// Members at the origin over time.
    public var retention: Retention

    public var memberCount: Int { members.count }
    /// Members at the origin on `as_of`, those who returned included.
    public var atOriginCount: Int { members.filter(\.isAtOrigin).count }
    public var returnedCount: Int { members.filter { $0.status == .returned }.count }
    public var departedCount: Int { departed.count }
    public var departed: [MemberFacts] { members.filter { $0.status == .departed } }
}

public struct Destination: Sendable, Hashable {
    /// Company slug, nil when the current company is unknown.
    public var company: String?
    /// Author slugs in cohort order.
    public var authors: [String]
    public var count: Int { authors.count }
}

public struct YearCount: Sendable, Hashable {
    public var year: Int
    public var count: Int
}

/// Computes a cohort's facts from the site.
public enum CohortAnalyzer {
    /// The facts of every cohort, with the site's indexes made once (linear in members).
    public static func facts(in site: Site, parallelism: Parallelism = .sequential) -> [CohortFacts] {
        let authors = Dictionary(site.authors.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(site.companies.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        let slots = ConcurrentSlots<CohortFacts>(count: site.cohorts.count)
        parallelism.forEach(site.cohorts.count) { index in
            slots[index] = facts(for: site.cohorts[index], in: site, authors: authors, companyNames: names)
        }
        return (0..<site.cohorts.count).compactMap { slots[$0] }
    }

    /// One cohort's facts (for tests); `facts(in:)` makes all of them with shared indexes.
    public static func facts(for cohort: Cohort, in site: Site) -> CohortFacts {
        let authors = Dictionary(site.authors.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(site.companies.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        return facts(for: cohort, in: site, authors: authors, companyNames: names)
    }

    static func facts(for cohort: Cohort, in site: Site, authors: [String: Author], companyNames names: [String: String]) -> CohortFacts {
        let asOf = site.settings.asOf
        let careers = cohort.members.compactMap { authors[$0] }
        let members = careers.map { MemberAnalyzer.facts(for: $0, origin: cohort.origin, asOf: asOf) }
        let departed = members.filter { $0.status == .departed }
        let tenures = departed.compactMap(\.tenureYears).sorted()
        return CohortFacts(
            cohort: cohort, members: members,
            tenureMeanYears: tenures.isEmpty ? nil : tenures.reduce(0, +) / Double(tenures.count),
            tenureMedianYears: median(tenures), tenureKnownCount: tenures.count,
            destinations: destinations(departed, companyNames: names),
            founders: members.filter(\.isFounder).map(\.author),
            departuresByYear: departuresByYear(departed),
            retention: RetentionAnalyzer.retention(for: cohort, careers: careers, asOf: asOf.dayNumber,
                                                   atOrigin: members.filter(\.isAtOrigin).count))
    }

    static func median(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    static func destinations(_ departed: [MemberFacts], companyNames: [String: String]) -> [Destination] {
        var groups: [String?: [String]] = [:]
        var order: [String?] = []
        for member in departed {
            if groups[member.currentCompany] == nil { order.append(member.currentCompany) }
            groups[member.currentCompany, default: []].append(member.author)
        }
        let destinations = order.map { Destination(company: $0, authors: groups[$0] ?? []) }
        return destinations.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            // Unknown sorts after every named company of the same size.
            switch (a.company, b.company) {
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?):
                let (nameX, nameY) = (companyNames[x] ?? x, companyNames[y] ?? y)
                return nameX != nameY ? nameX < nameY : x < y
            }
        }
    }

    static func departuresByYear(_ departed: [MemberFacts]) -> [YearCount] {
        var counts: [Int: Int] = [:]
        for year in departed.compactMap(\.departureYear) { counts[year, default: 0] += 1 }
        return counts.keys.sorted().map { YearCount(year: $0, count: counts[$0] ?? 0) }
    }
}
