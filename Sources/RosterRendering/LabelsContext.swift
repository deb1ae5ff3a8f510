import RosterSupport
import RosterModel

/// The labels as templates see them: `{{labels.nav.people}}`, nested by the dots of their keys. A
/// label with plural forms shows its `other` form (templates print words, Swift counts).
enum LabelsContext {
    static func nested(_ labels: Labels) -> [String: Any] {
        var root: [String: Any] = [:]
        for key in labels.values.keys.sorted() {
            insert(labels.text(key), at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return root
    }

    private static func insert(_ text: String, at path: ArraySlice<String>, into dictionary: inout [String: Any]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            if dictionary[first] == nil { dictionary[first] = MustacheText(text) }
            return
        }
        var child = dictionary[first] as? [String: Any] ?? [:]
        insert(text, at: path.dropFirst(), into: &child)
        dictionary[first] = child
    }

    /// The `labels.…` keys a template uses, from its tags' names.
    static func keys(inTagNamed name: String) -> String? {
        guard name.hasPrefix("labels.") else { return nil }
        return String(name.dropFirst("labels.".count))
    }
}

/// The labels written into the templates' text before they are compiled: they are the same on every
/// page, so `{{labels.nav.people}}` becomes `People` (escaped for HTML, as the tag would print it)
/// once per build instead of a lookup through the context on every page, in every row of every table.
/// A tag is left for the context to answer when its label holds `{{` or `}}` (it would be read as a
/// tag), when the template changes its delimiters, or when the label does not exist (the check of the
/// templates reports that).
public enum LabelFilling {
    public static func fill(_ sources: [TemplateSource], labels: Labels) -> [TemplateSource] {
        sources.map { source in
            guard source.text.contains("labels."), !source.text.contains("{{=") else { return source }
            var filled = source
            filled.text = fill(source.text, labels: labels)
            return filled
        }
    }

    static func fill(_ text: String, labels: Labels) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            var cursor = open.upperBound
            var raw = false, triple = false
            if cursor < rest.endIndex, rest[cursor] == "{" { triple = true; raw = true; cursor = rest.index(after: cursor) }
            else if cursor < rest.endIndex, rest[cursor] == "&" { raw = true; cursor = rest.index(after: cursor) }
            while cursor < rest.endIndex, rest[cursor] == " " { cursor = rest.index(after: cursor) }
            let nameStart = cursor
            while cursor < rest.endIndex, rest[cursor].isLetter || rest[cursor].isNumber || rest[cursor] == "_" || rest[cursor] == "." {
                cursor = rest.index(after: cursor)
            }
            let name = rest[nameStart..<cursor]
            while cursor < rest.endIndex, rest[cursor] == " " { cursor = rest.index(after: cursor) }
            let close = triple ? "}}}" : "}}"
            if name.hasPrefix("labels."), rest[cursor...].hasPrefix(close),
               labels.values[String(name.dropFirst("labels.".count))] != nil {
                let value = labels.text(String(name.dropFirst("labels.".count)))
                if !value.contains("{{") && !value.contains("}}") {
                    result += raw ? value : Markup.escapeHTML(value)
                    rest = rest[rest.index(cursor, offsetBy: close.count)...]
                    continue
                }
            }
            result += rest[open]
            rest = rest[open.upperBound...]
        }
        return result + rest
    }
}
