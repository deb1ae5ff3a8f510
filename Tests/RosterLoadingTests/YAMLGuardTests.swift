import RosterModel
import XCTest
@testable import RosterLoading

/// The checks that run on YAML before Yams sees it: anchors where a value starts, complex keys and
/// deep nesting are refused, and everything else (an `&` inside text, quoted brackets) passes.
final class YAMLGuardTests: XCTestCase {
    func testAnAnchorWhereAValueStartsIsFoundOnItsLine() {
        XCTAssertEqual(YAMLText.anchorPosition("name: x\ncareer: &c [a]\n").map { [$0.line, $0.column] }, [1, 9])
        XCTAssertEqual(YAMLText.anchorPosition("a: 1\nb:\n  - &item x\n")?.line, 2)
        XCTAssertEqual(YAMLText.anchorPosition("&top\nname: x")?.line, 0)
        XCTAssertEqual(YAMLText.anchorPosition("list: [a, &b c]")?.line, 0)
        XCTAssertEqual(YAMLText.anchorPosition("map: {k: 1,&b c}")?.line, 0)
    }

    func testATagWhereAValueStartsIsFoundToo() {
        XCTAssertEqual(YAMLText.anchorPosition("title: !Important news\n").map { [$0.line, $0.column] }, [0, 8])
        XCTAssertEqual(YAMLText.anchorPosition("name: x\nbyline: ! Staff\n").map { [$0.line, $0.column] }, [1, 9])
        XCTAssertNil(YAMLText.anchorPosition("title: Yahoo!\nsummary: \"!quoted\" # wow!\n"))
    }

    func testAnAmpersandInsideTextIsNoAnchor() {
        XCTAssertNil(YAMLText.anchorPosition("title: Smith & Sons\nsummary: R&D at AT&T"))
        XCTAssertNil(YAMLText.anchorPosition("name: x&"))
        XCTAssertNil(YAMLText.anchorPosition("a: b:&c"))
        XCTAssertNil(YAMLText.anchorPosition("title: -&x"))
        XCTAssertNil(YAMLText.anchorPosition("no ampersand at all"))
    }

    func testTextThatYAMLReadsAsTextIsNoAnchorOrTag() {
        // The lines of a block scalar are words, however they start; the next key is YAML again.
        XCTAssertNil(YAMLText.anchorPosition("bio: |\n  Mathematician\n  &writer\n  !important notes\n\nname: x\n"))
        XCTAssertNil(YAMLText.anchorPosition("note: >-2 # folded\n    !x\n"))
        XCTAssertEqual(YAMLText.anchorPosition("bio: |\n  !words\nname: &a x\n").map { [$0.line, $0.column] }, [2, 7])
        XCTAssertNil(YAMLText.anchorPosition("career:\n  - note: |\n      &a\n  - |\n    !b\n"))
        XCTAssertEqual(YAMLText.anchorPosition("career:\n  - note: |\n      text\n    role: !x\n")?.line, 3,
                       "a key at its mapping's column ends the block")
        // Quoted values and comments.
        XCTAssertNil(YAMLText.anchorPosition("title: \"Smith, &Co\"\nsummary: 'It''s, !great'\n"))
        XCTAssertNil(YAMLText.anchorPosition("title: \"a \\\" [&b\"\n"))
        XCTAssertNil(YAMLText.anchorPosition("# &anchor in a comment\nname: x # , !tag\n"))
        XCTAssertNil(YAMLText.anchorPosition("quote: \"first line,\n  !still quoted\"\n"))
        XCTAssertEqual(YAMLText.anchorPosition("title: \"ok\"\nname: !x\n")?.line, 1)
        // `|` or `>` inside a value is text, and no block follows it.
        XCTAssertEqual(YAMLText.anchorPosition("title: a | b\n  \nname: !x\n")?.line, 2)
    }

    func testComplexKeysAndDeepNestingAreRefusedAtTheirLine() {
        XCTAssertEqual(YAMLText.guardProblem("a: 1\n? [x]\n: 2", path: "p", firstLine: 2)?.location?.line, 3)
        XCTAssertEqual(YAMLText.guardProblem("a: 1\n?\n", path: "p", firstLine: 1)?.location?.line, 2)
        XCTAssertNotNil(YAMLText.guardProblem("- *ref : value", path: "p", firstLine: 1))
        XCTAssertNotNil(YAMLText.guardProblem("[a, b]: value", path: "p", firstLine: 1))
        let deep = "x: " + String(repeating: "[", count: 201) + String(repeating: "]", count: 201)
        XCTAssertEqual(YAMLText.guardProblem("a: 1\n" + deep, path: "p", firstLine: 1)?.location?.line, 2)
        let dashes = String(repeating: "- ", count: 201) + "x"
        XCTAssertNotNil(YAMLText.guardProblem(dashes, path: "p", firstLine: 1))
    }

    func testOrdinaryYAMLPasses() {
        let yaml = "title: \"[not] {a} list\"\ntags: [a, b]\nquestion: Why?\nalias: '*x'\ncareer:\n  - company: acme\n    start: 2020\n"
        XCTAssertNil(YAMLText.guardProblem(yaml, path: "p", firstLine: 1))
        XCTAssertNil(YAMLText.guardProblem(String(repeating: "[", count: 200) + String(repeating: "]", count: 200), path: "p", firstLine: 1))
    }
}
