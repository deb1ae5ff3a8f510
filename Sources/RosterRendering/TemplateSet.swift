import Foundation
import Mustache
import RosterModel

/// The theme's Mustache templates, compiled and checked: syntax errors at their line, and every
/// partial or parent a template names must exist (swift-mustache would render a missing one as
/// nothing, so a typo would silently drop part of every page).
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    public let names: Set<String>
    /// Ids the templates write literally (`id="career"`); headings in bodies avoid them so every
    /// id on a page stays unique.
    public let literalIDs: Set<String>

    /// The templates every build renders.
    public static let required = ["home", "cohorts", "cohort", "authors", "author", "companies", "company",
                                  "articles", "article", "tags", "tag", "sources", "page", "redirect", "404"]

    /// Every template is parsed with this pragma in front (on its first line, so line numbers
    /// stay true): it selects `FastHTMLEscaping`, which escapes exactly what the default HTML
    /// content type does, on bytes instead of characters.
    static let pragma = "{{% CONTENT_TYPE: \(FastHTMLEscaping.name)}}"
    static let registerEscaping: Void = MustacheContentTypes.register(FastHTMLEscaping(), named: FastHTMLEscaping.name)

    public static func compile(_ sources: [TemplateSource]) -> (TemplateSet, [Diagnostic]) {
        _ = registerEscaping
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        let names = Set(sources.map(\.name))
        for source in sources {
            do {
                let template = try MustacheTemplate(string: pragma + source.text)
                library.register(template, named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber - (line == 1 ? pragma.count : 0)
                var location = SourceLocation(path: source.path, line: line, column: max(1, column))
                var message = "template syntax error: \(describe(error.error))"
                // The parser notices an unclosed section only at the end; point at where it opens.
                if String(describing: error.error) == "expectedSectionEnd", let open = unclosedSection(in: source.text) {
                    location = SourceLocation(path: source.path, line: open.line, column: open.column)
                    message = "template syntax error: the section '\(open.name)' opened here is never closed with {{/\(open.name)}}"
                }
                problems.append(.error(message, at: location))
            } catch {
                problems.append(.error("template syntax error: \(error)", at: SourceLocation(path: source.path)))
            }
            problems += missingPartials(in: source, names: names)
        }
        for name in required where !names.contains(name) {
            problems.append(.error("the theme has no template '\(name)'; add Templates/\(name).mustache"))
        }
        let ids = Set(sources.flatMap { literalIDs(in: $0.text) })
        return (TemplateSet(library: library, names: names, literalIDs: ids), problems)
    }

    /// The first section tag (`{{#x}}`, `{{^x}}`, `{{$x}}`, `{{<x}}`) that no `{{/x}}` closes.
    static func unclosedSection(in text: String) -> (name: String, line: Int, column: Int)? {
        var stack: [(name: String, line: Int, column: Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                if let sigil = tag.first, "#^$<".contains(sigil) {
                    stack.append((tag.dropFirst().trimmingCharacters(in: .whitespaces), index + 1, column))
                } else if tag.first == "/" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if let match = stack.lastIndex(where: { $0.name == name }) { stack.removeSubrange(match...) }
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return stack.last
    }

    static func literalIDs(in text: String) -> [String] {
        var ids: [String] = []
        var rest = text[...]
        while let start = rest.range(of: " id=\"") {
            let value = rest[start.upperBound...]
            guard let end = value.firstIndex(of: "\"") else { break }
            let id = String(value[..<end])
            if !id.contains("{{") && !id.isEmpty { ids.append(id) }
            rest = value[end...]
        }
        return ids
    }

    /// `{{> name}}` and `{{< name}}` tags whose template does not exist.
    static func missingPartials(in source: TemplateSource, names: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (index, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let sigil = tag.first, sigil == ">" || sigil == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !name.hasPrefix("*") && !names.contains(name) {
                        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                        let kind = sigil == ">" ? "partial" : "parent template"
                        problems.append(.error("the \(kind) '\(name)' does not exist\(Suggestion.hint(for: name, in: names)); add Templates/\(name).mustache",
                                               at: SourceLocation(path: source.path, line: index + 1, column: column)))
                    }
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return problems
    }

    private static func describe(_ error: Error) -> String {
        let text = String(describing: error)
        switch text {
        case "unfinishedName": return "a tag is not closed with '}}'"
        case "expectedSectionEnd": return "a section is opened but never closed"
        case "sectionCloseNameIncorrect": return "a section is closed with another name than it was opened with"
        case "unmatchedTextToken": return "a closing tag has no opening one"
        default: return text
        }
    }

    public func render(_ context: Any, with name: String) -> String? {
        library.render(context, withTemplate: name)
    }
}

/// HTML escaping for templates: `& < > " '`, like swift-mustache's default, but a string with none
/// of them (nearly all) is returned as it is after one pass over its bytes.
struct FastHTMLEscaping: MustacheContentType {
    static let name = "ROSTER_HTML"

    func escapeText(_ text: String) -> String {
        let needsEscaping = text.utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard needsEscaping else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Compiled templates kept between the dev server's rebuilds: recompiled only when a template's
/// text changes (compiling is not free, and swift-mustache keeps some of each compile alive).
public final class TemplateCache: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (sources: [TemplateSource], set: TemplateSet, problems: [Diagnostic])?

    public init() {}

    public func compile(_ sources: [TemplateSource]) -> (TemplateSet, [Diagnostic]) {
        if let last = lock.withLock({ self.last }), last.sources == sources { return (last.set, last.problems) }
        let (set, problems) = TemplateSet.compile(sources)
        lock.withLock { last = (sources, set, problems) }
        return (set, problems)
    }
}
