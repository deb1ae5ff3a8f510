import RosterModel
import RosterSupport

/// Checks every cross-reference and rule of the content format, collecting every problem. It never
/// stops at the first: an editor fixes a whole batch at once.
public struct SiteValidator: Sendable {
    public let site: Site
    /// Slugs of files that exist but could not be read; references to them are not reported again.
    public let unreadable: References

    public struct References: Sendable {
        public var authors: Set<String>
        public var companies: Set<String>
        public var sourcesUnreadable: Bool
        public init(authors: Set<String> = [], companies: Set<String> = [], sourcesUnreadable: Bool = false) {
            self.authors = authors
            self.companies = companies
            self.sourcesUnreadable = sourcesUnreadable
        }
    }

    /// Looked up once per citation.
    private let sourceIDs: Set<String>

    public init(site: Site, unreadable: References = References()) {
        self.site = site
        self.unreadable = unreadable
        sourceIDs = Set(site.sources.map(\.id))
    }

    /// Every problem, sorted. The cohorts, the authors and the rest are checked side by side.
    public func validate(parallelism: Parallelism = .automatic) -> [Diagnostic] {
        let parts = ConcurrentSlots<[Diagnostic]>(count: 3)
        parallelism.forEach(3) { part in
            var problems: [Diagnostic] = []
            switch part {
            case 0:
                problems += validateCohorts()
                problems += validateFeatured()
            case 1:
                for author in site.authors { problems += validate(author) }
            default:
                for company in site.companies {
                    problems += checkSources(company.sources, field: "sources", locations: company.locations)
                }
                for article in site.articles {
                    problems += checkSources(article.sources, field: "sources", locations: article.locations)
                }
                problems += validateTags()
                problems += validatePages()
                problems += validateEvents()
                problems += AliasValidator(site: site).validate()
                problems += StarterTextValidator(site: site).validate()
            }
            parts[part] = problems
        }
        return (0..<3).flatMap { parts[$0] ?? [] }.sorted()
    }

    /// as_of, unless site.yml could not be read (then the settings are stand-ins: compare nothing).
    var knownAsOf: PartialDate? {
        site.settings == .unreadable ? nil : site.settings.asOf
    }

    // MARK: Cohorts

    func validateCohorts() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seenCohorts: Set<String> = []
        var names: [String: String] = [:]   // name → the slug of the first cohort with it
        for cohort in site.cohorts {
            if let first = names[cohort.name], first != cohort.slug {
                problems.append(.warning("cohort '\(cohort.slug)' has the same name as cohort '\(first)' ('\(cohort.name)'); readers and the search's cohort filter cannot tell them apart",
                                         at: cohort.locations["name"]))
            } else if names[cohort.name] == nil {
                names[cohort.name] = cohort.slug
            }
            if cohort.slug.utf8.count > Slug.maximumLength {
                problems.append(.error("the cohort slug is too long to be part of a URL (at most \(Slug.maximumLength) characters)",
                                       at: cohort.locations["slug"]))
            }
            if !seenCohorts.insert(cohort.slug).inserted {
                problems.append(.error("cohort '\(cohort.slug)' is defined twice", at: cohort.locations["slug"]))
            }
            if let asOf = knownAsOf, cohort.date.firstDay > asOf.lastDay {
                problems.append(.error("the cohort's date (\(cohort.date)) is after as_of (\(asOf)); a report measures a cohort from its date up to as_of",
                                       at: cohort.locations["date"]))
            }
            let originKnown = site.company(cohort.origin) != nil
            if !originKnown && !unreadable.companies.contains(cohort.origin) {
                problems.append(.error("unknown origin company '\(cohort.origin)'\(Suggestion.hint(for: cohort.origin, in: site.companies.map(\.slug)))",
                                       at: cohort.locations["origin"]))
            }
            var seenMembers: Set<String> = []
            for (index, member) in cohort.members.enumerated() {
                var location: SourceLocation { cohort.locations.location(of: "members", item: index) }
                if !seenMembers.insert(member).inserted {
                    problems.append(.error("'\(member)' is listed twice in cohort '\(cohort.slug)'", at: location))
                    continue
                }
                guard let author = site.author(member) else {
                    if !unreadable.authors.contains(member) {
                        problems.append(.error("unknown author '\(member)'\(Suggestion.hint(for: member, in: site.authors.map(\.slug)))",
                                               at: location))
                    }
                    continue
                }
                if originKnown && !author.career.contains(where: { $0.company == cohort.origin }) {
                    problems.append(.error("\(author.name) ('\(member)') has no stint at '\(cohort.origin)', the origin of cohort '\(cohort.slug)'; add one to Content/authors/\(member).md",
                                           at: location))
                }
            }
        }
        return problems
    }

    // MARK: Authors

    func validate(_ author: Author) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var previousStart: PartialDate?
        for stint in author.career {
            if site.company(stint.company) == nil && !unreadable.companies.contains(stint.company) {
                problems.append(.error("unknown company '\(stint.company)'\(Suggestion.hint(for: stint.company, in: site.companies.map(\.slug)))",
                                       at: stint.locations["company"]))
            }
            problems += checkSources(stint.sources, field: "sources", locations: stint.locations)
            if let problem = evidenceProblem(stint) { problems.append(problem) }
            if let start = stint.start.date, let end = stint.end?.date, end.lastDay < start.firstDay {
                problems.append(.error("this stint ends (\(end)) before it starts (\(start))", at: stint.locations["end"]))
            }
            if let start = stint.start.date, let asOf = knownAsOf, start.firstDay > asOf.lastDay {
                problems.append(.warning("this stint starts (\(start)) after as_of (\(asOf)), so the report does not count it yet",
                                         at: stint.locations["start"]))
            }
            if let start = stint.start.date {
                if let previous = previousStart, start.lastDay < previous.firstDay {
                    problems.append(.warning("this stint starts (\(start)) before the one listed above it (\(previous)); list a career oldest first",
                                             at: stint.locations["start"]))
                }
                previousStart = start
            }
        }
        return problems
    }

    func checkSources(_ ids: [String], field: String, locations: FieldLocations) -> [Diagnostic] {
        guard !unreadable.sourcesUnreadable else { return [] }
        return ids.enumerated().compactMap { index, id in
            guard !sourceIDs.contains(id) else { return nil }
            let hint = Suggestion.hint(for: id, in: site.sources.map(\.id))
            return .error("unknown source '\(id)'\(hint); sources are defined in Content/sources.yml",
                          at: locations.location(of: field, item: index))
        }
    }

    // MARK: Tags and pages

    func validateTags() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var nameForSlug: [String: String] = [:]
        for article in site.articles.sorted(by: { $0.locations.start < $1.locations.start }) {
            for (index, tag) in article.tags.enumerated() {
                let location = article.locations.location(of: "tags", item: index)
                let slug = Slug.forTag(tag)
                if slug.isEmpty {
                    problems.append(.error("the tag '\(tag)' has no letters or digits to make a URL from", at: location))
                } else if slug.utf8.count > Slug.maximumLength {
                    problems.append(.error("the tag '\(tag.prefix(40))…' is too long to be part of a URL (at most \(Slug.maximumLength) characters)",
                                           at: location))
                } else if let other = nameForSlug[slug], other != tag {
                    problems.append(.error("the tags '\(other)' and '\(tag)' would share the URL /tags/\(slug)/; spell them the same way",
                                           at: location))
                } else {
                    nameForSlug[slug] = tag
                }
            }
        }
        return problems
    }

    func validatePages() -> [Diagnostic] {
        site.pages.compactMap { page in
            guard Page.reservedSlugs.contains(page.slug) else { return nil }
            return .error("a page may not be called '\(page.slug)': the site uses /\(page.slug)/ itself; rename the file",
                          at: page.locations.start)
        }
    }
}

extension SiteValidator {
    /// Every `featured:` slug names a cohort.
    /// The timeline (`data/events.yml`): dates Roster can read, and events about the report's
    /// people or organisations (one about none is often left over from the starter site).
    func validateEvents() -> [Diagnostic] {
        let events = site.events
        guard !events.isEmpty else { return [] }
        let path = SiteLayout.data + "/\(Site.eventsData).yml"
        var names = Set(site.authors.map { $0.name.lowercased() })
        names.formUnion(site.companies.map { $0.name.lowercased() })
        for author in site.authors { for stint in author.career { if let unit = stint.unit { names.insert(unit.lowercased()) } } }
        var problems: [Diagnostic] = []
        for event in events {
            let which = "event \(event.index + 1) ('\(event.title.prefix(60))')"
            if !event.date.isEmpty && PartialDate(parsing: event.date) == nil {
                problems.append(.warning("the date of \(which) is '\(event.date)', not a date like 2023-04-15, 2023-04 or 2023", at: SourceLocation(path: path)))
            }
            let title = event.title.lowercased()
            if !names.contains(where: { !$0.isEmpty && title.contains($0) }) {
                problems.append(.warning("\(which) names no person or organisation of the report; is it left over from the starter site?",
                                         at: SourceLocation(path: path)))
            }
        }
        return problems
    }

    func validateFeatured() -> [Diagnostic] {
        let slugs = Set(site.cohorts.map(\.slug))
        return site.settings.featured.enumerated().compactMap { index, slug in
            guard !slugs.contains(slug) else { return nil }
            return .error("'featured' names '\(slug)', which is not a cohort\(Suggestion.hint(for: slug, in: site.cohorts.map(\.slug)))",
                          at: site.settings.locations.location(of: "featured", item: index))
        }
    }
}

extension SiteValidator {
    /// A confirmed or reported stint cites a source; an inferred one gives its reasoning (`note:`) or
    /// a source. With `evidence: warn` these are warnings.
    func evidenceProblem(_ stint: Stint) -> Diagnostic? {
        guard stint.sources.isEmpty else { return nil }
        let message: String
        let key: String
        switch stint.confidence {
        case .confirmed, .reported:
            key = stint.locations.has("confidence") ? "confidence" : "company"
            message = "a \(stint.confidence.rawValue) stint must cite a source: add its id to 'sources:' (sources are listed in Content/sources.yml), or make it 'confidence: inferred' with a 'note:' saying how you know"
        case .inferred:
            guard (stint.note ?? "").isEmpty else { return nil }
            key = stint.locations.has("confidence") ? "confidence" : "company"
            message = "an inferred stint needs a 'note:' giving the reasoning, or a source in 'sources:'"
        }
        let location = stint.locations[key]
        return site.settings.evidence == .warn ? .warning(message, at: location) : .error(message, at: location)
    }
}
