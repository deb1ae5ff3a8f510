import RosterAnalysis
import RosterCharts
import RosterModel
import RosterSupport

/// Turns the derived facts into charts, and charts into figures: the inline SVG, a visible
/// caption, and the same numbers in a table for anyone who cannot see the drawing.
struct ChartFactory {
    let builder: ViewBuilder

    var site: Site { builder.site }

    /// A stable colour per company: its position among the site's companies.
    func colorIndex(_ slug: String?) -> Int {
        guard let slug, let index = builder.companyOrdinals[slug] else { return 7 }
        return index
    }

    var colorsByName: [String: Int] {
        var colors: [String: Int] = [:]
        for (index, company) in site.companies.enumerated() { colors[company.name] = index }
        return colors
    }

    func destinations(_ facts: CohortFacts, id: String) -> Chart {
        let origin = builder.companyName(facts.cohort.origin)
        let bars = facts.destinations.map {
            BarChart.Bar(label: builder.companyName($0.company), value: $0.count, colorIndex: colorIndex($0.company))
        }
        let largest = facts.destinations.first.map { "\(builder.companyName($0.company)) took the most, \($0.count)" } ?? "nobody has left"
        return BarChart(id: id, title: "Where the \(facts.departedCount) who left \(origin) are now",
                        description: "Bar chart of the current employers of the \(facts.departedCount) of \(facts.memberCount) members who left \(origin), as of \(site.settings.asOf.display); \(largest).",
                        bars: bars, categoryHeading: "Company now", valueHeading: "People").draw()
    }

    /// Where everyone who left a cohort's origin is now, across all cohorts.
    func overviewDestinations(_ overview: TrackerOverview, id: String) -> Chart {
        let bars = overview.destinations.map {
            BarChart.Bar(label: builder.companyName($0.company), value: $0.people, colorIndex: colorIndex($0.company))
        }
        return BarChart(id: id, title: "Where the \(overview.departedPeople) people who left are now",
                        description: "Bar chart of the current organisations of the \(overview.departedPeople) people who left the origin of at least one cohort, as of \(site.settings.asOf.display), largest first.",
                        bars: bars, categoryHeading: "Organisation now", valueHeading: "People").draw()
    }

    func flow(_ facts: CohortFacts, id: String) -> Chart {
        let origin = builder.companyName(facts.cohort.origin)
        let routes = facts.members.map { FlowChart.Route(steps: $0.route.map(builder.companyName)) }
        return FlowChart(id: id, title: "Routes from \(origin)",
                         description: "Flow chart: each ribbon is as wide as the number of members who moved from one company to the next, step by step from \(origin); the last column is where each route ends.",
                         origin: origin, routes: routes, colors: colorsByName).draw()
    }

    /// The careers of `members` (the cohort's first `cohortPageRows` on its page, a page's worth on
    /// `/cohorts/<slug>/careers/`), one row each.
    func careers(_ facts: CohortFacts, id: String, members: ArraySlice<MemberFacts>, first: Int) -> Chart {
        let rows = members.compactMap { member in
            builder.authorsBySlug[member.author].map {
                TimelineChart.Row(label: $0.name, bars: bars(for: $0, presentAt: (facts.cohort.origin, facts.cohort.date.dayNumber)))
            }
        }
        let title = members.count == facts.memberCount ? "Careers of the \(facts.memberCount) members"
            : "Careers of members \(first)–\(first + members.count - 1) of \(facts.memberCount), in cohort order"
        return TimelineChart(id: id, title: title,
                             description: "Timeline with one row per member and one bar per stint, coloured and named by company, from the earliest known date to \(site.settings.asOf.display). Hatched stretches mark where dates are not known. Vertical lines mark the cohort date (\(facts.cohort.date.display)) and the as-of date.",
                             rows: rows, markers: markers(facts.cohort), endDay: site.settings.asOf.dayNumber).draw()
    }

    /// Rows of the careers chart on a cohort's own page; the rest are on its careers pages.
    static let cohortPageRows = 60

    func careerRow(_ author: Author, id: String) -> Chart {
        let cohorts = builder.facts.memberships(of: author.slug).map(\.cohort.cohort)
        let cohortMarkers = cohorts.flatMap(markers)
        var unique: [TimelineChart.Marker] = []
        for marker in cohortMarkers where !unique.contains(where: { $0.day == marker.day }) { unique.append(marker) }
        return TimelineChart(id: id, title: "Career of \(author.name)",
                             description: "Timeline of \(author.name)'s career, one bar per stint, coloured and named by company; hatched stretches mark where dates are not known.",
                             rows: [TimelineChart.Row(label: author.name,
                                                      bars: bars(for: author, presentAt: cohorts.first.map { ($0.origin, $0.date.dayNumber) }))],
                             markers: unique, endDay: site.settings.asOf.dayNumber, showRowLabels: false).draw()
    }

    private func markers(_ cohort: Cohort) -> [TimelineChart.Marker] {
        [TimelineChart.Marker(day: cohort.date.dayNumber, label: "Cohort date, \(cohort.date.display)"),
         TimelineChart.Marker(day: site.settings.asOf.dayNumber, label: "As of \(site.settings.asOf.display)")]
    }

    /// - Parameter presentAt: a company and a day the person is known to have been there (a cohort
    ///   member at its origin on the cohort date): an unknown end of such a stint is drawn after it.
    private func bars(for author: Author, presentAt: (company: String, day: Int)?) -> [TimelineChart.Bar] {
        author.career.map { stint in
            var endsAfter: Int?, startsBefore: Int?
            if let presentAt, stint.company == presentAt.company, (stint.start.date?.dayNumber ?? Int.min) <= presentAt.day,
               stint.end.map({ ($0.date?.dayNumber ?? Int.max) >= presentAt.day }) ?? true {
                if stint.end == .unknown { endsAfter = presentAt.day }
                if stint.start == .unknown { startsBefore = presentAt.day }
            }
            return TimelineChart.Bar(company: builder.companyName(stint.company), colorIndex: colorIndex(stint.company),
                                     start: stint.start.date?.dayNumber, end: stint.end?.date?.dayNumber, open: stint.end == nil,
                                     period: "\(stint.start.display) – \(stint.end?.display ?? "now")", endsAfter: endsAfter,
                                     startsBefore: startsBefore)
        }
    }

    func retention(_ all: [CohortFacts], id: String) -> Chart {
        let shares = all.count > 1
        let series = all.map { facts in
            let retention = facts.retention
            return RetentionChart.Series(label: shares ? facts.cohort.name : "at \(builder.companyName(facts.cohort.origin))",
                                         colorIndex: colorIndex(facts.cohort.origin) + (shares ? all.firstIndex { $0.cohort.slug == facts.cohort.slug } ?? 0 : 0),
                                         points: retention.points.map { (day: $0.day, value: $0.count) },
                                         finalValue: retention.final, total: retention.total)
        }
        let origin = all.first.map { builder.companyName($0.cohort.origin) } ?? ""
        let unknown = all.map(\.retention.unknownDepartures).reduce(0, +)
        let note = unknown > 0 ? " \(unknown) departure\(unknown == 1 ? " has" : "s have") no known date and \(unknown == 1 ? "is" : "are") drawn as a dashed drop at the end." : ""
        return RetentionChart(id: id, title: shares ? "Share of each cohort at its origin over time" : "Members at \(origin) over time",
                              description: (shares ? "Step lines of the share of each cohort's members at its origin" : "Step line of the members at \(origin)")
                                + " from the cohort date to \(site.settings.asOf.display).\(note)",
                              series: series, endDay: site.settings.asOf.dayNumber, asShares: shares, origin: shares ? "origin" : origin).draw()
    }

    func moves(_ company: Company, facts: CompanyFacts?, id: String) -> Chart? {
        guard let moves = facts?.moves, !moves.isEmpty else { return nil }
        let rows = moves.map { YearBarsChart.Year(year: $0.year, arrivals: $0.arrivals, departures: $0.departures) }
        return YearBarsChart(id: id, title: "Tracked people who arrived at or left \(company.name), per year",
                             description: "Bar chart of arrivals and departures per year at \(company.name) among the tracked people, known dates only.",
                             years: rows).draw()
    }

    /// The chart as a figure: SVG, caption, and its numbers in a table.
    /// The frame holds one drawing per column width; the theme's CSS shows the one that fits.
    static func figure(_ chart: Chart, caption: String? = nil) -> String {
        var html = "<figure class=\"chart\" id=\"\(chart.id)\">\n"
        html += "<figcaption>\(Markup.escapeHTML(caption ?? chart.title))</figcaption>\n"
        html += "<div class=\"chart-frame\">\n\(chart.svg)\n</div>\n"
        if !chart.key.isEmpty {
            html += "<ul class=\"chart-key\">\n"
            for entry in chart.key {
                html += "<li><span class=\"swatch \(entry.colorClass)\" aria-hidden=\"true\"></span>\(Markup.escapeHTML(entry.text))</li>\n"
            }
            html += "</ul>\n"
        }
        html += "<details class=\"chart-data\">\n<summary>The numbers behind this chart</summary>\n<table>\n<thead><tr>"
        html += chart.table.columns.map { "<th scope=\"col\">\(Markup.escapeHTML($0))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for row in chart.table.rows { html += "<tr>" + row.map { "<td>\(Markup.escapeHTML($0))</td>" }.joined() + "</tr>\n" }
        html += "</tbody>\n</table>\n</details>\n</figure>"
        return html
    }
}
