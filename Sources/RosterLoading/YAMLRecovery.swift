import RosterModel
import Yams

/// When a YAML mapping has a syntax error, the rest of it is still read, so that one run reports
/// the file's other problems too: each top-level key's block (its line and the indented lines under
/// it) is parsed on its own, with the other lines blanked so that line numbers stay true. Blocks
/// that parse make up the mapping the decoders check; each block that does not is one syntax error,
/// and its key is named as unreadable, so that no "missing required key" is reported for it.
struct YAMLRecovery {
    /// The mapping of the readable blocks (nil when nothing could be read), the syntax errors, and
    /// the top-level keys whose blocks could not be read.
    var node: Node?
    var problems: [Diagnostic]
    var unreadableKeys: Set<String>

    /// Whether the whole text was read.
    var isComplete: Bool { problems.isEmpty }

    static func parse(_ yaml: String, path: String, firstLine: Int) -> YAMLRecovery {
        let whole = YAMLText.parse(yaml, path: path, firstLine: firstLine)
        switch whole {
        case .success(let node): return YAMLRecovery(node: node, problems: [], unreadableKeys: [])
        case .failure(let problem):
            guard problem.message.hasPrefix("YAML syntax error"), let recovered = recover(yaml, path: path, firstLine: firstLine) else {
                return YAMLRecovery(node: nil, problems: [problem], unreadableKeys: [])
            }
            return recovered
        }
    }

    /// The blocks of a top-level mapping: the first line of each and the key it starts with. A line
    /// at the left margin that is not `key: …` (a `- item` of the key above, stray text) belongs to
    /// the block above it; nil when the text does not start as a mapping or has one block only.
    static func blocks(_ lines: [Substring]) -> [(start: Int, key: String)]? {
        var blocks: [(start: Int, key: String)] = []
        for (index, line) in lines.enumerated() {
            guard let first = line.first, first != " ", first != "\t", first != "#" else { continue }
            let colon = line.firstIndex(of: ":")
            if colon == nil || "-[{?!&*|>%@`".contains(first) {
                if blocks.isEmpty { return nil }
                continue
            }
            if let colon { blocks.append((index, line[..<colon].trimmingCharacters(in: " \"'"))) }
        }
        return blocks.count >= 2 ? blocks : nil
    }

    private static func recover(_ yaml: String, path: String, firstLine: Int) -> YAMLRecovery? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard let blocks = blocks(lines) else { return nil }
        var pairs: [(Node, Node)] = []
        var problems: [Diagnostic] = []
        var unreadable: Set<String> = []
        for (number, block) in blocks.enumerated() {
            let end = number + 1 < blocks.count ? blocks[number + 1].start : lines.count
            // The block's own lines; every other line left empty, so that marks keep their lines.
            let text = Array(repeating: "", count: block.start).joined(separator: "\n") + (block.start > 0 ? "\n" : "")
                + lines[block.start..<end].joined(separator: "\n")
            switch YAMLText.parse(text, path: path, firstLine: firstLine) {
            case .success(let node):
                guard let mapping = node?.mapping else { continue }
                pairs += mapping.map { ($0.key, $0.value) }
            case .failure(let problem):
                problems.append(problem)
                unreadable.insert(block.key)
            }
        }
        // Every block read on its own: the error is between blocks (a key used twice); no recovery.
        guard !problems.isEmpty else { return nil }
        return YAMLRecovery(node: pairs.isEmpty ? nil : .mapping(Node.Mapping(pairs)), problems: problems, unreadableKeys: unreadable)
    }

    /// The decoders' problems, less the "missing required key" of a key whose block could not be read.
    func filtering(_ found: [Diagnostic]) -> [Diagnostic] {
        guard !unreadableKeys.isEmpty else { return found }
        return found.filter { diagnostic in
            !unreadableKeys.contains { diagnostic.message == "missing required key '\($0)'" }
        }
    }
}

extension YAMLRecovery {
    /// A document: its front matter decoded when all of it could be read. When part of it could
    /// not, the rest is still decoded for its problems, and the document is left out (its slug is
    /// known, so nothing that names it is reported as unknown).
    static func document<T>(_ text: Result<String, Diagnostic>, path: String, problems: inout [Diagnostic],
                            decode: (FrontMatter, Node?, inout [Diagnostic]) -> T?) -> T? {
        let split = text.flatMap { FrontMatter.split($0, path: path) }
        guard case .success(let document) = split else {
            if case .failure(let problem) = split { problems.append(problem) }
            return nil
        }
        let recovery = parse(document.yaml, path: path, firstLine: document.yamlFirstLine)
        guard recovery.isComplete else {
            problems += recovery.problems
            if recovery.node != nil {
                var found: [Diagnostic] = []
                _ = decode(document, recovery.node, &found)
                problems += recovery.filtering(found)
                problems += commentedOutValues(recovery.node, yaml: document.yaml, path: path, firstLine: document.yamlFirstLine)
            }
            return nil
        }
        problems += commentedOutValues(recovery.node, yaml: document.yaml, path: path, firstLine: document.yamlFirstLine)
        return decode(document, recovery.node, &problems)
    }

    /// `headquarters: #3 Rue Lafayette` reads as an empty value (YAML's comments start with #): a
    /// warning at each top-level key left empty that way, since the editor meant the text.
    static func commentedOutValues(_ node: Node?, yaml: String, path: String, firstLine: Int) -> [Diagnostic] {
        guard let mapping = node?.mapping, mapping.contains(where: { MappingReader.isNull($0.value) }) else { return [] }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [Diagnostic] = []
        for (key, value) in mapping where MappingReader.isNull(value) {
            guard let name = key.string, let mark = key.mark, mark.line >= 1, mark.line <= lines.count else { continue }
            let line = lines[mark.line - 1]
            guard let colon = line.range(of: name + ":")?.upperBound else { continue }
            let rest = line[colon...].drop { $0 == " " || $0 == "\t" }
            guard rest.first == "#", rest.count > 1 else { continue }
            let column = line.distance(from: line.startIndex, to: rest.startIndex) + 1
            found.append(.warning("'\(name)' is empty: YAML reads what follows # as a comment; if it is the value, put it in quotes, "
                                  + "like \(name): \"\(rest.trimmingCharacters(in: .whitespaces))\"",
                                  at: SourceLocation(path: path, line: mark.line + firstLine - 1, column: column)))
        }
        return found
    }
}

private extension Substring {
    func trimmingCharacters(in characters: String) -> String {
        var text = self[...]
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
