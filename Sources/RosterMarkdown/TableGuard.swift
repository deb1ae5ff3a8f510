import CCmarkGFM
import RosterModel
import RosterSupport

/// Debian's cmark-gfm 0.29.0.gfm.6 pads every row of a table to the header's width, so a short
/// text with a very wide header and many rows makes it build millions of cells (24 KB of input:
/// ~50 s and 4 GB). Tables are measured before cmark sees them and refused with a clear error past
/// these limits, which no real report table comes near.
///
/// The measure is deliberately generous, so that no arrangement slips past it: a table counts
/// wherever its delimiter row stands (in a quote, a list, after a line that only looks like a code
/// fence), it runs to the next blank line (a table row needs no `|`), and the limit on cells holds
/// for all the tables of a file together. Only when that finds too much does CommonMark itself
/// (cmark without the table extension, which is linear) say which lines are code or HTML blocks,
/// where no table can be; the text is then measured again without them.
public enum TableGuard {
    public static let maximumColumns = 100
    public static let maximumCells = 100_000

    /// The first table past the limits, as an error at its delimiter row.
    public static func check(_ markdown: MarkdownText) -> Diagnostic? {
        guard measure(markdown, skipping: []) != nil else { return nil }
        return measure(markdown, skipping: codeAndHTMLLines(markdown.text))
    }

    /// `skipping` holds 1-based line numbers of the body that are code or HTML. One pass over the
    /// UTF-8 bytes, with no string made per line: this runs on every body of the site.
    static func measure(_ markdown: MarkdownText, skipping: Set<Int>) -> Diagnostic? {
        var text = markdown.text
        return text.withUTF8 { bytes -> Diagnostic? in
            var lines = LineCursor(bytes)
            guard lines.next() != nil else { return nil }   // a delimiter row needs a header row above it
            var totalCells = 0
            var lineNumber = 1
            while let line = lines.next() {
                lineNumber += 1
                guard !skipping.contains(lineNumber), let columns = delimiterColumns(bytes, content(bytes, line)) else { continue }
                let delimiterLine = lineNumber
                var rows = 0
                while let row = lines.peek(), !content(bytes, row).isEmpty {
                    _ = lines.next()
                    lineNumber += 1
                    rows += 1
                }
                let cells = columns * (rows + 1)
                totalCells += cells
                if columns > maximumColumns || cells > maximumCells || totalCells > maximumCells {
                    let location = SourceLocation(path: markdown.path, line: markdown.firstLine + delimiterLine - 1)
                    let size = "this table has \(columns) columns and \(rows) rows"
                        + (cells < totalCells ? ", and with the tables before it \(totalCells) cells" : "")
                    return .error("\(size); Roster takes tables of up to \(maximumColumns) columns and \(maximumCells) cells in a file (larger ones make the Markdown library run for minutes)",
                                  at: location)
                }
            }
            return nil
        }
    }

    /// The lines of code blocks and HTML blocks (comments included), as CommonMark parses them.
    static func codeAndHTMLLines(_ text: String) -> Set<Int> {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        CmarkLibrary.feed(text, to: parser)
        guard let document = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var lines: Set<Int> = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { continue }
            let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
            if first > 0, last >= first { lines.formUnion(first...last) }
        }
        return lines
    }

    /// The line without the quote markers, list indentation and spaces that can stand before a table.
    static func content(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int> {
        var start = line.lowerBound
        loop: while start < line.upperBound {
            switch bytes[start] {
            case 0x20, 0x09, 0x3E, 0x0D: start += 1   // space, tab, >, CR
            default: break loop
            }
        }
        return start..<line.upperBound
    }

    /// The number of columns if the line is a table delimiter row (`|---|:--:|`), else nil: only
    /// `|`, `-`, `:` and blanks, at least one `|` or `:`, and a `-` in every cell (a blank first or
    /// last cell outside the pipes does not count).
    static func delimiterColumns(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        // Most lines are prose: their first byte settles it.
        guard let first = line.first, bytes[first] == 0x7C || bytes[first] == 0x2D || bytes[first] == 0x3A else { return nil }
        var cells = 0
        var cellHasDash = false, cellIsBlank = true
        var sawPipeOrColon = false, sawDash = false
        var firstCellBlank = false
        for index in line {
            switch bytes[index] {
            case 0x7C:   // |
                if cells == 0 && cellIsBlank {
                    firstCellBlank = true
                } else if !cellHasDash {
                    return nil
                }
                cells += 1
                cellHasDash = false
                cellIsBlank = true
                sawPipeOrColon = true
            case 0x2D: cellHasDash = true; cellIsBlank = false; sawDash = true
            case 0x3A: cellIsBlank = false; sawPipeOrColon = true
            case 0x20, 0x09, 0x0D: break
            default: return nil
            }
        }
        guard sawDash, sawPipeOrColon else { return nil }
        // The last cell: blank after a closing pipe is not a cell; otherwise it needs a dash.
        if !cellIsBlank {
            guard cellHasDash else { return nil }
            cells += 1
        }
        if firstCellBlank { cells -= 1 }
        return cells > 0 ? cells : nil
    }
}

/// The lines of a UTF-8 buffer as byte ranges (without their `\n`), with one line of look-ahead.
struct LineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var finished = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func peek() -> Range<Int>? {
        guard !finished else { return nil }
        return position..<(ByteSearch.next(0x0A, in: bytes, from: position) ?? bytes.count)
    }

    mutating func next() -> Range<Int>? {
        guard let line = peek() else { return nil }
        if line.upperBound >= bytes.count { finished = true } else { position = line.upperBound + 1 }
        return line
    }
}
