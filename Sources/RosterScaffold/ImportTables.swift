import Foundation
import RosterLoading
import RosterModel
import RosterSupport

/// The rows of the three CSV shapes `roster import` reads, as plain values with where each came
/// from. Columns are found by name (their order does not matter); an unknown one is an error.
struct ImportTables {
    struct Career {
        var author: String
        var name: String
        var company: String
        var companyName: String
        var unit: String
        var role: String
        var start: String
        var end: String
        var founder: String
        var confidence: String
        var note: String
        var sources: String
        /// For diagnostics: the table and the record.
        var table: CSVTable
        var record: CSVTable.Record
        var columns: [String: Int]
    }

    struct Person {
        var author: String
        var name: String
        var links: String
        var aliases: String
        var cohorts: String
        var table: CSVTable
        var record: CSVTable.Record
        var columns: [String: Int]
    }

    struct CompanyRow {
        var slug: String
        var name: String
        var kind: String
        var headquarters: String
        var founded: String
        var website: String
        var table: CSVTable
        var record: CSVTable.Record
        var columns: [String: Int]
    }

    var careers: [Career] = []
    var people: [Person] = []
    var companies: [CompanyRow] = []

    /// Reads a file and maps its columns; nil (with the problems) when it cannot be used.
    static func table(at url: URL, shown path: String, columns allowed: [String], required: [[String]],
                      problems: inout [Diagnostic]) -> (CSVTable, [String: Int])? {
        guard let data = try? Data(contentsOf: url) else {
            problems.append(.error("cannot read '\(path)'"))
            return nil
        }
        let (table, found) = CSVTable.read(data, path: path)
        problems += found
        guard let table else { return nil }
        var columns: [String: Int] = [:]
        var ok = true
        for (index, name) in table.header.enumerated() {
            let location = SourceLocation(path: path, line: 1, column: index + 1)
            if !allowed.contains(name) {
                problems.append(.error("unknown column '\(name)'\(Suggestion.hint(for: name, in: allowed)); the columns are \(allowed.joined(separator: ", "))", at: location))
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
        return ok ? (table, columns) : nil
    }

    static func field(_ record: CSVTable.Record, _ columns: [String: Int], _ name: String) -> String {
        guard let index = columns[name], index < record.fields.count else { return "" }
        return record.fields[index].trimmingCharacters(in: .whitespaces)
    }

    /// Where a named column of a record is: `file.csv:ROW:COLUMN`.
    static func location(_ table: CSVTable, _ record: CSVTable.Record, _ columns: [String: Int], _ name: String) -> SourceLocation {
        table.location(record, column: columns[name] ?? 0)
    }

    mutating func readCareers(_ url: URL, shown: String, problems: inout [Diagnostic]) {
        guard let (table, columns) = Self.table(at: url, shown: shown, columns: CSVColumns.careers,
                                               required: [["author", "name"], ["company"], ["start"]], problems: &problems) else { return }
        for record in table.records {
            func value(_ name: String) -> String { Self.field(record, columns, name) }
            careers.append(Career(author: value("author"), name: value("name"), company: value("company"),
                                  companyName: value("company_name"), unit: value("unit"), role: value("role"),
                                  start: value("start"), end: value("end"), founder: value("founder"),
                                  confidence: value("confidence"), note: value("note"), sources: value("sources"),
                                  table: table, record: record, columns: columns))
        }
    }

    mutating func readPeople(_ url: URL, shown: String, problems: inout [Diagnostic]) {
        guard let (table, columns) = Self.table(at: url, shown: shown, columns: CSVColumns.people,
                                               required: [["author", "name"]], problems: &problems) else { return }
        for record in table.records {
            func value(_ name: String) -> String { Self.field(record, columns, name) }
            people.append(Person(author: value("author"), name: value("name"), links: value("links"), aliases: value("aliases"),
                                 cohorts: value("cohorts"), table: table, record: record, columns: columns))
        }
    }

    mutating func readCompanies(_ url: URL, shown: String, problems: inout [Diagnostic]) {
        guard let (table, columns) = Self.table(at: url, shown: shown, columns: CSVColumns.companies,
                                               required: [["company"], ["name"]], problems: &problems) else { return }
        for record in table.records {
            func value(_ name: String) -> String { Self.field(record, columns, name) }
            companies.append(CompanyRow(slug: value("company"), name: value("name"), kind: value("kind"),
                                        headquarters: value("headquarters"), founded: value("founded"),
                                        website: value("website"), table: table, record: record, columns: columns))
        }
    }
}
