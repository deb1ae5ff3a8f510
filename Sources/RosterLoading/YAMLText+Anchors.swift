/// Finding the anchors (`&name`) and tags (`!name`, `! x`) that Yams would read where a value starts.
/// Roster refuses both outside data files: an alias could multiply a value into every page, and a tag
/// silently eats the value's first word (`title: !Important news` reads "news").
extension YAMLText {
    /// The line (from 0) and column (from 1) of the first anchor or tag where a value starts, or nil.
    /// On the UTF-8 bytes, line by line, and only when the text holds an `&` or `!` at all. Text that
    /// YAML reads as text is skipped: quoted values, comments, and the lines of a block scalar
    /// (`bio: |` or `>`), where "& more" or "!important" are words.
    static func anchorPosition(_ yaml: String) -> (line: Int, column: Int, isTag: Bool)? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> (line: Int, column: Int, isTag: Bool)? in
            guard bytes.contains(0x26) || bytes.contains(0x21) else { return nil }   // & !
            var scan = AnchorScan(bytes: bytes)
            var lines = LineRanges(bytes)
            var lineIndex = 0
            while let range = lines.next() {
                if let column = scan.mark(in: range) {
                    return (lineIndex, column - range.lowerBound + 1, bytes[column] == 0x21)
                }
                lineIndex += 1
            }
            return nil
        }
    }
}

/// The state carried from line to line: an open quote, or the block scalar being skipped.
private struct AnchorScan {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The quote (`"` or `'`) a value opened and has not closed yet: quoted text may span lines.
    var quote: UInt8?
    /// The column of the key whose block scalar is being skipped: its lines are those indented more.
    var blockKeyColumn: Int?

    /// The position of the first anchor or tag on the line, or nil.
    mutating func mark(in line: Range<Int>) -> Int? {
        let indent = line.firstIndex { bytes[$0] != 0x20 } ?? line.upperBound
        if let keyColumn = blockKeyColumn {
            let blank = line[indent...].allSatisfy { bytes[$0] == 0x09 || bytes[$0] == 0x0D }
            if blank || indent - line.lowerBound > keyColumn { return nil }
            blockKeyColumn = nil
        }
        var previous: Int?             // the last byte on this line that is not a space or tab
        var key: Int?                  // where the line's key (or value) starts, after list dashes
        var dash: Int?                 // the last list dash before it
        var position = indent
        while position < line.upperBound {
            defer { position += 1 }
            let byte = bytes[position]
            if let open = quote {
                if byte == 0x5C, open == 0x22 { position += 1 }                                // \ escapes in "…"
                else if byte == 0x27, open == 0x27, position + 1 < line.upperBound, bytes[position + 1] == 0x27 { position += 1 }   // '' in '…'
                else if byte == open { quote = nil; previous = position }
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D { continue }
            defer { previous = position }
            if byte == 0x23, previous.map({ position - $0 > 1 }) ?? true { return nil }     // # starts a comment
            guard startsValue(at: position, after: previous) else { continue }
            if byte == 0x2D, position + 1 == line.upperBound || bytes[position + 1] == 0x20 {  // "- ": a list item
                dash = position
                continue
            }
            let keyStart = key ?? position
            key = keyStart
            switch byte {
            case 0x22, 0x27:                                                                  // " '
                quote = byte
            case 0x7C, 0x3E:                                                                  // | >
                if isBlockIndicator(from: position + 1, to: line.upperBound) {
                    // Its lines are those indented more than its key (or its list dash).
                    blockKeyColumn = (keyStart == position ? dash ?? indent : keyStart) - line.lowerBound
                    return nil
                }
            case 0x26:                                                                        // &name
                if position + 1 < line.upperBound, !isSpaceOrFlow(bytes[position + 1]) { return position }
            case 0x21:                                                                        // !name, ! x
                if position + 1 < line.upperBound, bytes[position + 1] != 0x0D { return position }
            default:
                break
            }
        }
        return nil
    }

    /// A value starts at the line's start (after indentation), after `[`, `{` or `,`, or after `: `
    /// or `- ` (with a space between).
    private func startsValue(at position: Int, after previous: Int?) -> Bool {
        guard let previous else { return true }
        switch bytes[previous] {
        case 0x5B, 0x7B, 0x2C: return true                        // [ { ,
        case 0x3A, 0x2D: return position - previous > 1          // ": " "- "
        default: return false
        }
    }

    /// `|` or `>` begins a block scalar when only indicators (`-`, `+`, a digit) and a comment follow.
    private func isBlockIndicator(from start: Int, to end: Int) -> Bool {
        var position = start
        while position < end, bytes[position] == 0x2D || bytes[position] == 0x2B || (0x30...0x39).contains(bytes[position]) {
            position += 1
        }
        let spaced = position < end && (bytes[position] == 0x20 || bytes[position] == 0x09)
        while position < end, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0D { position += 1 }
        return position == end || (spaced && bytes[position] == 0x23)
    }

    /// `& x` is no anchor (Yams says so itself), nor is `&` before a flow bracket or a line's end.
    private func isSpaceOrFlow(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x0A, 0x0D: return true
        default: return false
        }
    }
}
