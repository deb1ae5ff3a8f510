import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an Atom feed: the feed's title and subtitle, and each entry's child texts
/// (`title`, `summary`, `author/name`, `content`), categories and alternate link.
public final class FeedReader: NSObject, XMLParserDelegate {
    public struct Entry {
        public var fields: [String: String] = [:]
        public var categories: [String] = []
        public var link: String?
    }

    public var title: String?
    public var subtitle: String?
    public var entries: [Entry] = []
    public var error: Error?
    private var stack: [String] = []
    private var text = ""

    public static func read(_ data: Data) throws -> FeedReader {
        let reader = FeedReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        if !parser.parse() { reader.error = parser.parserError ?? NSError(domain: "FeedReader", code: 1) }
        return reader
    }

    public func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        stack.append(elementName)
        text = ""
        if stack == ["feed", "entry"] { entries.append(Entry()) }
        if stack.count == 3, stack[1] == "entry", !entries.isEmpty {
            if elementName == "category", let term = attributeDict["term"] { entries[entries.count - 1].categories.append(term) }
            if elementName == "link", attributeDict["rel"] == "alternate" { entries[entries.count - 1].link = attributeDict["href"] }
        }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    public func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if stack == ["feed", "title"] { title = text }
        if stack == ["feed", "subtitle"] { subtitle = text }
        if stack.count >= 3, stack[1] == "entry", !entries.isEmpty {
            entries[entries.count - 1].fields[stack.dropFirst(2).joined(separator: "/")] = text
        }
        stack.removeLast()
        text = ""
    }
}

/// A strict RFC 4180 reader: quoted fields, doubled quotes, LF line ends, every record ended by
/// LF; a CR outside quotes, a stray quote or an unterminated quote is an error.
public enum StrictCSV {
    public enum Problem: Error, CustomStringConvertible {
        case strayQuote(record: Int), carriageReturn(record: Int), unterminatedQuote, missingFinalNewline
        case textAfterClosingQuote(record: Int)
        public var description: String {
            switch self {
            case .strayQuote(let record): return "a quote inside an unquoted field in record \(record)"
            case .carriageReturn(let record): return "a carriage return outside quotes in record \(record)"
            case .unterminatedQuote: return "a quoted field is never closed"
            case .missingFinalNewline: return "the last record does not end with LF"
            case .textAfterClosingQuote(let record): return "text after a closing quote in record \(record)"
            }
        }
    }

    public static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var afterClosingQuote = false
        var fieldStarted = false
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if inQuotes {
                if c == "\"" {
                    if i < scalars.count, scalars[i] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case ",":
                row.append(String(field)); field = String.UnicodeScalarView(); fieldStarted = false; afterClosingQuote = false
            case "\n":
                row.append(String(field)); rows.append(row); row = []
                field = String.UnicodeScalarView(); fieldStarted = false; afterClosingQuote = false
            case "\r":
                throw Problem.carriageReturn(record: rows.count + 1)
            case "\"":
                guard !fieldStarted else { throw Problem.strayQuote(record: rows.count + 1) }
                inQuotes = true
                fieldStarted = true
            default:
                if afterClosingQuote { throw Problem.textAfterClosingQuote(record: rows.count + 1) }
                field.append(c)
                fieldStarted = true
            }
        }
        if inQuotes { throw Problem.unterminatedQuote }
        if fieldStarted || !row.isEmpty { throw Problem.missingFinalNewline }
        return rows
    }
}

extension Data {
    public func containsBytes(_ text: String) -> Bool { range(of: Data(text.utf8)) != nil }
}
