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
            let templates = context.package.directoryURL.appending(path: "Templates")
            let files = Self.files(below: templates)
            let output = work.appending(path: "EmbeddedThemeFiles.swift")
            return [.buildCommand(displayName: "Embedding the default theme",
                                  executable: tool, arguments: ["theme", output.path, templates.path] + files.map(\.path),
                                  inputFiles: files, outputFiles: [output])]
        case "RosterLoading":
            let labels = context.package.directoryURL.appending(path: "Templates/labels")
            let files = Self.files(below: labels)
            let output = work.appending(path: "EmbeddedLabelFiles.swift")
            return [.buildCommand(displayName: "Embedding the default theme's labels",
                                  executable: tool, arguments: ["labels", output.path, labels.path] + files.map(\.path),
                                  inputFiles: files, outputFiles: [output])]
        default:
            return []
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
