import Foundation
import RosterTestSupport
import XCTest
@testable import RosterModel

/// The one table of content keys: docs/content.md must name every key in it.
final class ContentKeysTests: XCTestCase {
    func testTheEditorsGuideNamesEveryKey() throws {
        let guide = Repository.url("docs/content.md")
        let text = try String(contentsOf: guide, encoding: .utf8)
        for (what, keys) in ContentKeys.all {
            for key in keys where !text.contains("`\(key.name)`") && !text.contains("\(key.name):") {
                XCTFail("docs/content.md does not name the key '\(key.name)' of \(what)")
            }
        }
    }

    func testEveryKindOfDocumentHasRequiredKeysAndNoKeyTwice() {
        for (what, keys) in ContentKeys.all {
            XCTAssertEqual(Set(keys.names).count, keys.count, "a key of \(what) is listed twice")
            XCTAssertTrue(keys.contains { $0.required }, "\(what) has no required key")
        }
    }
}
