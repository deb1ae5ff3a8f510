/// One `{{...}}` tag of a template, with where it starts (line and column counted in characters,
/// like swift-mustache's parser errors).
struct TemplateTag: Equatable, Sendable {
    /// `#`, `^`, `$`, `<`, `>`, `/`, `=`, `!`, `&`, `{` or `%`; nil for a plain `{{name}}`.
    var sigil: Character?
    /// What follows the sigil, trimmed: `partials/header` for `{{> partials/header }}`.
    var name: String
    var line: Int
    var column: Int

    /// Opens a level of nesting that a `{{/name}}` closes: a section, an inverted section, a block
    /// or a parent.
    var opensSection: Bool { sigil.map { "#^$<".contains($0) } ?? false }
}

/// The tags of a template, found without swift-mustache: its parser gives back no tags, and some
/// checks must run before it (it recurses once per nested section, so a deep enough template
/// crashes it). Follows set-delimiter tags (`{{=<% %>=}}`), which last until the end of the
/// section they are in, as in swift-mustache.
enum TemplateTags {
    private static let sigils: Set<Character> = ["#", "^", "$", "<", ">", "/", "=", "!", "&", "{", "%"]

    static func scan(_ text: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        var delimiters = (open: Array("{{"), close: Array("}}"))
        var sections: [(name: String, delimiters: (open: [Character], close: [Character]))] = []
        let characters = Array(text)
        var line = 1
        var column = 1
        var index = 0
        while index < characters.count {
            guard matches(delimiters.open, in: characters, at: index) else {
                if characters[index].isNewline { line += 1; column = 1 } else { column += 1 }
                index += 1
                continue
            }
            let contentStart = index + delimiters.open.count
            var end = contentStart
            while end < characters.count, !matches(delimiters.close, in: characters, at: end) { end += 1 }
            guard end < characters.count else { break }
            let next = end + delimiters.close.count
            let content = String(characters[contentStart..<end]).trimmingWhitespace
            var tag = TemplateTag(sigil: nil, name: content, line: line, column: column)
            if let first = content.first, sigils.contains(first) {
                tag.sigil = first
                tag.name = String(content.dropFirst()).trimmingWhitespace
            }
            tags.append(tag)
            if tag.opensSection {
                sections.append((tag.name, delimiters))
            } else if tag.sigil == "/", let match = sections.lastIndex(where: { $0.name == tag.name }) {
                delimiters = sections[match].delimiters
                sections.removeSubrange(match...)
            } else if tag.sigil == "=", tag.name.hasSuffix("=") {
                let parts = tag.name.dropLast().split(whereSeparator: \.isWhitespace)
                if parts.count == 2 { delimiters = (Array(parts[0]), Array(parts[1])) }
            }
            for character in characters[index..<next] {
                if character.isNewline { line += 1; column = 1 } else { column += 1 }
            }
            index = next
        }
        return tags
    }

    /// The tag that opens a section `limit + 1` deep, if any.
    static func nestedTooDeep(_ tags: [TemplateTag], limit: Int) -> TemplateTag? {
        var open: [String] = []
        for tag in tags {
            if tag.opensSection {
                open.append(tag.name)
                if open.count > limit { return tag }
            } else if tag.sigil == "/", let match = open.lastIndex(of: tag.name) {
                open.removeSubrange(match...)
            }
        }
        return nil
    }

    private static func matches(_ delimiter: [Character], in characters: [Character], at index: Int) -> Bool {
        guard index + delimiter.count <= characters.count else { return false }
        for offset in delimiter.indices where characters[index + offset] != delimiter[offset] { return false }
        return true
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
