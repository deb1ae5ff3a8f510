/// CLDR's plural rules for whole numbers: which form (`zero`, `one`, `two`, `few`, `many`, `other`) a
/// language uses for a count. Roster only counts things (people, years, results), so only the rules'
/// integer cases are needed. Languages not listed use "one" for 1 and "other" for the rest, the rule of
/// English, German, Spanish and most others. Source: the CLDR plural rules chart (release 46).
public enum PluralRules {
    /// The category of `count` in `language` (a BCP 47 tag such as `pt-PT`).
    public static func category(_ count: Int, language: String) -> String {
        PluralRule(language: language).category(count)
    }

    /// The categories a language uses for everyday counts (up to a few hundred), so that a label can be
    /// checked for the forms it lacks; the millions' `many` of French or Spanish is left out.
    public static func categories(language: String) -> [String] {
        let rule = PluralRule(language: language)
        let used = Set(everydayCounts.map(rule.category))
        return ["zero", "one", "two", "few", "many", "other"].filter(used.contains)
    }

    /// Counts that reach every category of every rule above except the millions' `many`.
    public static let everydayCounts: [Int] = Array(0...120)
}

/// One language's plural rule, resolved from its tag once.
public struct PluralRule: Sendable, Hashable {
    /// The tag's first part (`pt`), or `pt-pt` for European Portuguese, whose rule differs.
    let base: String

    public init(language: String) {
        let tag = language.lowercased().replacingOccurrences(of: "_", with: "-")
        let first = tag.split(separator: "-").first.map(String.init) ?? tag
        base = first == "pt" && tag.hasPrefix("pt-pt") ? "pt-pt" : first
    }

    public func category(_ count: Int) -> String {
        let n = count.magnitude
        let ten = n % 10, hundred = n % 100
        switch base {
        case "ja", "zh", "ko", "vi", "th", "id", "ms", "lo", "my", "km", "yue", "jv":
            return "other"
        case "fr", "pt":  // Brazilian Portuguese is like French; European Portuguese (pt-pt), like Spanish
            return n <= 1 ? "one" : Self.isMillions(n) ? "many" : "other"
        case "es", "it", "ca", "pt-pt":
            if n == 1 { return "one" }
            return Self.isMillions(n) ? "many" : "other"
        case "hi", "bn", "fa", "gu", "kn", "zu", "am", "as":
            return n <= 1 ? "one" : "other"
        case "ru", "uk", "be":
            if ten == 1 && hundred != 11 { return "one" }
            if (2...4).contains(ten) && !(12...14).contains(hundred) { return "few" }
            return "many"
        case "pl":
            if n == 1 { return "one" }
            if (2...4).contains(ten) && !(12...14).contains(hundred) { return "few" }
            return "many"
        case "cs", "sk":
            if n == 1 { return "one" }
            return (2...4).contains(n) ? "few" : "other"
        case "hr", "sr", "bs":
            if ten == 1 && hundred != 11 { return "one" }
            if (2...4).contains(ten) && !(12...14).contains(hundred) { return "few" }
            return "other"
        case "sl":
            switch hundred {
            case 1: return "one"
            case 2: return "two"
            case 3, 4: return "few"
            default: return "other"
            }
        case "lt":
            if (11...19).contains(hundred) { return "other" }
            if ten == 1 { return "one" }
            return ten >= 2 ? "few" : "other"
        case "lv":
            if ten == 0 || (11...19).contains(hundred) { return "zero" }
            return ten == 1 && hundred != 11 ? "one" : "other"
        case "ro", "mo":
            if n == 1 { return "one" }
            return n == 0 || (1...19).contains(hundred) ? "few" : "other"
        case "is", "mk":
            return ten == 1 && hundred != 11 ? "one" : "other"
        case "he", "iw":
            if n == 1 { return "one" }
            return n == 2 ? "two" : "other"
        case "ar":
            switch n {
            case 0: return "zero"
            case 1: return "one"
            case 2: return "two"
            default: return (3...10).contains(hundred) ? "few" : (11...99).contains(hundred) ? "many" : "other"
            }
        case "ga":
            switch n {
            case 1: return "one"
            case 2: return "two"
            case 3...6: return "few"
            case 7...10: return "many"
            default: return "other"
            }
        case "cy":
            switch n {
            case 0: return "zero"
            case 1: return "one"
            case 2: return "two"
            case 3: return "few"
            case 6: return "many"
            default: return "other"
            }
        default:
            return n == 1 ? "one" : "other"
        }
    }

    /// 1,000,000, 2,000,000…: French, Spanish, Italian, Catalan and Portuguese say "un million de
    /// personnes", so CLDR gives these counts a form of their own (`many`).
    private static func isMillions(_ n: UInt) -> Bool { n != 0 && n % 1_000_000 == 0 }
}
