import RosterModel

/// Edits YAML text in place, keeping every other line (comments, other keys, the body) as it was.
enum FrontMatterEdit {
    /// The file with its front matter's `career:` (the key and every line that belongs to its value)
    /// replaced by `block`, or `block` added before the closing `---` when there is none.
    static func replacingCareer(in text: String, with block: String) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: "\n")
        let crlf = newline == "\r\n"
        func bare(_ index: Int) -> String { crlf && lines[index].hasSuffix("\r") ? String(lines[index].dropLast()) : lines[index] }
        guard !lines.isEmpty, bare(0) == "---",
              let close = lines.indices.dropFirst().first(where: { bare($0) == "---" || bare($0) == "..." }) else { return text }
        let replacement = block.split(separator: "\n", omittingEmptySubsequences: true).map { String($0) + (crlf ? "\r" : "") }
        guard let start = (1..<close).first(where: { bare($0).hasPrefix("career:") }) else {
            lines.replaceSubrange(close..<close, with: replacement)
            return lines.joined(separator: "\n")
        }
        var end = start + 1
        while end < close {
            let line = bare(end)
            guard line.isEmpty || line.first == " " || line.first == "\t" || line.first == "-" else { break }
            end += 1
        }
        while end > start + 1 && bare(end - 1).trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }   // blank lines stay
        lines.replaceSubrange(start..<end, with: replacement)
        return lines.joined(separator: "\n")
    }

    /// `site.yml` with members added to cohorts, after each cohort's last member, in the list's own
    /// style (a `- slug` line per member, or `, slug` inside `[...]`).
    static func addingMembers(_ additions: [String: [String]], to text: String, cohorts: [Cohort]) -> String {
        var lines = text.components(separatedBy: "\n")
        // From the bottom up, so that inserted lines do not move the places still to edit.
        let edits = cohorts.compactMap { cohort -> (Cohort, [String])? in additions[cohort.slug].map { (cohort, $0) } }
            .sorted { $0.0.locations.location(of: "members", item: $0.0.members.count - 1) > $1.0.locations.location(of: "members", item: $1.0.members.count - 1) }
        for (cohort, added) in edits {
            let last = cohort.locations.location(of: "members", item: cohort.members.count - 1)
            let index = last.line - 1
            guard index >= 0, index < lines.count else { continue }
            let line = lines[index]
            let utf8 = Array(line.utf8)
            let column = min(max(last.column - 1, 0), utf8.count)
            let before = String(decoding: utf8[..<column], as: UTF8.self)
            if cohort.members.isEmpty {
                // `members: []` (a new cohort): the list is written where the empty one was.
                let after = String(decoding: utf8[column...], as: UTF8.self)
                // `[]`, or `[ ]` with spaces inside.
                guard after.hasPrefix("["), let close = after.firstIndex(of: "]"),
                      after[after.index(after: after.startIndex)..<close].allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
                lines[index] = before + "[" + added.joined(separator: ", ") + "]" + after[after.index(after: close)...]
            } else if before.trimmingCharacters(in: .whitespaces) == "-" {
                let crlf = line.hasSuffix("\r") ? "\r" : ""
                lines.insert(contentsOf: added.map { before + $0 + crlf }, at: index + 1)
            } else {
                // In a flow list: right after the last member (quoted or not), wherever `]` is.
                let quoted = column < utf8.count && (utf8[column] == UInt8(ascii: "'") || utf8[column] == UInt8(ascii: "\""))
                let end = min(utf8.count, column + (cohort.members.last?.utf8.count ?? 0) + (quoted ? 2 : 0))
                lines[index] = String(decoding: utf8[..<end], as: UTF8.self) + added.map { ", " + $0 }.joined()
                    + String(decoding: utf8[end...], as: UTF8.self)
            }
        }
        return lines.joined(separator: "\n")
    }
}
