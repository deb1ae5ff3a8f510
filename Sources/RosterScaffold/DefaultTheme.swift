import Foundation

/// The default theme (`Templates/`), embedded in the binary at build time (`EmbeddedThemeFiles` is
/// written by RosterCodegenPlugin from the package's `Templates/`), so that `roster init` writes a
/// working site from the binary alone and the copy can never differ from the real files.
public enum DefaultTheme {
    /// Paths relative to `Templates/`, in order, with their bytes.
    public static let files: [(path: String, bytes: Data)] = EmbeddedThemeFiles.base64.map { entry in
        (entry.path, Data(base64Encoded: entry.base64) ?? Data())
    }
}
