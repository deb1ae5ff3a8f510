import Foundation
import RosterModel

/// Pagefind, the search index of static sites, run on the finished site before it is swapped in
/// (so the published pages and their index always match). Roster runs it as
/// `python3 -m pagefind_bin` (PyPI's `pagefind-bin`, whose wheel holds the binary), or the
/// executable named by `ROSTER_PAGEFIND`.
public struct Pagefind: Sendable {
    public static let version = "1.5.2"
    public static let install = "python3 -m pip install pagefind-bin==\(version)"

    /// The command before its arguments: `[python3, -m, pagefind_bin]` or `[ROSTER_PAGEFIND]`.
    public let command: [String]

    /// Found once per process (a build in the dev server asks again and again); nil when neither
    /// `ROSTER_PAGEFIND` nor `python3 -m pagefind_bin` answers `--version`.
    public static let located: Pagefind? = locate(environment: ProcessInfo.processInfo.environment)

    static func locate(environment: [String: String]) -> Pagefind? {
        if let named = environment["ROSTER_PAGEFIND"] {
            let candidate = Pagefind(command: [named])
            return candidate.answers() ? candidate : nil
        }
        guard let python = Self.onPath("python3", environment: environment) else { return nil }
        let candidate = Pagefind(command: [python, "-m", "pagefind_bin"])
        return candidate.answers() ? candidate : nil
    }

    private static func onPath(_ name: String, environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    private func answers() -> Bool {
        (try? run(["--version"]))?.status == 0
    }

    /// Indexes the site in `folder` into `folder/pagefind/`; an error when Pagefind fails.
    public func index(siteAt folder: String) throws(DiagnosticsError) {
        let result: (status: Int32, output: String)
        do {
            result = try run(["--site", folder, "--silent"])
        } catch {
            throw DiagnosticsError([.error("could not run Pagefind (\(command.joined(separator: " "))): \(error)")])
        }
        guard result.status == 0 else {
            let said = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            throw DiagnosticsError([.error("Pagefind could not index the site (exit status \(result.status))"
                                           + (said.isEmpty ? "" : ": \(said)") + "; set 'search: false' in site.yml to build without search")])
        }
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output.prefix(4000), as: UTF8.self))
    }
}
