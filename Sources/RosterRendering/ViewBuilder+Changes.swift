import RosterAnalysis
import RosterModel

extension ViewBuilder {
    /// `/changes/`, when an edition before `as_of` is saved.
    func changesPage() -> PageSpec? {
        guard let changes = facts.changes else { return nil }
        return PageSpec(route: .changes) { changesJob(changes) }
    }

    private func changesJob(_ changes: EditionChanges) -> PageJob {
        let route = Route.changes
        let linker = options.linker(for: route)
        let wording = ChangeWording(changes: changes, site: site)
        let title = labels.text("changes.since") + " " + date(changes.since)
        var context = context(for: route, title: title, description: wording.summary, breadcrumbs: [(labels.text("changes.kicker"), .changes)])
        context["changes"] = ChangesView(
            since: date(changes.since), sinceISO: changes.since.isoDay, summary: wording.summary,
            cohortsCaption: labels.text("changes.cohorts_caption", ["since": date(changes.since)]),
            cohorts: changes.cohorts.map { row in
                func pair(_ value: (EditionChanges.Counts) -> Int) -> ThenNow {
                    let then = row.then.map(value), now = row.now.map(value)
                    return ThenNow(then: then.map(labels.number) ?? "—", now: now.map(labels.number) ?? "—", changed: then != now)
                }
                return CohortChangeRow(name: row.name, linked: row.now != nil, href: row.now == nil ? "" : linker.href(.cohort(row.slug)),
                                       members: pair(\.members), atOrigin: pair(\.atOrigin), departed: pair(\.departed),
                                       returned: pair(\.returned))
            },
            people: changes.people.map { person in
                PersonChangeView(id: person.slug, name: person.name, inReport: person.inReport,
                                 href: person.inReport ? linker.href(.author(person.slug)) : "",
                                 entries: person.entries.map { line(wording.sentence($0), linker) })
            },
            corrections: changes.corrections.map { entry in
                CorrectionRow(date: date(entry.correction.date), dateISO: entry.correction.date.isoDay, name: entry.name,
                              href: linker.href(.author(entry.author), fragment: "corrections"),
                              company: entry.company.map(companyName), text: entry.correction.text)
            },
            editions: site.editions.reversed().map { edition in
                EditionRow(date: date(edition.date), dateISO: edition.date.isoDay, href: linker.href(.edition(edition.date.description)),
                           contents: labels.text("changes.edition_contents", ["people": labels.count("chart.people", edition.people),
                                                                              "cohorts": labels.count("changes.cohort_count", edition.cohorts)]),
                           compared: edition.date == changes.since)
            })
        return PageJob(route: route, template: "changes", context: context)
    }

    private func line(_ sentence: ChangeWording.Sentence, _ linker: Linker) -> ChangeLine {
        ChangeLine(before: sentence.before, name: sentence.name, linked: sentence.target != nil,
                   href: sentence.target.map { linker.href($0) } ?? "", after: sentence.after)
    }

    /// The note on an author page whose facts changed since the compared edition.
    func changedSinceNote(_ slug: String, _ linker: Linker) -> ChangedSinceNote? {
        guard let changes = facts.changes, changedPeople.contains(slug) else { return nil }
        return ChangedSinceNote(since: date(changes.since), href: linker.href(.changes, fragment: slug))
    }
}
