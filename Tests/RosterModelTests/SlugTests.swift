import XCTest
@testable import RosterModel

/// Slugs, URLs and diagnostics: the model's small rules.
final class SlugTests: XCTestCase {
    func testSlugRule() {
        for valid in ["a", "mistral-ai", "llama-2023", "x1"] { XCTAssertTrue(Slug.isValid(valid), valid) }
        for invalid in ["", "Mistral", "mistral_ai", "-a", "a-", "a--b", "a b", "é"] { XCTAssertFalse(Slug.isValid(invalid), invalid) }
    }

    func testTagSlugsLowercaseDropAccentsAndJoinRunsWithADash() {
        XCTAssertEqual(Slug.forTag("Mistral AI"), "mistral-ai")
        XCTAssertEqual(Slug.forTag("  Élan -- Vital! "), "elan-vital")
        XCTAssertEqual(Slug.forTag("Zürich"), "zurich")
        XCTAssertEqual(Slug.forTag("C++ & Rust"), "c-rust")
        XCTAssertEqual(Slug.forTag("!!!"), "")
    }

    func testDiagnosticsPrintCompilerStyleAndSortByPlace() {
        let a = Diagnostic.error("b", at: SourceLocation(path: "Content/b.md", line: 2, column: 1))
        let b = Diagnostic.error("a", at: SourceLocation(path: "Content/a.md", line: 9, column: 3))
        let c = Diagnostic.warning("w", at: SourceLocation(path: "Content/a.md", line: 1, column: 1))
        let d = Diagnostic.error("no file")
        XCTAssertEqual([a, b, c, d].sorted(), [d, c, b, a])
        XCTAssertEqual(b.description, "Content/a.md:9:3: error: a")
        XCTAssertEqual(d.description, "roster: error: no file")
    }

    func testOnlyHTTPAndMailtoURLsAreAllowedExternally() {
        XCTAssertTrue(URLText.isAllowedExternal("https://example.org/x"))
        XCTAssertTrue(URLText.isAllowedExternal("mailto:a@example.org"))
        for bad in ["javascript:alert(1)", "JavaScript:alert(1)", "ftp://x", "example.org", "https://", "data:text/html,x", "//x.org"] {
            XCTAssertFalse(URLText.isAllowedExternal(bad), bad)
        }
    }

    /// The byte-level path for ASCII text gives exactly what the Unicode path gives.
    func testASCIISlugsMatchTheUnicodePathForEveryASCIICharacter() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = (0x20..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) } + ["\t", "\n"]
        var samples = alphabet.map { "a\($0)B" } + ["", "---", "  Hello, World!  ", "LLaMA 2 & 3", "x_y.z"]
        for _ in 0..<500 {
            samples.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for sample in samples {
            XCTAssertEqual(Slug.asciiSlug(sample), Slug.unicodeSlug(sample), "for \(sample.debugDescription)")
        }
        XCTAssertNil(Slug.asciiSlug("Café"))
        XCTAssertEqual(Slug.forTag("Café Müller"), "cafe-muller")
    }
}
