import RosterModel
import Yams

/// `Content/site.yml`: settings and cohorts.
public enum SiteSettingsDecoder {
    static let keys = ContentKeys.settings.names
    static let cohortKeys = ContentKeys.cohort.names

    /// The settings (nil when a required one is missing: the error says so), the cohorts that could
    /// be read, and the slug of every cohort written, read or not.
    static func decode(_ node: Node?, path: String) -> (SiteSettings?, [Cohort], cohortSlugs: Set<String>, [Diagnostic]) {
        var problems: [Diagnostic] = []
        var cohortSlugs: Set<String> = []
        guard var reader = MappingReader(node, path: path, firstLine: 1, allowedKeys: keys,
                                         what: "site.yml", problem: &problems) else {
            return (nil, [], cohortSlugs, problems)
        }
        let title = reader.string("title", required: true)
        let description = reader.string("description")
        let baseURL = reader.string("base_url", required: true)
        if let baseURL, !(URLText.isAllowedExternal(baseURL) && ["http", "https"].contains(URLText.scheme(of: baseURL))) {
            reader.error("'base_url' must be an absolute http or https URL such as https://example.org/report/, found '\(baseURL)'",
                         at: reader.locations["base_url"])
        }
        let language = reader.string("language") ?? "en"
        let asOf = reader.date("as_of", required: true)
        let unsafeHTML = reader.bool("unsafe_html") ?? false
        let paginate = reader.positiveInt("paginate") ?? 50
        let feedLimit = reader.positiveInt("feed_limit") ?? 50
        var home: SiteSettings.Home?
        if let text = reader.string("home") {
            home = SiteSettings.Home(rawValue: text)
            if home == nil {
                reader.error("'home' is 'cohort' (the first cohort leads) or 'overview' (every cohort at a glance), found '\(text)'",
                             at: reader.locations["home"])
            }
        }
        var evidence = SiteSettings.Evidence.error
        if let text = reader.string("evidence") {
            if let value = SiteSettings.Evidence(rawValue: text) {
                evidence = value
            } else {
                reader.error("'evidence' is 'error' (every claim cites its evidence) or 'warn' (unsourced claims are warnings), found '\(text)'",
                             at: reader.locations["evidence"])
            }
        }
        let search = reader.bool("search") ?? true
        let labels = LabelsDecoder.decode(reader.value("labels"), path: path, what: "'labels'")
        problems += labels.problems
        let featured = reader.stringList("featured")
        if featured.count > SiteSettings.maximumFeatured {
            reader.error("'featured' names \(featured.count) cohorts; at most \(SiteSettings.maximumFeatured) fit in one chart",
                         at: reader.locations["featured"])
        }
        var cohorts: [Cohort] = []
        let cohortNodes = reader.mappingList("cohorts", required: true)
        for node in cohortNodes {
            if let cohort = decodeCohort(node, path: path, slugs: &cohortSlugs, problems: &problems) { cohorts.append(cohort) }
        }
        problems += reader.finish()
        guard let title, let baseURL, let asOf else { return (nil, cohorts, cohortSlugs, problems) }
        var settings = SiteSettings(title: title, description: description, baseURL: baseURL, language: language,
                                    asOf: asOf, unsafeHTML: unsafeHTML, paginate: paginate, feedLimit: feedLimit,
                                    home: home, featured: featured, evidence: evidence, locations: reader.locations)
        settings.search = search
        settings.labels = labels.values
        settings.labelLocations = labels.locations
        return (settings, cohorts, cohortSlugs, problems)
    }

    /// The error for `members: []` (which `roster new author --cohort` may mend).
    public static let noMembers = "a cohort needs at least one member; add one with 'roster new author SLUG --cohort COHORT' or list author slugs here"

    private static func decodeCohort(_ node: Node, path: String, slugs: inout Set<String>,
                                     problems: inout [Diagnostic]) -> Cohort? {
        guard var reader = MappingReader(node, path: path, firstLine: 1, allowedKeys: cohortKeys,
                                         what: "a cohort", problem: &problems) else { return nil }
        let slug = reader.string("slug", required: true)
        if let slug { slugs.insert(slug) }
        if let slug, !Slug.isValid(slug) {
            reader.error("cohort slug '\(slug)' must be lowercase letters, digits and single dashes", at: reader.locations["slug"])
        }
        let name = reader.string("name", required: true)
        let origin = reader.string("origin", required: true)
        let date = reader.date("date", required: true)
        let members = reader.stringList("members")
        if reader.value("members") != nil && members.isEmpty {
            reader.error(noMembers, at: reader.locations["members"])
        } else if members.isEmpty {
            reader.error("missing required key 'members'", at: reader.locations.start)
        }
        var member: [String: String]?
        if let node = reader.value("member") {
            if let text = node.scalar?.string {
                member = ["other": text]
            } else if let forms = LabelsDecoder.pluralForms(node) {
                member = forms
            } else {
                reader.error("'member' names one member and several, like member: {one: researcher, other: researchers}",
                             at: reader.locations["member"])
            }
        }
        problems += reader.finish()
        guard let slug, let name, let origin, let date else { return nil }
        var cohort = Cohort(slug: slug, name: name, origin: origin, date: date, members: members, locations: reader.locations)
        cohort.member = member
        return cohort
    }
}
