import RosterModel

/// What the report says about one member of a cohort, as of the site's `as_of` date.
public struct MemberFacts: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// An origin stint is open at `as_of`, and no return happened.
        case atOrigin = "at_origin"
        /// At origin again after a stint elsewhere.
        case returned
        /// Every other member.
        case departed
    }

    public var author: String
    public var status: Status
    /// Days at the origin up to `as_of` (union of origin stints); nil when a needed date is unknown.
    public var tenureDays: Int?
    /// Of the stints open at `as_of`, the company of the last in career order; nil when none is.
    public var currentCompany: String?
    /// The companies from the first origin stint on, consecutive repeats collapsed.
    public var route: [String]
    /// Had a `founder: true` stint at a company other than the origin.
    public var isFounder: Bool
    /// The year the last origin stint ended, for the departed whose end is known.
    public var departureYear: Int?

    public var isAtOrigin: Bool { status != .departed }
    public var tenureYears: Double? { tenureDays.map { Double($0) / 365.25 } }
}

/// Derives a member's facts from a career. Pure: the same career and dates give the same facts.
public enum MemberAnalyzer {
    public static func facts(for author: Author, origin: String, asOf: PartialDate) -> MemberFacts {
        let day = asOf.dayNumber
        let career = author.career
        let openOrigin = career.indices.filter { career[$0].company == origin && career[$0].isOpen(at: day) }
        let returned = !openOrigin.isEmpty && hasReturned(career, origin: origin, openOrigin: openOrigin)
        let status: MemberFacts.Status = openOrigin.isEmpty ? .departed : (returned ? .returned : .atOrigin)
        let current = author.currentStint(at: day)?.company
        let lastOrigin = career.last { $0.company == origin }
        let departureYear = status == .departed ? lastOrigin?.end?.date?.year : nil
        let founder = career.contains { $0.founder && $0.company != origin }
        return MemberFacts(author: author.slug, status: status, tenureDays: tenureDays(career, origin: origin, asOf: day),
                           currentCompany: current, route: route(career, origin: origin), isFounder: founder,
                           departureYear: departureYear)
    }

    /// Some stint at another company began after an origin stint ended and before an open origin
    /// stint began. Career order decides where a date is unknown; known dates must agree with it.
    static func hasReturned(_ career: [Stint], origin: String, openOrigin: [Int]) -> Bool {
        for c in openOrigin {
            for a in 0..<c where career[a].company == origin && career[a].end != nil {
                for b in (a + 1)..<c where career[b].company != origin {
                    let leftFirst = notBefore(career[b].start.date, career[a].end?.date)
                    let cameBackAfter = notBefore(career[c].start.date, career[b].start.date)
                    if leftFirst && cameBackAfter { return true }
                }
            }
        }
        return false
    }

    /// `later` is not before `earlier` when both are known; true when either is unknown.
    private static func notBefore(_ later: PartialDate?, _ earlier: PartialDate?) -> Bool {
        guard let later, let earlier else { return true }
        return later.dayNumber >= earlier.dayNumber
    }

    /// The union of the origin stints up to `asOf`, in days; nil when a needed date is unknown.
    static func tenureDays(_ career: [Stint], origin: String, asOf day: Int) -> Int? {
        var intervals: [(Int, Int)] = []
        for stint in career where stint.company == origin {
            guard let start = stint.start.date?.dayNumber else { return nil }
            if start > day { continue }
            let end: Int
            switch stint.end {
            case nil: end = day
            case .unknown?: return nil
            case .known(let date)?: end = min(date.dayNumber, day)
            }
            if end > start { intervals.append((start, end)) }
        }
        guard !intervals.isEmpty else { return career.contains { $0.company == origin } ? 0 : nil }
        intervals.sort { $0.0 < $1.0 }
        var total = 0
        var (currentStart, currentEnd) = intervals[0]
        for (start, end) in intervals.dropFirst() {
            if start <= currentEnd {
                currentEnd = max(currentEnd, end)
            } else {
                total += currentEnd - currentStart
                (currentStart, currentEnd) = (start, end)
            }
        }
        return total + currentEnd - currentStart
    }

    /// `meta → apple → google-deepmind`: from the first origin stint on, consecutive repeats collapsed.
    static func route(_ career: [Stint], origin: String) -> [String] {
        guard let first = career.firstIndex(where: { $0.company == origin }) else { return [] }
        var route: [String] = []
        for stint in career[first...] where route.last != stint.company {
            route.append(stint.company)
        }
        return route
    }
}
