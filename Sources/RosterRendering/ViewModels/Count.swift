/// A number as a page prints it: `text` in the site's language (25,000; 25 000), `value` for
/// the `equalzero` transform and for code. `{{count}}` prints the text.
public struct Count: Sendable, Hashable {
    public var value: Int
    public var text: String
}
