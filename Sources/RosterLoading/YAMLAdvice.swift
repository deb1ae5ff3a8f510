/// The YAML parser's words for the mistakes editors make most, turned into what to do. The parser's
/// own words follow in brackets, for anyone who searches for them.
enum YAMLAdvice {
    /// - Parameter line: the line the parser stopped on, when known, to tell a mistake the parser
    ///   words vaguely (`title: [Draft] notes` reads as a list followed by stray text).
    static func advice(for problem: String, context: String?, line: Substring? = nil, previous: Substring? = nil) -> String? {
        let said = problem + " " + (context ?? "")
        if said.contains("found undefined alias") {
            return "a value starting with * must be in quotes, like summary: \"*Star* of the show\""
        }
        if said.contains("could not find expected ':'") {
            return "this line has no ':' after its key; write key: value"
        }
        // A line without a colon, then a key: the parser reads the first as the start of a value
        // (YAMLText reports it at the line without the colon).
        if said.contains("mapping values are not allowed"), let previous, lacksColon(previous) {
            return "this line has no ':' after its key; write key: value"
        }
        if said.contains("found character that cannot start any token"), line?.contains("\t") == true {
            return "indent with spaces, not tabs"
        }
        if said.contains("did not find expected key") || said.contains("did not find expected '-' indicator"),
           let line, let bracket = textAfterBrackets(line) {
            return "a value starting with \(bracket) must be in quotes, like title: \"\(bracket == "[" ? "[Draft] notes" : "{Draft} notes")\""
        }
        if said.contains("while scanning an anchor") || said.contains("while scanning an alias") {
            return "a value starting with & or * must be in quotes, like name: \"& Co\""
        }
        if said.contains("mapping values are not allowed") {
            return "a value with ': ' in it must be in quotes, like title: \"Paris: the report\""
        }
        if said.contains("found character that cannot start any token") {
            return "a value starting with @, ` or % must be in quotes, and YAML indents with spaces, not tabs"
        }
        if said.contains("found a tab character") {
            return "indent with spaces, not tabs"
        }
        if said.contains("while scanning a quoted scalar") || said.contains("unexpected end of stream") {
            return "a quote is not closed: every \" or ' that opens a value must close it on the same value"
        }
        if said.contains("did not find expected ',' or ']'") || said.contains("while parsing a flow sequence") {
            return "a [list] is not closed with ], or one of its items needs quotes"
        }
        if said.contains("did not find expected ',' or '}'") || said.contains("while parsing a flow mapping") {
            return "a {mapping} is not closed with }, or one of its values needs quotes"
        }
        if said.contains("block sequence entries are not allowed") {
            return "a '- ' item must start its own line, indented under its key"
        }
        if said.contains("did not find expected key") || said.contains("did not find expected '-' indicator") {
            return "check the indentation: the keys of one entry line up, and list items start with '- '"
        }
        return nil
    }

    /// A line that is neither blank, a comment, a list item nor `key:` something.
    static func lacksColon(_ line: Substring) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        return !text.isEmpty && !text.hasPrefix("#") && !text.hasPrefix("- ") && text != "-" && text != "---" && !text.contains(":")
    }

    /// "[" or "{" when the line's value is a bracketed part with text after it (`[Draft] notes`).
    static func textAfterBrackets(_ line: Substring) -> Character? {
        guard let separator = line.range(of: ": ") ?? line.range(of: "- ") else { return nil }
        let value = line[separator.upperBound...].drop { $0 == " " }
        guard let open = value.first, open == "[" || open == "{",
              let close = value.firstIndex(of: open == "[" ? "]" : "}") else { return nil }
        let rest = value[value.index(after: close)...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty || rest.hasPrefix("#") || rest.hasPrefix(",") ? nil : open
    }
}
