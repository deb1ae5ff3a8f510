import RosterModel
import RosterSupport
import Yams

/// Reads one YAML mapping into typed values, remembering where each key was and collecting every
/// problem (missing keys, wrong types, unknown keys with a "did you mean") instead of stopping.
struct MappingReader {
    let path: String
    let firstLine: Int
    let allowedKeys: [String]
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    /// The keys alone, in the same order: looking a key up scans these, not the pairs, so that no
    /// YAML node is copied for each key that is not there (front matter is read a key at a time).
    private let keys: [String]
    private var used: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var locations: FieldLocations

    /// Nil (with a diagnostic in `problem`) when the node is not a mapping.
    init?(_ node: Node?, path: String, firstLine: Int, allowedKeys: [String], what: String,
          problem: inout [Diagnostic]) {
        let start = node.map { YAMLText.location(of: $0, path: path, firstLine: firstLine) }
            ?? SourceLocation(path: path, line: firstLine)
        guard let mapping = node?.mapping else {
            let found = node.map(Self.describe) ?? "nothing"
            problem.append(.error("\(what) must be a set of 'key: value' lines, found \(found)", at: start))
            return nil
        }
        self.path = path
        self.firstLine = firstLine
        self.allowedKeys = allowedKeys
        self.locations = FieldLocations(start: start)
        self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
        self.keys = pairs.map(\.key)
        for pair in pairs {
            locations[pair.key] = YAMLText.location(of: pair.value, path: path, firstLine: firstLine)
        }
    }

    func location(of node: Node) -> SourceLocation {
        YAMLText.location(of: node, path: path, firstLine: firstLine)
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    /// The value of `key`, marking it as read. A YAML null counts as absent.
    mutating func value(_ key: String, required: Bool = false) -> Node? {
        used.insert(key)
        guard let index = keys.firstIndex(of: key), case let pair = pairs[index],
              !Self.isNull(pair.value) else {
            if required { error("missing required key '\(key)'", at: locations.start) }
            return nil
        }
        return pair.value
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        guard let scalar = node.scalar else {
            error("'\(key)' must be text, found \(Self.describe(node))", at: location(of: node))
            return nil
        }
        guard let raw = checked(scalar.string, node) else { return nil }
        let text = Self.trimmed(raw)
        if text.isEmpty && required {
            error("'\(key)' must not be empty", at: location(of: node))
            return nil
        }
        return text.isEmpty ? nil : text
    }

    mutating func date(_ key: String, required: Bool = false) -> PartialDate? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = PartialDate(parsing: text) else {
            error("'\(key)' is not a valid date: '\(text)'; write 2023, 2023-04 or 2023-04-15", at: locations[key])
            return nil
        }
        return date
    }

    /// A partial date or `unknown`.
    mutating func dateBound(_ key: String, required: Bool = false) -> DateBound? {
        guard let text = string(key, required: required) else { return nil }
        if text == "unknown" { return .unknown }
        guard let date = PartialDate(parsing: text) else {
            error("'\(key)' is not a valid date: '\(text)'; write 2023, 2023-04, 2023-04-15 or unknown",
                  at: locations[key])
            return nil
        }
        return .known(date)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let flag = Self.plainBool(node) else {
            error("'\(key)' must be true or false, found '\(node.string ?? Self.describe(node))'", at: location(of: node))
            return nil
        }
        return flag
    }

    mutating func positiveInt(_ key: String) -> Int? {
        guard let node = value(key) else { return nil }
        guard let number = Self.plainInt(node), number > 0 else {
            error("'\(key)' must be a whole number above 0, found '\(node.string ?? Self.describe(node))'",
                  at: location(of: node))
            return nil
        }
        return number
    }

    /// An http, https or mailto URL.
    mutating func url(_ key: String, required: Bool = false) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard URLText.isAllowedExternal(text) else {
            error("'\(key)' must be an http, https or mailto URL, found '\(text)'", at: locations[key])
            return nil
        }
        return text
    }

    /// A list of texts; each item's location is kept as `key[i]`.
    mutating func stringList(_ key: String) -> [String] {
        guard let node = value(key) else { return [] }
        guard let sequence = node.sequence else {
            error("'\(key)' must be a list like [a, b], found \(Self.describe(node))", at: location(of: node))
            return []
        }
        var items: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                error("each item of '\(key)' must be text, found \(Self.describe(item))", at: location(of: item))
                continue
            }
            guard !scalar.string.allSatisfy(\.isWhitespace) else {
                error("\(Self.itemName(key)) cannot be empty", at: location(of: item))
                continue
            }
            guard let text = checked(scalar.string, item) else { continue }
            locations["\(key)[\(items.count)]"] = location(of: item)
            items.append(text)
        }
        return items
    }

    /// "an alias cannot be empty" reads better than a rule about list items.
    static func itemName(_ key: String) -> String {
        switch key {
        case "aliases": return "an alias"
        case "tags": return "a tag"
        case "sources": return "a source"
        case "members": return "a member"
        default: return "an item of '\(key)'"
        }
    }

    /// The text, or nil with an error at the value when a YAML escape put a character in it that
    /// no page can show.
    private mutating func checked(_ text: String, _ node: Node) -> String? {
        if let problem = ControlCharacters.problem(in: text, at: location(of: node)) {
            diagnostics.append(problem)
            return nil
        }
        return text
    }

    /// A list of mappings, for nested readers (`career`, `links`, `cohorts`).
    mutating func mappingList(_ key: String, required: Bool = false) -> [Node] {
        guard let node = value(key, required: required) else { return [] }
        guard let sequence = node.sequence else {
            error("'\(key)' must be a list of entries that each start with '- ', found \(Self.describe(node))",
                  at: location(of: node))
            return []
        }
        if required && sequence.isEmpty {
            error("'\(key)' needs at least one entry", at: location(of: node))
        }
        return Array(sequence)
    }

    /// Reports every key that was never read, with the closest allowed key.
    mutating func finish() -> [Diagnostic] {
        for pair in pairs where !used.contains(pair.key) {
            let hint = Suggestion.hint(for: pair.key, in: allowedKeys)
            let allowed = hint.isEmpty ? "; allowed keys: \(allowedKeys.joined(separator: ", "))" : ""
            error("unknown key '\(pair.key)'\(hint)\(allowed)", at: location(of: pair.keyNode))
        }
        return diagnostics
    }

    /// `true`/`false` (and YAML 1.1's yes/no/on/off), unquoted.
    static func plainBool(_ node: Node) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    static func plainInt(_ node: Node) -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        return Int(scalar.string)
    }

    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        if scalar.style == .plain {
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": return true
            default: break
            }
        }
        return scalar.tag.rawValue == Tag.Name.null.rawValue
    }

    /// The text without surrounding white space; Foundation is asked only when there is some
    /// (almost no value has any, and this runs on every value of every file).
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a set of keys"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
