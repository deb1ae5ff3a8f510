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
    /// The date as written in the content (the cohort's date, a stint's start or end), so that a
    /// month is shown as a month, not as the day it is drawn at.
    public var date: PartialDate
}

public enum RetentionAnalyzer {
    /// A member counts as at the origin on a day when an origin stint has started (an unknown
    /// start counts as before) and has not ended by a known date; a stint that ended at an
    /// unknown date counts until `as_of`, where it is taken away.
    ///
    /// One sweep over the stints' starts and ends, in day order: linear in the stints (after the
    /// sort), whatever the number of members and days.
    static func retention(for cohort: Cohort, careers members: [Author], asOf: Int, atOrigin: Int) -> Retention {
        let startDay = min(cohort.date.dayNumber, asOf)
        // Each member's days at the origin as intervals [from, to), overlapping stints merged, so
        // that a member is counted once; an unknown start is "before", an open or unknown end "after".
        var changes: [Change] = []
        for member in members {
            var stints: [Interval] = []
            for stint in member.career where stint.company == cohort.origin {
                let interval = Interval(stint, cohortDay: startDay)
                if interval.from < interval.to { stints.append(interval) }   // an end before its start: never there
            }
            stints.sort { (left: Interval, right: Interval) -> Bool in left.from != right.from ? left.from < right.from : left.to < right.to }
            var current: Interval?
            for stint in stints {
                if var open = current, stint.from <= open.to {
                    if stint.to > open.to { (open.to, open.end) = (stint.to, stint.end) }
                    current = open
                    continue
                }
                current.map { changes += $0.changes }
                current = stint
            }
            current.map { changes += $0.changes }
        }
        changes.sort { $0.day < $1.day }
        var count = 0
        var index = 0
        while index < changes.count, changes[index].day <= startDay {
            count += changes[index].step
            index += 1
        }
        var points = [DayCount(day: startDay, count: count, date: cohort.date)]
        while index < changes.count, changes[index].day <= asOf {
            let day = changes[index].day
            var written: PartialDate?
            while index < changes.count, changes[index].day == day {
                count += changes[index].step
                // Of the dates drawn on this day, the least precise is the honest one to show.
                if let date = changes[index].date, written.map({ date.precision < $0.precision }) ?? true { written = date }
                index += 1
            }
            if points[points.count - 1].count != count, let written {
                points.append(DayCount(day: day, count: count, date: written))
            }
        }
        return Retention(points: points, final: atOrigin, total: members.count)
    }

    /// A member's days at the origin, [from, to), with the dates they were written as.
    private struct Interval {
        var from: Int, to: Int
        var start: PartialDate?, end: PartialDate?

        /// A start known only as a year or month that holds the cohort date (2013, for a cohort of
        /// 1 Jun 2013) is drawn at the cohort date: its member was there then, as the cohort says,
        /// though the year's start is drawn at 1 July.
        init(_ stint: Stint, cohortDay: Int) {
            start = stint.start.date
            if case .known(let date)? = stint.end { end = date } else { end = nil }
            if let start, start.firstDay <= cohortDay, start.dayNumber > cohortDay {
                from = cohortDay
            } else {
                from = start?.dayNumber ?? .min
            }
            to = end?.dayNumber ?? .max
        }

        var changes: [Change] { [Change(day: from, step: 1, date: start), Change(day: to, step: -1, date: end)] }
    }

    private struct Change {
        var day: Int, step: Int
        var date: PartialDate?
    }
}
