import CCmarkGFM
import Foundation
import RosterModel
import RosterSupport

/// What a body's internal link leads to, decided by the page that renders it.
public enum LinkResolution: Sendable, Hashable {
    case href(String)
    /// The target does not exist; the message says why (with a "did you mean").
    case unknown(String)
}

/// Renders GitHub-flavoured Markdown with cmark-gfm (tables, strikethrough, autolinks, tag filter,
/// task lists, footnotes), rewriting Roster's internal links, giving headings unique ids and
/// leaving placeholders for charts. Raw HTML is dropped unless `unsafeHTML` is set; `javascript:`
/// and other script URLs are never live.
public struct MarkdownRenderer: Sendable {
    public var unsafeHTML: Bool
    /// The words a footnote's link back to its reference is read as (its `aria-label`), in the
    /// site's language; cmark-gfm writes "Back to content".
    public var footnoteBackLabel: String

    public init(unsafeHTML: Bool = false, footnoteBackLabel: String = Self.cmarkFootnoteBackLabel) {
        self.unsafeHTML = unsafeHTML
        self.footnoteBackLabel = footnoteBackLabel
    }

    public static let cmarkFootnoteBackLabel = "Back to content"

    /// - Parameters:
    ///   - reservedIDs: ids the page around the body uses already; headings avoid them.
    ///   - resolve: turns an internal link into an href for this page, or says why it cannot.
    public func render(_ markdown: MarkdownText, reservedIDs: Set<String> = [],
                       resolve: (InternalLink) -> LinkResolution) -> RenderedMarkdown {
        if let tooWide = TableGuard.check(markdown) {
            return RenderedMarkdown(html: "", links: [], headings: [], charts: [], diagnostics: [tooWide])
        }
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = CmarkLibrary.newParser(options: options) else {
            return RenderedMarkdown(html: "", links: [], headings: [], charts: [], diagnostics: [])
        }
        defer { cmark_parser_free(parser) }
        var reserved: [Diagnostic] = []
        let text = Self.withoutReservedCharacters(markdown, problems: &reserved)
        guard let document = CmarkLibrary.parse(text, with: parser) else {
            return RenderedMarkdown(html: "", links: [], headings: [], charts: [], diagnostics: [])
        }
        defer { cmark_node_free(document) }

        var rewriter = TreeRewriter(markdown: markdown, reservedIDs: reservedIDs, unsafeHTML: unsafeHTML)
        rewriter.rewrite(document, resolve: resolve)

        var html = ""
        if let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) {
            // Heading ids go in as the bytes become a String: one pass, one copy.
            html = rewriter.htmlWithHeadingIDs(UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self),
                                                                   count: strlen(rendered)))
            cmark_get_default_mem_allocator().pointee.free(rendered)
        }
        // Only a body that writes `[^` can have footnotes, and its HTML is searched byte for byte
        // (String search and replace made the markdown phase three to four times slower).
        if footnoteBackLabel != Self.cmarkFootnoteBackLabel, Self.mayHaveFootnotes(text) {
            html = ByteSearch.replacing("data-footnote-backref aria-label=\"\(Self.cmarkFootnoteBackLabel)\"",
                                        with: "data-footnote-backref aria-label=\"\(Markup.escapeHTML(footnoteBackLabel))\"", in: html)
        }
        return RenderedMarkdown(html: html, links: rewriter.links, headings: rewriter.headings,
                                charts: rewriter.charts, diagnostics: reserved + rewriter.diagnostics,
                                pageFragments: rewriter.pageFragments, relativeLinks: rewriter.relativeLinks)
    }

    /// Whether the Markdown has a `[^`, which every footnote reference and definition starts with.
    static func mayHaveFootnotes(_ markdown: String) -> Bool {
        var text = markdown
        return text.withUTF8 { bytes in
            var index = 0
            while let open = ByteSearch.next(0x5B, in: bytes, from: index) {   // [
                if open + 1 < bytes.count, bytes[open + 1] == 0x5E { return true }   // ^
                index = open + 1
            }
            return false
        }
    }

    /// U+E000–U+E003 mark heading ids and chart places in the rendered HTML. Written in a body they
    /// could forge a chart or a heading id (a duplicate id), so they become U+FFFD, with a warning.
    static func withoutReservedCharacters(_ markdown: MarkdownText, problems: inout [Diagnostic]) -> String {
        var text = markdown.text
        // Fast path: each is EE 80 80...83 in UTF-8, and almost no body has any.
        let found = text.withUTF8 { bytes -> Bool in
            var index = 0
            while let lead = ByteSearch.next(0xEE, in: bytes, from: index) {
                if lead + 2 < bytes.count, bytes[lead + 1] == 0x80, bytes[lead + 2] >= 0x80, bytes[lead + 2] <= 0x83 { return true }
                index = lead + 1
            }
            return false
        }
        guard found else { return text }
        var line = 0
        var firstLine: Int?
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if (0xE000...0xE003).contains(scalar.value) {
                if firstLine == nil { firstLine = line }
                cleaned.append("\u{FFFD}")
            } else {
                cleaned.append(scalar)
            }
        }
        problems.append(.warning("this text uses private-use characters U+E000 to U+E003, which Roster reserves; they were replaced by U+FFFD",
                                 at: SourceLocation(path: markdown.path, line: markdown.firstLine + (firstLine ?? 0))))
        return String(cleaned)
    }

    /// Plain text of a Markdown snippet (for summaries and descriptions).
    public static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; continue }
            if character == ">" { inTag = false; continue }
            if !inTag { text.append(character) }
        }
        return text
    }
}
