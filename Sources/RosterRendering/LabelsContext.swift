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
