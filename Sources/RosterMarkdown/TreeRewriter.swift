import CCmarkGFM
import Foundation
import RosterModel
import RosterSupport

/// Walks a cmark tree once (iteratively, so deep nesting cannot overflow the stack) and rewrites
/// it: internal links become hrefs, script URLs are emptied, chart images become placeholders and
/// headings get a marker that `applyHeadingIDs` turns into an id.
struct TreeRewriter {
    let markdown: MarkdownText
    /// The body's lines, split only when a link's exact place is needed (an error).
    private var lines: [Substring]?
    let unsafeHTML: Bool
    /// Ids the page uses already (shared by every body: never copied).
    let reservedIDs: Set<String>
    /// Ids this body's headings took.
    private var usedIDs: Set<String> = []
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
        self.reservedIDs = reservedIDs
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
            if (Int(type.rawValue) & Int(CMARK_NODE_TYPE_BLOCK)) != 0 {
                let line = cmark_node_get_start_line(node)
                if line > 0 { lastBlockLine = Int(line) }
            }

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
                if type == CMARK_NODE_IMAGE && (url.hasPrefix("chart:") || url.hasPrefix("figures:")) {
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
            pageFragments.append(PageFragment(id: URLText.percentDecoded(id), location: locate(url, from: line)))
        } else if let scheme = URLText.scheme(of: Self.trimmed(url)) {
            if Self.blockedSchemes.contains(scheme) {
                diagnostics.append(.warning("a '\(scheme):' link is not allowed and was made inert", at: locate(url, from: line)))
                cmark_node_set_url(node, "")
            }
        } else if !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#") {
            relativeLinks.append(WrittenLink(url: url, location: locate(url, from: line)))
        }
    }

    /// The URL without the spaces a browser ignores around it (`<  javascript:…>` is still a script).
    static func trimmed(_ url: String) -> String {
        guard let first = url.utf8.first, let last = url.utf8.last else { return url }
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D }
        return blank(first) || blank(last) ? url.trimmingCharacters(in: .whitespacesAndNewlines) : url
    }

    /// `chart:KIND/SLUG` for a cohort, author or company, `figures:evidence` for the whole site.
    static func chartSpec(_ url: String) -> (ChartKind, String)? {
        if url.hasPrefix("figures:") {
            return url == "figures:evidence" ? (.evidence, "") : nil
        }
        let spec = url.dropFirst("chart:".count).split(separator: "/", omittingEmptySubsequences: false)
        guard spec.count == 2, let kind = ChartKind(rawValue: String(spec[0])), kind.subject != .site else { return nil }
        return (kind, String(spec[1]))
    }

    private mutating func replaceWithChart(_ node: OpaquePointer, url: String, nearLine line: Int) {
        let location = locate(url, from: line)
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
        } else if let (kind, target) = Self.chartSpec(url) {
            let placeholder = "\u{E002}chart\(charts.count)\u{E003}"
            charts.append(ChartEmbed(kind: kind, target: target, caption: caption,
                                     placeholder: placeholder, location: location))
            cmark_node_set_literal(placeholderNode, placeholder)
        } else if url.hasPrefix("figures:") {
            diagnostics.append(.error("'\(url)' is not a table of figures; write figures:evidence", at: location))
            cmark_node_set_literal(placeholderNode, caption)
        } else {
            diagnostics.append(.error("'\(url)' is not a chart; write chart:KIND/SLUG with KIND one of \(ChartKind.allCases.filter { $0.subject != .site }.map(\.rawValue).joined(separator: ", "))",
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
        while usedIDs.contains(candidate) || reservedIDs.contains(candidate) {
            number += 1
            candidate = "\(stem)-\(number)"
        }
        nextNumber[stem] = number
        usedIDs.insert(candidate)
        return candidate
    }

    /// cmark's HTML as a String, with `<h2>MARKER3MARKER_END` turned into `<h2 id="...">`. Works on
    /// the bytes cmark wrote and writes the String once, copying the HTML between markers in whole
    /// runs: this runs on every body.
    func htmlWithHeadingIDs(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !headings.isEmpty, let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
        // Each marker (at least 8 bytes) becomes ` id="…">` around the heading's id.
        let capacity = bytes.count + headings.reduce(0) { $0 + $1.id.utf8.count + 6 }
        return String(unsafeUninitializedCapacity: capacity) { output in
            var written = 0
            func append(_ part: UnsafeBufferPointer<UInt8>) {
                guard let source = part.baseAddress, part.count > 0, let target = output.baseAddress else { return }
                (target + written).update(from: source, count: part.count)
                written += part.count
            }
            var copied = 0   // bytes before this offset are in `output`
            var index = 0
            while let marker = ByteSearch.next(0xEE, in: bytes, from: index) {
                index = marker + 1
                // EE 80 80 48 ("\u{E000}H"), digits, EE 80 81 ("\u{E001}"), right after `<hN>`.
                guard marker + 3 < bytes.count, bytes[marker + 1] == 0x80, bytes[marker + 2] == 0x80,
                      bytes[marker + 3] == 0x48, marker >= 4, bytes[marker - 4] == 0x3C, bytes[marker - 3] == 0x68,
                      bytes[marker - 1] == 0x3E else { continue }
                var cursor = marker + 4
                var number = 0
                while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, cursor - marker < 13 {
                    number = number * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                }
                guard cursor > marker + 4, cursor + 2 < bytes.count, bytes[cursor] == 0xEE, bytes[cursor + 1] == 0x80,
                      bytes[cursor + 2] == 0x81, headings.indices.contains(number) else { continue }
                append(UnsafeBufferPointer(start: base + copied, count: marker - 1 - copied))
                var attribute = " id=\"\(headings[number].id)\">"
                attribute.withUTF8 { append($0) }
                copied = cursor + 3
                index = copied
            }
            append(UnsafeBufferPointer(start: base + copied, count: bytes.count - copied))
            return written
        }
    }

    /// `htmlWithHeadingIDs` for HTML that is a String already.
    func applyHeadingIDs(to html: String) -> String {
        var html = html
        return html.withUTF8 { htmlWithHeadingIDs($0) }
    }
}
