import RosterModel

/// Members of a cohort at its origin over time, from the cohort date to `as_of`.
public struct Retention: Sendable, Hashable {
    /// (day, members at origin) at the cohort date and at every known change after it.
    public var points: [DayCount]
    /// Members at origin on `as_of`, once departures at unknown dates are counted.
    public var final: Int
    public var total: Int
    /// Departures that happened at an unknown date (drawn as a drop at the end).
    public var unknownDepartures: Int { (points.last?.count ?? final) - final }
}

public struct DayCount: Sendable, Hashable {
    public var day: Int
    public var count: Int
}

public enum RetentionAnalyzer {
    /// A member counts as at the origin on a day when an origin stint has started (an unknown
    /// start counts as before) and has not ended by a known date; a stint that ended at an
    /// unknown date counts until `as_of`, where it is taken away.
    static func retention(for cohort: Cohort, careers members: [Author], asOf: Int, atOrigin: Int) -> Retention {
        let startDay = min(cohort.date.dayNumber, asOf)
        let careers = members.map { $0.career.filter { $0.company == cohort.origin } }
        func present(_ stints: [Stint], at day: Int) -> Bool {
            stints.contains { stint in
                if let start = stint.start.date, start.dayNumber > day { return false }
                switch stint.end {
                case nil, .unknown?: return true
                case .known(let end)?: return end.dayNumber > day
                }
            }
        }
        var days: Set<Int> = [startDay]
        for stints in careers {
            for stint in stints {
                for day in [stint.start.date?.dayNumber, stint.end?.date?.dayNumber].compactMap({ $0 }) where day > startDay && day <= asOf {
                    days.insert(day)
                }
            }
        }
        var points: [DayCount] = []
        for day in days.sorted() {
            let count = careers.filter { present($0, at: day) }.count
            if points.last?.count != count { points.append(DayCount(day: day, count: count)) }
        }
        return Retention(points: points, final: atOrigin, total: members.count)
    }
}
