import RosterModel

/// Debian's cmark-gfm 0.29.0.gfm.6 pads every row of a table to the header's width, so a short
/// text with a very wide header and many rows makes it build millions of cells (24 KB of input:
/// ~50 s and 4 GB). Tables are checked before cmark sees them and refused with a clear error past
/// these limits, which no real report table comes near.
public enum TableGuard {
    public static let maximumColumns = 100
    public static let maximumCells = 100_000

    /// The first table past the limits, as an error at its delimiter row.
    public static func check(_ markdown: MarkdownText) -> Diagnostic? {
        var inFence = false
        var fence = ""
        let lines = markdown.text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let marker = String(trimmed.prefix(3))
                if !inFence { inFence = true; fence = marker } else if marker == fence { inFence = false }
                index += 1
                continue
            }
            if !inFence, index > 0, let columns = delimiterColumns(line) {
                var rows = 0
                var next = index + 1
                while next < lines.count, !lines[next].allSatisfy({ $0 == " " || $0 == "\t" }) {
                    rows += 1
                    next += 1
                }
                let cells = columns * (rows + 1)
                if columns > maximumColumns || cells > maximumCells {
                    let location = SourceLocation(path: markdown.path, line: markdown.firstLine + index)
                    return .error("this table has \(columns) columns and \(rows) rows; Roster takes tables of up to \(maximumColumns) columns and \(maximumCells) cells (larger ones make the Markdown library run for minutes)",
                                  at: location)
                }
                index = next
                continue
            }
            index += 1
        }
        return nil
    }

    /// The number of columns if the line is a table delimiter row (`|---|:--:|`), else nil.
    static func delimiterColumns(_ line: Substring) -> Int? {
        guard line.contains("-"), line.contains("|") || line.contains(":"),
              line.allSatisfy({ $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }) else { return nil }
        var cells = line.split(separator: "|", omittingEmptySubsequences: false)
        if cells.first?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { cells.removeFirst() }
        if cells.last?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { cells.removeLast() }
        guard !cells.isEmpty, cells.allSatisfy({ $0.contains("-") }) else { return nil }
        return cells.count
    }
}
