import RosterAnalysis
import RosterModel

extension ViewBuilder {
    enum ChartSet { case none, home, all }

    /// A cohort's view; `members` are the rows of its members table (none on indexes).
    func cohortView(_ facts: CohortFacts, _ linker: Linker, charts: ChartSet = .none,
                    members shown: ArraySlice<MemberFacts> = []) -> CohortView {
        let cohort = facts.cohort
        let members = shown.map { member in
            MemberRow(author: authorLink(member.author, linker), status: statusLabel(member, origin: cohort.origin),
                      statusKey: member.status.rawValue, current: companyLink(member.currentCompany, linker),
                      route: member.route.map { companyLink($0, linker) },
                      routeText: member.route.map(companyName).joined(separator: " → "),
                      tenure: years(member.tenureYears) ?? labels.text("common.unknown_tenure"),
                      founder: member.isFounder)
        }
        let factory = ChartFactory(builder: self)
        let slug = cohort.slug
        let departed = facts.departedCount > 0
        return CohortView(slug: cohort.slug, name: cohort.name, href: linker.href(.cohort(cohort.slug)),
                          origin: companyLink(cohort.origin, linker),
                          tenureHeading: labels.text("cohort.tenure_at", ["origin": companyName(cohort.origin)]), date: date(cohort.date),
                          facts: factsView(facts, linker), members: members,
                          destinationsChart: charts != .none && departed
                              ? factory.figure(factory.destinations(facts, id: "chart-destinations-\(slug)")) : nil,
                          flowChart: charts == .all ? factory.figure(factory.flow(facts, id: "chart-flow-\(slug)")) : nil,
                          careersChart: charts == .all ? factory.figure(factory.careers(
                              facts, id: "chart-careers-\(slug)", members: facts.members.prefix(ChartFactory.cohortPageRows), first: 1)) : nil,
                          retentionChart: charts == .all ? factory.figure(factory.retention([facts], id: "chart-retention-\(slug)")) : nil,
                          careersHref: facts.memberCount > ChartFactory.cohortPageRows ? linker.href(.cohortCareers(slug)) : nil)
    }

    /// The search filter's words for a status (`MemberRow.statusKey`, the raw value, names CSS classes).
    func searchStatus(_ status: MemberFacts.Status) -> String {
        switch status {
        case .atOrigin: return labels.text("search.statuses.at_origin")
        case .returned: return labels.text("search.statuses.returned")
        case .departed: return labels.text("search.statuses.left")
        }
    }

    func statusLabel(_ member: MemberFacts, origin: String) -> String {
        switch member.status {
        case .atOrigin: return labels.text("status.at_origin", ["origin": companyName(origin)])
        case .returned: return labels.text("status.returned", ["origin": companyName(origin)])
        case .departed: return labels.text("status.left")
        }
    }

    /// What the cohort's members are called, for `count` of them: its `member:`, or the theme's.
    func memberNoun(_ cohort: Cohort, _ count: Int) -> String {
        cohort.member.map { labels.choose($0, count) } ?? labels.count("cohort.member", count)
    }

    /// "5.5 years" ("5,5 ans"), or nil when unknown.
    /// How many people a destination row names (a tracker's cohort sends hundreds to one place;
    /// the members table lists everyone).
    static let namedPerDestination = 12

    /// A number as the page prints it, grouped in the site's language.
    func grouped(_ value: Int) -> Count { Count(value: value, text: labels.number(value)) }

    func years(_ value: Double?) -> String? {
        value.map { labels.count("common.years", $0 == 1 ? 1 : 2, ["count": labels.decimal($0)]) }
    }

    /// "5.5" ("5,5"), or nil when unknown.
    func decimalYears(_ value: Double?) -> String? { value.map(labels.decimal) }

    func factsView(_ facts: CohortFacts, _ linker: Linker) -> FactsView {
        let origin = companyName(facts.cohort.origin)
        let departed = facts.departedCount
        let destinations = facts.destinations.map { destination in
            DestinationRow(company: companyLink(destination.company, linker), count: grouped(destination.count),
                           authors: destination.authors.prefix(Self.namedPerDestination).map { authorLink($0, linker) },
                           more: destination.authors.count > Self.namedPerDestination
                               ? labels.count("facts.more_people", destination.authors.count - Self.namedPerDestination) : nil,
                           share: labels.percent(departed == 0 ? 0 : Int((Double(destination.count) * 100 / Double(departed)).rounded())))
        }
        let count = facts.memberCount
        // "1 of 14 authors has left": the verb agrees with those who left, and `{member}` with the
        // total; French agrees the noun with those who left too ("1 auteur sur 14"): `{member_departed}`.
        let words = ["origin": origin, "member": memberNoun(facts.cohort, count), "departed": labels.number(departed),
                     "member_departed": memberNoun(facts.cohort, departed), "count": labels.number(count)]
        let headline = departed == 0 ? labels.count("headline.all_stayed", count, words) : labels.count("headline.left", departed, words)
        let tenureNote: String
        if departed == 0 {
            tenureNote = labels.text("facts.nobody_left")
        } else if facts.tenureKnownCount == departed {
            tenureNote = labels.count("facts.tenure_all_known", departed)
        } else {
            tenureNote = labels.count("facts.tenure_some_known", departed, ["origin": origin, "known": labels.number(facts.tenureKnownCount)])
        }
        let returned = facts.returnedCount
        let atOriginLabel = returned == 0 ? labels.text("numbers.at_origin", ["origin": origin])
            : labels.count("numbers.at_origin_returned", returned, ["origin": origin])
        let unknown = labels.text("common.unknown_tenure")
        let tenureSummary = labels.text("facts.tenure_summary", ["mean": years(facts.tenureMeanYears) ?? unknown,
                                                                 "median": years(facts.tenureMedianYears) ?? unknown])
        return FactsView(headline: headline, members: grouped(facts.memberCount), atOrigin: grouped(facts.atOriginCount), atOriginLabel: atOriginLabel,
                         returned: grouped(facts.returnedCount), departed: grouped(departed), founderCount: grouped(facts.founders.count),
                         founders: facts.founders.map { authorLink($0, linker) },
                         tenureMean: decimalYears(facts.tenureMeanYears), tenureMedian: decimalYears(facts.tenureMedianYears),
                         tenureKnown: facts.tenureKnownCount, tenureNote: tenureNote, destinations: destinations,
                         departuresByYear: facts.departuresByYear.map { YearRow(year: $0.year, count: $0.count) },
                         hasDepartures: departed > 0, followedLabel: labels.count("numbers.followed", count, ["member": memberNoun(facts.cohort, count)]),
                         destinationsCaption: destinationsTitle(departed, origin: origin), tenureSummary: tenureSummary,
                         departedLabel: labels.count("numbers.left", departed), returnedLabel: labels.count("numbers.came_back", returned),
                         foundedLabel: labels.count("numbers.founded", facts.founders.count))
    }

    /// "Where the 11 who left Meta are now"; with nobody gone, its own sentence (French uses its
    /// singular for 0, which would read "the one who left").
    func destinationsTitle(_ departed: Int, origin: String) -> String {
        departed == 0 ? labels.text("facts.destinations_none", ["origin": origin])
            : labels.count("facts.destinations", departed, ["origin": origin])
    }

    func homePage() -> PageJob {
        let route = Route.home
        let linker = options.linker(for: route)
        var context = context(for: route, title: site.settings.title)
        if showsOverview {
            context["overview"] = overviewView(linker)
        } else if let first = cohortFacts.first {
            context["cohort"] = cohortView(first, linker, charts: .home)
        }
        if !cohortFacts.isEmpty && !showsOverview {
            context["retentionOverlay"] = ChartFactory(builder: self).figure(ChartFactory(builder: self).retention(cohortFacts, id: "chart-retention"))
        }
        context["cohorts"] = cohortFacts.map { cohortView($0, linker) }
        context["latest"] = site.articles.prefix(5).map { articleItem($0, linker) }
        context["events"] = site.events.map { event in
            let date = PartialDate(parsing: event.date)
            return EventRow(date: date.map(self.date) ?? event.date, dateISO: date?.isoDay, title: event.title)
        }
        return PageJob(route: route, template: "home", context: context)
    }

    /// A tracker's home page gives the overview: `home: overview`, or more than 8 cohorts.
    var showsOverview: Bool {
        site.settings.home == .overview || (site.settings.home == nil && cohortFacts.count > SiteSettings.maximumFeatured)
    }

    func overviewView(_ linker: Linker) -> OverviewView {
        let overview = facts.overview
        let factory = ChartFactory(builder: self)
        let featured = site.settings.featured.compactMap { facts.cohort($0) }
        let size = max(1, site.settings.paginate)
        return OverviewView(
            people: grouped(site.authors.count), organisations: grouped(site.companies.count), cohortCount: grouped(cohortFacts.count),
            departedPeople: grouped(overview.departedPeople),
            cohorts: cohortFacts.prefix(size).map { cohortView($0, linker) },
            allCohortsHref: cohortFacts.count > size ? linker.href(.cohorts) : nil,
            destinationsChart: overview.departedPeople == 0 ? nil : factory.figure(factory.overviewDestinations(overview, id: "chart-destinations")),
            flows: overview.flows.prefix(15).map { FlowRow(from: companyLink($0.from, linker), to: companyLink($0.to, linker), people: grouped($0.people)) },
            retentionChart: featured.isEmpty ? nil : factory.figure(factory.retention(featured, id: "chart-retention")))
    }

    func cohortsPages() -> [PageSpec] {
        paginate(cohortFacts, route: { Route.page($0, of: .cohorts) }) { route, slice, pagination in
            var context = context(for: route, title: labels.text("nav.cohorts") + pageSuffix(pagination), breadcrumbs: [(labels.text("nav.cohorts"), .cohorts)])
            let linker = options.linker(for: route)
            context["cohorts"] = slice.map { cohortView($0, linker) }
            context["pagination"] = pagination
            return PageJob(route: route, template: "cohorts", context: context)
        }
    }

    /// The cohort's page, its members a page at a time; the charts are on the first page.
    func cohortPages(_ facts: CohortFacts) -> [PageSpec] {
        let base = Route.cohort(facts.cohort.slug)
        return paginate(facts.members, route: { Route.page($0, of: base) }) { route, slice, pagination in
            let view = cohortView(facts, options.linker(for: route), charts: pagination.current == 1 ? .all : .none, members: slice[...])
            var context = context(for: route, title: facts.cohort.name + pageSuffix(pagination), description: view.facts.headline,
                                  breadcrumbs: [(labels.text("nav.cohorts"), .cohorts), (facts.cohort.name, base)])
            context["cohort"] = view
            context["pagination"] = pagination
            return PageJob(route: route, template: "cohort", context: context)
        }
    }

    /// Every member's career, `cohortPageRows` to a page, for cohorts too large for one chart.
    func cohortCareersPages(_ facts: CohortFacts) -> [PageSpec] {
        guard facts.memberCount > ChartFactory.cohortPageRows else { return [] }
        let slug = facts.cohort.slug
        let base = Route.cohortCareers(slug)
        let size = ChartFactory.cohortPageRows
        return paginate(facts.members, size: size, route: { Route.page($0, of: base) }) { route, slice, pagination in
            let linker = options.linker(for: route)
            let first = (pagination.current - 1) * size + 1
            let chart = ChartFactory(builder: self).careers(facts, id: "chart-careers-\(slug)", members: slice[...], first: first)
            var context = context(for: route, title: labels.text("cohort.careers_title", ["cohort": facts.cohort.name]) + pageSuffix(pagination),
                                  description: chart.title,
                                  breadcrumbs: [(labels.text("nav.cohorts"), .cohorts), (facts.cohort.name, .cohort(slug)),
                                                (labels.text("cohort.careers"), base)])
            context["cohort"] = cohortView(facts, linker)
            context["careersChart"] = ChartFactory(builder: self).figure(chart)
            context["pagination"] = pagination
            return PageJob(route: route, template: "careers", context: context)
        }
    }

    /// ", page 2" after a title, nothing on a first page.
    func pageSuffix(_ pagination: Pagination) -> String {
        pagination.current > 1 ? labels.text("common.page_suffix", ["page": labels.number(pagination.current)]) : ""
    }
}
