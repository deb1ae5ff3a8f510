import RosterModel

/// One person's changes between an edition and now, in the order a reader wants them: cohorts
/// first (joined, left, departed, returned), then the stints, then what they mean now.
struct PersonDiff {
    let then: Author?
    let now: Author
    let thenDay: Int
    let nowDay: Int
    /// Cohort slug → the member's facts, in the edition and now.
    let thenMembership: [String: MemberFacts]
    let nowMembership: [String: MemberFacts]
    let cohortOrder: [String]

    func entries() -> [EditionChanges.Entry] {
        var entries: [EditionChanges.Entry] = []
        var departedFrom: Set<String> = []   // origins whose end is already told by a departure
        for cohort in cohortOrder {
            switch (thenMembership[cohort], nowMembership[cohort]) {
            case (nil, .some):
                entries.append(.added(cohort: cohort))
            case (.some, nil):
                entries.append(.removed(cohort: cohort))
            case (let old?, let new?) where old.status != new.status:
                if new.status == .departed {
                    entries.append(.departed(cohort: cohort, to: new.currentCompany))
                    if let origin = new.route.first { departedFrom.insert(origin) }
                } else if new.status == .returned {
                    entries.append(.returned(cohort: cohort))
                }
            default:
                break
            }
        }
        let (stintEntries, newCompanies) = stints(departedFrom: departedFrom)
        entries += stintEntries
        let thenCurrent = then?.currentStint(at: thenDay)?.company
        let nowCurrent = now.currentStint(at: nowDay)?.company
        if then != nil, thenCurrent != nowCurrent, !newCompanies.contains(nowCurrent ?? "") {
            entries.append(.currentCompany(then: thenCurrent, now: nowCurrent))
        }
        return entries
    }

    /// New, ended, revised and withdrawn stints; a stint is the same when its company and start
    /// are, and what is left is paired by company in career order as revised dates.
    private func stints(departedFrom: Set<String>) -> ([EditionChanges.Entry], Set<String>) {
        guard let then else { return ([], []) }
        var entries: [EditionChanges.Entry] = []
        var newCompanies: Set<String> = []
        var unmatchedThen = then.career
        var unmatchedNow: [Stint] = []
        for stint in now.career {
            if let index = unmatchedThen.firstIndex(where: { $0.company == stint.company && $0.start == stint.start }) {
                let old = unmatchedThen.remove(at: index)
                if old.end == nil, let end = stint.end {
                    if !departedFrom.contains(stint.company) { entries.append(.stintEnded(company: stint.company, end: end)) }
                } else if old.end != stint.end {
                    // An end moved (2023-05 → 2023-03) or taken back: the same stint, revised.
                    entries.append(.datesRevised(company: stint.company, then: span(old), now: span(stint)))
                }
                if old.confidence != stint.confidence {
                    entries.append(.confidence(company: stint.company, then: old.confidence, now: stint.confidence))
                }
            } else {
                unmatchedNow.append(stint)
            }
        }
        for stint in unmatchedNow {
            if let index = unmatchedThen.firstIndex(where: { $0.company == stint.company }) {
                let old = unmatchedThen.remove(at: index)
                entries.append(.datesRevised(company: stint.company, then: span(old), now: span(stint)))
            } else {
                entries.append(.newStint(company: stint.company, start: stint.start, confidence: stint.confidence))
                newCompanies.insert(stint.company)
            }
        }
        entries += unmatchedThen.map { .stintWithdrawn(company: $0.company, start: $0.start) }
        return (entries, newCompanies)
    }

    private func span(_ stint: Stint) -> EditionChanges.Span {
        EditionChanges.Span(start: stint.start, end: stint.end)
    }
}
