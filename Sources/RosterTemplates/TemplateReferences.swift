import RosterModel

/// Which templates include (`{{> name}}`) or inherit from (`{{< name}}`) which, to find cycles.
///
/// swift-mustache follows partials and parents while rendering, with no limit: a template that
/// reaches itself again recurses until the stack overflows and the whole build crashes. So a
/// cycle is an error even in a template no page uses yet. Dynamic partials (`{{>*name}}`) are
/// named by the data, so they cannot be followed here.
struct TemplateReferences {
    struct Reference {
        var target: String
        var isParent: Bool
        var location: SourceLocation
    }

    /// Each template's references in the order they appear, to templates that exist.
    private var references: [String: [Reference]] = [:]

    init(_ sources: [(source: TemplateSource, tags: [TemplateTag])]) {
        let names = Set(sources.map(\.source.name))
        for (source, tags) in sources {
            references[source.name] = tags.compactMap { tag in
                guard tag.sigil == ">" || tag.sigil == "<", !tag.name.hasPrefix("*"), names.contains(tag.name) else { return nil }
                return Reference(target: tag.name, isParent: tag.sigil == "<",
                                 location: SourceLocation(path: source.path, line: tag.line, column: tag.column))
            }
        }
    }

    /// One error per reference that closes a cycle, at its tag, and the templates holding those
    /// tags. Every cycle goes through at least one of these tags, so fixing them all removes every
    /// cycle, and a cycle is reported once however many templates it passes through.
    func cycles() -> (problems: [Diagnostic], templates: Set<String>) {
        enum State { case visiting, done }
        var state: [String: State] = [:]
        var problems: [Diagnostic] = []
        var templates: Set<String> = []
        // Depth-first, without recursion (a long chain of partials must not overflow the stack
        // either): each entry is a template on the current path and its next reference to follow.
        for root in references.keys.sorted() where state[root] == nil {
            var path: [(name: String, next: Int)] = [(root, 0)]
            state[root] = .visiting
            while let (name, next) = path.last {
                let outgoing = references[name] ?? []
                guard next < outgoing.count else {
                    state[name] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let reference = outgoing[next]
                switch state[reference.target] {
                case nil:
                    state[reference.target] = .visiting
                    path.append((reference.target, 0))
                case .visiting:
                    let start = path.firstIndex { $0.name == reference.target } ?? 0
                    let chain = (path[start...].map(\.name) + [reference.target]).joined(separator: " → ")
                    let what = reference.isParent
                        ? "the parent template '\(reference.target)' inherits from itself"
                        : "the partial '\(reference.target)' includes itself"
                    problems.append(.error("\(what) (\(chain)); Roster would never finish rendering it",
                                           at: reference.location))
                    templates.insert(name)
                case .done:
                    break
                }
            }
        }
        return (problems, templates)
    }
}
