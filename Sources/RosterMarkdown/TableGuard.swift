import CCmarkGFM
import RosterModel

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

    /// `skipping` holds 1-based line numbers of the body that are code or HTML.
    static func measure(_ markdown: MarkdownText, skipping: Set<Int>) -> Diagnostic? {
        let lines = markdown.text.split(separator: "\n", omittingEmptySubsequences: false)
        var totalCells = 0
        var index = 1
        while index < lines.count {
            guard !skipping.contains(index + 1), let columns = delimiterColumns(content(of: lines[index])) else {
                index += 1
                continue
            }
            var rows = 0
            var next = index + 1
            while next < lines.count, !content(of: lines[next]).isEmpty {
                rows += 1
                next += 1
            }
            let cells = columns * (rows + 1)
            totalCells += cells
            if columns > maximumColumns || cells > maximumCells || totalCells > maximumCells {
                let location = SourceLocation(path: markdown.path, line: markdown.firstLine + index)
                let size = "this table has \(columns) columns and \(rows) rows"
                    + (cells < totalCells ? ", and with the tables before it \(totalCells) cells" : "")
                return .error("\(size); Roster takes tables of up to \(maximumColumns) columns and \(maximumCells) cells in a file (larger ones make the Markdown library run for minutes)",
                              at: location)
            }
            index = next
        }
        return nil
    }

    /// The lines of code blocks and HTML blocks (comments included), as CommonMark parses them.
    static func codeAndHTMLLines(_ text: String) -> Set<Int> {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        text.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
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
    static func content(of line: Substring) -> Substring {
        line.drop { $0 == " " || $0 == "\t" || $0 == ">" || $0 == "\r" }
    }

    /// The number of columns if the line is a table delimiter row (`|---|:--:|`), else nil.
    static func delimiterColumns(_ line: Substring) -> Int? {
        guard line.contains("-"), line.contains("|") || line.contains(":"),
              line.allSatisfy({ $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" || $0 == "\r" }) else { return nil }
        var cells = line.split(separator: "|", omittingEmptySubsequences: false)
        if cells.first?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { cells.removeFirst() }
        if cells.last?.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) == true { cells.removeLast() }
        guard !cells.isEmpty, cells.allSatisfy({ $0.contains("-") }) else { return nil }
        return cells.count
    }
}
