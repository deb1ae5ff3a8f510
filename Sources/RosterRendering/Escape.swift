import RosterModel

/// Escaping for HTML built in Swift (chart figures); the same as the shared `Markup`.
public enum Escape {
    public static func html(_ text: String) -> String { Markup.escapeHTML(text) }
}
