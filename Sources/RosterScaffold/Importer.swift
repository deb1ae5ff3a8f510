import Foundation
import RosterLoading
import RosterModel
import RosterSupport

/// `roster import`: people, careers and companies from spreadsheets (the shapes of the CSV exports)
/// into content files. It plans every change first; a plan with any problem writes nothing.
public struct Importer: Sendable {
    public struct Files: Sendable {
        public var careers: URL
        public var people: URL?
        public var companies: URL?
        public init(careers: URL, people: URL? = nil, companies: URL? = nil) {
            self.careers = careers
            self.people = people
            self.companies = companies
        }
    }

    /// One file to create or replace, with its new bytes.
    public struct Change: Sendable, Equatable {
        public var path: String
        public var bytes: Data
        public var created: Bool
    }

    public let site: URL
    public let files: Files
    public let cohort: String?

    public init(site: URL, files: Files, cohort: String? = nil) {
        self.site = site
        self.files = files
        self.cohort = cohort
    }

    /// Every change the import makes (sorted by path), or every problem (and no change).
    public func plan() -> (changes: [Change], problems: [Diagnostic]) {
        let loaded = SiteLoader(siteFolder: site, parallelism: .automatic).load()
        guard let existing = loaded.site else {
            return ([], loaded.diagnostics.errors + [.error("the site could not be read; fix the errors above, then import again")])
        }
        var problems: [Diagnostic] = []
        var tables = ImportTables()
        tables.readCareers(files.careers, shown: Self.shown(files.careers), problems: &problems)
        if let people = files.people { tables.readPeople(people, shown: Self.shown(people), problems: &problems) }
        if let companies = files.companies { tables.readCompanies(companies, shown: Self.shown(companies), problems: &problems) }
        var plan = ImportPlan(site: existing, folder: site)
        plan.addCompanies(tables.companies)
        plan.addPeople(tables.people)
        plan.addCareers(tables.careers)
        plan.addToCohort(cohort)
        plan.checkNewPeopleHaveNames()
        // What a clean import would remove (with errors, nothing is written anyway).
        if !problems.hasErrors && !plan.problems.hasErrors { plan.warnAboutLeftOutStints() }
        problems += plan.problems
        guard !problems.hasErrors else { return ([], problems.sorted()) }
        return (plan.changes(), problems.sorted())
    }

    /// Writes each change to a temporary file beside its target and renames it over, so a crash
    /// leaves every file either as it was or as planned.
    public static func write(_ changes: [Change], in site: URL) throws {
        for change in changes { try ContentFile.replace(change.path, with: change.bytes, in: site) }
    }

    /// A file as the editor named it, for diagnostics.
    static func shown(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(current) ? String(url.path.dropFirst(current.count)) : url.path
    }
}
