import Mustache

/// How view models hand text to swift-mustache. A plain `String` costs the engine four failed
/// type checks and a `String(describing:)` on every `{{tag}}` that prints it, and a `Mirror` on
/// every lookup made inside a `{{#text}}…{{/text}}` section; this wrapper is recognised by the
/// engine's second check and has no children to reflect on. It prints, escapes and transforms
/// (`{{uppercased(name)}}`) exactly as the string does.
struct MustacheText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }
}

/// `{{facts.members}}` prints the grouped text; transforms (`equalzero`) see the number.
extension Count: MustacheCustomRenderable, MustacheTransformable {
    public var renderText: String { text }
    public var isNull: Bool { false }
    public func transform(_ name: String) -> Any? { value.transform(name) }
}
