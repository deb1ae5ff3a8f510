import RosterModel

/// A Markdown file split into its YAML front matter and its body, with line numbers kept.
struct FrontMatter {
    /// The YAML between the `---` lines.
    var yaml: String
    /// The file line of the YAML's first line (2 when the file starts with `---`).
    var yamlFirstLine: Int
    var body: MarkdownText

    /// Front matter is the YAML between a first line `---` and the next line `---`.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        if text.allSatisfy({ $0.isWhitespace }) {
            return .failure(.error("this file is empty; it needs front matter between two '---' lines",
                                   at: SourceLocation(path: path)))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, isFence(first) else {
            return .failure(.error("this file must start with a line '---' that opens its front matter",
                                   at: SourceLocation(path: path)))
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            return .failure(.error("the front matter opened on line 1 is never closed; add a line '---' after it",
                                   at: SourceLocation(path: path)))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2,
                                    body: MarkdownText(body, firstLine: close + 2, path: path)))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
