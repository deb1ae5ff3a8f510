import RosterAnalysis
import RosterModel

/// `data/roster.json` and `data/careers.csv`: the whole data set, for anyone to reuse.
/// Drafts are never exported.
public enum DataExports {
    public static func json(site: Site, facts: [CohortFacts]) -> String {
        let settings = site.settings
        let document: JSONValue = .object([
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
                    "sources": .strings(stint.sources),
                ])
            }),
        ])
    }

    /// One row per stint, authors by slug, stints in file order; RFC 4180 quoting, LF line ends.
    public static func csv(site: Site) -> String {
        var out = "author,company,unit,role,start,end,founder,confidence,sources\n"
        for author in site.authors {
            for stint in author.career {
                let fields = [author.slug, stint.company, stint.unit ?? "", stint.role ?? "", stint.start.description,
                              stint.end?.description ?? "", stint.founder ? "true" : "false",
                              stint.confidence.rawValue, stint.sources.joined(separator: ";")]
                out += fields.map(csvField).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    static func csvField(_ text: String) -> String {
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
