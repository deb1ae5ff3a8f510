import RosterAnalysis
import RosterModel
import RosterSupport

/// The sentences that tell a change, for `/changes/` (with a link) and `roster diff` (as text).
public struct ChangeWording: Sendable {
    /// A sentence with one named thing in it, which the page links when it has a page.
    public struct Sentence: Sendable, Hashable {
        public var before: String
        public var name: String
        public var target: Route?
        public var after: String

        public var text: String { before + name + after }
    }

    let changes: EditionChanges
    public let labels: Labels
    /// Cohort slug → (name, origin), now and in the edition.
    let cohorts: [String: (name: String, origin: String)]
    /// Cohorts and companies that have a page in the report now.
    let liveCohorts: Set<String>
    let companies: Set<String>

    public init(changes: EditionChanges, site: Site) {
        self.changes = changes
        labels = site.labels
        var cohorts: [String: (name: String, origin: String)] = [:]
        for cohort in site.cohorts where cohorts[cohort.slug] == nil { cohorts[cohort.slug] = (cohort.name, cohort.origin) }
        for row in changes.cohorts where cohorts[row.slug] == nil { cohorts[row.slug] = (row.name, "") }
        self.cohorts = cohorts
        liveCohorts = Set(site.cohorts.map(\.slug))
        companies = Set(site.companies.map(\.slug))
    }

    public func sentence(_ entry: EditionChanges.Entry) -> Sentence {
        switch entry {
        case .added(let cohort):
            return sentence("changes.entry.added", name: cohortName(cohort), target: cohortRoute(cohort))
        case .removed(let cohort):
            return sentence("changes.entry.removed", name: cohortName(cohort), target: cohortRoute(cohort))
        case .departed(let cohort, let to):
            let words = ["origin": changes.name(ofCompany: cohorts[cohort]?.origin ?? ""), "cohort": cohortName(cohort)]
            guard let to else { return sentence("changes.entry.departed_unknown", name: labels.text("changes.entry.where_unknown"), words) }
            return company(to, "changes.entry.departed", words)
        case .returned(let cohort):
            return company(cohorts[cohort]?.origin ?? "", "changes.entry.returned", ["cohort": cohortName(cohort)])
        case .newStint(let slug, let start, let confidence):
            return company(slug, start.date == nil ? "changes.entry.new_stint_undated" : "changes.entry.new_stint",
                           ["start": start.date.map { labels.date($0, phrase: "since") } ?? "", "confidence": labels.text("confidence." + confidence.rawValue)])
        case .stintEnded(let slug, let end):
            return company(slug, end.date == nil ? "changes.entry.ended_undated" : "changes.entry.ended", ["end": end.date.map { labels.date($0, phrase: "on") } ?? ""])
        case .datesRevised(let slug, let then, let now):
            return company(slug, "changes.entry.revised", ["now": span(now), "then": span(then)])
        case .stintWithdrawn(let slug, let start):
            return company(slug, "changes.entry.withdrawn", ["start": date(start)])
        case .currentCompany(let then, let now):
            let was = then.map { labels.text("changes.entry.was_at", ["company": changes.name(ofCompany: $0)]) } ?? ""
            guard let now else { return sentence("changes.entry.no_position", name: labels.text("changes.entry.no_position_name"), ["was": was]) }
            return company(now, "changes.entry.now_at", ["was": was])
        case .confidence(let slug, let then, let now):
            return company(slug, "changes.entry.confidence", ["now": labels.text("confidence." + now.rawValue),
                                                              "then": labels.text("confidence." + then.rawValue)])
        }
    }

    /// "3 people changed since 31 Dec 2023: 1 departure, 1 return, 2 new stints."
    public var summary: String {
        let people = changes.people.count
        let since = labels.date(changes.since)
        guard people > 0 else { return labels.text("changes.summary.nothing", ["since": since]) }
        var departures = 0, returns = 0, stints = 0
        for person in changes.people {
            for entry in person.entries {
                switch entry {
                case .departed: departures += 1
                case .returned: returns += 1
                case .newStint: stints += 1
                default: break
                }
            }
        }
        let parts = [(departures, "changes.summary.departures"), (returns, "changes.summary.returns"), (stints, "changes.summary.new_stints")]
            .filter { $0.0 > 0 }.map { labels.count($0.1, $0.0) }
        let head = labels.count("changes.summary.people", people, ["since": since])
        return parts.isEmpty ? head + "." : labels.text("changes.summary.with_parts", ["head": head, "parts": parts.joined(separator: ", ")])
    }

    /// A label with `{name}` in it, split around the name (which the page links), the rest filled in.
    private func sentence(_ key: String, name: String, target: Route? = nil, _ words: [String: String] = [:]) -> Sentence {
        var words = words
        words["name"] = "\u{1}"
        let parts = labels.text(key, words).components(separatedBy: "\u{1}")
        return Sentence(before: parts.first ?? "", name: name, target: target, after: parts.dropFirst().joined(separator: name))
    }

    private func company(_ slug: String, _ key: String, _ words: [String: String] = [:]) -> Sentence {
        sentence(key, name: changes.name(ofCompany: slug), target: companies.contains(slug) ? .company(slug) : nil, words)
    }

    private func date(_ bound: DateBound) -> String { bound.date.map(labels.date) ?? labels.text("common.date_unknown") }

    private func span(_ span: EditionChanges.Span) -> String {
        "\(date(span.start)) – \(span.end.map(date) ?? labels.text("person.present"))"
    }

    private func cohortName(_ slug: String) -> String { cohorts[slug]?.name ?? slug }
    private func cohortRoute(_ slug: String) -> Route? { liveCohorts.contains(slug) ? .cohort(slug) : nil }
}
