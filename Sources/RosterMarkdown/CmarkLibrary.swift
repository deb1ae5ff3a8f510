import CCmarkGFM
import CCmarkGFMThreads
import Foundation

/// cmark-gfm set up once for the process, and the one way Roster parses with it.
///
/// Debian's cmark-gfm keeps the characters that stop inline text in one process-wide table, which
/// every parser changes while it finishes; parsers finishing on several cores at once silently drop
/// autolinks and strikethrough (see `CCmarkGFMThreads`). Roster pins the table for the life of the
/// process, so inline parsing stays parallel. If the pin cannot be verified (the dynamic linker did
/// not route the library's call to Roster's function), every `finish` is serialised instead: slower,
/// never wrong.
enum CmarkLibrary {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// How parsers may finish: side by side once the table is pinned, else one at a time.
    enum FinishMode: Sendable { case parallel, serialised }

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let finishMode: FinishMode = {
        guard let parser = newParser(options: CMARK_OPT_DEFAULT) else { return .serialised }
        defer { cmark_parser_free(parser) }
        guard roster_cmark_pin_special_characters(UnsafeMutableRawPointer(parser)) else { return .serialised }
        // The library calls the table function twice per finish; if the count does not move, its
        // calls do not reach Roster's function and the table is not pinned.
        let before = roster_cmark_table_calls()
        if let document = finish(parser, feeding: "~~probe~~ www.example.com") { cmark_node_free(document) }
        return roster_cmark_table_calls() > before ? .parallel : .serialised
    }()

    private static let finishLock = NSLock()

    /// A parser with Roster's extensions attached.
    static func newParser(options: Int32) -> OpaquePointer? {
        _ = registered
        guard let parser = cmark_parser_new(options) else { return nil }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        return parser
    }

    /// Feeds the text and finishes the parse; the caller frees the document.
    static func parse(_ text: String, with parser: OpaquePointer) -> OpaquePointer? {
        switch finishMode {
        case .parallel:
            return finish(parser, feeding: text)
        case .serialised:
            Self.feed(text, to: parser)
            return finishLock.withLock { cmark_parser_finish(parser) }
        }
    }

    private static func finish(_ parser: OpaquePointer, feeding text: String) -> OpaquePointer? {
        feed(text, to: parser)
        return cmark_parser_finish(parser)
    }

    /// Hands the text's own UTF-8 bytes to the parser (no C-string copy of the body).
    static func feed(_ text: String, to parser: OpaquePointer) {
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
    }
}
