import RosterModel

/// Characters that no page can carry: XML 1.0 (the feed, the sitemap) cannot hold them at all, and
/// in HTML they are parse errors that browsers show as boxes or drop. One rule holds for every file
/// and every value: typed into a file (front matter, body, template, YAML file) each is an error at
/// its line and column, and a YAML escape (`"\x01"`, `"\e"`, `"\uFFFF"`) that makes one is an error
/// at the value's line.
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

    /// The file's text with every refused character typed into it replaced by U+FFFD (so that the
    /// rest of the file is still read and checked), and an error at each one's line and column.
    /// Works on the UTF-8 bytes: this runs on every file of the site.
    static func cleaned(_ text: String, path: String, problems: inout [Diagnostic]) -> String {
        var text = text
        let clean = text.withUTF8 { buffer in
            !buffer.contains { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D || $0 == 0x7F || $0 == 0xEF }
        }
        if clean { return text }
        var bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var found = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let refused: Int   // how many bytes the refused character takes, 0 when it is allowed
            switch byte {
            case 0x0A:
                line += 1
                lineStart = index + 1
                refused = 0
            case 0x09, 0x0D: refused = 0
            case 0x00...0x1F, 0x7F: refused = 1
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                refused = 3
            default: refused = 0
            }
            guard refused > 0 else {
                index += 1
                continue
            }
            let scalar = Unicode.Scalar(refused == 1 ? UInt32(byte) : 0xFFFE + UInt32(bytes[index + 2] - 0xBE)) ?? "\u{FFFD}"
            let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
            problems.append(.error(message(for: scalar), at: SourceLocation(path: path, line: line, column: column)))
            bytes.replaceSubrange(index..<(index + refused), with: [0xEF, 0xBF, 0xBD])
            found = true
            index += 3
        }
        return found ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// An error at `location` when `text` holds such a character.
    static func problem(in text: String, at location: SourceLocation) -> Diagnostic? {
        first(in: text).map { .error(message(for: $0), at: location) }
    }
}
