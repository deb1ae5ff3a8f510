import Foundation

/// The order of names in the indexes, as a reader expects it: letters without their accents and
/// case (Élodie among the E's, Åberg among the A's), numbers by value (Organisation 2 before
/// Organisation 10); ties by the name as written. No locale is involved, so the order is the same on
/// every machine.
public struct NameOrder: Comparable, Sendable {
    private enum Part: Sendable {
        case text(String)
        /// Digits without leading zeros.
        case number(String)
    }

    private let parts: [Part]
    private let written: String

    public init(_ name: String) {
        written = name
        let folded = name.allSatisfy(\.isASCII) ? name.lowercased()
            : name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var parts: [Part] = []
        var current = ""
        var digits = false
        func flush() {
            guard !current.isEmpty else { return }
            if digits {
                let trimmed = current.drop { $0 == "0" }
                parts.append(.number(trimmed.isEmpty ? "0" : String(trimmed)))
            } else {
                parts.append(.text(current))
            }
            current = ""
        }
        for character in folded {
            let isDigit = character.isASCII && character.isNumber
            if isDigit != digits { flush(); digits = isDigit }
            current.append(character)
        }
        flush()
        self.parts = parts
    }

    public static func < (lhs: NameOrder, rhs: NameOrder) -> Bool {
        for (a, b) in zip(lhs.parts, rhs.parts) {
            switch (a, b) {
            case let (.number(x), .number(y)) where x != y:
                return x.count != y.count ? x.count < y.count : x < y
            case let (.text(x), .text(y)) where x != y:
                return x < y
            case (.number, .text): return true
            case (.text, .number): return false
            default: continue
            }
        }
        if lhs.parts.count != rhs.parts.count { return lhs.parts.count < rhs.parts.count }
        return lhs.written < rhs.written
    }

    public static func == (lhs: NameOrder, rhs: NameOrder) -> Bool { lhs.written == rhs.written }
}
