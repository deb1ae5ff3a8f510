/// Slugs of every content file found, including those whose front matter could not be read, so
/// that references to a broken file are not reported a second time as unknown.
public struct FileSlugs: Sendable, Hashable {
    public var authors: Set<String> = []
    public var companies: Set<String> = []
    public var articles: Set<String> = []
    public var pages: Set<String> = []
    public var draftArticles: Set<String> = []
    public var sourcesReadable = true
    public init() {}
}
