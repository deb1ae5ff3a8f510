import Foundation
import RosterModel
import XCTest
@testable import RosterMarkdown

final class MarkdownRendererTests: XCTestCase {
    private func render(_ text: String, unsafe: Bool = false, firstLine: Int = 5,
                        known: Set<String> = ["author:guillaume-lample", "company:meta"]) -> RenderedMarkdown {
        MarkdownRenderer(unsafeHTML: unsafe).render(MarkdownText(text, firstLine: firstLine, path: "Content/articles/a.md")) { link in
            let key = "\(link.kind.rawValue):\(link.target)"
            return known.contains(key) ? .href("../../\(link.kind.rawValue)s/\(link.target)/") : .unknown("unknown \(link.kind.rawValue) '\(link.target)'")
        }
    }

    func testAFootnotesBackLinkIsReadInTheSitesWords() {
        let renderer = MarkdownRenderer(footnoteBackLabel: "Retour au texte")
        let html = renderer.render(MarkdownText("Claim.[^1]\n\n[^1]: The source.\n")) { _ in .unknown("") }.html
        XCTAssertTrue(html.contains(#"data-footnote-backref aria-label="Retour au texte""#), html)
        XCTAssertFalse(html.contains("Back to content"))
        XCTAssertTrue(MarkdownRenderer.mayHaveFootnotes("a [^1] b"))
        XCTAssertFalse(MarkdownRenderer.mayHaveFootnotes("a [link](x) and ^ alone"))
    }

    func testInternalLinkIsRewrittenToARelativeHref() {
        let result = render("See [Lample](author:guillaume-lample).")
        XCTAssertTrue(result.html.contains(#"<a href="../../authors/guillaume-lample/">Lample</a>"#), result.html)
        XCTAssertEqual(result.links.map(\.link.target), ["guillaume-lample"])
        XCTAssertTrue(result.diagnostics.isEmpty)
    }

    func testUnknownLinkTargetIsReportedAtItsOwnLine() {
        let result = render("First paragraph.\n\nSecond line\nwith [x](company:mistal-ai) here.")
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertEqual(result.diagnostics.first?.location?.line, 5 + 3)
        XCTAssertEqual(result.diagnostics.first?.location?.column, 10)
    }

    func testHeadingsGetUniqueIDs() {
        let result = render("## Where they went\n\ntext\n\n## Where they went\n\n# Café ünïcode")
        XCTAssertTrue(result.html.contains(#"<h2 id="where-they-went">"#), result.html)
        XCTAssertTrue(result.html.contains(#"<h2 id="where-they-went-2">"#), result.html)
        XCTAssertTrue(result.html.contains(#"<h1 id="cafe-unicode">"#), result.html)
        XCTAssertEqual(result.headings.map(\.id), ["where-they-went", "where-they-went-2", "cafe-unicode"])
    }

    func testHeadingIDsAvoidReservedIDs() {
        let result = MarkdownRenderer().render(MarkdownText("## Main"), reservedIDs: ["main"]) { _ in .unknown("") }
        XCTAssertEqual(result.headings.first?.id, "main-2")
    }

    func testRawHTMLIsDroppedUnlessUnsafe() {
        let safe = render("<script>alert(1)</script>\n\nHi <b>there</b>")
        XCTAssertFalse(safe.html.contains("<script"))
        XCTAssertFalse(safe.html.contains("<b>"))
        let unsafe = render("Hi <b>there</b>", unsafe: true)
        XCTAssertTrue(unsafe.html.contains("<b>there</b>"))
    }

    func testJavascriptLinksAreNotLiveEvenWhenUnsafe() {
        for unsafe in [false, true] {
            let result = render("[x](javascript:alert(1)) [y](JAVASCRIPT:alert(2))", unsafe: unsafe)
            XCTAssertFalse(result.html.lowercased().contains("javascript:"), result.html)
        }
    }

    func testGFMExtensionsAreOn() {
        let result = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ https://example.org\n\n- [x] done\n\nNote[^1].\n\n[^1]: The note.")
        XCTAssertTrue(result.html.contains("<table>"))
        XCTAssertTrue(result.html.contains("<del>gone</del>"))
        XCTAssertTrue(result.html.contains(#"<a href="https://example.org">"#))
        XCTAssertTrue(result.html.contains("checkbox"))
        XCTAssertTrue(result.html.contains("fn-1") || result.html.contains("fn1"), result.html)
    }

    func testChartImageBecomesAPlaceholder() {
        let result = render("Text\n\n![Where they went](chart:destinations/llama-2023)\n")
        XCTAssertEqual(result.charts.map(\.kind), [.destinations])
        XCTAssertEqual(result.charts.first?.caption, "Where they went")
        let html = result.html { "<figure>\($0.target)</figure>" }
        XCTAssertTrue(html.contains("<figure>llama-2023</figure>"), html)
        XCTAssertFalse(html.contains("<p><figure>"))
    }

    func testUnknownChartKindIsAnError() {
        let result = render("![x](chart:pie/llama-2023)")
        XCTAssertEqual(result.diagnostics.count, 1)
    }

    /// Found by the fuzzer: replacing the outer chart freed the inner one, which was then replaced
    /// too (a use after free in cmark). The inner chart is part of the outer caption's text.
    func testChartInsideAChartCaptionIsPartOfTheCaption() {
        let result = render("![Outer ![inner](chart:flow/llama-2023) caption](chart:destinations/llama-2023)\n")
        XCTAssertEqual(result.charts.map(\.kind), [.destinations])
        XCTAssertEqual(result.charts.first?.caption, "Outer inner caption")
        let html = result.html { "<figure>\($0.kind.rawValue)</figure>" }
        XCTAssertTrue(html.contains("<figure>destinations</figure>"), html)
        // The fuzzer's own input: two bad chart URLs, one inside the other's caption.
        let found = render("--f\u{1E}- p)r![ef\u{1E}- p)r![e](chart:(0))\n:ote](chart:(0))\n:ote\n")
        XCTAssertEqual(found.diagnostics.count, 1, found.diagnostics.map(\.message).joined(separator: "\n"))
    }

    func testReservedPrivateUseCharactersCannotForgeAChartOrAHeadingID() {
        let forged = "![Chart](chart:destinations/llama-2023)\n\nAgain: \u{E002}chart0\u{E003}\n\n## \u{E000}H0\u{E001} Fake\n"
        let result = render(forged)
        let html = result.html { "<figure id=\"chart-\($0.kind)\">" }
        XCTAssertEqual(html.components(separatedBy: "<figure").count - 1, 1, html)
        XCTAssertEqual(html.components(separatedBy: " id=\"").count - 1, 2, html)   // the figure and the heading
        XCTAssertTrue(html.contains("\u{FFFD}chart0\u{FFFD}"), html)
        XCTAssertEqual(result.diagnostics.map(\.location?.line), [7])   // firstLine 5 + 2
        XCTAssertEqual(result.diagnostics.first?.severity, .warning)
    }

    func testAChartThatIsNotAloneInItsParagraphIsAnError() {
        for text in ["See ![c](chart:flow/llama-2023) here.", "[![c](chart:flow/llama-2023)](https://example.org)",
                     "## ![c](chart:flow/llama-2023)", "![alt ![c](chart:flow/llama-2023)](https://example.org/i.png)"] {
            let result = render(text)
            XCTAssertTrue(result.charts.isEmpty, text)
            XCTAssertTrue(result.diagnostics.contains { $0.message.contains("must be alone in its paragraph") }, text)
            XCTAssertFalse(result.html { _ in "<figure>" }.contains("<figure>"), text)
        }
        // Alone in a paragraph of a quote or a list item is fine.
        XCTAssertEqual(render("> ![c](chart:flow/llama-2023)\n\n- ![d](chart:careers/llama-2023)\n").charts.count, 2)
    }

    func testAnImageOfAPageIsAnErrorNotABrokenPicture() {
        let result = render("![Guillaume](author:guillaume-lample)")
        XCTAssertEqual(result.diagnostics.map(\.message), ["'author:guillaume-lample' is a page, not a picture; write [text](author:guillaume-lample) to link to it"])
        XCTAssertFalse(result.html.contains("src=\"../"), result.html)
    }

    func testAPercentEncodedFragmentIsEncodedOnceInTheLink() {
        XCTAssertEqual(InternalLink(url: "company:meta#%E6%97%A5")?.fragment, "日")
        XCTAssertEqual(InternalLink(url: "company:meta#日")?.fragment, "日")
        let linker = Linker(for: .article("a"), basePath: "/")
        XCTAssertEqual(linker.href(.company("meta"), fragment: "日"), "../../companies/meta/#%E6%97%A5")
    }

    /// Each of these took tens of seconds before (found by a tester); they must stay linear.
    func testManyHeadingsLinksAndChartsStayFast() {
        var started = Date()
        let headings = render(String(repeating: "## a\n", count: 20_000))
        XCTAssertEqual(headings.headings.last?.id, "a-20000")
        XCTAssertEqual(Set(headings.headings.map(\.id)).count, 20_000)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "repeated headings")

        started = Date()
        let links = render((0..<10_000).map { "[a](author:nope\($0))" }.joined(separator: " "))
        XCTAssertEqual(links.diagnostics.count, 10_000)
        let columns = links.diagnostics.compactMap(\.location?.column)
        XCTAssertEqual(columns, columns.sorted(), "each error at its own column")
        XCTAssertEqual(Set(columns).count, 10_000)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "unknown links on one line")

        started = Date()
        let charts = render(String(repeating: "![c](chart:flow/llama-2023)\n\n", count: 2_000))
        XCTAssertEqual(charts.charts.count, 2_000)
        let html = charts.html { "<figure>\($0.placeholder.filter(\.isNumber))</figure>" }
        XCTAssertTrue(html.hasPrefix("<figure>0</figure>"), String(html.prefix(80)))
        XCTAssertTrue(html.contains("<figure>1999</figure>"))
        XCTAssertFalse(html.contains("<p>"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "many charts")
    }

    func testDeeplyNestedMarkdownRendersWithoutCrashing() {
        let quotes = String(repeating: ">", count: 50_000) + " deep"
        XCTAssertFalse(render(quotes).html.isEmpty)
        let lists = String(repeating: "- ", count: 50_000) + "deep"
        XCTAssertFalse(render(lists).html.isEmpty)
        let brackets = String(repeating: "[", count: 50_000) + "x" + String(repeating: "](y)", count: 50_000)
        XCTAssertFalse(render(brackets).html.isEmpty)
        let emphasis = String(repeating: "*a ", count: 50_000) + String(repeating: "*", count: 50_000)
        XCTAssertFalse(render(emphasis).html.isEmpty)
    }

    func testAVeryWideTableIsRefusedAtItsLineInsteadOfRunningForMinutes() {
        let columns = 3000
        let text = "Intro\n\n|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
            + String(repeating: "x\n", count: 6000)
        let started = Date()
        let result = render(text)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(result.diagnostics.first?.location?.line, 5 + 3)
        XCTAssertTrue(result.diagnostics.first?.message.contains("3000 columns") == true)
        // Ordinary tables, and table-like text in code, are left alone.
        XCTAssertTrue(render("| a | b |\n|---|:-:|\n| 1 | 2 |\n").diagnostics.isEmpty)
        XCTAssertTrue(render("```\n|" + String(repeating: "-|", count: 20) + "\n```\n").diagnostics.isEmpty)
    }

    /// Found by a tester: each of these got past a guard that read tables only at the top level.
    func testWideTablesInQuotesAfterFakeFencesOrSpreadOverManyTablesAreRefused() {
        func wide(_ prefix: String, columns: Int = 3000, rows: Int = 3000) -> String {
            prefix + "|" + String(repeating: "a|", count: columns) + "\n" + prefix + "|" + String(repeating: "-|", count: columns) + "\n"
                + String(repeating: prefix + "|x|\n", count: rows)
        }
        let cases = [
            "in a quote": wide("> "),
            "in a nested quote and list": wide(">  > "),
            "after an indented fence": "    ```\n\n" + wide(""),
            "after an inline code span that looks like a fence": "``` a ` b ```\n\n" + wide(""),
            "over many tables": Array(repeating: wide("", columns: 100, rows: 999), count: 3).joined(separator: "\n"),
        ]
        for (name, text) in cases {
            let started = Date()
            let result = render(text)
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, name)
            XCTAssertTrue(result.diagnostics.contains { $0.message.contains("Roster takes tables of up to") }, name)
        }
        // Table-like text in code and HTML is not a table, however wide (CommonMark decides what is code).
        let wideText = "|" + String(repeating: "a|", count: 200) + "\n|" + String(repeating: "-|", count: 200) + "\n|x|\n"
        for (name, text) in ["fenced": "```\n" + wideText + "```\n", "tilde fence": "~~~text\n" + wideText + "~~~\n",
                             "indented": wideText.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"),
                             "comment": "<!--\n" + wideText + "-->\n", "quoted fence": "> ```\n" + wideText.split(separator: "\n").map { "> " + $0 }.joined(separator: "\n") + "\n> ```\n"] {
            XCTAssertTrue(render("Intro\n\n" + text).diagnostics.isEmpty, name)
        }
        // Several ordinary tables in one file are fine.
        XCTAssertTrue(render(Array(repeating: wide("", columns: 10, rows: 100), count: 20).joined(separator: "\n")).diagnostics.isEmpty)
    }
}
