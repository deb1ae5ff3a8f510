/// Slugs of every content file found, including those whose front matter could not be read, so
/// that references to a broken file are not reported a second time as unknown.
public struct FileSlugs: Sendable, Hashable {
    public var authors: Set<String> = []
    public var companies: Set<String> = []
    public var articles: Set<String> = []
    public var pages: Set<String> = []
    public var draftArticles: Set<String> = []
    public var sourcesReadable = true
    /// Cohort slugs written in site.yml, including cohorts that could not be read.
    public var cohorts: Set<String> = []
    /// False when site.yml is missing or is not YAML: then no cohort is known to be unknown.
    public var cohortsReadable = true
    public init() {}
}
