import RosterAnalysis
import RosterMarkdown
import RosterModel

/// A chart embedded in an article (`![caption](chart:KIND/COHORT)`), drawn as a figure whose
/// content is the chart's numbers in a table, readable without any script.
struct ChartFigure {
    let builder: ViewBuilder
    let linker: Linker

    func html(for chart: ChartEmbed) -> String {
        guard let facts = builder.cohortFacts.first(where: { $0.cohort.slug == chart.cohort }) else { return "" }
        let caption = Escape.html(chart.caption)
        let rows: [[String]]
        let header: [String]
        switch chart.kind {
        case "destinations":
            header = ["Company now", "People"]
            rows = facts.destinations.map { [companyCell($0.company), String($0.count)] }
        case "flow":
            header = ["Route", "People"]
            var counts: [String: Int] = [:]
            var order: [String] = []
            for member in facts.members {
                let route = member.route.map(builder.companyName).joined(separator: " → ")
                if counts[route] == nil { order.append(route) }
                counts[route, default: 0] += 1
            }
            rows = order.sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }.map { [Escape.html($0), String(counts[$0] ?? 0)] }
        case "careers":
            header = ["Member", "Route", "Now"]
            rows = facts.members.map { member in
                [authorCell(member.author), Escape.html(member.route.map(builder.companyName).joined(separator: " → ")),
                 companyCell(member.currentCompany)]
            }
        default:
            header = ["Year", "Left \(Escape.html(builder.companyName(facts.cohort.origin)))", "Still there at year end"]
            var remaining = facts.memberCount
            rows = facts.departuresByYear.map { year in
                remaining -= year.count
                return [String(year.year), String(year.count), String(remaining)]
            }
        }
        var html = "<figure class=\"chart chart-\(Escape.html(chart.kind))\">\n<table>\n<thead><tr>"
        html += header.map { "<th scope=\"col\">\($0)</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
        html += "</tbody>\n</table>\n<figcaption>\(caption), as of \(Escape.html(builder.site.settings.asOf.display))</figcaption>\n</figure>"
        return html
    }

    private func companyCell(_ slug: String?) -> String {
        guard let slug else { return "unknown" }
        return "<a href=\"\(Escape.html(linker.href(.company(slug))))\">\(Escape.html(builder.companyName(slug)))</a>"
    }

    private func authorCell(_ slug: String) -> String {
        let link = builder.authorLink(slug, linker)
        return "<a href=\"\(Escape.html(link.href))\">\(Escape.html(link.name))</a>"
    }
}
