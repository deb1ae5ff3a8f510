import Foundation
import RosterBuild
import RosterModel
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks every output file by kind: HTML with a tag scanner, XML and JSON with real parsers, CSV
/// with a strict RFC 4180 reader. Shared by the hostile-content suites.
public enum OutputInspection {
    /// Problems in any output file: unsafe HTML, XML that does not parse, JSON that does not parse
    /// or contains a raw `<`, CSV that is not RFC 4180.
    public static func problems(_ files: [String: Data]) -> [String] {
        var problems: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasSuffix(".html") {
                let text = String(decoding: data, as: UTF8.self)
                problems += MiniHTML.violations(in: text).map { "\(path): \($0)" }
                for token in MiniHTML.tokens(text) {
                    if case .start(let tag) = token, !MiniHTML.knownTags.contains(tag.name), !MiniHTML.isThemeScript(tag) {
                        problems.append("\(path): unexpected <\(tag.name)> element")
                    }
                }
            } else if path.hasSuffix(".xml") {
                let parser = XMLParser(data: data)
                if !parser.parse() {
                    problems.append("\(path) is not well-formed XML: \(String(describing: parser.parserError))")
                }
                if data.containsBytes("<!DOCTYPE") || data.containsBytes("<!ENTITY") {
                    problems.append("\(path) declares a DOCTYPE or ENTITY")
                }
            } else if path.hasSuffix(".json") {
                if (try? JSONSerialization.jsonObject(with: data)) == nil { problems.append("\(path) is not valid JSON") }
                for (byte, name) in [(UInt8(ascii: "<"), "<"), (UInt8(ascii: ">"), ">"), (UInt8(ascii: "&"), "&")] where data.contains(byte) {
                    problems.append("\(path) contains a raw '\(name)'")
                }
                if data.containsBytes("\u{2028}") || data.containsBytes("\u{2029}") {
                    problems.append("\(path) contains a raw U+2028 or U+2029")
                }
            } else if path.hasSuffix(".csv") {
                do {
                    let rows = try StrictCSV.parse(String(decoding: data, as: UTF8.self))
                    let header = CSVColumns.header(of: path)
                    if rows.first != header {
                        problems.append("\(path): wrong header \(rows.first ?? [])")
                    }
                    for (index, row) in rows.enumerated() where row.count != header.count {
                        problems.append("\(path): row \(index + 1) has \(row.count) fields")
                    }
                } catch {
                    problems.append("\(path) is not RFC 4180: \(error)")
                }
            }
        }
        return problems
    }

    public static func rosterJSON(_ files: [String: Data]) throws -> [String: Any] {
        let data = try XCTUnwrap(files["data/roster.json"], "no data/roster.json")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Exact equality of the UTF-8 bytes (Swift's `==` would accept NFC for NFD).
    public static func same(_ found: String?, _ expected: String) -> Bool {
        guard let found else { return false }
        return Array(found.utf8) == Array(expected.utf8)
    }

    /// Builds on a thread with an 8 MB stack and waits at most `seconds`; nil when it did not end.
    public static func buildWithin(_ seconds: TimeInterval, _ site: TestSite) -> BuildReport? {
        let options = BuildOptions(siteFolder: site.root)
        let box = ReportBox()
        let thread = Thread { box.set(Builder(options: options).build()) }
        thread.stackSize = 8 << 20
        thread.start()
        return box.wait(seconds: seconds)
    }
}

extension CSVColumns {
    /// The header an exported CSV file has, by its output path.
    public static func header(of path: String) -> [String] {
        path.hasSuffix("people.csv") ? people : path.hasSuffix("companies.csv") ? companies : careers
    }

    /// The index of a column of `data/careers.csv`.
    public static func careersIndex(_ name: String) -> Int { careers.firstIndex(of: name) ?? 0 }
}
