import Foundation

/// The repository the tests run in: the one way tests find the shipped report, the theme and docs.
public enum Repository {
    /// The folder holding Package.swift (this file is Tests/RosterTestSupport/Repository.swift).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path below the repository (`Templates/author.mustache`).
    public static func url(_ path: String) -> URL { root.appendingPathComponent(path) }
}
