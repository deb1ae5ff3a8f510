import XCTest
@testable import RosterSupport

/// The one escaper every stage uses, and the stable hash of caches and manifests.
final class MarkupTests: XCTestCase {
    func testHTMLEscapesTheFiveSpecialsAndDropsControlCharacters() {
        XCTAssertEqual(Markup.escapeHTML("a<b>&\"'\u{0}\u{7}c\n\t"), "a&lt;b&gt;&amp;&quot;&#39;c\n\t")
        XCTAssertEqual(Markup.escapeHTML("plain text é"), "plain text é")
    }

    func testXMLAlsoEncodesTabsAndLineEnds() {
        XCTAssertEqual(Markup.escapeXML("a'\tb\nc\r"), "a&apos;&#9;b&#10;c&#13;")
    }

    func testFNV1aIsStableAcrossRuns() {
        XCTAssertEqual(FNV1a.hash(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(FNV1a.hash("a"), 0xaf63_dc4c_8601_ec8c)
    }

    func testByteSearchFindsTheNextByteFromAnOffset() {
        var text = "a,b,c"
        text.withUTF8 { bytes in
            XCTAssertEqual(ByteSearch.next(0x2C, in: bytes, from: 0), 1)
            XCTAssertEqual(ByteSearch.next(0x2C, in: bytes, from: 2), 3)
            XCTAssertNil(ByteSearch.next(0x2C, in: bytes, from: 4))
        }
    }
}
