/// Escaping for the places a string from content lands: one implementation, shared by every stage
/// (templates, charts, feeds, the dev server's pages).
public enum Markup {
    /// Text and attribute values in HTML: `& < > " '` become references; control characters other
    /// than tab and newline are dropped (XML 1.0 forbids them, and no page needs them).
    public static func escapeHTML(_ text: String) -> String {
        escape(text, apostrophe: "&#39;", keepWhitespace: true)
    }

    /// Text and attribute values in XML (feeds, sitemaps): like HTML, and tab, LF and CR become
    /// character references so parsers read them back exactly.
    public static func escapeXML(_ text: String) -> String {
        escape(text, apostrophe: "&apos;", keepWhitespace: false)
    }

    private static func escape(_ text: String, apostrophe: String, keepWhitespace: Bool) -> String {
        // Most text needs nothing: one pass over the bytes settles it.
        let clean = text.utf8.allSatisfy { byte in
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0xEF: return false
            case 0x09, 0x0A: return keepWhitespace
            case 0x00..<0x20: return false
            default: return true
            }
        }
        if clean { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            case "\t" where !keepWhitespace: out += "&#9;"
            case "\n" where !keepWhitespace: out += "&#10;"
            case "\r" where !keepWhitespace: out += "&#13;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
