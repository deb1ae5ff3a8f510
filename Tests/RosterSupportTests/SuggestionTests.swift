import XCTest
@testable import RosterSupport

/// "Did you mean" suggestions.
final class SuggestionTests: XCTestCase {
    func testSuggestsTheClosestCandidate() {
        XCTAssertEqual(Suggestion.closest(to: "mistal-ai", in: ["meta", "mistral-ai"]), "mistral-ai")
        XCTAssertEqual(Suggestion.hint(for: "nmae", in: ["name", "aliases"]), " (did you mean 'name'?)")
        XCTAssertNil(Suggestion.closest(to: "zzzzzz", in: ["meta"]))
    }

    func testASwapOfTwoNeighbouringLettersIsOneEdit() {
        XCTAssertEqual(Suggestion.editDistance(Array("nmae"), Array("name")), 1)
        XCTAssertEqual(Suggestion.editDistance(Array(""), Array("abc")), 3)
    }
}
