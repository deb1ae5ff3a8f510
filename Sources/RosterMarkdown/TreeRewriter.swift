import CCmarkGFM
import RosterModel

/// Walks a cmark tree once (iteratively, so deep nesting cannot overflow the stack) and rewrites
/// it: internal links become hrefs, script URLs are emptied, chart images become placeholders and
/// headings get a marker that `applyHeadingIDs` turns into an id.
struct TreeRewriter {
    let markdown: MarkdownText
    /// The body's lines, split only when a link's exact place is needed (an error).
    private var lines: [Substring]?
    let unsafeHTML: Bool
    var usedIDs: Set<String>
    /// The next number to try for each id stem, so a thousand `## Notes` stay linear.
    private var nextNumber: [String: Int] = [:]
    /// Where the last link was found: links come in document order, so the next search starts
    /// here (ten thousand links on one line stay linear).
    private var cursor: (line: Int, index: String.Index?, column: Int)?
    private(set) var links: [FoundLink] = []
    private(set) var headings: [Heading] = []
    private(set) var charts: [ChartEmbed] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var pageFragments: [PageFragment] = []
    private(set) var relativeLinks: [WrittenLink] = []

    static let markerStart = "\u{E000}H"
    static let markerEnd = "\u{E001}"
    static let blockedSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    init(markdown: MarkdownText, reservedIDs: Set<String>, unsafeHTML: Bool) {
        self.markdown = markdown
        self.unsafeHTML = unsafeHTML
        self.usedIDs = reservedIDs
    }

    mutating func rewrite(_ document: OpaquePointer, resolve: (InternalLink) -> LinkResolution) {
        var headingNodes: [OpaquePointer] = []
        var chartNodes: [(OpaquePointer, String)] = []
        // A chart image inside another's caption (`![a ![b](chart:…)](chart:…)`) is part of that
        // caption's text: replacing the outer one frees the inner, so it must not be replaced too.
        var openChart: OpaquePointer?
        var headingText: String?
        var lastBlockLine = 1
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let line = cmark_node_get_start_line(node)
            if line > 0 && (Int(type.rawValue) & Int(CMARK_NODE_TYPE_BLOCK)) != 0 { lastBlockLine = Int(line) }

            if type == CMARK_NODE_HEADING {
                if event == CMARK_EVENT_ENTER {
                    headingText = ""
                } else if let text = headingText {
                    headingNodes.append(node)
                    let id = uniqueID(Slug.forHeading(text))
                    headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: id))
                    headingText = nil
                }
                continue
            }
            guard event == CMARK_EVENT_ENTER else {
                if node == openChart { openChart = nil }
                continue
            }
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, headingText != nil,
               let literal = cmark_node_get_literal(node) {
                headingText? += String(cString: literal)
            }
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if type == CMARK_NODE_IMAGE && url.hasPrefix("chart:") {
                    if openChart == nil {
                        openChart = node
                        chartNodes.append((node, url))
                    }
                    continue
                }
                if type == CMARK_NODE_IMAGE, InternalLink(url: url) != nil {
                    diagnostics.append(.error("'\(url)' is a page, not a picture; write [text](\(url)) to link to it",
                                              at: locate(url, from: lastBlockLine)))
                    cmark_node_set_url(node, "")
                    continue
                }
                rewriteURL(url, of: node, nearLine: lastBlockLine, resolve: resolve)
            }
        }
        for (index, node) in headingNodes.enumerated() { insertMarker(index, into: node) }
        cursor = nil   // charts are placed after the walk: each is searched from its own line
        for (node, url) in chartNodes { replaceWithChart(node, url: url, nearLine: lastLine(of: node)) }
    }

    private mutating func rewriteURL(_ url: String, of node: OpaquePointer, nearLine line: Int,
                                     resolve: (InternalLink) -> LinkResolution) {
        if let link = InternalLink(url: url) {
            switch resolve(link) {
            case .href(let href):
                // A link with a fragment is checked against the target page later: find its column now.
                let location = link.fragment == nil
                    ? SourceLocation(path: markdown.path, line: markdown.firstLine + max(0, line - 1))
                    : locate(url, from: line)
                links.append(FoundLink(link: link, location: location))
                cmark_node_set_url(node, href)
            case .unknown(let message):
                diagnostics.append(.error(message, at: locate(url, from: line)))
                cmark_node_set_url(node, "")
            }
        } else if url.hasPrefix("#"), url.count > 1 {
            // Checked against the rendered page, whose ids the theme also writes.
            let id = String(url.dropFirst())
            pageFragments.append(PageFragment(id: id.removingPercentEncoding ?? id, location: locate(url, from: line)))
        } else if let scheme = URLText.scheme(of: url.trimmingCharacters(in: .whitespaces)) {
            if Self.blockedSchemes.contains(scheme) {
                diagnostics.append(.warning("a '\(scheme):' link is not allowed and was made inert", at: locate(url, from: line)))
                cmark_node_set_url(node, "")
            }
        } else if !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#") {
            relativeLinks.append(WrittenLink(url: url, location: locate(url, from: line)))
        }
    }

    private mutating func replaceWithChart(_ node: OpaquePointer, url: String, nearLine line: Int) {
        let location = locate(url, from: line)
        let spec = url.dropFirst("chart:".count).split(separator: "/", omittingEmptySubsequences: false)
        var caption = ""
        collectText(node, into: &caption)
        guard let placeholderNode = cmark_node_new(CMARK_NODE_TEXT) else { return }
        let parent = cmark_node_parent(node)
        let alone = parent.map { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH && cmark_node_first_child($0) == node
            && cmark_node_last_child($0) == node } ?? false
        if !alone {
            // A figure cannot stand inside a sentence, a link, a heading or another image's text.
            diagnostics.append(.error("a chart must be alone in its paragraph: put ![caption](\(url)) on a line of its own, with blank lines around it",
                                      at: location))
            cmark_node_set_literal(placeholderNode, caption)
        } else if spec.count == 2, ChartEmbed.kinds.contains(String(spec[0])) {
            let placeholder = "\u{E002}chart\(charts.count)\u{E003}"
            charts.append(ChartEmbed(kind: String(spec[0]), cohort: String(spec[1]), caption: caption,
                                     placeholder: placeholder, location: location))
            cmark_node_set_literal(placeholderNode, placeholder)
        } else {
            diagnostics.append(.error("'\(url)' is not a chart; write chart:KIND/COHORT with KIND one of \(ChartEmbed.kinds.joined(separator: ", "))",
                                      at: location))
            cmark_node_set_literal(placeholderNode, caption)
        }
        cmark_node_replace(node, placeholderNode)
        cmark_node_free(node)
    }

    private func collectText(_ root: OpaquePointer, into text: inout String) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_TEXT,
               node != root, let literal = cmark_node_get_literal(node) {
                text += String(cString: literal)
            }
        }
    }

    private func lastLine(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = cmark_node_get_start_line(candidate)
            if line > 0 { return Int(line) }
            current = cmark_node_parent(candidate)
        }
        return 1
    }

    private func insertMarker(_ index: Int, into heading: OpaquePointer) {
        guard let marker = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(marker, "\(Self.markerStart)\(index)\(Self.markerEnd)")
        cmark_node_prepend_child(heading, marker)
    }

    /// A file location for `url`, searched from the block's first line, so an error points at
    /// the line where the link is written.
    private mutating func locate(_ url: String, from blockLine: Int) -> SourceLocation {
        if lines == nil { lines = markdown.text.split(separator: "\n", omittingEmptySubsequences: false) }
        let sourceLines = lines ?? []
        let start = max(0, blockLine - 1)
        // Links come in document order: search on from the previous one first, then from the block.
        var searches: [(line: Int, index: String.Index?, column: Int)] = []
        if let cursor, cursor.line >= start, cursor.line < sourceLines.count { searches.append(cursor) }
        if start < sourceLines.count { searches.append((start, nil, 1)) }
        for search in searches {
            for index in search.line..<sourceLines.count {
                let line = sourceLines[index]
                let (from, fromColumn) = index == search.line ? (search.index ?? line.startIndex, search.column) : (line.startIndex, 1)
                guard let range = Self.find(url, in: line, from: from) else { continue }
                // Columns count on from the search's start, never again from the start of a long line.
                let column = fromColumn + line.distance(from: from, to: range.lowerBound)
                cursor = (index, range.upperBound, column + line.distance(from: range.lowerBound, to: range.upperBound))
                return SourceLocation(path: markdown.path, line: markdown.firstLine + index, column: column)
            }
        }
        return SourceLocation(path: markdown.path, line: markdown.firstLine + start)
    }

    /// The first place of `needle` in `line` at or after `start`, compared on UTF-8 bytes (Foundation's
    /// `range(of:)` copies the rest of the line on every call, which made 10,000 links on one line slow).
    static func find(_ needle: String, in line: Substring, from start: String.Index) -> Range<String.Index>? {
        let bytes = Array(needle.utf8)
        guard let first = bytes.first else { return nil }
        let view = line.utf8
        var index = start
        while index < view.endIndex {
            if view[index] == first {
                var probe = index
                var matched = 0
                while matched < bytes.count, probe < view.endIndex, view[probe] == bytes[matched] {
                    matched += 1
                    probe = view.index(after: probe)
                }
                if matched == bytes.count { return index..<probe }
            }
            index = view.index(after: index)
        }
        return nil
    }

    private mutating func uniqueID(_ base: String) -> String {
        var candidate = base
        // Footnotes and charts name their own ids with these prefixes.
        if ["fn-", "fnref-", "chart-", "figure-"].contains(where: candidate.hasPrefix) { candidate = "section-" + candidate }
        let stem = candidate
        var number = nextNumber[stem] ?? 1
        while usedIDs.contains(candidate) {
            number += 1
            candidate = "\(stem)-\(number)"
        }
        nextNumber[stem] = number
        usedIDs.insert(candidate)
        return candidate
    }

    /// `<h2>MARKER3MARKER_END` becomes `<h2 id="...">`. Works on UTF-8 bytes: this runs on every body.
    func applyHeadingIDs(to html: String) -> String {
        guard !headings.isEmpty else { return html }
        let marker = Array(Self.markerStart.utf8)   // EE 80 80 48
        let end = Array(Self.markerEnd.utf8)        // EE 80 81
        var output: [UInt8] = []
        var bytes = Array(html.utf8)
        output.reserveCapacity(bytes.count + headings.count * 16)
        var index = 0
        var replaced = false
        bytes.withUnsafeMutableBufferPointer { buffer in
            while index < buffer.count {
                if buffer[index] == marker[0], index + 3 < buffer.count, buffer[index + 1] == marker[1],
                   buffer[index + 2] == marker[2], buffer[index + 3] == marker[3] {
                    var cursor = index + 4
                    var number = 0
                    var digits = 0
                    while cursor < buffer.count, buffer[cursor] >= 0x30, buffer[cursor] <= 0x39 {
                        number = number * 10 + Int(buffer[cursor] - 0x30)
                        cursor += 1
                        digits += 1
                    }
                    let closes = cursor + 2 < buffer.count && buffer[cursor] == end[0] && buffer[cursor + 1] == end[1]
                        && buffer[cursor + 2] == end[2]
                    // The marker is the heading's first child, so `<hN>` stands right before it.
                    let count = output.count
                    if closes, digits > 0, headings.indices.contains(number), count >= 4, output[count - 4] == 0x3C,
                       output[count - 3] == 0x68, output[count - 1] == 0x3E {
                        let level = output[count - 2]
                        output.removeLast(4)
                        output += Array("<h".utf8) + [level] + Array(" id=\"\(headings[number].id)\">".utf8)
                        index = cursor + 3
                        replaced = true
                        continue
                    }
                }
                output.append(buffer[index])
                index += 1
            }
        }
        return replaced ? String(decoding: output, as: UTF8.self) : html
    }
}
