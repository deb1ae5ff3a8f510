import Foundation
import Mustache
import RosterModel
import RosterSupport

/// The theme's Mustache templates, compiled and checked: syntax errors at their line, and every
/// partial or parent a template names must exist (swift-mustache would render a missing one as
/// nothing, so a typo would silently drop part of every page). Templates that would crash
/// swift-mustache are errors too: ones that include or inherit from themselves (see
/// `TemplateReferences`) and sections nested deeper than `maximumNesting`.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    public let names: Set<String>
    /// Ids the templates write literally (`id="career"`); headings in bodies avoid them so every
    /// id on a page stays unique.
    public let literalIDs: Set<String>

    /// The templates every build renders.
    public static let required = ["home", "cohorts", "cohort", "authors", "author", "companies", "company",
                                  "articles", "article", "tags", "tag", "sources", "page", "redirect", "404", "careers"]

    /// Every template is parsed with this pragma in front (on its first line, so line numbers
    /// stay true): it selects `FastHTMLEscaping`, which escapes exactly what the default HTML
    /// content type does, on bytes instead of characters.
    static let pragma = "{{% CONTENT_TYPE: \(FastHTMLEscaping.name)}}"
    static let registerEscaping: Void = MustacheContentTypes.register(FastHTMLEscaping(), named: FastHTMLEscaping.name)

    /// Sections, inverted sections, blocks and parents may nest this deep in one template.
    /// swift-mustache parses and renders each level by recursing, in time that grows with the
    /// square of the depth: a few thousand levels crash the build, and no theme needs more than a
    /// handful.
    static let maximumNesting = 100

    public static func compile(_ sources: [TemplateSource]) -> (TemplateSet, [Diagnostic]) {
        _ = registerEscaping
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        let names = Set(sources.map(\.name))
        let scanned = sources.map { (source: $0, tags: TemplateTags.scan($0.text)) }
        let (cycles, inCycles) = TemplateReferences(scanned).cycles()
        for (source, tags) in scanned {
            problems += missingPartials(in: source, tags: tags, names: names)
            // Checked before parsing: the parser itself is what crashes on deep nesting.
            if let deep = TemplateTags.nestedTooDeep(tags, limit: maximumNesting) {
                problems.append(.error("template sections are nested more than \(maximumNesting) deep here; "
                                       + "flatten them (Roster would run out of stack on this template)",
                                       at: SourceLocation(path: source.path, line: deep.line, column: deep.column)))
                continue
            }
            do {
                let template = try MustacheTemplate(string: pragma + source.text)
                // A template in a cycle is left out, so that nothing can render it and recurse forever.
                if !inCycles.contains(source.name) { library.register(template, named: source.name) }
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber - (line == 1 ? pragma.count : 0)
                var location = SourceLocation(path: source.path, line: line, column: max(1, column))
                var message = "template syntax error: \(describe(error.error))"
                // The parser notices an unclosed section only at the end; point at where it opens.
                if String(describing: error.error) == "expectedSectionEnd", let open = unclosedSection(in: tags) {
                    location = SourceLocation(path: source.path, line: open.line, column: open.column)
                    message = "template syntax error: the section '\(open.name)' opened here is never closed with {{/\(open.name)}}"
                }
                problems.append(.error(message, at: location))
            } catch {
                problems.append(.error("template syntax error: \(error)", at: SourceLocation(path: source.path)))
            }
        }
        problems += cycles
        for name in required where !names.contains(name) {
            problems.append(.error("the theme has no template '\(name)'; add Templates/\(name).mustache"))
        }
        let ids = Set(sources.flatMap { literalIDs(in: $0.text) })
        return (TemplateSet(library: library, names: names, literalIDs: ids), problems)
    }

    /// The first section tag (`{{#x}}`, `{{^x}}`, `{{$x}}`, `{{<x}}`) that no `{{/x}}` closes.
    static func unclosedSection(in tags: [TemplateTag]) -> TemplateTag? {
        var stack: [TemplateTag] = []
        for tag in tags {
            if tag.opensSection {
                stack.append(tag)
            } else if tag.sigil == "/", let match = stack.lastIndex(where: { $0.name == tag.name }) {
                stack.removeSubrange(match...)
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
    static func missingPartials(in source: TemplateSource, tags: [TemplateTag], names: Set<String>) -> [Diagnostic] {
        tags.compactMap { tag in
            guard tag.sigil == ">" || tag.sigil == "<", !tag.name.hasPrefix("*"), !names.contains(tag.name) else { return nil }
            let kind = tag.sigil == ">" ? "partial" : "parent template"
            return .error("the \(kind) '\(tag.name)' does not exist\(Suggestion.hint(for: tag.name, in: names)); add Templates/\(tag.name).mustache",
                          at: SourceLocation(path: source.path, line: tag.line, column: tag.column))
        }
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

/// HTML escaping for templates: the one escaper every stage uses (`Markup.escapeHTML`), selected
/// by the pragma every template is parsed with.
struct FastHTMLEscaping: MustacheContentType {
    static let name = "ROSTER_HTML"

    func escapeText(_ text: String) -> String { Markup.escapeHTML(text) }
}

/// Compiled templates kept between the dev server's rebuilds: recompiled only when a template's
/// text changes (compiling is not free, and swift-mustache keeps some of each compile alive). Two
/// sets are kept: the templates as written (checked for errors) and with the labels filled in.
public final class TemplateCache: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [(sources: [TemplateSource], set: TemplateSet, problems: [Diagnostic])] = []

    public init() {}

    public func compile(_ sources: [TemplateSource]) -> (TemplateSet, [Diagnostic]) {
        if let hit = lock.withLock({ kept.first { $0.sources == sources } }) { return (hit.set, hit.problems) }
        let (set, problems) = TemplateSet.compile(sources)
        lock.withLock {
            kept.append((sources, set, problems))
            if kept.count > 2 { kept.removeFirst() }
        }
        return (set, problems)
    }
}
