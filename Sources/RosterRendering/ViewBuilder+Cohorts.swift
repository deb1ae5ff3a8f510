import RosterAnalysis
import RosterModel

extension ViewBuilder {
    enum ChartSet { case none, home, all }

    func cohortView(_ facts: CohortFacts, _ linker: Linker, charts: ChartSet = .none) -> CohortView {
        let cohort = facts.cohort
        let members = facts.members.map { member in
            MemberRow(author: authorLink(member.author, linker), status: statusLabel(member, origin: cohort.origin),
                      statusKey: member.status.rawValue, current: companyLink(member.currentCompany, linker),
                      route: member.route.map { companyLink($0, linker) },
                      routeText: member.route.map(companyName).joined(separator: " → "),
                      tenure: Self.years(member.tenureYears).map { "\($0) years" } ?? "unknown",
                      founder: member.isFounder)
        }
        let factory = ChartFactory(builder: self)
        let slug = cohort.slug
        let departed = facts.departedCount > 0
        return CohortView(slug: cohort.slug, name: cohort.name, href: linker.href(.cohort(cohort.slug)),
                          origin: companyLink(cohort.origin, linker), date: cohort.date.display,
                          facts: factsView(facts, linker), members: members,
                          destinationsChart: charts != .none && departed
                              ? ChartFactory.figure(factory.destinations(facts, id: "chart-destinations-\(slug)")) : nil,
                          flowChart: charts == .all ? ChartFactory.figure(factory.flow(facts, id: "chart-flow-\(slug)")) : nil,
                          careersChart: charts == .all ? ChartFactory.figure(factory.careers(facts, id: "chart-careers-\(slug)")) : nil,
                          retentionChart: charts == .all ? ChartFactory.figure(factory.retention([facts], id: "chart-retention-\(slug)")) : nil)
    }

    func statusLabel(_ member: MemberFacts, origin: String) -> String {
        switch member.status {
        case .atOrigin: return "at \(companyName(origin))"
        case .returned: return "returned to \(companyName(origin))"
        case .departed: return "left"
        }
    }

    func factsView(_ facts: CohortFacts, _ linker: Linker) -> FactsView {
        let origin = companyName(facts.cohort.origin)
        let departed = facts.departedCount
        let destinations = facts.destinations.map { destination in
            DestinationRow(company: companyLink(destination.company, linker), count: destination.count,
                           authors: destination.authors.map { authorLink($0, linker) },
                           share: departed == 0 ? "0%" : "\(Int((Double(destination.count) * 100 / Double(departed)).rounded()))%")
        }
        let headline: String
        if departed == 0 {
            headline = facts.memberCount == 1 ? "The one author is still at \(origin)" : "All \(facts.memberCount) authors are still at \(origin)"
        } else {
            headline = "\(departed) of \(facts.memberCount) \(facts.memberCount == 1 ? "author has" : "authors have") left \(origin)"
        }
        let tenureNote: String
        if departed == 0 {
            tenureNote = "Nobody has left, so there is no tenure of the departed to report."
        } else if facts.tenureKnownCount == departed {
            tenureNote = "Tenure is known for all \(departed) who left."
        } else {
            tenureNote = "Tenure at \(origin) is known for \(facts.tenureKnownCount) of the \(departed) who left; the others' start or end dates are not public."
        }
        return FactsView(headline: headline, members: facts.memberCount, atOrigin: facts.atOriginCount,
                         returned: facts.returnedCount, departed: departed, founderCount: facts.founders.count,
                         founders: facts.founders.map { authorLink($0, linker) },
                         tenureMean: Self.years(facts.tenureMeanYears), tenureMedian: Self.years(facts.tenureMedianYears),
                         tenureKnown: facts.tenureKnownCount, tenureNote: tenureNote, destinations: destinations,
                         departuresByYear: facts.departuresByYear.map { YearRow(year: $0.year, count: $0.count) },
                         hasDepartures: departed > 0)
    }

    func homePage() -> PageJob {
        let route = Route.home
        let linker = options.linker(for: route)
        var context = context(for: route, title: site.settings.title)
        if let first = cohortFacts.first { context["cohort"] = cohortView(first, linker, charts: .home) }
        if !cohortFacts.isEmpty {
            context["retentionOverlay"] = ChartFactory.figure(ChartFactory(builder: self).retention(cohortFacts, id: "chart-retention"))
        }
        context["cohorts"] = cohortFacts.map { cohortView($0, linker) }
        context["latest"] = site.articles.prefix(5).map { articleItem($0, linker) }
        return PageJob(route: route, template: "home", context: context)
    }

    func cohortsPage() -> PageJob {
        let route = Route.cohorts
        var context = context(for: route, title: "Cohorts", breadcrumbs: [("Cohorts", .cohorts)])
        context["cohorts"] = cohortFacts.map { cohortView($0, options.linker(for: route)) }
        return PageJob(route: route, template: "cohorts", context: context)
    }

    func cohortPage(_ facts: CohortFacts) -> PageJob {
        let route = Route.cohort(facts.cohort.slug)
        let view = cohortView(facts, options.linker(for: route), charts: .all)
        var context = context(for: route, title: facts.cohort.name, description: view.facts.headline,
                              breadcrumbs: [("Cohorts", .cohorts), (facts.cohort.name, route)])
        context["cohort"] = view
        return PageJob(route: route, template: "cohort", context: context)
    }
}
