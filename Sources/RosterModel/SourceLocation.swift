/// A place in a file of the site, for diagnostics. Paths are relative to the site folder
/// (`Content/authors/x.md`); lines and columns count from 1.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    public var description: String { "\(path):\(line):\(column)" }
}

/// The locations of the keys read from one YAML mapping, so that later stages can point at the
/// line of the value they object to (`location(of: "company")`).
public struct FieldLocations: Sendable, Hashable {
    /// Where the mapping itself starts.
    public var start: SourceLocation
    private var fields: [String: SourceLocation]

    public init(start: SourceLocation, fields: [String: SourceLocation] = [:]) {
        self.start = start
        self.fields = fields
    }

    public subscript(field: String) -> SourceLocation {
        get { fields[field] ?? start }
        set { fields[field] = newValue }
    }

    /// Whether the key was written.
    public func has(_ field: String) -> Bool { fields[field] != nil }

    /// The location of a key's value, or of the mapping when the key was absent.
    public func location(of field: String) -> SourceLocation { self[field] }

    /// The location of the `index`-th item of a list value (`sources[2]`), if recorded.
    public func location(of field: String, item index: Int) -> SourceLocation {
        fields["\(field)[\(index)]"] ?? self[field]
    }
}
