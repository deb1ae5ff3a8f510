import Foundation

/// Writes YAML scalars and lists that read back as exactly the text given.
enum YAMLWriting {
    /// The text plain when YAML would read it back unchanged as a string; else single-quoted (as
    /// editors write it), or double-quoted with escapes when it holds a line break or a control
    /// character, which single quotes cannot carry.
    static func scalar(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value)
            && $0 != "\u{2028}" && $0 != "\u{2029}" && $0 != "\u{FEFF}" }) {
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }
        return quoted(text)
    }

    /// A value YAML may read as a date or a number is fine unquoted where Roster reads dates.
    static func date(_ text: String) -> String {
        text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") } || text == "unknown" ? text : quoted(text)
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || "-?:,[]{}#&*!|>'\"%@`~=".unicodeScalars.contains(first) { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.value >= 0x80 && $0.value < 0xA0 || $0 == "\u{FEFF}" }) {
            return false
        }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") || text.contains("\"") { return false }
        let lower = text.lowercased()
        if ["true", "false", "yes", "no", "y", "n", "on", "off", "null", "~", "unknown"].contains(lower) { return false }
        if text.first!.isNumber || text.first == "." || text.first == "+" { return false }
        return true
    }
}
