import Foundation

/// Slugs name files and URLs: `^[a-z0-9]+(-[a-z0-9]+)*$`.
public enum Slug {
    /// Longer slugs could not be folder names (file systems stop at 255 bytes a name).
    public static let maximumLength = 200

    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
    }

    /// A tag's slug: lowercased, accents removed, every run of other characters than letters and
    /// digits turned into one `-`, with none at either end. Letters of any script are kept.
    public static func forTag(_ name: String) -> String {
        asciiSlug(name) ?? unicodeSlug(name)
    }

    static func unicodeSlug(_ name: String) -> String {
        let decomposed = name.lowercased().decomposedStringWithCanonicalMapping
        var slug = ""
        var pendingDash = false
        for scalar in decomposed.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug.precomposedStringWithCanonicalMapping
    }

    /// `forTag` for ASCII text, on bytes (the common case: headings and tags are mostly ASCII, and
    /// Unicode normalisation costs more than the rest of a heading's work). Nil for other text.
    static func asciiSlug(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingDash = false
        for byte in name.utf8 {
            switch byte {
            case 0x80...: return nil
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39:   // letters and digits
                if pendingDash && !bytes.isEmpty { bytes.append(0x2D) }
                pendingDash = false
                bytes.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))
            default:
                pendingDash = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A person's or company's slug from a name: `Timothée Lacroix` → `timothee-lacroix`, accents
    /// and other Latin letters folded to ASCII (`ø` → `o`, `ß` → `ss`).
    public static func forName(_ name: String) -> String {
        if let ascii = asciiSlug(name) { return ascii }
        let folded = name.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? name
        return asciiSlug(folded) ?? unicodeSlug(folded)
    }

    /// A heading's id: lowercase words joined by `-`.
    public static func forHeading(_ text: String) -> String {
        let slug = forTag(text)
        return slug.isEmpty ? "section" : slug
    }
}
