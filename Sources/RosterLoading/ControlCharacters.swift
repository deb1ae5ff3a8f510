import RosterModel

/// Characters that a YAML escape (`"\x00"`, `"\e"`, `"\uFFFF"`) can put into a value but that no
/// page can carry: XML 1.0 (the feed, the sitemap) cannot hold them at all, and in HTML they are
/// parse errors that browsers show as boxes or drop. A file cannot hold them literally (YAML
/// refuses them and TextFile refuses NUL), so only escapes bring them in.
enum ControlCharacters {
    /// The first such character in `text`, if any.
    static func first(in text: String) -> Unicode.Scalar? {
        // Most values are plain ASCII letters: one pass over the bytes settles them.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xEF }) else { return nil }
        return text.unicodeScalars.first(where: isRefused)
    }

    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    static func message(for scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let kind = scalar.value < 0x80 ? "the control character" : "the character"
        return "this text contains \(kind) \(code), which no page can show; remove it"
    }

    /// An error at `location` when `text` holds such a character.
    static func problem(in text: String, at location: SourceLocation) -> Diagnostic? {
        first(in: text).map { .error(message(for: $0), at: location) }
    }
}
