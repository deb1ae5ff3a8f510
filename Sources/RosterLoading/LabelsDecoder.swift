import RosterModel
import RosterSupport
import Yams

/// Labels from YAML (`Templates/labels/<language>.yml`, or `labels:` in `site.yml`): nested mappings
/// become dotted keys; a mapping of plural categories (`one:`, `other:` …, with `other`) is one
/// label with a form per category.
enum LabelsDecoder {
    struct Decoded {
        var values: [String: Labels.Value] = [:]
        var locations: [String: SourceLocation] = [:]
        var problems: [Diagnostic] = []
    }

    static func decode(_ node: Node?, path: String, firstLine: Int = 1, what: String) -> Decoded {
        var decoded = Decoded()
        guard let node else { return decoded }
        guard node.mapping != nil else {
            decoded.problems.append(.error("\(what) must be a set of 'key: text' lines", at: YAMLText.location(of: node, path: path, firstLine: firstLine)))
            return decoded
        }
        walk(node, prefix: "", path: path, firstLine: firstLine, into: &decoded)
        return decoded
    }

    /// The forms of a plural given as a mapping (`one:`/`other:`), or nil when `node` is not one.
    static func pluralForms(_ node: Node) -> [String: String]? {
        guard let mapping = node.mapping, !mapping.isEmpty else { return nil }
        var forms: [String: String] = [:]
        for (key, value) in mapping {
            guard let category = key.string, Labels.pluralCategories.contains(category), let text = value.scalar?.string else { return nil }
            forms[category] = text
        }
        return forms["other"] == nil ? nil : forms
    }

    /// A label's location is its key's (where a typo in the key is), or the node's at the top.
    private static func walk(_ node: Node, prefix: String, path: String, firstLine: Int, key: Node? = nil, into decoded: inout Decoded) {
        let location = YAMLText.location(of: key ?? node, path: path, firstLine: firstLine)
        if let scalar = node.scalar {
            decoded.values[prefix] = .text(scalar.string)
            decoded.locations[prefix] = location
        } else if let forms = pluralForms(node) {
            decoded.values[prefix] = .plural(forms)
            decoded.locations[prefix] = location
        } else if let mapping = node.mapping {
            if mapping.contains(where: { $0.key.string.map(Labels.pluralCategories.contains) ?? false }),
               mapping.allSatisfy({ $0.key.string.map(Labels.pluralCategories.contains) ?? false }) {
                decoded.problems.append(.error("the label '\(prefix)' has plural forms but no 'other:' form (the form for most numbers)", at: location))
                return
            }
            for (key, value) in mapping {
                guard let name = key.string, !name.isEmpty else { continue }
                walk(value, prefix: prefix.isEmpty ? name : prefix + "." + name, path: path, firstLine: firstLine, key: key, into: &decoded)
            }
        } else {
            decoded.problems.append(.error("the label '\(prefix)' must be a text, or its forms by number (one:, other:)", at: location))
        }
    }
}
