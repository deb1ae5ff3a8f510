import Foundation

/// Every word the site shows that the editor did not write, in the site's language: the theme's
/// `Templates/labels/<language>.yml`, with `site.yml`'s `labels:` on top. A label is a text with
/// `{placeholders}`, or one text per plural category (CLDR `zero`, `one`, `two`, `few`, `many`,
/// `other`). The same table says how to write dates and numbers (`date.*`, `number.*`).
public struct Labels: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String)
        /// Plural category → text; always has `other`.
        case plural([String: String])
    }

    public static let pluralCategories: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    public var language: String
    /// Dotted keys (`nav.people`) to values.
    public var values: [String: Value]
    /// Where each label was written (the labels file or `site.yml`), for error messages.
    public var locations: [String: SourceLocation]

    public init(language: String, values: [String: Value], locations: [String: SourceLocation] = [:]) {
        self.language = language
        self.values = values
        self.locations = locations
    }

    /// An empty table: every label is missing (a site whose labels could not be read never builds).
    public static let empty = Labels(language: "en", values: [:])

    /// The label with its placeholders filled in. A missing label prints its key in braces (a site
    /// with a missing label never builds: validation reports it first).
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        switch values[key] {
        case .text(let text): return Self.fill(text, arguments)
        case .plural(let forms): return Self.fill(forms["other"] ?? "", arguments)
        case nil: return "{\(key)}"
        }
    }

    /// The plural form of the label for `count`, with `{count}` (the number as the language writes
    /// it) and the other placeholders filled in.
    public func count(_ key: String, _ count: Int, _ arguments: [String: String] = [:]) -> String {
        var arguments = arguments
        if arguments["count"] == nil { arguments["count"] = number(count) }
        switch values[key] {
        case .plural(let forms): return Self.fill(forms[pluralCategory(count)] ?? forms["other"] ?? "", arguments)
        case .text(let text): return Self.fill(text, arguments)
        case nil: return "{\(key)}"
        }
    }

    /// The form of a plural pair (`one`/`other`) given outside the table, such as a cohort's `member:`.
    public func choose(_ forms: [String: String], _ count: Int) -> String {
        forms[pluralCategory(count)] ?? forms["other"] ?? ""
    }

    /// CLDR's plural category of a whole number, for the languages Roster ships and the common
    /// rule for the rest ("one" for 1 only).
    public func pluralCategory(_ count: Int) -> String {
        switch language.split(separator: "-").first.map(String.init) ?? language {
        case "fr", "pt": return count == 0 || count == 1 ? "one" : "other"
        case "ja", "zh", "ko", "vi", "th", "id": return "other"
        default: return count == 1 ? "one" : "other"
        }
    }

    static func fill(_ text: String, _ arguments: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = arguments[name] {
                result += value
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The placeholders a label's texts use (`{count}`, `{origin}`).
    public static func placeholders(_ value: Value) -> Set<String> {
        let texts: [String]
        switch value {
        case .text(let text): texts = [text]
        case .plural(let forms): texts = Array(forms.values)
        }
        var names: Set<String> = []
        for text in texts {
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                names.insert(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
        return names
    }

    // MARK: Dates and numbers

    /// "27 May 2025", "May 2025", "2025", as `date.day`, `date.month` and `date.year` say, with the
    /// month names of `date.months` (twelve, comma-separated).
    public func date(_ date: PartialDate) -> String {
        guard let month = date.month else { return text("date.year", ["year": String(date.year)]) }
        let names = text("date.months").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let name = month <= names.count ? names[month - 1] : String(month)
        guard let day = date.day else { return text("date.month", ["month": name, "year": String(date.year)]) }
        return text("date.day", ["day": String(day), "month": name, "year": String(date.year)])
    }

    /// A whole number in groups of three (`24,995`; `24 995` in French).
    public func number(_ value: Int) -> String {
        let separator = text("number.group")
        let digits = String(value.magnitude)
        guard digits.count > 4 || (digits.count == 4 && text("number.group_four") == "yes") else {
            return (value < 0 ? "-" : "") + digits
        }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.append(digits[start..<end])
            end = start
        }
        return (value < 0 ? "-" : "") + groups.reversed().joined(separator: separator)
    }

    /// A number with one decimal (`5.5`; `5,5` in French).
    public func decimal(_ value: Double) -> String {
        let tenths = Int((abs(value) * 10).rounded())
        return (value < 0 ? "-" : "") + number(tenths / 10) + text("number.decimal") + String(tenths % 10)
    }

    /// A share (`45%`; `45 %` in French).
    public func percent(_ value: Int) -> String {
        text("number.percent", ["value": number(value)])
    }
}

