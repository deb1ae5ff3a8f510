import CCmarkGFM
import RosterModel

/// Walks a cmark tree once (iteratively, so deep nesting cannot overflow the stack) and rewrites
/// it: internal links become hrefs, script URLs are emptied, chart images become placeholders and
/// headings get a marker that `applyHeadingIDs` turns into an id.
struct TreeRewriter {
    let markdown: MarkdownText
    let sourceLines: [Substring]
    let unsafeHTML: Bool
    var usedIDs: Set<String>
    private(set) var links: [FoundLink] = []
    private(set) var headings: [Heading] = []
    private(set) var charts: [ChartEmbed] = []
    private(set) var diagnostics: [Diagnostic] = []

    static let markerStart = "\u{E000}H"
    static let markerEnd = "\u{E001}"
    static let blockedSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    init(markdown: MarkdownText, reservedIDs: Set<String>, unsafeHTML: Bool) {
        self.markdown = markdown
        self.sourceLines = markdown.text.split(separator: "\n", omittingEmptySubsequences: false)
        self.unsafeHTML = unsafeHTML
        self.usedIDs = reservedIDs
    }

    mutating func rewrite(_ document: OpaquePointer, resolve: (InternalLink) -> LinkResolution) {
        var headingNodes: [OpaquePointer] = []
        var chartNodes: [(OpaquePointer, String)] = []
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
            guard event == CMARK_EVENT_ENTER else { continue }
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, headingText != nil,
               let literal = cmark_node_get_literal(node) {
                headingText? += String(cString: literal)
            }
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if type == CMARK_NODE_IMAGE && url.hasPrefix("chart:") {
                    chartNodes.append((node, url))
                    continue
                }
                rewriteURL(url, of: node, nearLine: lastBlockLine, resolve: resolve)
            }
        }
        for (index, node) in headingNodes.enumerated() { insertMarker(index, into: node) }
        for (node, url) in chartNodes { replaceWithChart(node, url: url, nearLine: lastLine(of: node)) }
    }

    private mutating func rewriteURL(_ url: String, of node: OpaquePointer, nearLine line: Int,
                                     resolve: (InternalLink) -> LinkResolution) {
        if let link = InternalLink(url: url) {
            let location = locate(url, from: line)
            switch resolve(link) {
            case .href(let href):
                links.append(FoundLink(link: link, location: location))
                cmark_node_set_url(node, href)
            case .unknown(let message):
                diagnostics.append(.error(message, at: location))
                cmark_node_set_url(node, "")
            }
        } else if let scheme = URLText.scheme(of: url.trimmingCharacters(in: .whitespaces)),
                  Self.blockedSchemes.contains(scheme) {
            diagnostics.append(.warning("a '\(scheme):' link is not allowed and was made inert", at: locate(url, from: line)))
            cmark_node_set_url(node, "")
        }
    }

    private mutating func replaceWithChart(_ node: OpaquePointer, url: String, nearLine line: Int) {
        let location = locate(url, from: line)
        let spec = url.dropFirst("chart:".count).split(separator: "/", omittingEmptySubsequences: false)
        var caption = ""
        collectText(node, into: &caption)
        guard let placeholderNode = cmark_node_new(CMARK_NODE_TEXT) else { return }
        if spec.count == 2, ChartEmbed.kinds.contains(String(spec[0])) {
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
    private func locate(_ url: String, from blockLine: Int) -> SourceLocation {
        let start = max(0, blockLine - 1)
        if start < sourceLines.count {
            for index in start..<sourceLines.count {
                if let range = sourceLines[index].range(of: url) {
                    let column = sourceLines[index].distance(from: sourceLines[index].startIndex, to: range.lowerBound) + 1
                    return SourceLocation(path: markdown.path, line: markdown.firstLine + index, column: column)
                }
            }
        }
        return SourceLocation(path: markdown.path, line: markdown.firstLine + start)
    }

    private mutating func uniqueID(_ base: String) -> String {
        var candidate = base
        // Footnotes and charts name their own ids with these prefixes.
        if ["fn-", "fnref-", "chart-", "figure-"].contains(where: candidate.hasPrefix) { candidate = "section-" + candidate }
        var number = 1
        let stem = candidate
        while usedIDs.contains(candidate) {
            number += 1
            candidate = "\(stem)-\(number)"
        }
        usedIDs.insert(candidate)
        return candidate
    }

    /// `<h2>MARKER3MARKER_END` becomes `<h2 id="...">`.
    func applyHeadingIDs(to html: String) -> String {
        guard !headings.isEmpty, html.contains(Self.markerStart) else { return html }
        let parts = html.components(separatedBy: Self.markerStart)
        var result = parts[0]
        for part in parts.dropFirst() {
            guard let end = part.range(of: Self.markerEnd), let index = Int(part[..<end.lowerBound]),
                  headings.indices.contains(index), result.hasSuffix(">"), result.count >= 4 else {
                result += Self.markerStart + part
                continue
            }
            let tag = result.suffix(4)
            if tag.hasPrefix("<h"), let level = tag.dropFirst(2).first, level.isNumber {
                result.removeLast(4)
                result += "<h\(level) id=\"\(headings[index].id)\">"
            }
            result += part[end.upperBound...]
        }
        return result
    }
}
