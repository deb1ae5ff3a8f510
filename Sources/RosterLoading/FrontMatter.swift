import RosterModel

/// A Markdown file split into its YAML front matter and its body, with line numbers kept.
struct FrontMatter {
    /// The YAML between the `---` lines.
    var yaml: String
    /// The file line of the YAML's first line (2 when the file starts with `---`).
    var yamlFirstLine: Int
    var body: MarkdownText

    /// Front matter is the YAML between a first line `---` and the next line `---`. Works on the
    /// UTF-8 bytes and splits only at the two fences: it runs on every file of the site.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
            return .failure(.error("this file is empty; it needs front matter between two '---' lines",
                                   at: SourceLocation(path: path)))
        }
        var lineStart: Int
        var lineNumber: Int
        func lineEnd(from start: Int) -> Int {
            var index = start
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            return index
        }
        let firstEnd = lineEnd(from: 0)
        guard isFence(bytes[0..<firstEnd]) else {
            return .failure(.error("this file must start with a line '---' that opens its front matter",
                                   at: SourceLocation(path: path)))
        }
        lineStart = firstEnd + 1
        lineNumber = 2
        while lineStart <= bytes.count {
            let end = lineEnd(from: lineStart)
            if lineStart < bytes.count, isFence(bytes[lineStart..<end]) {
                let yaml = lineStart - 1 > firstEnd + 1 ? String(decoding: bytes[(firstEnd + 1)..<(lineStart - 1)], as: UTF8.self) : ""
                var body = String(decoding: bytes[min(end + 1, bytes.count)...], as: UTF8.self)
                if body.hasSuffix("\n") { body.removeLast() }
                return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2,
                                            body: MarkdownText(body, firstLine: lineNumber + 1, path: path)))
            }
            if end >= bytes.count { break }
            lineStart = end + 1
            lineNumber += 1
        }
        return .failure(.error("the front matter opened on line 1 is never closed; add a line '---' after it",
                               at: SourceLocation(path: path)))
    }

    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count >= 3, line.prefix(3).allSatisfy({ $0 == 0x2D }) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
