import Foundation
import PackagePlugin

/// Generates, at build time, what would otherwise be committed and could drift:
/// - for RosterRendering, the view models' `MustacheParent` conformances (from `ViewModels/*.swift`);
/// - for RosterScaffold, the default theme embedded as bytes (from the package's `Templates/`);
/// - for RosterLoading, the default theme's labels (`Templates/labels/*.yml`), the words of a theme
///   that has none of its own.
@main
struct RosterCodegenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "RosterCodegen").url
        let work = context.pluginWorkDirectoryURL
        switch target.name {
        case "RosterRendering":
            guard let target = target as? SourceModuleTarget else { return [] }
            let models = target.sourceFiles(withSuffix: "swift").map(\.url)
                .filter { $0.deletingLastPathComponent().lastPathComponent == "ViewModels" }
                .sorted { $0.path < $1.path }
            let output = work.appending(path: "ViewModels+Mustache.swift")
            return [.buildCommand(displayName: "Generating the view models' Mustache lookups",
                                  executable: tool, arguments: ["views", output.path] + models.map(\.path),
                                  inputFiles: models, outputFiles: [output])]
        case "RosterScaffold":
            return [embedding("Templates", mode: "theme", as: "EmbeddedThemeFiles.swift", "Embedding the default theme")]
        case "RosterLoading":
            return [embedding("Templates/labels", mode: "labels", as: "EmbeddedLabelFiles.swift", "Embedding the default theme's labels")]
        default:
            return []
        }

        /// A command that embeds every file below a folder of the package as `output`.
        func embedding(_ folder: String, mode: String, as output: String, _ name: String) -> Command {
            let root = context.package.directoryURL.appending(path: folder)
            let files = Self.files(below: root)
            let output = work.appending(path: output)
            return .buildCommand(displayName: name, executable: tool, arguments: [mode, output.path, root.path] + files.map(\.path),
                                 inputFiles: files, outputFiles: [output])
        }
    }

    /// Every file below a folder, hidden ones left out, in a stable order.
    static func files(below folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var found: [URL] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}
