import Foundation

/// The default theme (`Templates/`), embedded in the binary so that `roster init` can write a working
/// site from the binary alone. Every file is kept as its bytes (base64 in the source), so fonts and
/// images embed as well as templates and CSS.
enum EmbeddedTheme {
    static func generate(root: URL, files: [URL], name: String = "EmbeddedThemeFiles") throws -> String {
        let rootPath = root.standardizedFileURL.path + "/"
        var out = ["// Generated at build time by RosterCodegen from Templates/; not in git.", "",
                   "import Foundation", "",
                   "/// The default theme, file by file (paths relative to `Templates/`), as bytes.",
                   "enum \(name) {",
                   "    static let base64: [(path: String, base64: String)] = ["]
        let entries = files.map { ($0.standardizedFileURL.path, $0) }.sorted { $0.0 < $1.0 }
        for (path, url) in entries where path.hasPrefix(rootPath) {
            let relative = String(path.dropFirst(rootPath.count))
            let data = try Data(contentsOf: url)
            out.append("        (\"\(relative)\", \"\(data.base64EncodedString())\"),")
        }
        out += ["    ]", "}", ""]
        return out.joined(separator: "\n")
    }
}
