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

    public var language: String {
        didSet { pluralRule = PluralRule(language: language) }
    }
    /// Dotted keys (`nav.people`) to values.
    public var values: [String: Value] {
        didSet {
            compiled = Self.compile(values)
            monthNames = Self.months(values)
        }
    }
    /// Where each label was written (the labels file or `site.yml`), for error messages.
    public var locations: [String: SourceLocation]
    /// Each value cut into text and placeholders once, so that filling one in (every date of every
    /// page) does not search its text again.
    private var compiled: [String: Compiled] = [:]
    private var monthNames: [String] = []
    /// The language's plural rule, found once (a count is chosen for on every page).
    private var pluralRule: PluralRule

    public init(language: String, values: [String: Value], locations: [String: SourceLocation] = [:]) {
        self.language = language
        pluralRule = PluralRule(language: language)
        self.values = values
        self.locations = locations
        compiled = Self.compile(values)
        monthNames = Self.months(values)
    }

    /// `date.months`, split at its commas.
    private static func months(_ values: [String: Value]) -> [String] {
        guard case .text(let list)? = values["date.months"] else { return [] }
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A text cut at its placeholders: `"{day} {month} {year}"` → day, " ", month, " ", year.
    struct Template: Sendable, Hashable {
        enum Piece: Sendable, Hashable {
            case text(String)
            case placeholder(String)
        }
        var pieces: [Piece]
        var raw: String

        init(_ text: String) {
            raw = text
            pieces = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
                pieces.append(.placeholder(String(rest[rest.index(after: open)..<close])))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { pieces.append(.text(String(rest))) }
        }

        func fill(_ arguments: [String: String]) -> String {
            guard pieces.count > 1 || arguments.isEmpty == false else { return raw }
            var result = ""
            for piece in pieces {
                switch piece {
                case .text(let text): result += text
                case .placeholder(let name): result += arguments[name] ?? "{\(name)}"
                }
            }
            return result
        }
    }

    enum Compiled: Sendable, Hashable {
        case text(Template)
        case plural([String: Template])
    }

    private static func compile(_ values: [String: Value]) -> [String: Compiled] {
        values.mapValues { value in
            switch value {
            case .text(let text): return .text(Template(text))
            case .plural(let forms): return .plural(forms.mapValues(Template.init))
            }
        }
    }

    /// An empty table: every label is missing (a site whose labels could not be read never builds).
    public static let empty = Labels(language: "en", values: [:])

    /// The label with its placeholders filled in. A missing label prints its key in braces (a site
    /// with a missing label never builds: validation reports it first).
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        switch compiled[key] {
        case .text(let template): return template.fill(arguments)
        case .plural(let forms): return forms["other"]?.fill(arguments) ?? ""
        case nil: return "{\(key)}"
        }
    }

    /// The plural form of the label for `count`, with `{count}` (the number as the language writes
    /// it) and the other placeholders filled in.
    public func count(_ key: String, _ count: Int, _ arguments: [String: String] = [:]) -> String {
        var arguments = arguments
        if arguments["count"] == nil { arguments["count"] = number(count) }
        switch compiled[key] {
        case .plural(let forms): return (forms[pluralCategory(count)] ?? forms["other"])?.fill(arguments) ?? ""
        case .text(let template): return template.fill(arguments)
        case nil: return "{\(key)}"
        }
    }

    /// Every form of a plural label as written, category by category (for the browser, which picks
    /// one with `Intl.PluralRules`); a label with one text gives it as `other`.
    public func forms(_ key: String) -> [(category: String, text: String)] {
        switch values[key] {
        case .plural(let forms): return forms.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        case .text(let text): return [("other", text)]
        case nil: return []
        }
    }

    /// The form of a plural pair (`one`/`other`) given outside the table, such as a cohort's `member:`.
    public func choose(_ forms: [String: String], _ count: Int) -> String {
        forms[pluralCategory(count)] ?? forms["other"] ?? ""
    }

    /// CLDR's plural category of a whole number in the site's language (`PluralRules`).
    public func pluralCategory(_ count: Int) -> String {
        pluralRule.category(count)
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
        let names = monthNames
        let name = month <= names.count ? names[month - 1] : String(month)
        guard let day = date.day else { return text("date.month", ["month": name, "year": String(date.year)]) }
        return text("date.day", ["day": day == 1 ? text("date.first_day") : String(day), "month": name, "year": String(date.year)])
    }

    /// The date inside a phrase that depends on how precisely it is known: `date.on.day` "on {date}",
    /// `date.on.month` "in {date}" (`phrase` is `on` or `since`).
    public func date(_ date: PartialDate, phrase: String) -> String {
        text("date.\(phrase).\(date.precision.rawValue)", ["date": self.date(date)])
    }

    /// A whole number in groups of three (`24,995`; `24 995` in French).
    public func number(_ value: Int) -> String {
        let magnitude = value.magnitude
        // French and others group four digits only from five on ("2500", "24 995").
        guard magnitude >= 10_000 || (magnitude >= 1_000 && text("number.group_four") == "yes") else { return String(value) }
        return NumberText.grouped(value, separator: text("number.group"))
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

