import Foundation

/// One file of the built site, relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    public enum Contents: Sendable, Hashable {
        case text(String)
        /// Copied verbatim from this absolute path (assets).
        case copy(from: String)
    }

    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, contents: .text(text))
    }
}
