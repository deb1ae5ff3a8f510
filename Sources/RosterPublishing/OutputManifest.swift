import Foundation
import RosterModel

/// `.roster-manifest`: every file of the built site with its size and hash, so the next build can
/// tell which files it does not need to write again.
enum OutputManifest {
    static let fileName = ".roster-manifest"

    struct Entry: Hashable {
        var path: String
        var size: Int
        var hash: UInt64
    }

    static func read(from path: String) -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return [:]
        }
        var entries: [String: Entry] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let size = Int(fields[1]), let hash = UInt64(fields[2], radix: 16) else { continue }
            entries[String(fields[0])] = Entry(path: String(fields[0]), size: size, hash: hash)
        }
        return entries
    }

    static func text(_ entries: [Entry]) -> String {
        entries.sorted { $0.path < $1.path }.map { "\($0.path)\t\($0.size)\t\(String($0.hash, radix: 16))\n" }.joined()
    }

}
