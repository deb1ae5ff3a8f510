import RosterModel
import Yams

/// Parses YAML with Yams, turning its errors into diagnostics at the right file line, and refusing
/// the few constructs that could make a small file take unbounded time or stack (deep nesting,
/// complex keys that an alias could blow up when Yams hashes them).
enum YAMLText {
    /// How deep flow collections and one-line `- - -` sequences may nest.
    static let maximumDepth = 200

    /// - Parameter allowAnchors: only free-form data files may use anchors and aliases (within a
    ///   budget); front matter, site.yml and sources.yml have no use for them, and an alias there could
    ///   multiply a large value into pages and exports.
    static func parse(_ yaml: String, path: String, firstLine: Int, allowAnchors: Bool = false) -> Result<Node?, Diagnostic> {
        if let problem = guardProblem(yaml, path: path, firstLine: firstLine) { return .failure(problem) }
        if !allowAnchors, let (line, column, tag) = anchorPosition(yaml) {
            // A syntax error, so that the file's other keys are still read (YAMLRecovery).
            return .failure(.error(syntax(tag ? "a tag (!name) is not allowed here" : "an anchor (&name) is not allowed here",
                                          advice: tag ? "a value starting with ! must be in quotes, like title: \"!Important news\"; Roster does not use YAML tags"
                                                      : "a value starting with & must be in quotes, like name: \"&Co tower\"; Roster does not use YAML anchors and aliases here"),
                                   at: SourceLocation(path: path, line: firstLine + line, column: column)))
        }
        do {
            // The basic resolver: Roster reads every scalar as the type its key expects (dates stay as
            // written), so YAML's regular-expression tag guessing would only cost time; an explicit
            // encoding spares Yams a look at the environment on every file.
            return .success(try Yams.compose(yaml: yaml, .basic, .default, .utf8))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, yaml: yaml, path: path, firstLine: firstLine))
        } catch {
            return .failure(.error("this YAML could not be read: \(error)", at: SourceLocation(path: path, line: firstLine)))
        }
    }

    static func location(of node: Node, path: String, firstLine: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
    }

    /// "YAML syntax error: what to do (the parser says: …)", or the parser's words when there is no advice.
    private static func syntax(_ said: String, advice: String?) -> String {
        guard let advice else { return "YAML syntax error: \(said)" }
        return "YAML syntax error: \(advice) (the parser says: \(said))"
    }

    private static func diagnostic(for error: YamlError, yaml: String, path: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + firstLine - 1, column: max(1, mark.column))
        }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // A construct left open is only noticed at the end of the text; point at where it began.
            let pastTheEnd = mark.line > lines.count || (mark.line == lines.count && lines.last?.isEmpty == true)
            if let context, pastTheEnd || context.mark.line < mark.line - 1 {
                let place = pastTheEnd ? at(context.mark) : at(mark)
                let said = "\(problem) (\(context.text) that starts on line \(at(context.mark).line))"
                return .error(syntax(said, advice: YAMLAdvice.advice(for: problem, context: context.text)), at: place)
            }
            let while_ = context.map { " (\($0.text))" } ?? ""
            let line = mark.line >= 1 && mark.line <= lines.count ? lines[mark.line - 1] : nil
            let previous = mark.line >= 2 && mark.line - 1 <= lines.count ? lines[mark.line - 2] : nil
            let advice = YAMLAdvice.advice(for: problem, context: context?.text, line: line, previous: previous)
            // The line without its colon is where the mistake is.
            if problem.contains("mapping values are not allowed"), let previous, YAMLAdvice.lacksColon(previous) {
                return .error(syntax(problem + while_, advice: advice), at: SourceLocation(path: path, line: mark.line - 1 + firstLine - 1, column: 1))
            }
            return .error(syntax(problem + while_, advice: advice), at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = at(context.mark)
            let second = secondOccurrence(of: key, after: context.mark, in: lines)
                .map { SourceLocation(path: path, line: $0.line + firstLine - 1, column: $0.column) } ?? first
            return .error("duplicate key '\(key)' (first used on line \(first.line)); each key may appear once", at: second)
        case .reader(let problem, _, _, _):
            return .error("YAML could not be read: \(problem)", at: SourceLocation(path: path, line: firstLine))
        default:
            return .error("YAML could not be read: \(error)", at: SourceLocation(path: path, line: firstLine))
        }
    }

    /// The position of the next line after `mark` that uses `key` as a key at the same indentation.
    static func secondOccurrence(of key: String, after mark: Mark, in lines: [Substring]) -> (line: Int, column: Int)? {
        let indent = max(0, mark.column - 1)
        guard mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = lines[index]
            guard line.count > indent else { continue }
            let rest = line.dropFirst(indent)
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate + ":") {
                return (index + 1, indent + 1)
            }
        }
        return nil
    }

    /// Finds nesting deeper than `maximumDepth` and complex (`? `, alias or collection) keys.
    static func guardProblem(_ yaml: String, path: String, firstLine: Int) -> Diagnostic? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> Diagnostic? in
            var lineNumber = firstLine
            var depth = 0
            var lines = LineRanges(bytes)
            while let range = lines.next() {
                defer { lineNumber += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[range])
                let location = SourceLocation(path: path, line: lineNumber)
                if let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x2D }), isComplexKey(UnsafeBufferPointer(rebasing: line[first...])) {
                    return .error("complex YAML keys are not supported; keys must be plain words", at: location)
                }
                var dashes = 0
                var quote: UInt8?
                var atLineStart = true
                for byte in line {
                    if let open = quote {
                        if byte == open { quote = nil }
                        continue
                    }
                    switch byte {
                    case 0x22, 0x27: quote = byte; atLineStart = false   // " '
                    case 0x5B, 0x7B: depth += 1                          // [ {
                    case 0x5D, 0x7D: depth = max(0, depth - 1)           // ] }
                    case 0x23, 0x20: break                               // # space
                    case 0x2D where atLineStart: dashes += 1             // -
                    default: atLineStart = false
                    }
                    if depth + dashes > maximumDepth {
                        return .error("this YAML nests more than \(maximumDepth) levels deep", at: location)
                    }
                }
            }
            return nil
        }
    }

    /// `? key`, `*alias: value` or `[a, b]: value` at the start of a line's content.
    private static func isComplexKey(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first else { return false }
        switch first {
        case 0x3F: return text.count == 1 || text[1] == 0x20                       // "?" or "? "
        case 0x2A: return keyFollowsToken(String(decoding: text, as: UTF8.self)[...])   // *
        case 0x5B, 0x7B: return closingThenColon(String(decoding: text, as: UTF8.self)[...])   // [ {
        default: return false
        }
    }

    private static func keyFollowsToken(_ text: Substring) -> Bool {
        guard let end = text.firstIndex(where: { $0 == " " || $0 == ":" }) else { return false }
        return text[end...].drop { $0 == " " }.hasPrefix(":")
    }

    private static func closingThenColon(_ text: Substring) -> Bool {
        guard let close = text.lastIndex(where: { $0 == "]" || $0 == "}" }) else { return false }
        let rest = text[text.index(after: close)...].drop { $0 == " " }
        return rest == ":" || rest.hasPrefix(": ")
    }
}

/// The lines of a UTF-8 buffer as byte ranges, without their line feeds (an empty last line too,
/// as `split(separator:omittingEmptySubsequences: false)` gives).
struct LineRanges {
    let bytes: UnsafeBufferPointer<UInt8>
    private var start = 0
    private var done = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func next() -> Range<Int>? {
        guard !done else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        let line = start..<end
        if end >= bytes.count { done = true } else { start = end + 1 }
        return line
    }
}
