import Foundation
import RosterModel

/// A CSV file as spreadsheets export it (RFC 4180): a header row naming the columns, then records.
/// Read by hand rather than with a library because every problem must be reported at its record
/// and field, and the libraries available stop silently at an unclosed quote. A UTF-8 byte-order
/// mark and CRLF line ends (Excel's "CSV UTF-8") are accepted; a record may span lines inside quotes.
/// Fields are separated by commas, or by semicolons when the header has semicolons and no comma (the
/// CSV of a spreadsheet set to French, German or another language writing decimals with a comma).
public struct CSVTable: Sendable {
    /// One record: `number` is its row in a spreadsheet (the header is 1, a blank line is a row, a
    /// record spanning lines inside quotes is one).
    public struct Record: Sendable {
        public var number: Int
        public var fields: [String]
    }

    public var path: String
    public var header: [String]
    public var records: [Record]

    /// Where a field is, for diagnostics: `file.csv:ROW:COLUMN`.
    public func location(_ record: Record, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: record.number, column: column + 1)
    }

    /// Reads `data`: every problem, and the table (without the records that could not be read)
    /// unless there is not even a header.
    public static func read(_ data: Data, path: String) -> (table: CSVTable?, problems: [Diagnostic]) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard !bytes.allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }) else {
            return (nil, [.error("the file is empty; it needs a header row naming its columns", at: SourceLocation(path: path))])
        }
        var parser = Parser(bytes: bytes, path: path, separator: separator(of: bytes))
        parser.run()
        var problems = parser.problems
        guard let header = parser.records.first else { return (nil, problems) }
        // A record with the wrong number of fields is reported and left out; the others are kept,
        // so that every problem of the file is found in one run.
        var records: [Record] = []
        for record in parser.records.dropFirst() {
            // A row of empty cells is how spreadsheets write an empty row.
            if record.fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
            guard record.fields.count == header.fields.count else {
                let column = min(record.fields.count, header.fields.count)
                problems.append(.error("this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s") where the header has \(header.fields.count); a comma inside a value needs the value in double quotes",
                                       at: SourceLocation(path: path, line: record.number, column: column + 1)))
                continue
            }
            records.append(record)
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        return (CSVTable(path: path, header: names, records: records), problems.sorted())
    }

    /// `;` when the first line has semicolons and no comma outside quotes, else `,`.
    static func separator(of bytes: [UInt8]) -> UInt8 {
        var quoted = false, commas = 0, semicolons = 0
        for byte in bytes {
            if byte == 0x22 { quoted.toggle() } else if !quoted {
                if byte == 0x0A || byte == 0x0D { break }
                if byte == 0x2C { commas += 1 } else if byte == 0x3B { semicolons += 1 }
            }
        }
        return commas == 0 && semicolons > 0 ? 0x3B : 0x2C
    }

    private struct Parser {
        let bytes: [UInt8]
        let path: String
        let separator: UInt8
        var records: [Record] = []
        var problems: [Diagnostic] = []

        init(bytes: [UInt8], path: String, separator: UInt8) {
            self.bytes = bytes
            self.path = path
            self.separator = separator
        }

        mutating func run() {
            var index = 0
            var fields: [String] = []
            var field: [UInt8] = []
            var number = 1
            var wasQuoted = false
            var strayQuote = false      // reported once a field
            var unreadable = false      // a field of this record is not UTF-8: the record is left out
            func endField() {
                let column = fields.count + 1
                if let value = String(validating: field, as: UTF8.self) {
                    fields.append(value)
                } else {
                    problems.append(.error("this field is not UTF-8 text; save the spreadsheet as \"CSV UTF-8\"",
                                           at: SourceLocation(path: path, line: number, column: column)))
                    fields.append("")
                    unreadable = true
                }
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
                strayQuote = false
            }
            func endRecord() {
                // A blank line is no record, though it is a row (spreadsheets count it).
                if fields.isEmpty && field.isEmpty && !wasQuoted {
                    number += 1
                    return
                }
                endField()
                if !unreadable { records.append(Record(number: number, fields: fields)) }
                fields.removeAll()
                unreadable = false
                number += 1
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22 where field.isEmpty && !wasQuoted:   // an opening quote
                    let opened = fields.count + 1
                    index += 1
                    var closed = false
                    while index < bytes.count {
                        if bytes[index] == 0x22 {
                            if index + 1 < bytes.count && bytes[index + 1] == 0x22 {
                                field.append(0x22)
                                index += 2
                                continue
                            }
                            closed = true
                            index += 1
                            break
                        }
                        field.append(bytes[index])
                        index += 1
                    }
                    wasQuoted = true
                    guard closed else {
                        problems.append(.error("this quoted field is never closed: a \" is missing, so the rest of the file would be read as one value",
                                               at: SourceLocation(path: path, line: number, column: opened)))
                        return
                    }
                    if index < bytes.count, ![separator, 0x0A, 0x0D].contains(bytes[index]) {
                        problems.append(.error("text after a closing quote; write a \" inside a quoted value as \"\"",
                                               at: SourceLocation(path: path, line: number, column: fields.count + 1)))
                        while index < bytes.count, ![separator, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
                    }
                case 0x22:
                    if !strayQuote {
                        problems.append(.error("a stray \" inside a value; put the whole value in double quotes and write the \" as \"\"",
                                               at: SourceLocation(path: path, line: number, column: fields.count + 1)))
                        strayQuote = true
                    }
                    field.append(byte)
                    index += 1
                case separator:
                    endField()
                    index += 1
                case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                    index += 1
                case 0x0A, 0x0D:
                    endRecord()
                    index += 1
                default:
                    field.append(byte)
                    index += 1
                }
            }
            if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        }
    }
}
