import Foundation
import RosterModel
import XCTest
@testable import RosterMarkdown

/// cmark-gfm keeps one process-wide table of inline special characters that each parser used to
/// change while it finished; bodies rendered on several cores at once lost autolinks and
/// strikethrough. These tests render on every core at once and fail on a build without the fix.
final class ConcurrentRenderingTests: XCTestCase {
    static let body = (0..<3).map { "Paragraph \($0): see www.example.com/a and http://example.org/b, and ~~gone~~ now." }
        .joined(separator: "\n\n")

    private static func render(_ text: String) -> String {
        MarkdownRenderer().render(MarkdownText(text, path: "Content/articles/a.md")) { _ in .unknown("none") }.html
    }

    func testTheCharacterTableIsPinnedSoInlineParsingRunsOnEveryCoreWithoutALock() {
        XCTAssertEqual(CmarkLibrary.finishMode, .parallel,
                       "the library's calls no longer reach Roster's table function, so every parse is serialised")
    }

    func testBodiesRenderedOnEveryCoreAtOnceKeepTheirAutolinksAndStrikethrough() {
        let expected = Self.render(Self.body)
        XCTAssertEqual(expected.components(separatedBy: "<del>gone</del>").count - 1, 3, expected)
        XCTAssertEqual(expected.components(separatedBy: #"<a href="http://www.example.com/a">"#).count - 1, 3, expected)
        XCTAssertEqual(expected.components(separatedBy: #"<a href="http://example.org/b">"#).count - 1, 3, expected)

        let count = 3_000
        let results = UnsafeResults(count: count)
        // More workers than cores, so parsers overlap even on a single-core machine.
        DispatchQueue.concurrentPerform(iterations: max(4, ProcessInfo.processInfo.activeProcessorCount * 2)) { worker in
            var index = worker
            while index < count {
                results.set(index, Self.render(Self.body))
                index += max(4, ProcessInfo.processInfo.activeProcessorCount * 2)
            }
        }
        let wrong = (0..<count).filter { results.get($0) != expected }
        XCTAssertEqual(wrong.count, 0, "\(wrong.count) of \(count) bodies differ, e.g. \(wrong.first.map { results.get($0) ?? "" } ?? "")")
    }

    /// A parser without the extensions (the table guard's) sees the pinned table too; only its block
    /// structure is read, and that does not depend on inline characters.
    func testTheTableGuardStillFindsCodeBlocksWithThePinnedTable() {
        _ = Self.render("~~warm~~")
        XCTAssertEqual(TableGuard.codeAndHTMLLines("text: www.a ~~b~~\n\n```\ncode\n```\n"), [3, 4, 5])
    }
}

/// Slots written by concurrent workers, each index by one worker only.
private final class UnsafeResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
    func get(_ index: Int) -> String? { lock.withLock { values[index] } }
}
