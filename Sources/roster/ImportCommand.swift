import ArgumentParser
import Foundation
import RosterModel
import RosterScaffold

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring people, careers and companies in from spreadsheets (CSV), creating and updating content files.",
        discussion: """
            careers.csv has the columns of data/careers.csv (author,name,company,company_name,unit,role,start,end,\
            founder,confidence,note,sources); --people and --companies those of data/people.csv and \
            data/companies.csv. Column order does not matter. Nothing is written when anything is wrong.
            """)

    @Argument(help: "The careers file: one row per stint.")
    var careers: String
    @Option(help: "A people file (author,name,links,aliases,cohorts).")
    var people: String?
    @Option(help: "A companies file (company,name,kind,headquarters,founded,website).")
    var companies: String?
    @Option(help: "An existing cohort to add every imported person to.")
    var cohort: String?
    @Flag(help: "List the files the import would create or change, and write nothing.")
    var dryRun = false
    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        func url(_ path: String) -> URL { URL(fileURLWithPath: path).standardizedFileURL }
        let importer = Importer(site: siteOptions.siteURL,
                                files: Importer.Files(careers: url(careers), people: people.map(url), companies: companies.map(url)),
                                cohort: cohort)
        let (changes, problems) = importer.plan()
        for problem in problems { FileHandle.standardError.write(Data((problem.description + "\n").utf8)) }
        if problems.hasErrors {
            let count = problems.errors.count
            FileHandle.standardError.write(Data("roster: \(count) error\(count == 1 ? "" : "s"); nothing was written\n".utf8))
            throw ExitCode(1)
        }
        for change in changes { print("\(change.created ? "create" : "change") \(change.path)") }
        if changes.isEmpty {
            print("Nothing to change: the content already holds these rows.")
            return
        }
        if dryRun {
            print("Dry run: \(changes.count) file\(changes.count == 1 ? "" : "s") would be written; nothing was.")
            return
        }
        do {
            try Importer.write(changes, in: siteOptions.siteURL)
        } catch {
            FileHandle.standardError.write(Data("roster: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let created = changes.filter(\.created).count
        print("Imported: \(created) file\(created == 1 ? "" : "s") created, \(changes.count - created) changed. Run 'roster check' next.")
    }
}
