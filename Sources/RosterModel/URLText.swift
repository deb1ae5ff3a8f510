import Foundation

/// Checks and encodes URLs written by editors.
public enum URLText {
    static let unsafeInPath: Set<UInt8> = Set("\"'<>`\\{}|^%".utf8)

    /// Schemes an editor may use in YAML (`website`, `links`, `url`).
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The scheme of a URL (`https`), lowercased, or nil if it has none.
    public static func scheme(of url: String) -> String? {
        // An ASCII letter, then letters, digits, `+`, `.` or `-`, up to the first `:`. On bytes:
        // this runs for every link of every page.
        var length = 0
        for byte in url.utf8 {
            switch byte {
            case 0x3A:   // :
                guard length > 0 else { return nil }
                return String(decoding: url.utf8.prefix(length), as: UTF8.self).lowercased()
            case 0x41...0x5A, 0x61...0x7A: length += 1
            case 0x30...0x39, 0x2B, 0x2E, 0x2D: guard length > 0 else { return nil }; length += 1
            default: return nil
            }
        }
        return nil
    }

    /// True for an absolute `http`, `https` or `mailto` URL with something after the scheme and no
    /// white space.
    public static func isAllowedExternal(_ url: String) -> Bool {
        guard let scheme = scheme(of: url), allowedSchemes.contains(scheme),
              !url.contains(where: { $0.isWhitespace }) else { return false }
        if scheme == "mailto" { return url.count > "mailto:".count }
        guard url.lowercased().hasPrefix(scheme + "://") else { return false }
        let rest = url.dropFirst(scheme.count + 3)
        return !rest.isEmpty && !rest.hasPrefix("/") && !url.contains(where: { $0.isWhitespace })
    }

    /// True for the bytes that may stand raw in a URL path.
    @inline(__always)
    static func isSafeInPath(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x27, 0x3C, 0x3E, 0x60, 0x5C, 0x7B, 0x7D, 0x7C, 0x5E, 0x25: return false   // "'<>`\{}|^%
        default: return byte > 0x20 && byte < 0x80
        }
    }

    /// Percent-decodes text (`caf%C3%A9` → `café`), as Foundation's `removingPercentEncoding` does,
    /// but returns the text itself at once when it holds no `%` (almost every link).
    public static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(0x25) else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// Percent-encodes what may not stand raw in a URL path (spaces, non-ASCII, quotes, `<>`).
    public static func percentEncodePath(_ text: String) -> String {
        if text.utf8.allSatisfy(isSafeInPath) { return text }
        var out = ""
        for byte in text.utf8 {
            let c = Character(UnicodeScalar(byte))
            if byte < 0x80, byte > 0x20, !"\"'<>`\\{}|^%".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
