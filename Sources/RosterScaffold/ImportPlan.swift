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
    }

    /// In the order first met.
    private var people: [String: Person] = [:]
    private var order: [String] = []
    /// Slug → the name it was made from, to find two names that give one slug.
    private var derivedFrom: [String: (name: String, at: SourceLocation)] = [:]
    private var newCompanies: [(slug: String, text: String)] = []
    private var knownCompanies: Set<String>
    private let sourceIDs: Set<String>
    /// Cohort slug → members to add, in order.
    private var cohortAdditions: [String: [String]] = [:]

    init(site: Site, folder: URL) {
        self.site = site
        self.folder = folder
        knownCompanies = Set(site.companies.map(\.slug))
        sourceIDs = Set(site.sources.map(\.id))
    }

    // MARK: Companies

    mutating func addCompanies(_ rows: [ImportTables.CompanyRow]) {
        for row in rows {
            func at(_ column: String) -> SourceLocation { ImportTables.location(row.table, row.record, row.columns, column) }
            guard Slug.isValid(row.slug) else {
                problems.append(.error("'\(row.slug)' is not a slug\(Self.slugAdvice(row.slug)) (column company)", at: at("company")))
                continue
            }
            guard !row.name.isEmpty else {
                problems.append(.error("a company needs a name (column name)", at: at("name")))
                continue
            }
            if !row.founded.isEmpty && PartialDate(parsing: row.founded) == nil {
                problems.append(.error("'\(row.founded)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (column founded)", at: at("founded")))
            }
            if !row.website.isEmpty && !URLText.isAllowedExternal(row.website) {
                problems.append(.error("'\(row.website)' is not an http(s) address (column website)", at: at("website")))
            }
            guard !knownCompanies.contains(row.slug) else { continue }   // an existing company is kept as it is
            knownCompanies.insert(row.slug)
            var lines = ["---", "name: \(YAMLWriting.scalar(row.name))"]
            if !row.kind.isEmpty { lines.append("kind: \(YAMLWriting.scalar(row.kind))") }
            if !row.headquarters.isEmpty { lines.append("headquarters: \(YAMLWriting.scalar(row.headquarters))") }
            if !row.founded.isEmpty { lines.append("founded: \(YAMLWriting.date(row.founded))") }
            if !row.website.isEmpty { lines.append("website: \(YAMLWriting.scalar(row.website))") }
            lines += ["---", ""]
            newCompanies.append((row.slug, lines.joined(separator: "\n")))
        }
    }

    // MARK: People

    /// The slug a row names, or that its name gives (accents folded); nil after reporting why not.
    private mutating func slug(author: String, name: String, authorAt: SourceLocation, nameAt: SourceLocation) -> String? {
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

    private mutating func person(_ slug: String, at location: SourceLocation) -> Person {
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

    mutating func addPeople(_ rows: [ImportTables.Person]) {
        for row in rows {
            func at(_ column: String) -> SourceLocation { ImportTables.location(row.table, row.record, row.columns, column) }
            guard let slug = slug(author: row.author, name: row.name, authorAt: at("author"), nameAt: at("name")) else { continue }
            var person = person(slug, at: at("author"))
            if !row.name.isEmpty { person.name = row.name }
            person.aliases = row.aliases.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for alias in person.aliases where !Slug.isValid(alias) {
                problems.append(.error("the alias '\(alias)' is not a slug (column aliases)", at: at("aliases")))
            }
            person.links = []
            for part in row.links.components(separatedBy: "; ") where !part.isEmpty {
                guard part.hasSuffix(">"), let open = part.range(of: " <", options: .backwards) else {
                    problems.append(.error("'\(part)' is not a link; write 'Label <https://…>', links separated by '; ' (column links)", at: at("links")))
                    continue
                }
                let url = String(part[open.upperBound...].dropLast())
                guard URLText.isAllowedExternal(url) else {
                    problems.append(.error("'\(url)' is not an http(s) or mailto address (column links)", at: at("links")))
                    continue
                }
                person.links.append(Link(label: String(part[..<open.lowerBound]), url: url))
            }
            people[slug] = person
            for cohort in row.cohorts.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !cohort.isEmpty {
                addMember(slug, to: cohort, at: at("cohorts"))
            }
        }
    }

    // MARK: Careers

    mutating func addCareers(_ rows: [ImportTables.Career]) {
        for row in rows {
            func at(_ column: String) -> SourceLocation { ImportTables.location(row.table, row.record, row.columns, column) }
            guard let slug = slug(author: row.author, name: row.name, authorAt: at("author"), nameAt: at("name")) else { continue }
            var person = person(slug, at: at("author"))
            if person.name == nil && !row.name.isEmpty { person.name = row.name }
            if let stint = stintText(row, at) {
                person.career = (person.career ?? []) + [stint]
            }
            people[slug] = person
        }
    }

    /// One stint as YAML lines (without the list dash), or nil after reporting what is wrong.
    private mutating func stintText(_ row: ImportTables.Career, _ at: (String) -> SourceLocation) -> String? {
        var ok = true
        func fail(_ message: String, _ column: String) {
            problems.append(.error(message + " (column \(column))", at: at(column)))
            ok = false
        }
        if row.company.isEmpty {
            fail("a career row needs a company", "company")
        } else if !knownCompanies.contains(row.company) {
            fail("unknown company '\(row.company)'\(Suggestion.hint(for: row.company, in: Array(knownCompanies).sorted())); add it to the companies file or to Content/companies/", "company")
        }
        let start = Self.bound(row.start)
        if row.start.isEmpty {
            fail("a career row needs a start date (write 'unknown' if it is not known)", "start")
        } else if start == nil {
            fail("'\(row.start)' is not a date; write YYYY, YYYY-MM, YYYY-MM-DD or unknown", "start")
        }
        let end = row.end.isEmpty ? nil : Self.bound(row.end)
        if !row.end.isEmpty && end == nil {
            fail("'\(row.end)' is not a date; write YYYY, YYYY-MM, YYYY-MM-DD or unknown, or leave it empty while the stint goes on", "end")
        }
        if let start = start?.date, let end = end?.date, end.lastDay < start.firstDay {
            fail("this stint ends (\(end)) before it starts (\(start))", "end")
        }
        let founder: Bool
        switch row.founder.lowercased() {
        case "", "false", "no": founder = false
        case "true", "yes": founder = true
        default:
            founder = false
            fail("'\(row.founder)' is not true or false", "founder")
        }
        if !row.confidence.isEmpty && Confidence(rawValue: row.confidence) == nil {
            fail("unknown confidence '\(row.confidence)'\(Suggestion.hint(for: row.confidence, in: Confidence.allCases.map(\.rawValue))); use confirmed, reported or inferred", "confidence")
        }
        let sources = row.sources.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for source in sources where !sourceIDs.contains(source) {
            fail("unknown source '\(source)'\(Suggestion.hint(for: source, in: Array(sourceIDs).sorted())); sources are defined in Content/sources.yml", "sources")
        }
        // Evidence: a claim without a source is inferred and says where it came from; a confirmed or
        // reported one must cite its source.
        var confidence = row.confidence
        var note = row.note
        if sources.isEmpty, confidence.isEmpty || Confidence(rawValue: confidence) != nil {
            if confidence.isEmpty {
                confidence = Confidence.inferred.rawValue
                if note.isEmpty { note = "imported from \((row.table.path as NSString).lastPathComponent):\(row.record.number) without a source" }
            } else if confidence != Confidence.inferred.rawValue, Confidence(rawValue: confidence) != nil {
                fail("a \(confidence) stint must cite a source: fill the sources column, or leave confidence empty (it becomes inferred)", "confidence")
            } else if note.isEmpty {
                fail("an inferred stint needs a note (the reasoning) or a source", "note")
            }
        }
        guard ok else { return nil }
        var lines = ["company: \(row.company)"]
        if !row.unit.isEmpty { lines.append("unit: \(YAMLWriting.scalar(row.unit))") }
        if !row.role.isEmpty { lines.append("role: \(YAMLWriting.scalar(row.role))") }
        lines.append("start: \(YAMLWriting.date(row.start))")
        if !row.end.isEmpty { lines.append("end: \(YAMLWriting.date(row.end))") }
        if founder { lines.append("founder: true") }
        if !confidence.isEmpty { lines.append("confidence: \(confidence)") }
        if !note.isEmpty { lines.append("note: \(YAMLWriting.scalar(note))") }
        if !sources.isEmpty { lines.append("sources: \(YAMLWriting.list(sources))") }
        return lines.joined(separator: "\n")
    }

    private static func bound(_ text: String) -> DateBound? {
        text == "unknown" ? .unknown : PartialDate(parsing: text).map(DateBound.known)
    }

    private static func slugAdvice(_ text: String) -> String {
        let suggestion = Slug.forName(text)
        return Slug.isValid(suggestion) ? "; write it as '\(suggestion)' (lowercase letters, digits and single dashes)"
            : "; use lowercase letters, digits and single dashes"
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

    private mutating func addMember(_ slug: String, to cohort: String, at location: SourceLocation?) {
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
