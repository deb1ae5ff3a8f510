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

    /// A heading's id: lowercase words joined by `-`.
    public static func forHeading(_ text: String) -> String {
        let slug = forTag(text)
        return slug.isEmpty ? "section" : slug
    }
}
