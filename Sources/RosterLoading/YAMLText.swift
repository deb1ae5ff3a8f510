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
        if !allowAnchors, let line = anchorLine(yaml) {
            return .failure(.error("YAML anchors and aliases (&name, *name) are not supported here; write the value out",
                                   at: SourceLocation(path: path, line: firstLine + line)))
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
                return .error("YAML syntax error: \(problem) (\(context.text) that starts on line \(at(context.mark).line))", at: place)
            }
            let while_ = context.map { " (\($0.text))" } ?? ""
            return .error("YAML syntax error: \(problem)\(while_)", at: at(mark))
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

    /// The index of the first line that defines an anchor (`&name` where a value starts), or nil.
    static func anchorLine(_ yaml: String) -> Int? {
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(line.utf8)
            for position in bytes.indices where bytes[position] == UInt8(ascii: "&") {
                guard position + 1 < bytes.count, !" \t,[]{}".utf8.contains(bytes[position + 1]) else { continue }
                // A value starts here: at the line's start (after indentation and list dashes), or
                // after `: `, `- `, `[`, `{` or `,`.
                var before = position - 1
                while before >= 0, bytes[before] == UInt8(ascii: " ") || bytes[before] == UInt8(ascii: "\t") { before -= 1 }
                if before < 0 || [UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(bytes[before]) {
                    if before < 0 || position - before > 1 || bytes[before] == UInt8(ascii: "[") || bytes[before] == UInt8(ascii: "{")
                        || bytes[before] == UInt8(ascii: ",") {
                        return index
                    }
                }
            }
        }
        return nil
    }

    /// Finds nesting deeper than `maximumDepth` and complex (`? `, alias or collection) keys.
    static func guardProblem(_ yaml: String, path: String, firstLine: Int) -> Diagnostic? {
        var lineNumber = firstLine
        var depth = 0
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { lineNumber += 1 }
            let location = SourceLocation(path: path, line: lineNumber)
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            if trimmed.hasPrefix("? ") || trimmed == "?" || trimmed.hasPrefix("*") && keyFollowsToken(trimmed)
                || (trimmed.hasPrefix("[") || trimmed.hasPrefix("{")) && closingThenColon(trimmed) {
                return .error("complex YAML keys are not supported; keys must be plain words", at: location)
            }
            var dashes = 0
            var quote: Character?
            var atLineStart = true
            for character in line {
                if let open = quote {
                    if character == open { quote = nil }
                    continue
                }
                switch character {
                case "\"", "'": quote = character; atLineStart = false
                case "[", "{": depth += 1
                case "]", "}": depth = max(0, depth - 1)
                case "#": break
                case "-" where atLineStart: dashes += 1
                case " ": break
                default: atLineStart = false
                }
                if depth + dashes > maximumDepth {
                    return .error("this YAML nests more than \(maximumDepth) levels deep", at: location)
                }
            }
        }
        return nil
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
