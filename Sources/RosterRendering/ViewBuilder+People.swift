import RosterAnalysis
import RosterMarkdown
import RosterModel

extension ViewBuilder {
    func authorsPages() -> [PageSpec] {
        let day = site.settings.asOf.dayNumber
        let sorted = Self.inNameOrder(site.authors, name: \.name, slug: \.slug)
        return paginate(sorted, route: { Route.page($0, of: .authors) }) { route, slice, pagination in
            let linker = options.linker(for: route)
            var context = context(for: route, title: labels.text("nav.people") + pageSuffix(pagination), breadcrumbs: [(labels.text("nav.people"), .authors)])
            context["authors"] = slice.map { author in
                let current = author.currentStint(at: day)
                return AuthorRow(author: authorLink(author.slug, linker), current: companyLink(current?.company, linker),
                                 role: current?.role)
            }
            context["pagination"] = pagination
            return PageJob(route: route, template: "authors", context: context)
        }
    }

    public func authorPage(_ author: Author) -> PageJob {
        let day = site.settings.asOf.dayNumber
        let route = Route.author(author.slug)
        let linker = options.linker(for: route)
        let current = author.currentStint(at: day)
        let cohorts: [AuthorCohortRow] = facts.memberships(of: author.slug).map { facts, member in
            AuthorCohortRow(cohort: facts.cohort.name, href: linker.href(.cohort(facts.cohort.slug)),
                                   status: statusLabel(member, origin: facts.cohort.origin),
                                   searchStatus: searchStatus(member.status),
                                   routeText: member.route.map(companyName).joined(separator: " → "),
                                   route: member.route.map { companyLink($0, linker) },
                                   tenure: years(member.tenureYears) ?? labels.text("common.unknown_tenure"))
        }
        var sourceIDs: [String] = []
        for id in author.career.flatMap(\.sources) where !sourceIDs.contains(id) { sourceIDs.append(id) }
        let view = AuthorView(
            slug: author.slug, name: author.name,
            current: current.map { CurrentPosition(company: companyLink($0.company, linker), role: $0.role,
                                                   unit: $0.unit, since: $0.start.date.map(date)) },
            career: author.career.map { stintRow($0, linker, day: day) }, cohorts: cohorts,
            links: author.links.map { LabelledLink(label: $0.label, url: $0.url) },
            bio: body(route), mentions: mentions(facts.mentions.articlesByAuthor[author.slug], linker),
            sources: sourceIDs.map { sourceRef($0, linker) },
            timelineChart: ChartFactory(builder: self).figure(ChartFactory(builder: self).careerRow(author, id: "chart-career")),
            corrections: (author.corrections.map { correctionNote($0) }
                + author.career.flatMap { stint in stint.corrections.map { correctionNote($0, company: companyName(stint.company)) } })
                .sorted { $0.dateISO < $1.dateISO },
            changed: changedSinceNote(author.slug, linker), photo: pictureView(author.photo, linker))
        let position = current.map { " " + labels.text("person.description_now", ["company": companyName($0.company)]) } ?? ""
        var context = context(for: route, title: author.name,
                              description: labels.text("person.description", ["name": author.name]) + position,
                              ogType: "profile", breadcrumbs: [(labels.text("nav.people"), .authors), (author.name, route)])
        context["author"] = view
        context.addSearchFilters(current.map { [searchFilter("company", companyName($0.company))] } ?? [])
        context.addSearchFilters(cohorts.flatMap { [searchFilter("cohort", $0.cohort), searchFilter("status", $0.searchStatus)] })
        context.addSearchFilters(view.career.map { searchFilter("confidence", $0.confidenceLabel) })
        if let photo = author.photo { context.setImage(absoluteURL(.asset(photo.path))) }
        return PageJob(route: route, template: "author", context: context)
    }

    func stintRow(_ stint: Stint, _ linker: Linker, day: Int) -> StintRow {
        StintRow(company: companyLink(stint.company, linker), unit: stint.unit, role: stint.role,
                 start: date(stint.start), end: stint.end.map(date) ?? labels.text("person.present"), isOpen: stint.end == nil,
                 confidence: stint.confidence.rawValue, confidenceLabel: labels.text("confidence." + stint.confidence.rawValue), note: stint.note, founder: stint.founder,
                 sources: stint.sources.map { sourceRef($0, linker) }, corrections: stint.corrections.map { correctionNote($0) })
    }

    func correctionNote(_ correction: Correction, company: String? = nil) -> CorrectionNote {
        CorrectionNote(date: date(correction.date), dateISO: correction.date.isoDay, text: correction.text, company: company)
    }

    /// A company's `kind` as words: the label `company.kinds.big_tech` when the theme has one, else
    /// the kind itself (`big-tech` → "Big tech").
    func kindLabel(_ kind: String) -> String {
        let key = "company.kinds." + kind.lowercased().replacingOccurrences(of: "-", with: "_")
        if labels.values[key] != nil { return labels.text(key) }
        let words = kind.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    func mentions(_ slugs: [String]?, _ linker: Linker) -> [ArticleItem] {
        Article.newestFirst((slugs ?? []).compactMap { articlesBySlug[$0] }).map { articleItem($0, linker) }
    }

    func companiesPages() -> [PageSpec] {
        let sorted = Self.inNameOrder(site.companies, name: \.name, slug: \.slug)
        return paginate(sorted, route: { Route.page($0, of: .companies) }) { route, slice, pagination in
            let linker = options.linker(for: route)
            var context = context(for: route, title: labels.text("nav.companies") + pageSuffix(pagination), breadcrumbs: [(labels.text("nav.companies"), .companies)])
            context["companies"] = slice.map { company in
                CompanyRow(company: companyLink(company.slug, linker), kind: company.kind.map(kindLabel), headquarters: company.headquarters,
                           currentCount: grouped(companyFacts[company.slug]?.current.count ?? 0))
            }
            context["pagination"] = pagination
            return PageJob(route: route, template: "companies", context: context)
        }
    }

    /// A company's page; its people now and its alumni a page at a time (side by side: page 2 shows
    /// the second slice of each).
    func companyPages(_ company: Company) -> [PageSpec] {
        let day = site.settings.asOf.dayNumber
        let base = Route.company(company.slug)
        let facts = companyFacts[company.slug]
        let current = facts?.current ?? []
        let alumni = facts?.alumni ?? []
        let rows = Array(0..<max(current.count, alumni.count))
        return paginate(rows, route: { Route.page($0, of: base) }) { route, slice, pagination in
            let linker = options.linker(for: route)
            func people(_ slugs: [String]) -> [PersonAtCompany] {
                let end = min(slugs.count, (slice.last ?? -1) + 1)
                let range = min(slice.first ?? 0, end)..<end
                return range.isEmpty ? [] : slugs[range].compactMap { authorsBySlug[$0] }.map { author in
                    let shown = author.stint(at: company.slug, on: day)
                    let period = shown.map { "\(date($0.start)) – \($0.end.map(date) ?? labels.text("person.present"))" } ?? ""
                    return PersonAtCompany(author: authorLink(author.slug, linker), role: shown?.role, period: period)
                }
            }
            let first = pagination.current == 1
            let moves = (facts?.moves ?? []).map { MoveRow(year: $0.year, arrivals: $0.arrivals, departures: $0.departures) }
            let view = CompanyView(slug: company.slug, name: company.name, logo: pictureView(company.logo, linker), kind: company.kind.map(kindLabel),
                                   headquarters: company.headquarters, founded: company.founded.map(date),
                                   website: company.website, description: first ? body(base) : "",
                                   current: people(current), alumni: people(alumni), currentCount: grouped(current.count),
                                   alumniCount: grouped(alumni.count), moves: first ? moves : [],
                                   movesChart: first ? ChartFactory(builder: self).moves(company, facts: facts, id: "chart-moves").map { ChartFactory(builder: self).figure($0) } : nil,
                                   mentions: first ? mentions(self.facts.mentions.articlesByCompany[company.slug], linker) : [],
                                   sources: company.sources.map { sourceRef($0, linker) }, isFirstPage: first)
            var context = context(for: route, title: company.name + pageSuffix(pagination),
                                  description: labels.text("company.description", ["name": company.name]),
                                  breadcrumbs: [(labels.text("nav.companies"), .companies), (company.name, base)])
            context["company"] = view
            if let logo = company.logo { context.setImage(absoluteURL(.asset(logo.path))) }
            context["pagination"] = pagination
            return PageJob(route: route, template: "company", context: context)
        }
    }

    /// People or organisations as the indexes list them (`NameOrder`, then slug); each key made once.
    static func inNameOrder<T>(_ items: [T], name: KeyPath<T, String>, slug: KeyPath<T, String>) -> [T] {
        let keys = items.map { NameOrder($0[keyPath: name]) }
        return items.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : items[a][keyPath: slug] < items[b][keyPath: slug]
        }.map { items[$0] }
    }
}
