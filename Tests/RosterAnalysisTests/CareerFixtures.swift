import RosterModel

/// Hand-made careers for the analysis tests.
enum Fixture {
    static func date(_ text: String) -> DateBound {
        text == "unknown" ? .unknown : .known(PartialDate(parsing: text)!)
    }

    static func stint(_ company: String, _ start: String, _ end: String? = nil, unit: String? = nil,
                      founder: Bool = false) -> Stint {
        Stint(company: company, unit: unit, start: date(start), end: end.map(date), founder: founder)
    }

    static func author(_ slug: String, _ career: [Stint]) -> Author {
        Author(slug: slug, name: slug.capitalized, career: career)
    }

    static func site(_ authors: [Author], asOf: String = "2025-05-27", companies: [String] = []) -> Site {
        let names = ["meta": "Meta", "apple": "Apple", "google": "Google", "deepmind": "Google DeepMind",
                     "mistral": "Mistral AI", "anthropic": "Anthropic", "character": "Character AI"]
        let slugs = Set(companies + authors.flatMap { $0.career.map(\.company) })
        return Site(settings: SiteSettings(title: "T", baseURL: "https://example.org/", asOf: PartialDate(parsing: asOf)!),
                    cohorts: [Cohort(slug: "c", name: "C", origin: "meta", date: PartialDate(parsing: "2023-02-27")!,
                                     members: authors.map(\.slug))],
                    authors: authors,
                    companies: slugs.map { Company(slug: $0, name: names[$0] ?? $0) })
    }
}
