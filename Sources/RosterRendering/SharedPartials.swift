import Foundation
import Mustache
import RosterTemplates

/// Templates under `Templates/shared/` (the default theme's header and footer) see only what every
/// page shares: `site`, `data`, and the `links`, `nav` and `pages` of a `SharedView`. So each is
/// rendered once per distinct shared view (a handful in a site of any size: one per depth and
/// section of the site) and every page with that view gets the finished text, instead of paying
/// for the same tags on every page.
final class SharedPartials: @unchecked Sendable {
    static let folder = "shared/"

    private let templates: TemplateSet
    private let constant: [String: Any]
    private let names: [String]
    private let lock = NSLock()
    private var libraries: [SharedView: MustacheLibrary] = [:]

    /// - Parameter constant: the keys that are the same on every page (`site`, `data`).
    init(templates: TemplateSet, constant: [String: Any]) {
        self.templates = templates
        self.constant = constant
        self.names = templates.names.filter { $0.hasPrefix(Self.folder) }.sorted()
    }

    /// The theme's templates, with each shared one replaced by its text for this view.
    func library(for shared: SharedView) -> MustacheLibrary {
        guard !names.isEmpty else { return templates.library }
        if let known = lock.withLock({ libraries[shared] }) { return known }
        var library = templates.library
        var context = constant
        context["links"] = shared.links
        context["nav"] = shared.nav
        context["pages"] = shared.pages
        for name in names {
            // Text with no `{{` in it is a template that prints itself. Text that has one (a site
            // title with braces) keeps the real template, rendered on each page like any other.
            guard let text = templates.library.render(context, withTemplate: name), !text.contains("{{"),
                  let literal = try? MustacheTemplate(string: text) else { continue }
            library.register(literal, named: name)
        }
        // Two workers may make the same library at once; both are the same, the first is kept.
        return lock.withLock {
            if let known = libraries[shared] { return known }
            libraries[shared] = library
            return library
        }
    }
}

extension TemplateSet {
    /// A page's HTML, with the shared templates taken from `shared`.
    func render(_ job: PageJob, shared: SharedPartials) -> String? {
        shared.library(for: job.context.shared).render(ContextRoot(values: job.context.values), withTemplate: job.template)
    }
}

/// The bottom of a page's context: the engine checks every object it looks a name up in for two
/// protocols, which costs less for this plain struct than for a generic dictionary.
struct ContextRoot: MustacheParent {
    let values: [String: Any]
    func child(named key: String) -> Any? { values[key] }
}

