import Foundation
import RosterModel
import RosterSupport

/// Writes starter files (`roster new`) and starter sites (`roster init`). It never replaces a file:
/// every file is created with O_EXCL, so an existing one is an error and stays as it was.
public struct Scaffolder: Sendable {
    public typealias Kind = DocumentKind

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Today, for a new article's date; injected so tests and output are reproducible.
    public let today: PartialDate

    public init(today: PartialDate) {
        self.today = today
    }

    /// Today's date in UTC, from the system clock.
    public static func currentDate() -> PartialDate {
        let seconds = Int(Date().timeIntervalSince1970)
        let (year, month, day) = PartialDate.civil(fromDays: seconds / 86_400)
        return PartialDate(year: year, month: month, day: day) ?? PartialDate(year: 2025)!
    }

    /// Writes `Content/<folder>/<slug>.md` in `site` and returns its path relative to the site.
    public func newFile(_ kind: Kind, slug: String, name: String?, in site: URL) throws -> String {
        try newFiles(kind, slug: slug, name: name, in: site).first ?? kind.path(slug)
    }

    /// `roster new`: the starter file, and for an author with `cohort`, the cohort's members in
    /// `site.yml` (the one other file it edits, through a temporary file and a rename). Everything is
    /// checked before anything is written; with `dryRun` nothing is. Returns the paths it writes.
    @discardableResult
    public func newFiles(_ kind: Kind, slug: String, name: String?, company: String? = nil, cohort: String? = nil,
                         dryRun: Bool = false, in site: URL) throws -> [String] {
        guard Slug.isValid(slug) else {
            throw Failure(message: "'\(slug)' is not a valid slug; use lowercase letters, digits and single dashes, like 'jane-doe'")
        }
        if kind == .page && Page.reservedSlugs.contains(slug) {
            throw Failure(message: "a page may not be called '\(slug)': the site uses /\(slug)/ itself")
        }
        guard FileManager.default.fileExists(atPath: site.appendingPathComponent(SiteLayout.content).path) else {
            throw Failure(message: "no Content/ folder in '\(site.path)'; run this in a site folder, pass --site DIR, or start one with 'roster init DIR'")
        }
        let relative = kind.path(slug)
        guard kind == .author || (company == nil && cohort == nil) else {
            throw Failure(message: "--company and --cohort are for a new author")
        }
        let companies = ((try? FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent(DocumentKind.company.folder).path)) ?? [])
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.filter(Slug.isValid).sorted()
        if let company, !companies.contains(company) {
            let hint = Suggestion.hint(for: company, in: companies)
            throw Failure(message: "no company '\(company)' in Content/companies\(hint); "
                                   + (hint.isEmpty ? "add it first" : "if it is a new one, add it first") + " with 'roster new company \(company)'")
        }
        let membership = try cohort.map { try CohortMembership(adding: slug, to: $0, in: site) }
        if FileManager.default.fileExists(atPath: site.appendingPathComponent(relative).path) {
            throw Failure(message: "'\(site.appendingPathComponent(relative).path)' already exists; Roster never overwrites a file")
        }
        let paths = [relative] + (membership.map { [$0.path] } ?? [])
        guard !dryRun else { return paths }
        let file = site.appendingPathComponent(relative)
        try Self.create(file, contents: starter(kind, slug: slug, name: name, company: company, companies: companies,
                                                origin: membership?.origin))
        do {
            try membership?.write(in: site)
        } catch {
            try? FileManager.default.removeItem(at: file)   // a failed run writes nothing
            throw error
        }
        return paths
    }

    /// A starter that builds as it is: an author's first stint names an existing company when
    /// there is one (a member of a cohort starts at the cohort's origin, which every member needs a
    /// stint at, then moves to `company` if it is another), and the examples of links are shown as
    /// code, not written as links.
    func starter(_ kind: Kind, slug: String, name: String?, company: String? = nil, companies: [String] = [],
                 origin: String? = nil) -> String {
        let stints = origin.map { origin in [origin] + (company.map { $0 == origin ? [] : [$0] } ?? []) }
            ?? [company ?? companies.first ?? "company-slug"]
        var text = starterText(kind, slug: slug, name: name, stints: stints)
        if kind == .author && company == nil && origin == nil {
            // No company chosen: say which exist (or that none does), beside the line to change.
            let hint = companies.isEmpty
                ? "# no company exists yet: add one with 'roster new company SLUG' and put its slug here"
                : "# the companies: \(companies.prefix(30).joined(separator: ", "))\(companies.count > 30 ? ", …" : "") (or 'roster new author --company SLUG')"
            text = text.replacingOccurrences(of: "\ncareer:\n", with: "\ncareer:\n  \(hint)\n")
        }
        // The keys the starter leaves out, named in a comment so an editor knows what else there is.
        let written = Set(text.split(separator: "\n").compactMap { $0.split(separator: ":").first.map(String.init) })
        let others = ContentKeys.frontMatter(kind).names.filter { !written.contains($0) }
        guard !others.isEmpty, let fence = text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex) else { return text }
        var result = text
        result.insert(contentsOf: "\n# other keys: \(others.joined(separator: ", ")) (see docs/content.md)", at: fence.lowerBound)
        return result
    }

    private func starterText(_ kind: Kind, slug: String, name: String?, stints: [String]) -> String {
        let title = YAMLWriting.scalar(name ?? slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " "))
        switch kind {
        case .author:
            // Every stint but the last ended at a date to fill in.
            let career = stints.enumerated().map { index, company in
                "  - company: \(company)\n    start: unknown\n" + (index < stints.count - 1 ? "    end: unknown\n" : "")
                    + "    confidence: inferred\n    note: \(StarterText.stintNote)\n"
            }.joined()
            return """
            ---
            name: \(title)
            career:
            \(career)---
            \(StarterText.authorBody) Link people and companies with `[text](author:slug)` and
            `[text](company:slug)`, and sources with `[text](source:id)`.

            """
        case .company:
            return """
            ---
            name: \(title)
            ---
            \(StarterText.companyBody)

            """
        case .article:
            return """
            ---
            title: \(title)
            date: \(today)
            summary: \(StarterText.articleSummary)
            tags: []
            draft: true
            ---
            \(StarterText.articleBody) A `[name](author:slug)` or `[name](company:slug)` link makes the
            article appear on that person's or company's page.

            """
        case .page:
            return """
            ---
            title: \(title)
            ---
            \(StarterText.pageBody)

            """
        }
    }

    /// Creates a file that must not exist yet, with its folders.
    static func create(_ url: URL, contents: String) throws {
        try create(url, bytes: Data(contents.utf8))
    }

    static func create(_ url: URL, bytes data: Data) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw Failure(message: "'\(url.path)' already exists; Roster never overwrites a file") }
            throw Failure(message: "could not create '\(url.path)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = [UInt8](data)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else { throw Failure(message: "could not write '\(url.path)'") }
            written += result
        }
    }
}
