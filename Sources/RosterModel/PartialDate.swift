/// A date written as precisely as the editor knows it: `2023`, `2023-04` or `2023-04-15`.
///
/// For arithmetic a year means 1 July and a month its 15th (`dayNumber`); for comparisons that
/// must not raise false alarms (an end before its start) the whole span counts
/// (`firstDay`...`lastDay`). It is displayed as precisely as written.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A year the code itself names (1...9999), so it cannot fail.
    init(knownYear year: Int) {
        self.year = min(max(year, 1), 9999)
        self.month = nil
        self.day = nil
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        let widths = [4, 2, 2]
        var numbers: [Int] = []
        for (index, part) in parts.enumerated() {
            guard part.count == widths[index], part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let number = Int(part) else { return nil }
            numbers.append(number)
        }
        self.init(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
                  day: numbers.count > 2 ? numbers[2] : nil)
    }

    /// As written: `2023`, `2023-04`, `2023-04-15`.
    public var description: String {
        var text = String(format4: year)
        if let month { text += "-" + String(format2: month) }
        if let day { text += "-" + String(format2: day) }
        return text
    }

    /// For people: "2023", "Apr 2023", "15 Apr 2023".
    public var display: String {
        guard let month else { return String(year) }
        let name = Self.monthNames[month - 1]
        guard let day else { return "\(name) \(year)" }
        return "\(day) \(name) \(year)"
    }

    /// The day used in arithmetic, counted from 1970-01-01: a year is its 1 July, a month its 15th.
    public var dayNumber: Int {
        Self.days(year: year, month: month ?? 7, day: day ?? (month == nil ? 1 : 15))
    }

    /// The first and last day the written date can mean.
    public var firstDay: Int { Self.days(year: year, month: month ?? 1, day: day ?? 1) }
    public var lastDay: Int {
        let lastMonth = month ?? 12
        return Self.days(year: year, month: lastMonth, day: day ?? Self.daysIn(month: lastMonth, year: year))
    }

    /// RFC 3339 timestamp of the arithmetic day at midnight UTC, for feeds and sitemaps.
    public var timestamp: String {
        let (y, m, d) = Self.civil(fromDays: dayNumber)
        return "\(String(format4: y))-\(String(format2: m))-\(String(format2: d))T00:00:00Z"
    }

    /// How precisely the date is known, least first; the raw value names the `date.*` labels that
    /// depend on it (`date.on.month`).
    public enum Precision: String, Sendable, Comparable {
        case year, month, day

        public static func < (a: Precision, b: Precision) -> Bool { a.order < b.order }

        private var order: Int {
            switch self {
            case .year: 0
            case .month: 1
            case .day: 2
            }
        }
    }

    public var precision: Precision { month == nil ? .year : day == nil ? .month : .day }

    /// The arithmetic day as `YYYY-MM-DD`.
    public var isoDay: String {
        let (y, m, d) = Self.civil(fromDays: dayNumber)
        return "\(String(format4: y))-\(String(format2: m))-\(String(format2: d))"
    }

    /// Ordered by arithmetic day, then by precision, so the order is total and stable.
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        if a.dayNumber != b.dayNumber { return a.dayNumber < b.dayNumber }
        return a.description < b.description
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A stint's start or end: a partial date, or `unknown` when the editor knows it happened but not when.
public enum DateBound: Sendable, Hashable, CustomStringConvertible {
    case known(PartialDate)
    case unknown

    public var date: PartialDate? {
        if case .known(let date) = self { return date }
        return nil
    }

    /// As written in YAML and exports: `2023-04` or `unknown`.
    public var description: String { date?.description ?? "unknown" }

    /// For people: "Apr 2023" or "date unknown".
    public var display: String { date?.display ?? "date unknown" }
}

extension String {
    init(format4 value: Int) {
        let digits = String(value)
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }

    init(format2 value: Int) {
        self = value < 10 ? "0" + String(value) : String(value)
    }
}
