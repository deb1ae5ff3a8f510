import RosterModel
import Yams

/// `Content/sources.yml` (id → entry) and the free-form `Content/data/<name>.yml` files.
enum SourcesDecoder {
    static let keys = ContentKeys.source.names

    static func decode(_ node: Node?, path: String, problems: inout [Diagnostic]) -> [Source] {
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            problems.append(.error("sources.yml must map each source id to its title, publisher, date and url",
                                   at: YAMLText.location(of: node, path: path, firstLine: 1)))
            return []
        }
        var sources: [Source] = []
        for (keyNode, value) in mapping {
            let id = keyNode.string ?? ""
            let keyLocation = YAMLText.location(of: keyNode, path: path, firstLine: 1)
            if !Slug.isValid(id) {
                problems.append(.error("source id '\(id)' must be lowercase letters, digits and single dashes",
                                       at: keyLocation))
            }
            guard var reader = MappingReader(value, path: path, firstLine: 1, allowedKeys: keys,
                                             what: "source '\(id)'", problem: &problems) else { continue }
            let title = reader.string("title", required: true)
            let publisher = reader.string("publisher", required: true)
            let date = reader.date("date", required: true)
            let url = reader.url("url")
            let archived = reader.url("archived")
            let accessed = reader.date("accessed")
            problems += reader.finish()
            var locations = reader.locations
            locations.start = keyLocation
            if let title {
                sources.append(Source(id: id, title: title, publisher: publisher, date: date, url: url,
                                      archived: archived, accessed: accessed, locations: locations))
            }
        }
        return sources
    }
}

/// Free-form YAML, converted with a budget so that an alias bomb ends in an error, not a hang.
enum DataDecoder {
    static let nodeBudget = 200_000

    static func decode(_ node: Node?, path: String) -> Result<DataValue, Diagnostic> {
        var budget = nodeBudget
        var problem: Diagnostic?
        guard let node else { return .success(.null) }
        guard let value = convert(node, path: path, budget: &budget, problem: &problem) else {
            return .failure(problem ?? .error("this data file expands to more than \(nodeBudget) values (YAML aliases?); make it smaller",
                                              at: SourceLocation(path: path)))
        }
        return .success(value)
    }

    /// Nil when the budget runs out, or (with `problem` set) when a key or text holds a character
    /// no page can show: templates print data values and keys as they are.
    private static func convert(_ node: Node, path: String, budget: inout Int, problem: inout Diagnostic?) -> DataValue? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            if let character = ControlCharacters.first(in: scalar.string) {
                problem = .error(ControlCharacters.message(for: character),
                                 at: YAMLText.location(of: node, path: path, firstLine: 1))
                return nil
            }
            if MappingReader.isNull(node) { return .null }
            if scalar.style == .plain {
                if let flag = MappingReader.plainBool(node), ["true", "false"].contains(scalar.string.lowercased()) {
                    return .bool(flag)
                }
                if Int(scalar.string) != nil || Double(scalar.string) != nil { return .number(scalar.string) }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [DataValue] = []
            for item in sequence {
                guard let value = convert(item, path: path, budget: &budget, problem: &problem) else { return nil }
                items.append(value)
            }
            return .list(items)
        case .mapping(let mapping):
            var entries: [DataEntry] = []
            for (key, item) in mapping {
                if let character = ControlCharacters.first(in: key.string ?? "") {
                    problem = .error(ControlCharacters.message(for: character),
                                     at: YAMLText.location(of: key, path: path, firstLine: 1))
                    return nil
                }
                guard let value = convert(item, path: path, budget: &budget, problem: &problem) else { return nil }
                entries.append(DataEntry(key: key.string ?? "", value: value))
            }
            return .map(entries)
        case .alias:
            return .null
        }
    }
}
