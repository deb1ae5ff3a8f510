/// Time axes in days since 1970 and the year ticks that fit them without labels touching.
struct TimeAxis {
    let startDay: Int
    let endDay: Int
    let x0: Double
    let x1: Double

    func x(_ day: Int) -> Double {
        guard endDay > startDay else { return x0 }
        return x0 + (x1 - x0) * Double(day - startDay) / Double(endDay - startDay)
    }

    /// 1 January of each `step`-th year inside the axis, with a step wide enough for the labels.
    func yearTicks(fontSize: Double, chartWidth: Double = .infinity) -> [(year: Int, x: Double)] {
        let first = Self.year(of: startDay)
        let last = Self.year(of: endDay)
        let labelWidth = TextMetrics.width("2000", fontSize: fontSize) + 10
        let perYear = (x1 - x0) / max(1, Double(endDay - startDay) / 365.25)
        let step = [1, 2, 5, 10, 20, 50, 100].first { Double($0) * perYear >= labelWidth } ?? 100
        var ticks: [(Int, Double)] = []
        var year = first
        while year <= last + 1 {
            let day = Self.day(ofYear: year)
            let half = TextMetrics.width(String(year), fontSize: fontSize) / 2
            if day >= startDay && day <= endDay && year % step == 0 && x(day) - half >= 0 && x(day) + half <= chartWidth {
                ticks.append((year, x(day)))
            }
            year += 1
        }
        return ticks
    }

    static func year(of day: Int) -> Int { civil(day).year }

    static func day(ofYear year: Int) -> Int { daysFromCivil(year, 1, 1) }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - (153 * mp + 2) / 5 + 1)
    }
}

/// Places labels down a column, skipping any that would touch the one above.
struct LabelColumn {
    private(set) var placed: [LabelBox] = []
    let gap: Double

    init(gap: Double = 2) { self.gap = gap }

    /// Tries to place a label centred on `centerY`; shifts it down if needed while it stays
    /// within `maxShift`. Returns the box, or nil when there is no room.
    mutating func place(_ text: String, x: Double, centerY: Double, width: Double, height: Double,
                        maxShift: Double = 0) -> LabelBox? {
        var top = centerY - height / 2
        if let last = placed.last, top < last.y + last.height + gap {
            let needed = last.y + last.height + gap
            guard needed - top <= maxShift else { return nil }
            top = needed
        }
        let box = LabelBox(text: text, x: x, y: top, width: width, height: height)
        placed.append(box)
        return box
    }
}
