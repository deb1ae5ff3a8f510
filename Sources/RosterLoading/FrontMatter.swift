import Foundation
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
        var text = text
        return text.withUTF8 { split($0, path: path) }
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<FrontMatter, Diagnostic> {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
            return .failure(.error("this file is empty; it needs front matter between two '---' lines",
                                   at: SourceLocation(path: path)))
        }
        var lineStart: Int
        var lineNumber: Int
        func lineEnd(from start: Int) -> Int {
            guard start < bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
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
                let yaml = lineStart - 1 > firstEnd + 1 ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(firstEnd + 1)..<(lineStart - 1)]), as: UTF8.self) : ""
                var bodyEnd = bytes.count
                if bodyEnd > end + 1, bytes[bodyEnd - 1] == 0x0A { bodyEnd -= 1 }
                let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[min(end + 1, bodyEnd)..<bodyEnd]), as: UTF8.self)
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

    private static func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard line.count >= 3, line.prefix(3).allSatisfy({ $0 == 0x2D }) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
