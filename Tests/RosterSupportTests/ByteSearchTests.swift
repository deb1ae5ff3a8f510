import RosterSupport
import XCTest

final class ByteSearchTests: XCTestCase {
    func testReplacingChangesEveryWholeOccurrenceAndNothingElse() {
        XCTAssertEqual(ByteSearch.replacing("ab", with: "X", in: "aab b ab·ab"), "aX b X·X")
        XCTAssertEqual(ByteSearch.replacing("é", with: "e", in: "café é"), "cafe e")
        XCTAssertEqual(ByteSearch.replacing("zz", with: "y", in: "no match"), "no match")
        XCTAssertEqual(ByteSearch.replacing("", with: "y", in: "same"), "same")
        XCTAssertEqual(ByteSearch.replacing("end", with: "fin", in: "the end"), "the fin")
    }
}
