import Foundation
import RosterLoading
import RosterModel
import RosterSupport

/// One record of an imported table, read by column name (the columns' order does not matter).
struct ImportRow {
    let table: CSVTable
    let record: CSVTable.Record
    let columns: [String: Int]

    /// The field under a column, trimmed; empty when the table has no such column.
    func value(_ name: String) -> String {
        guard let index = columns[name], index < record.fields.count else { return "" }
        return record.fields[index].trimmingCharacters(in: .whitespaces)
    }

    /// Where a named column of this record is: `file.csv:ROW:COLUMN`.
    func location(_ name: String) -> SourceLocation {
        table.location(record, column: columns[name] ?? 0)
    }
}

/// The records of the three CSV shapes `roster import` reads; an unknown column is an error.
struct ImportTables {
    var careers: [ImportRow] = []
    var people: [ImportRow] = []
    var companies: [ImportRow] = []

    mutating func readCareers(_ url: URL, shown: String, problems: inout [Diagnostic]) {
        careers = Self.rows(at: url, shown: shown, columns: CSVColumns.careers,
                            required: [["author", "name"], ["company"], ["start"]], problems: &problems)
    }

    mutating func readPeople(_ url: URL, shown: String, problems: inout [Diagnostic]) {
        people = Self.rows(at: url, shown: shown, columns: CSVColumns.people, required: [["author", "name"]], problems: &problems)
    }

    mutating func readCompanies(_ url: URL, shown: String, problems: inout [Diagnostic]) {
        companies = Self.rows(at: url, shown: shown, columns: CSVColumns.companies, required: [["company"], ["name"]],
                              problems: &problems)
    }

    /// Reads a file and maps its columns; no rows (with the problems) when it cannot be used.
    static func rows(at url: URL, shown path: String, columns allowed: [String], required: [[String]],
                     problems: inout [Diagnostic]) -> [ImportRow] {
        guard let data = try? Data(contentsOf: url) else {
            problems.append(.error("cannot read '\(path)'"))
            return []
        }
        let (table, found) = CSVTable.read(data, path: path)
        problems += found
        guard let table else { return [] }
        var columns: [String: Int] = [:]
        var ok = true
        for (index, written) in table.header.enumerated() {
            let location = SourceLocation(path: path, line: 1, column: index + 1)
            // Headers as spreadsheets write them: "Start", "Photo alt" name start and photo_alt.
            let name = written.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "_")
            if name.isEmpty {
                // Excel writes a comma for every empty column it ever saw; such a column is skipped.
                if let row = table.records.first(where: { index < $0.fields.count && !$0.fields[index].allSatisfy(\.isWhitespace) }) {
                    problems.append(.error("this column has no name in the header, and row \(row.number) has a value in it; name the column or empty it",
                                           at: location))
                    ok = false
                }
            } else if !allowed.contains(name) {
                problems.append(.error("unknown column '\(written)'\(Suggestion.hint(for: name, in: allowed)); the columns are \(allowed.joined(separator: ", "))", at: location))
                ok = false
            } else if columns[name] != nil {
                problems.append(.error("the column '\(name)' appears twice", at: location))
                ok = false
            } else {
                columns[name] = index
            }
        }
        for alternatives in required where !alternatives.contains(where: { columns[$0] != nil }) {
            problems.append(.error("the header has no '\(alternatives.joined(separator: "' or '"))' column",
                                   at: SourceLocation(path: path, line: 1, column: 1)))
            ok = false
        }
        return ok ? table.records.map { ImportRow(table: table, record: $0, columns: columns) } : []
    }
}
