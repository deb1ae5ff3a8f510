import Foundation
import RosterModel
import RosterSupport

/// What an import changes: the people, stints, companies and cohort members read from the tables,
/// checked against the site, and turned into file contents.
struct ImportPlan {
    let site: Site
    let folder: URL
    var problems: [Diagnostic] = []

    struct Person {
        var slug: String
        /// The first row naming the person.
        var at: SourceLocation
        var name: String?
        var links: [Link] = []
        var aliases: [String] = []
        /// Nil when no careers row names the person: an existing file's career is then kept.
        var career: [String]?
        /// Each imported stint's company and dates, and its row: to find repeated rows and the
        /// stints of the file the import leaves out.
        var stintKeys: [(key: StintKey, at: SourceLocation)] = []
    }

    struct StintKey: Equatable {
        var company: String
        var start: DateBound?
        var end: DateBound?
    }

    /// In the order first met.
    var people: [String: Person] = [:]
    var order: [String] = []
    /// Slug → the name it was made from, to find two names that give one slug.
    var derivedFrom: [String: (name: String, at: SourceLocation)] = [:]
    var newCompanies: [(slug: String, text: String)] = []
    var knownCompanies: Set<String>
    let sourceIDs: Set<String>
    let authorsBySlug: [String: Author]
    let companiesBySlug: [String: Company]
    /// Cohort slug → members to add, in order.
    var cohortAdditions: [String: [String]] = [:]

    init(site: Site, folder: URL) {
        self.site = site
        self.folder = folder
        knownCompanies = Set(site.companies.map(\.slug))
        sourceIDs = Set(site.sources.map(\.id))
        authorsBySlug = Dictionary(site.authors.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        companiesBySlug = Dictionary(site.companies.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: Companies

    mutating func addCompanies(_ rows: [ImportRow]) {
        for row in rows {
            guard Slug.isValid(row.value("company")) else {
                problems.append(.error("'\(row.value("company"))' is not a slug\(Self.slugAdvice(row.value("company"))) (column company)", at: row.location("company")))
                continue
            }
            guard !row.value("name").isEmpty else {
                problems.append(.error("a company needs a name (column name)", at: row.location("name")))
                continue
            }
            if !row.value("founded").isEmpty && PartialDate(parsing: row.value("founded")) == nil {
                problems.append(.error("'\(row.value("founded"))' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (column founded)", at: row.location("founded")))
            }
            if !row.value("website").isEmpty && !URLText.isAllowedExternal(row.value("website")) {
                problems.append(.error("'\(row.value("website"))' is not an http(s) address (column website)", at: row.location("website")))
            }
            guard !knownCompanies.contains(row.value("company")) else {
                // An existing company is kept as it is; a row that says otherwise is not silently lost.
                if let existing = companiesBySlug[row.value("company")], existing.name != row.value("name") {
                    problems.append(.warning("the company '\(existing.slug)' exists already (\(DocumentKind.company.path(existing.slug))) and is left as it is, named '\(existing.name)'; edit that file to change it (column name)",
                                             at: row.location("name")))
                }
                continue
            }
            knownCompanies.insert(row.value("company"))
            var lines = ["---", "name: \(YAMLWriting.scalar(row.value("name")))"]
            if !row.value("kind").isEmpty { lines.append("kind: \(YAMLWriting.scalar(row.value("kind")))") }
            if !row.value("headquarters").isEmpty { lines.append("headquarters: \(YAMLWriting.scalar(row.value("headquarters")))") }
            if !row.value("founded").isEmpty { lines.append("founded: \(YAMLWriting.date(row.value("founded")))") }
            if !row.value("website").isEmpty { lines.append("website: \(YAMLWriting.scalar(row.value("website")))") }
            lines += ["---", ""]
            newCompanies.append((row.value("company"), lines.joined(separator: "\n")))
        }
    }

    // MARK: People

    /// The slug a row names, or that its name gives (accents folded); nil after reporting why not.
    mutating func slug(author: String, name: String, authorAt: SourceLocation, nameAt: SourceLocation) -> String? {
        if !author.isEmpty {
            guard Slug.isValid(author) else {
                problems.append(.error("'\(author)' is not a slug\(Self.slugAdvice(author)) (column author)", at: authorAt))
                return nil
            }
            return author
        }
        guard !name.isEmpty else {
            problems.append(.error("this row has neither an author slug nor a name (columns author and name)", at: nameAt))
            return nil
        }
        let slug = Slug.forName(name)
        guard Slug.isValid(slug) else {
            problems.append(.error("the name '\(name)' gives no usable slug; fill the author column (column name)", at: nameAt))
            return nil
        }
        if let earlier = derivedFrom[slug], earlier.name != name {
            problems.append(.error("'\(name)' and '\(earlier.name)' (\(earlier.at)) both give the slug '\(slug)'; fill the author column to tell them apart (column name)", at: nameAt))
            return nil
        }
        derivedFrom[slug] = (name, nameAt)
        return slug
    }

    mutating func person(_ slug: String, at location: SourceLocation) -> Person {
        if let person = people[slug] { return person }
        order.append(slug)
        return Person(slug: slug, at: location)
    }

    /// A person new to the site needs a name from one of the tables.
    mutating func checkNewPeopleHaveNames() {
        for slug in order {
            guard let person = people[slug], person.name == nil,
                  !FileManager.default.fileExists(atPath: folder.appendingPathComponent(DocumentKind.author.path(slug)).path) else { continue }
            problems.append(.error("'\(slug)' is new to the site and has no name; fill the name column", at: person.at))
        }
    }

    mutating func addPeople(_ rows: [ImportRow]) {
        for row in rows {
            guard let slug = slug(author: row.value("author"), name: row.value("name"), authorAt: row.location("author"), nameAt: row.location("name")) else { continue }
            var person = person(slug, at: row.location("author"))
            if !row.value("name").isEmpty { person.name = row.value("name") }
            person.aliases = row.value("aliases").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for alias in person.aliases where !Slug.isValid(alias) {
                problems.append(.error("the alias '\(alias)' is not a slug (column aliases)", at: row.location("aliases")))
            }
            person.links = []
            for part in row.value("links").components(separatedBy: "; ") where !part.isEmpty {
                guard part.hasSuffix(">"), let open = part.range(of: " <", options: .backwards) else {
                    problems.append(.error("'\(part)' is not a link; write 'Label <https://…>', links separated by '; ' (column links)", at: row.location("links")))
                    continue
                }
                let url = String(part[open.upperBound...].dropLast())
                guard URLText.isAllowedExternal(url) else {
                    problems.append(.error("'\(url)' is not an http(s) or mailto address (column links)", at: row.location("links")))
                    continue
                }
                person.links.append(Link(label: String(part[..<open.lowerBound]), url: url))
            }
            people[slug] = person
            for cohort in row.value("cohorts").split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !cohort.isEmpty {
                addMember(slug, to: cohort, at: row.location("cohorts"))
            }
        }
    }

    // MARK: Cohorts

    mutating func addToCohort(_ cohort: String?) {
        guard let cohort else { return }
        guard site.cohorts.contains(where: { $0.slug == cohort }) else {
            problems.append(.error("--cohort '\(cohort)' is not a cohort of Content/site.yml\(Suggestion.hint(for: cohort, in: site.cohorts.map(\.slug)))"))
            return
        }
        for slug in order { addMember(slug, to: cohort, at: nil) }
    }

    mutating func addMember(_ slug: String, to cohort: String, at location: SourceLocation?) {
        guard let existing = site.cohorts.first(where: { $0.slug == cohort }) else {
            problems.append(.error("unknown cohort '\(cohort)'\(Suggestion.hint(for: cohort, in: site.cohorts.map(\.slug))); cohorts are defined in Content/site.yml (column cohorts)", at: location))
            return
        }
        guard !existing.members.contains(slug), cohortAdditions[cohort]?.contains(slug) != true else { return }
        cohortAdditions[cohort, default: []].append(slug)
    }

    // MARK: Files

    func changes() -> [Importer.Change] {
        var changes: [Importer.Change] = []
        func add(_ path: String, _ text: String, created: Bool) {
            changes.append(Importer.Change(path: path, bytes: Data(text.utf8), created: created))
        }
        for company in newCompanies { add(DocumentKind.company.path(company.slug), company.text, created: true) }
        for slug in order {
            guard let person = people[slug] else { continue }
            let path = DocumentKind.author.path(slug)
            let url = folder.appendingPathComponent(path)
            if let old = try? String(contentsOf: url, encoding: .utf8) {
                guard let career = person.career else { continue }
                let new = FrontMatterEdit.replacingCareer(in: old, with: Self.careerBlock(career))
                if new != old { add(path, new, created: false) }
            } else {
                add(path, Self.newAuthor(person), created: true)
            }
        }
        if !cohortAdditions.isEmpty,
           let old = try? String(contentsOf: folder.appendingPathComponent(SiteLayout.settings), encoding: .utf8) {
            let new = FrontMatterEdit.addingMembers(cohortAdditions, to: old, cohorts: site.cohorts)
            if new != old { add(SiteLayout.settings, new, created: false) }
        }
        return changes.sorted { $0.path < $1.path }
    }

    static func careerBlock(_ stints: [String]) -> String {
        guard !stints.isEmpty else { return "career: []\n" }
        return "career:\n" + stints.map { stint in
            "  - " + stint.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ") + "\n"
        }.joined()
    }

    static func newAuthor(_ person: Person) -> String {
        var text = "---\nname: \(YAMLWriting.scalar(person.name ?? person.slug))\n"
        if !person.aliases.isEmpty { text += "aliases: \(YAMLWriting.list(person.aliases))\n" }
        if !person.links.isEmpty {
            text += "links:\n" + person.links.map { "  - label: \(YAMLWriting.scalar($0.label))\n    url: \(YAMLWriting.scalar($0.url))\n" }.joined()
        }
        return text + careerBlock(person.career ?? []) + "---\n"
    }
}
