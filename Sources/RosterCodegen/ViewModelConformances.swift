import Foundation

/// A `MustacheParent` conformance for every `public struct` of the view-model files: a `switch` from
/// each stored property's name to its value, so templates look keys up without reflection. Text is
/// handed over as `MustacheText` (see RosterRendering's MustacheText.swift).
enum ViewModelConformances {
    struct Model {
        var name: String
        var fields: [(name: String, type: String)]
    }

    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    static func generate(sources: [URL]) throws -> String {
        var models: [Model] = []
        for source in sources.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            models += try parse(try String(contentsOf: source, encoding: .utf8), path: source.path)
        }
        var out = ["// Generated at build time by RosterCodegen from the view models; not in git.", "", "import Mustache", ""]
        for model in models {
            out.append("extension \(model.name): MustacheParent {")
            out.append("    public func child(named name: String) -> Any? {")
            out.append("        switch name {")
            for field in model.fields {
                // `self.`, so that a field may have any name, the parameter's included.
                let value: String
                switch field.type {
                case "String": value = "MustacheText(self.\(field.name))"
                case "String?": value = "self.\(field.name).map(MustacheText.init)"
                default: value = "self.\(field.name)"
                }
                out.append("        case \"\(field.name)\": return \(value)")
            }
            out.append("        default: return nil")
            out.append("        }")
            out.append("    }")
            out.append("}")
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// `public struct Name` … `}` at the start of a line, and its `public var name: Type` lines. A
    /// stored property written any other way (`let`, several names on a line, not public) is an
    /// error, so that no field can be left out of the lookup without the build saying so.
    static func parse(_ text: String, path: String = "") throws -> [Model] {
        var models: [Model] = []
        var current: Model?
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if current != nil, !line.hasPrefix("    public var "), !line.contains("{"), !line.contains("}"),
               let word = line.split(separator: " ").first, ["let", "var", "public", "private", "internal"].contains(word) {
                throw Unreadable(description: "\(path):\(number + 1): error: write a view model's fields as '    public var name: Type', one a line, so the templates can see them")
            }
            if line.hasPrefix("public struct ") {
                let name = line.dropFirst("public struct ".count).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                current = Model(name: String(name), fields: [])
            } else if line.hasPrefix("}") {
                if let model = current { models.append(model) }
                current = nil
            } else if current != nil, line.hasPrefix("    public var "), !line.contains("{") {
                let declaration = line.dropFirst("    public var ".count)
                guard let colon = declaration.firstIndex(of: ":"), !declaration[..<colon].contains(",") else {
                    throw Unreadable(description: "\(path):\(number + 1): error: write one field a line, as '    public var name: Type'")
                }
                let name = declaration[..<colon]
                let type = declaration[declaration.index(after: colon)...].drop { $0 == " " }.prefix { $0 != " " }
                current?.fields.append((String(name), String(type)))
            }
        }
        return models
    }
}
