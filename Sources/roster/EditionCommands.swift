import ArgumentParser
import Foundation
import RosterBuild
import RosterModel
import RosterScaffold

struct EditionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edition",
        abstract: "Save the report's data as an edition, so later builds can show what changed since.",
        subcommands: [Save.self])

    struct Save: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write Content/editions/<date>.json: the data export as of as_of (or --as-of DATE).",
            discussion: """
                Save an edition when you publish the report, then update the content and as_of: every \
                build compares with the newest edition older than as_of and writes /changes/. --as-of \
                backfills an earlier edition from the same careers (stints that had not started are left \
                out, later ends are still open). An existing edition is kept unless --force is given.
                """)

        @Option(name: .customLong("as-of"), help: "The date of the edition (default: as_of in site.yml).")
        var asOf: String?
        @Flag(help: "Say what would be written, and write nothing.")
        var dryRun = false
        @Flag(help: "Replace an existing edition of the same date.")
        var force = false
        @OptionGroup var siteOptions: SiteOptions

        /// Checked before running, so the usage shown is this command's.
        func validate() throws {
            if let asOf, PartialDate(parsing: asOf) == nil {
                throw ValidationError("--as-of must be a date like 2023-12-31, found '\(asOf)'")
            }
        }

        func run() throws {
            let date = asOf.flatMap(PartialDate.init(parsing:))
            let (export, problems) = Builder(options: BuildOptions(siteFolder: siteOptions.siteURL)).editionExport(asOf: date)
            Console.print(problems, relativeTo: siteOptions.siteURL)
            guard let export else { throw ExitCode(1) }
            let exists = FileManager.default.fileExists(atPath: siteOptions.siteURL.appendingPathComponent(export.path).path)
            if exists && !force {
                FileHandle.standardError.write(Data("roster: error: \(export.path) already exists; pass --force to replace it\n".utf8))
                throw ExitCode(1)
            }
            let verb = exists ? "replace" : "create"
            if dryRun {
                print("\(verb) \(export.path) (\(export.json.utf8.count) bytes)")
                print("Dry run: nothing was written.")
                return
            }
            do {
                try ContentFile.replace(export.path, with: Data(export.json.utf8), in: siteOptions.siteURL)
            } catch {
                FileHandle.standardError.write(Data("roster: error: \(error)\n".utf8))
                throw ExitCode(1)
            }
            print("\(verb) \(export.path)")
            print("Saved the edition of \(export.date.display). Next builds show what changed since it once as_of is later.")
        }
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what changed since an edition: the same list as /changes/, for review.")

    @Argument(help: "The date of a saved edition (2023-12-31) or the path of a roster.json.")
    var edition: String
    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        let (report, problems) = Builder(options: BuildOptions(siteFolder: siteOptions.siteURL)).changes(since: edition)
        Console.print(problems, relativeTo: siteOptions.siteURL, writes: false)
        guard let report else { throw ExitCode(1) }
        print(report.text, terminator: "")
    }
}
