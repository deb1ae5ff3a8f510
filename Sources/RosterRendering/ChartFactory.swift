import RosterAnalysis
import RosterCharts
import RosterModel
import RosterSupport

/// Turns the derived facts into charts, and charts into figures: the inline SVG, a visible
/// caption, and the same numbers in a table for anyone who cannot see the drawing.
struct ChartFactory {
    let builder: ViewBuilder

    var site: Site { builder.site }

    /// A stable colour per company (`ViewBuilder.colorRanks`).
    func colorIndex(_ slug: String?) -> Int {
        guard let slug, let index = builder.companyOrdinals[slug] else { return 7 }
        return index
    }

    var colorsByName: [String: Int] {
        var colors: [String: Int] = [:]
        for company in site.companies { colors[company.name] = colorIndex(company.slug) }
        return colors
    }

    var labels: Labels { builder.labels }
    var asOf: String { builder.date(site.settings.asOf) }

    func destinations(_ facts: CohortFacts, id: String) -> Chart {
        let origin = builder.companyName(facts.cohort.origin)
        let bars = facts.destinations.map {
            BarChart.Bar(label: builder.companyName($0.company), value: $0.count, colorIndex: colorIndex($0.company))
        }
        let largest = facts.destinations.first.map {
            labels.count("chart.destinations.largest", $0.count, ["company": builder.companyName($0.company)])
        } ?? labels.text("chart.destinations.nobody")
        return BarChart(id: id, title: builder.destinationsTitle(facts.departedCount, origin: origin),
                        description: facts.departedCount == 0
                            ? labels.text("chart.destinations.description_none", ["origin": origin, "date": asOf])
                            : labels.count("chart.destinations.description", facts.departedCount,
                                                  ["departed": labels.number(facts.departedCount), "origin": origin, "date": asOf,
                                                   "largest": largest, "member": builder.memberNoun(facts.cohort, facts.memberCount),
                                                   "member_departed": builder.memberNoun(facts.cohort, facts.departedCount),
                                                   "count": labels.number(facts.memberCount)]),
                        bars: bars, categoryHeading: labels.text("chart.destinations.company"), valueHeading: labels.text("chart.people_heading"),
                        labels: labels).draw()
    }

    /// Where everyone who left a cohort's origin is now, across all cohorts.
    func overviewDestinations(_ overview: TrackerOverview, id: String) -> Chart {
        let bars = overview.destinations.map {
            BarChart.Bar(label: builder.companyName($0.company), value: $0.people, colorIndex: colorIndex($0.company))
        }
        return BarChart(id: id, title: labels.count("chart.overview.title", overview.departedPeople),
                        description: labels.count("chart.overview.description", overview.departedPeople, ["date": asOf]),
                        bars: bars, categoryHeading: labels.text("chart.overview.organisation"), valueHeading: labels.text("chart.people_heading"),
                        labels: labels).draw()
    }

    func flow(_ facts: CohortFacts, id: String) -> Chart {
        let origin = builder.companyName(facts.cohort.origin)
        // Someone who left with no known next organisation did not stay: their route ends at
        // "destination unknown", not at the origin.
        let unknown = labels.text("chart.destination_unknown")
        let routes = facts.members.map { member in
            FlowChart.Route(steps: member.route.map(builder.companyName) + (member.status == .departed && member.route.count == 1 ? [unknown] : []))
        }
        return FlowChart(id: id, title: labels.text("chart.flow.title", ["origin": origin]),
                         description: labels.text("chart.flow.description", ["origin": origin]),
                         origin: origin, routes: routes, colors: colorsByName, labels: labels).draw()
    }

    /// The careers of `members` (the cohort's first `cohortPageRows` on its page, a page's worth on
    /// `/cohorts/<slug>/careers/`), one row each.
    func careers(_ facts: CohortFacts, id: String, members: ArraySlice<MemberFacts>, first: Int) -> Chart {
        let rows = members.compactMap { member in
            builder.authorsBySlug[member.author].map {
                TimelineChart.Row(label: $0.name, bars: bars(for: $0, presentAt: (facts.cohort.origin, facts.cohort.date.dayNumber)))
            }
        }
        let member = builder.memberNoun(facts.cohort, facts.memberCount)
        let title = members.count == facts.memberCount
            ? labels.count("chart.careers.title_all", facts.memberCount, ["member": member])
            : labels.count("chart.careers.title_some", facts.memberCount, ["member": member, "first": labels.number(first),
                                                                           "last": labels.number(first + members.count - 1)])
        return TimelineChart(id: id, title: title,
                             description: labels.text("chart.careers.description", ["date": asOf, "cohort_date": builder.date(facts.cohort.date)]),
                             rows: rows, markers: markers(facts.cohort), endDay: site.settings.asOf.dayNumber, labels: labels).draw()
    }

    /// Rows of the careers chart on a cohort's own page; the rest are on its careers pages.
    static let cohortPageRows = 60

    func careerRow(_ author: Author, id: String) -> Chart {
        let cohorts = builder.facts.memberships(of: author.slug).map(\.cohort.cohort)
        let cohortMarkers = cohorts.flatMap(markers)
        var unique: [TimelineChart.Marker] = []
        for marker in cohortMarkers where !unique.contains(where: { $0.day == marker.day }) { unique.append(marker) }
        return TimelineChart(id: id, title: labels.text("chart.career.title", ["name": author.name]),
                             description: labels.text("chart.career.description", ["name": author.name]),
                             rows: [TimelineChart.Row(label: author.name,
                                                      bars: bars(for: author, presentAt: cohorts.first.map { ($0.origin, $0.date.dayNumber) }))],
                             markers: unique, endDay: site.settings.asOf.dayNumber, showRowLabels: false, labels: labels).draw()
    }

    private func markers(_ cohort: Cohort) -> [TimelineChart.Marker] {
        [TimelineChart.Marker(day: cohort.date.dayNumber, label: labels.text("chart.careers.cohort_date", ["date": builder.date(cohort.date)])),
         TimelineChart.Marker(day: site.settings.asOf.dayNumber, label: labels.text("chart.careers.as_of", ["date": asOf]))]
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
                                     period: "\(builder.date(stint.start)) – \(stint.end.map(builder.date) ?? labels.text("person.present"))",
                                     endsAfter: endsAfter, startsBefore: startsBefore)
        }
    }

    func retention(_ all: [CohortFacts], id: String) -> Chart {
        let shares = all.count > 1
        let series = all.map { facts in
            let retention = facts.retention
            return RetentionChart.Series(label: shares ? facts.cohort.name : labels.text("status.at_origin", ["origin": builder.companyName(facts.cohort.origin)]),
                                         colorIndex: colorIndex(facts.cohort.origin) + (shares ? all.firstIndex { $0.cohort.slug == facts.cohort.slug } ?? 0 : 0),
                                         points: retention.points.map { (day: $0.day, value: $0.count) },
                                         finalValue: retention.final, total: retention.total,
                                         dates: retention.points.map { labels.date($0.date) })
        }
        let origin = all.first.map { builder.companyName($0.cohort.origin) } ?? ""
        let unknown = all.map(\.retention.unknownDepartures).reduce(0, +)
        let note = unknown > 0 ? " " + labels.count("chart.retention.unknown", unknown) : ""
        return RetentionChart(id: id, title: shares ? labels.text("chart.retention.title_many") : labels.text("chart.retention.title_one", ["origin": origin]),
                              description: labels.text(shares ? "chart.retention.description_many" : "chart.retention.description_one",
                                                       ["origin": origin, "date": asOf]) + note,
                              series: series, endDay: site.settings.asOf.dayNumber, asShares: shares,
                              origin: shares ? labels.text("chart.retention.origin") : origin, labels: labels,
                              endDate: labels.date(site.settings.asOf)).draw()
    }

    func moves(_ company: Company, facts: CompanyFacts?, id: String) -> Chart? {
        guard let moves = facts?.moves, !moves.isEmpty else { return nil }
        let rows = moves.map { YearBarsChart.Year(year: $0.year, arrivals: $0.arrivals, departures: $0.departures) }
        return YearBarsChart(id: id, title: labels.text("chart.moves.title", ["company": company.name]),
                             description: labels.text("chart.moves.description", ["company": company.name]),
                             years: rows, labels: labels).draw()
    }

    /// The chart as a figure: SVG, caption, and its numbers in a table.
    /// The frame holds one drawing per column width; the theme's CSS shows the one that fits.
    /// - Parameter drawn: false for the feed, whose readers have none of the site's CSS (the drawings
    ///   would all show, uncoloured): the caption and the numbers only.
    func figure(_ chart: Chart, caption: String? = nil, drawn: Bool = true) -> String {
        // Search excerpts are the page's prose, not a chart's labels and numbers.
        var html = "<figure class=\"chart\" id=\"\(chart.id)\" data-pagefind-ignore>\n"
        html += "<figcaption>\(Markup.escapeHTML(caption ?? chart.title))</figcaption>\n"
        guard drawn else { return html + dataTable(chart) + "</figure>" }
        html += "<div class=\"chart-frame\">\n\(chart.svg)\n</div>\n"
        if !chart.key.isEmpty {
            html += "<ul class=\"chart-key\">\n"
            for entry in chart.key {
                html += "<li><span class=\"swatch \(entry.colorClass)\" aria-hidden=\"true\"></span>\(Markup.escapeHTML(entry.text))</li>\n"
            }
            html += "</ul>\n"
        }
        // Each chart's toggle names its chart for screen readers, which list the page's toggles.
        html += "<details class=\"chart-data\">\n<summary>\(Markup.escapeHTML(labels.text("chart.numbers")))"
            + "<span class=\"visually-hidden\">\(Markup.escapeHTML(labels.text("common.colon"))) \(Markup.escapeHTML(caption ?? chart.title))</span></summary>\n"
        return html + dataTable(chart) + "</details>\n</figure>"
    }

    /// The chart's numbers as a table.
    func dataTable(_ chart: Chart) -> String {
        var html = "<table>\n<thead><tr>"
        html += chart.table.columns.map { "<th scope=\"col\">\(Markup.escapeHTML($0))</th>" }.joined(separator: " ")
        html += "</tr></thead>\n<tbody>\n"
        for row in chart.table.rows { html += "<tr>" + row.map { "<td>\(Markup.escapeHTML($0))</td>" }.joined(separator: " ") + "</tr>\n" }
        return html + "</tbody>\n</table>\n"
    }
}
