import RosterModel

/// A label the site needs and its language does not have is an error naming it: every label of the
/// default theme's English (Roster's own sentences use them), and every `{{labels.…}}` a template prints.
enum LabelCheck {
    static func missing(in labels: Labels, templates: [TemplateSource]) -> [Diagnostic] {
        guard !labels.values.isEmpty else { return [] }
        let file = SiteLayout.themeLabels + "/" + labels.language + ".yml"
        var problems: [Diagnostic] = []
        for key in BuiltInLabels.english.values.keys.sorted() where labels.values[key] == nil {
            problems.append(.error("the label '\(key)' is missing from \(file); add it (\(SiteLayout.themeLabels)/en.yml has every label)",
                                   at: SourceLocation(path: file)))
        }
        for template in templates {
            for (number, line) in template.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = line[...]
                while let open = rest.range(of: "{{labels.") {
                    let name = rest[open.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
                    // One missing from the file is reported once, above, not at each template printing it.
                    if labels.values[String(name)] == nil, BuiltInLabels.english.values[String(name)] == nil {
                        problems.append(.error("the template prints the label '\(name)', which \(file) does not have",
                                               at: SourceLocation(path: template.path, line: number + 1,
                                                                  column: line.distance(from: line.startIndex, to: open.lowerBound) + 1)))
                    }
                    rest = rest[open.upperBound...]
                }
            }
        }
        return problems + missingForms(in: labels, file: file)
    }

    /// A plural label without a form its language uses for everyday counts (Polish `few` for 2–4,
    /// 22–24…) is a warning: Roster shows the `other` form there, which reads wrong.
    static func missingForms(in labels: Labels, file: String) -> [Diagnostic] {
        let needed = PluralRules.categories(language: labels.language)
        let rule = PluralRule(language: labels.language)
        var problems: [Diagnostic] = []
        for (key, value) in labels.values.sorted(by: { $0.key < $1.key }) {
            guard case .plural(let forms) = value else { continue }
            let lacking = needed.filter { forms[$0] == nil }
            guard !lacking.isEmpty else { continue }
            let described = lacking.map { category in
                let examples = PluralRules.everydayCounts.filter { rule.category($0) == category }
                return "'\(category)' (for \(examples.prefix(3).map(String.init).joined(separator: ", "))…)"
            }
            problems.append(.warning("the label '\(key)' has no \(described.joined(separator: " or ")) form, which the language "
                                     + "'\(labels.language)' uses; those counts show the 'other' form",
                                     at: labels.locations[key] ?? SourceLocation(path: file)))
        }
        return problems
    }
}
