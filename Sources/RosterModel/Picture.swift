/// A person's photo or an organisation's logo: a file in `Content/assets/` (published under
/// `assets/`), its text alternative, and its size in pixels, read from the file when it is loaded.
public struct Picture: Sendable, Hashable {
    /// The file types a photo or logo may be.
    public static let extensions = ["png", "jpg", "jpeg", "webp", "svg"]

    /// Relative to `Content/assets/`: `people/ada.jpg`.
    public var path: String
    public var alt: String
    /// Zero until the loader has read the file.
    public var width: Int
    public var height: Int
    /// Where the key was written, for errors about the file.
    public var location: SourceLocation

    public init(path: String, alt: String, width: Int = 0, height: Int = 0, location: SourceLocation = SourceLocation(path: "")) {
        self.path = path
        self.alt = alt
        self.width = width
        self.height = height
        self.location = location
    }
}
