/// A Mustache template read from `Templates/`: `partials/header` for `Templates/partials/header.mustache`.
public struct TemplateSource: Sendable, Hashable {
    public var name: String
    /// Relative to the site folder, for diagnostics.
    public var path: String
    public var text: String

    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}
