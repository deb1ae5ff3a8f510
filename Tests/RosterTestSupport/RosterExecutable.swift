import Foundation
import XCTest

/// The `roster` program the tests run as a user would.
public enum RosterExecutable {
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// The `roster` built next to this test bundle (same build), else the package's `.build/debug`.
    /// `swift build --build-tests` (what `make test` runs) builds it, so a missing one fails the test
    /// instead of skipping it.
    public static func url() throws -> URL {
        var folders: [URL] = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for bundle in Bundle.allBundles + [Bundle.main] {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
            folders.append(bundle.bundleURL)
        }
        folders.append(Repository.url(".build/debug"))
        for folder in folders {
            let candidate = folder.appendingPathComponent("roster")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        throw Missing(description: "no built roster executable next to the tests (looked in \(folders.map(\.path))); run `swift build --build-tests` first")
    }
}
