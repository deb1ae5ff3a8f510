import ArgumentParser
import Foundation
import RosterBuild
import RosterModel
import RosterScaffold
import RosterServe
import RosterSupport

@main
struct Roster: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Builds talent-tracking reports: Content/ and Templates/ into a static site.",
        version: Builder.version,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self, Import.self, EditionCommand.self, Diff.self],
        defaultSubcommand: nil)
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The folder holding Content/ and Templates/.")
    var site: String = "."

    var siteURL: URL {
        URL(fileURLWithPath: site, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into Output/ (or --output), atomically.")

    @OptionGroup var siteOptions: SiteOptions
    @Option(help: "Where to write the site (default: Output/ inside the site folder).")
    var output: String?
    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
    var baseURL: String?
    @Flag(help: "Include draft articles.")
    var drafts = false
    @Flag(help: "Make directory links end in index.html so the site can be browsed from disk.")
    var portable = false
    @Flag(help: "Print nothing but problems.")
    var quiet = false
    @Flag(help: "Print the time each phase took.")
    var verbose = false

    func run() throws {
        let outputURL = output.map {
            URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        }
        let progress = BuildProgress()
        let options = BuildOptions(siteFolder: siteOptions.siteURL, output: outputURL, baseURL: baseURL,
                                   includeDrafts: drafts, portable: portable, progress: progress)
        let line = quiet ? nil : ProgressLine(progress: progress)
        let report = Builder(options: options).build()
        line?.stop()
        Console.print(report.diagnostics, relativeTo: siteOptions.siteURL)
        if verbose { Console.printPhases(report) }
        guard report.succeeded else { throw ExitCode(1) }
        if !quiet {
            let place = Console.displayPath(options.output, relativeTo: FileManager.default.currentDirectoryPath)
            let drafts = report.draftsLeftOut == 0 ? ""
                : " (\(report.draftsLeftOut) draft\(report.draftsLeftOut == 1 ? "" : "s") left out; --drafts includes \(report.draftsLeftOut == 1 ? "it" : "them"))"
            print("Built \(report.pageCount) pages (\(report.fileCount) files) in \(Console.format(report.seconds)) into \(place)" + drafts)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate content, templates, internal links and anchors; write nothing.")

    @OptionGroup var siteOptions: SiteOptions
    @Flag(help: "Print nothing when all is well.")
    var quiet = false

    func run() throws {
        let report = Builder(options: BuildOptions(siteFolder: siteOptions.siteURL)).check()
        Console.print(report.diagnostics, relativeTo: siteOptions.siteURL, writes: false)
        guard report.succeeded else { throw ExitCode(1) }
        if !quiet {
            let warnings = report.diagnostics.warnings.count
            print("Checked \(report.pageCount) pages in \(Console.format(report.seconds)): no errors" +
                  (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site with drafts into a temporary folder, serve it, rebuild and reload on every change.")

    @OptionGroup var siteOptions: SiteOptions
    @Option(help: "The port to listen on.")
    var port: Int = 8080
    @Option(help: "The address to listen on; the default, 127.0.0.1, is reachable from this machine only.")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port \(port) is not a port; give one from 1 to 65535, or 0 for any free port")
        }
    }

    func run() async throws {
        let server = DevServer(options: .init(siteFolder: siteOptions.siteURL, host: host, port: port))
        let shown = host.contains(":") ? "[\(host)]" : host
        do {
            try await server.run { port in
                Console.say("Serving \(siteOptions.site == "." ? "the site" : siteOptions.site) at http://\(shown):\(port)/ (drafts included); press Ctrl-C to stop")
            }
        } catch let error as PortInUse {
            FileHandle.standardError.write(Data("roster: error: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as UnknownHost {
            FileHandle.standardError.write(Data("roster: error: \(error)\n".utf8))
            throw ExitCode(1)
        } catch {
            FileHandle.standardError.write(Data("roster: error: could not serve on \(shown):\(port): \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starter file for a new author, company, article or page; never overwrites a file.")

    @Argument(help: "author, company, article or page")
    var kind: String
    @Argument(help: "The slug: the file name without .md (lowercase letters, digits and dashes).")
    var slug: String
    @OptionGroup var siteOptions: SiteOptions
    @Option(help: "The person's or company's name.")
    var name: String?
    @Option(help: "The article's or page's title.")
    var title: String?
    @Option(help: "A new author's company: the slug of an existing company.")
    var company: String?
    @Option(help: "An existing cohort to add a new author to (the one edit of site.yml it makes).")
    var cohort: String?
    @Flag(help: "List the files it would write, and write nothing.")
    var dryRun = false

    func validate() throws {
        guard Scaffolder.Kind(rawValue: kind) != nil else {
            throw ValidationError("'\(kind)' is not something Roster can create; use author, company, article or page")
        }
    }

    func run() throws {
        guard let kind = Scaffolder.Kind(rawValue: kind) else { throw ExitCode(64) }
        do {
            let paths = try Scaffolder(today: Scaffolder.currentDate())
                .newFiles(kind, slug: slug, name: name ?? title, company: company, cohort: cohort, dryRun: dryRun, in: siteOptions.siteURL)
            for path in paths { print("\(path == SiteLayout.settings ? "change" : "create") \(path)") }
            if dryRun { print("Dry run: nothing was written.") }
        } catch {
            FileHandle.standardError.write(Data("roster: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a small working starter site (content and the default theme) into a new folder.")

    @Argument(help: "The folder to create (it must not exist or be empty).")
    var directory: String

    func run() throws {
        let folder = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        do {
            let files = try Scaffolder(today: Scaffolder.currentDate()).initSite(at: folder)
            print("Wrote a starter site (\(files.count) files) in \(directory). Next: cd \(directory) && roster serve")
        } catch {
            FileHandle.standardError.write(Data("roster: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// On a terminal, a build that takes longer than a second shows its phase and how far it is on
/// one updating line (on standard error); piped output and --quiet stay plain.
final class ProgressLine: @unchecked Sendable {
    private let timer: DispatchSourceTimer?
    private let lock = NSLock()
    private var shown = false

    init?(progress: BuildProgress) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        self.timer = timer
        timer.schedule(deadline: .now() + 1, repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in
            let state = progress.snapshot
            guard let self, !state.phase.isEmpty else { return }
            self.lock.withLock {
                self.shown = true
                let count = state.total > 0 ? ": \(state.done)/\(state.total)" : "…"
                FileHandle.standardError.write(Data("\r\u{1B}[2K\(state.phase)\(count)".utf8))
            }
        }
        timer.resume()
    }

    func stop() {
        timer?.cancel()
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        }
    }
}

enum Console {
    /// Writes a line to standard output at once (print buffers when the output is a pipe).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The problems, then how many errors; `writes` says whether the command would have written
    /// (a build, an edition), so that "nothing was written" is said only where it means something.
    static func print(_ diagnostics: [Diagnostic], relativeTo site: URL, writes: Bool = true) {
        guard !diagnostics.isEmpty else { return }
        var text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let errors = diagnostics.errors.count
        if errors > 0 { text += "roster: \(errors) error\(errors == 1 ? "" : "s")\(writes ? "; nothing was written" : "")\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func printPhases(_ report: BuildReport) {
        for phase in report.phases {
            Swift.print("  \(phase.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(format(phase.seconds))")
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
    }

    static func displayPath(_ url: URL, relativeTo directory: String) -> String {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        let path = url.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) + "/" : path + "/"
    }
}
