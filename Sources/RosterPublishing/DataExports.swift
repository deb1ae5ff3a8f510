import RosterAnalysis
import RosterModel

/// `data/roster.json` and the CSV files (careers, people, companies): the whole data set, for anyone
/// to reuse, and what `roster import` reads back.
/// Drafts are never exported.
public enum DataExports {
    public static func json(site: Site, facts: [CohortFacts]) -> String {
        let settings = site.settings
        let document: JSONValue = .object([
            "format": .int(Edition.format),
            "site": .object([
                "title": .string(settings.title), "description": .optional(settings.description),
                "base_url": .string(settings.baseURL), "language": .string(settings.language),
                "as_of": .string(settings.asOf.description),
            ]),
            "cohorts": .array(facts.map(cohort)),
            "authors": .array(site.authors.map(author)),
            "companies": .array(site.companies.map { company in
                .object([
                    "slug": .string(company.slug), "name": .string(company.name), "kind": .optional(company.kind),
                    "headquarters": .optional(company.headquarters), "founded": .optional(company.founded?.description),
                    "website": .optional(company.website), "sources": .strings(company.sources),
                    "aliases": .strings(company.aliases),
                ])
            }),
            "articles": .array(site.articles.filter { !$0.draft }.map { article in
                .object([
                    "slug": .string(article.slug), "title": .string(article.title),
                    "date": .string(article.date.description), "updated": .optional(article.updated?.description),
                    "summary": .optional(article.summary), "byline": .optional(article.byline),
                    "tags": .strings(article.tags), "sources": .strings(article.sources),
                    "url": .string(settings.baseURL + String(Route.article(article.slug).path.dropFirst())),
                ])
            }),
            "sources": .array(site.sources.map { source in
                .object([
                    "id": .string(source.id), "title": .string(source.title), "publisher": .optional(source.publisher),
                    "date": .optional(source.date?.description), "url": .optional(source.url),
                    "archived": .optional(source.archived), "accessed": .optional(source.accessed?.description),
                ])
            }),
        ])
        return document.serialized()
    }

    static func cohort(_ facts: CohortFacts) -> JSONValue {
        var byYear: [String: JSONValue] = [:]
        for entry in facts.departuresByYear { byYear[String(entry.year)] = .int(entry.count) }
        return .object([
            "slug": .string(facts.cohort.slug), "name": .string(facts.cohort.name),
            "origin": .string(facts.cohort.origin), "date": .string(facts.cohort.date.description),
            "members": .strings(facts.cohort.members),
            "facts": .object([
                "members": .int(facts.memberCount), "at_origin": .int(facts.atOriginCount),
                "returned": .int(facts.returnedCount), "departed": .int(facts.departedCount),
                "founders": .int(facts.founders.count),
                "tenure_mean_years": .decimal(facts.tenureMeanYears),
                "tenure_median_years": .decimal(facts.tenureMedianYears),
                "destinations": .array(facts.destinations.map { destination in
                    .object(["company": .optional(destination.company), "count": .int(destination.count),
                             "authors": .strings(destination.authors)])
                }),
                "departures_by_year": .object(byYear),
            ]),
        ])
    }

    static func author(_ author: Author) -> JSONValue {
        .object([
            "slug": .string(author.slug), "name": .string(author.name), "aliases": .strings(author.aliases),
            "links": .array(author.links.map { .object(["label": .string($0.label), "url": .string($0.url)]) }),
            "career": .array(author.career.map { stint in
                .object([
                    "company": .string(stint.company), "unit": .optional(stint.unit), "role": .optional(stint.role),
                    "start": .string(stint.start.description), "end": .optional(stint.end?.description),
                    "confidence": .string(stint.confidence.rawValue), "founder": .bool(stint.founder),
                    "note": .optional(stint.note), "sources": .strings(stint.sources),
                    "corrections": corrections(stint.corrections),
                ])
            }),
            "corrections": corrections(author.corrections),
        ])
    }

    static func corrections(_ corrections: [Correction]) -> JSONValue {
        .array(corrections.map { .object(["date": .string($0.date.description), "text": .string($0.text)]) })
    }

    /// `data/careers.csv`: one row per stint, authors by slug, stints in file order; the shape
    /// `roster import` reads back.
    public static func careersCSV(site: Site) -> String {
        let names = Dictionary(site.companies.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        var out = CSVColumns.careers.joined(separator: ",") + "\n"
        for author in site.authors {
            for stint in author.career {
                row(&out, [author.slug, author.name, stint.company, names[stint.company] ?? "", stint.unit ?? "",
                           stint.role ?? "", stint.start.description, stint.end?.description ?? "",
                           stint.founder ? "true" : "false", stint.confidence.rawValue, stint.note ?? "",
                           stint.sources.joined(separator: ";")])
            }
        }
        return out
    }

    /// `data/people.csv`: one row per author; links as `label <url>`, lists joined by `;`.
    public static func peopleCSV(site: Site) -> String {
        var cohorts: [String: [String]] = [:]
        for cohort in site.cohorts {
            for member in cohort.members where cohorts[member]?.last != cohort.slug { cohorts[member, default: []].append(cohort.slug) }
        }
        var out = CSVColumns.people.joined(separator: ",") + "\n"
        for author in site.authors {
            row(&out, [author.slug, author.name, author.links.map { "\($0.label) <\($0.url)>" }.joined(separator: "; "),
                       author.aliases.joined(separator: ";"), (cohorts[author.slug] ?? []).joined(separator: ";")])
        }
        return out
    }

    /// `data/companies.csv`: one row per company.
    public static func companiesCSV(site: Site) -> String {
        var out = CSVColumns.companies.joined(separator: ",") + "\n"
        for company in site.companies {
            row(&out, [company.slug, company.name, company.kind ?? "", company.headquarters ?? "",
                       company.founded?.description ?? "", company.website ?? ""])
        }
        return out
    }

    private static func row(_ out: inout String, _ fields: [String]) {
        out += fields.map(csvField).joined(separator: ",")
        out += "\n"
    }

    static func csvField(_ text: String) -> String {
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
