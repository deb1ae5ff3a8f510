import Foundation
import RosterModel
import RosterSupport

/// The careers table: one stint per row, checked, written as YAML, keeping the corrections of the
/// stint it replaces; repeated rows and the stints a CSV leaves out are warned about.
extension ImportPlan {
    mutating func addCareers(_ rows: [ImportRow]) {
        for row in rows {
            guard let slug = slug(author: row.value("author"), name: row.value("name"), authorAt: row.location("author"), nameAt: row.location("name")) else { continue }
            var person = person(slug, at: row.location("author"))
            if person.name == nil && !row.value("name").isEmpty { person.name = row.value("name") }
            let key = StintKey(company: row.value("company"), start: Self.bound(row.value("start")),
                               end: row.value("end").isEmpty ? nil : Self.bound(row.value("end")))
            if let earlier = person.stintKeys.first(where: { $0.key == key }) {
                problems.append(.warning("this row repeats row \(earlier.at.line) (\(slug), \(key.company), the same dates); it is imported once",
                                         at: row.location("company")))
                continue
            }
            if let stint = stintText(row, existing: existingStint(slug, key)) {
                person.career = (person.career ?? []) + [stint]
                person.stintKeys.append((key, row.location("company")))
            }
            people[slug] = person
        }
    }

    /// The stint of the person's file with the same company and start, whose corrections the
    /// imported stint keeps (the CSV exports have no column for them).
    func existingStint(_ slug: String, _ key: StintKey) -> Stint? {
        authorsBySlug[slug]?.career.first { $0.company == key.company && $0.start == key.start }
    }

    /// Warns, per person whose file exists, about the stints the imported career leaves out: the
    /// import replaces the whole career, so a CSV of some stints removes the others.
    mutating func warnAboutLeftOutStints() {
        for slug in order {
            guard let person = people[slug], person.career != nil, let author = authorsBySlug[slug] else { continue }
            let left = author.career.filter { stint in !person.stintKeys.contains { $0.key.company == stint.company && $0.key.start == stint.start } }
            guard !left.isEmpty else { continue }
            let named = left.map { "\($0.company) from \($0.start.date?.description ?? "an unknown date")" }.joined(separator: ", ")
            problems.append(.warning("the import replaces \(slug)'s whole career, and the CSV leaves out \(left.count == 1 ? "this stint" : "these \(left.count) stints") of \(DocumentKind.author.path(slug)): \(named); add \(left.count == 1 ? "it" : "them") to the CSV to keep \(left.count == 1 ? "it" : "them")",
                                     at: person.stintKeys.first?.at ?? person.at))
        }
    }

    /// One stint as YAML lines (without the list dash), or nil after reporting what is wrong.
    mutating func stintText(_ row: ImportRow, existing: Stint?) -> String? {
        let (company, unit, role, startText, endText, founderText) = (row.value("company"), row.value("unit"), row.value("role"),
                                                                     row.value("start"), row.value("end"), row.value("founder"))
        var ok = true
        func fail(_ message: String, _ column: String) {
            problems.append(.error(message + " (column \(column))", at: row.location(column)))
            ok = false
        }
        if company.isEmpty {
            fail("a career row needs a company", "company")
        } else if !knownCompanies.contains(company) {
            fail("unknown company '\(company)'\(Suggestion.hint(for: company, in: Array(knownCompanies).sorted())); add it to the companies file or to Content/companies/", "company")
        }
        let start = Self.bound(startText)
        if startText.isEmpty {
            fail("a career row needs a start date (write 'unknown' if it is not known)", "start")
        } else if start == nil {
            fail("'\(startText)' is not a date\(Self.isoHint(startText)); write YYYY, YYYY-MM, YYYY-MM-DD or unknown", "start")
        }
        let end = endText.isEmpty ? nil : Self.bound(endText)
        if !endText.isEmpty && end == nil {
            fail("'\(endText)' is not a date\(Self.isoHint(endText)); write YYYY, YYYY-MM, YYYY-MM-DD or unknown, or leave it empty while the stint goes on", "end")
        }
        if let start = start?.date, let end = end?.date, end.lastDay < start.firstDay {
            fail("this stint ends (\(end)) before it starts (\(start))", "end")
        }
        let founder: Bool
        switch founderText.lowercased() {
        case "", "false", "no": founder = false
        case "true", "yes": founder = true
        default:
            founder = false
            fail("'\(founderText)' is not true or false", "founder")
        }
        if !row.value("confidence").isEmpty && Confidence(rawValue: row.value("confidence")) == nil {
            fail("unknown confidence '\(row.value("confidence"))'\(Suggestion.hint(for: row.value("confidence"), in: Confidence.allCases.map(\.rawValue))); use confirmed, reported or inferred", "confidence")
        }
        let sources = row.value("sources").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for source in sources where !sourceIDs.contains(source) {
            fail("unknown source '\(source)'\(Suggestion.hint(for: source, in: Array(sourceIDs).sorted())); sources are defined in Content/sources.yml", "sources")
        }
        // Evidence: a claim without a source is inferred and says where it came from; a confirmed or
        // reported one must cite its source.
        var confidence = row.value("confidence")
        var note = row.value("note")
        if sources.isEmpty, confidence.isEmpty || Confidence(rawValue: confidence) != nil {
            if confidence.isEmpty {
                confidence = Confidence.inferred.rawValue
                if note.isEmpty { note = "imported from \((row.table.path as NSString).lastPathComponent):\(row.record.number) without a source" }
            } else if confidence != Confidence.inferred.rawValue, Confidence(rawValue: confidence) != nil {
                fail("a \(confidence) stint must cite a source: fill the sources column, or leave confidence empty (it becomes inferred)", "confidence")
            } else if note.isEmpty {
                fail("an inferred stint needs a note (the reasoning) or a source", "note")
            }
        }
        guard ok else { return nil }
        var lines = ["company: \(company)"]
        if !unit.isEmpty { lines.append("unit: \(YAMLWriting.scalar(unit))") }
        if !role.isEmpty { lines.append("role: \(YAMLWriting.scalar(role))") }
        lines.append("start: \(YAMLWriting.date(startText))")
        if !endText.isEmpty { lines.append("end: \(YAMLWriting.date(endText))") }
        if founder { lines.append("founder: true") }
        // confirmed is the default, which the careers export writes out: the file says it only
        // where it said it before, so importing an export changes nothing.
        if !confidence.isEmpty && (confidence != Confidence.confirmed.rawValue || existing?.locations.has("confidence") == true) {
            lines.append("confidence: \(confidence)")
        }
        if !note.isEmpty { lines.append("note: \(YAMLWriting.scalar(note))") }
        if !sources.isEmpty { lines.append("sources: \(YAMLWriting.list(sources))") }
        if let corrections = existing?.corrections, !corrections.isEmpty {
            lines.append("corrections:")
            for correction in corrections {
                lines += ["  - date: \(YAMLWriting.date(correction.date.description))", "    text: \(YAMLWriting.scalar(correction.text))"]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// " (did you mean 2023-04?)" for the month a spreadsheet writes as 04/2023, 4/2023 or
    /// "April 2023" (English month names), or for a day written 27/02/2023 whose order is certain.
    static func isoHint(_ text: String) -> String {
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        let parts = text.lowercased().split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "." || $0 == "," }).map(String.init)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var iso: String?
        if parts.count == 2, let year = Int(parts[1]), parts[1].count == 4 {
            if let month = Int(parts[0]), (1...12).contains(month) { iso = "\(year)-\(two(month))" }
            else if let index = months.firstIndex(where: { $0 == parts[0] || ($0.hasPrefix(parts[0]) && parts[0].count >= 3) }) { iso = "\(year)-\(two(index + 1))" }
        } else if parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let year = Int(parts[2]), parts[2].count == 4 {
            // Day first (27/02/2023) or month first (02/27/2023), when only one order is a date.
            if a > 12, (1...31).contains(a), (1...12).contains(b) { iso = "\(year)-\(two(b))-\(two(a))" }
            else if b > 12, (1...31).contains(b), (1...12).contains(a) { iso = "\(year)-\(two(a))-\(two(b))" }
        }
        guard let iso, PartialDate(parsing: iso) != nil else { return "" }
        return " (did you mean \(iso)?)"
    }

    static func bound(_ text: String) -> DateBound? {
        text == "unknown" ? .unknown : PartialDate(parsing: text).map(DateBound.known)
    }

    static func slugAdvice(_ text: String) -> String {
        let suggestion = Slug.forName(text)
        return Slug.isValid(suggestion) ? "; write it as '\(suggestion)' (lowercase letters, digits and single dashes)"
            : "; use lowercase letters, digits and single dashes"
    }

}
