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
    /// Cohort slug → (name, origin), now and in the edition.
    let cohorts: [String: (name: String, origin: String)]
    /// Cohorts and companies that have a page in the report now.
    let liveCohorts: Set<String>
    let companies: Set<String>

    public init(changes: EditionChanges, site: Site) {
        self.changes = changes
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
            return Sentence(before: "Added to the cohort ", name: cohortName(cohort), target: cohortRoute(cohort), after: ".")
        case .removed(let cohort):
            return Sentence(before: "Removed from the cohort ", name: cohortName(cohort), target: cohortRoute(cohort), after: ".")
        case .departed(let cohort, let to):
            let origin = changes.name(ofCompany: cohorts[cohort]?.origin ?? "")
            guard let to else {
                return Sentence(before: "Left \(origin) (\(cohortName(cohort))); ", name: "where to is not known", target: nil, after: ".")
            }
            return company(to, before: "Left \(origin) (\(cohortName(cohort))); now at ", after: ".")
        case .returned(let cohort):
            return company(cohorts[cohort]?.origin ?? "", before: "Returned to ", after: " (\(cohortName(cohort))).")
        case .newStint(let slug, let start, let confidence):
            let from = start.date.map { "from \($0.display)" } ?? "from a date not known"
            return company(slug, before: "New stint at ", after: ", \(from) (\(confidence.rawValue)).")
        case .stintEnded(let slug, let end):
            return company(slug, before: "The stint at ", after: " ended" + (end.date.map { " in \($0.display)" } ?? " at a date not known") + ".")
        case .datesRevised(let slug, let then, let now):
            return company(slug, before: "Dates of the stint at ", after: " revised: now \(now) (was \(then)).")
        case .stintWithdrawn(let slug, let start):
            return company(slug, before: "The stint at ", after: " (from \(start.display)) was withdrawn.")
        case .currentCompany(let then, let now):
            let was = then.map { " (was at \(changes.name(ofCompany: $0)))" } ?? ""
            guard let now else {
                return Sentence(before: "", name: "No current position known", target: nil, after: was + ".")
            }
            return company(now, before: "Now at ", after: was + ".")
        case .confidence(let slug, let then, let now):
            return company(slug, before: "The stint at ", after: " is now \(now.rawValue) (was \(then.rawValue)).")
        }
    }

    /// "3 people changed since 31 Dec 2023: 1 departure, 1 return, 2 new stints."
    public var summary: String {
        let people = changes.people.count
        guard people > 0 else { return "Nothing changed since the edition of \(changes.since.display)." }
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
        let parts = [Self.count(departures, "departure", "departures"), Self.count(returns, "return", "returns"),
                     Self.count(stints, "new stint", "new stints")].compactMap { $0 }
        return "\(Self.count(people, "person", "people") ?? "") changed since the edition of \(changes.since.display)"
            + (parts.isEmpty ? "." : ": " + parts.joined(separator: ", ") + ".")
    }

    static func count(_ number: Int, _ one: String, _ other: String) -> String? {
        number == 0 ? nil : "\(NumberText.grouped(number)) \(number == 1 ? one : other)"
    }

    private func company(_ slug: String, before: String, after: String) -> Sentence {
        Sentence(before: before, name: changes.name(ofCompany: slug), target: companies.contains(slug) ? .company(slug) : nil, after: after)
    }

    private func cohortName(_ slug: String) -> String { cohorts[slug]?.name ?? slug }
    private func cohortRoute(_ slug: String) -> Route? { liveCohorts.contains(slug) ? .cohort(slug) : nil }
}
