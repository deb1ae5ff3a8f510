import Foundation
import RosterBuild
import RosterModel
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A larger hostile-content suite than `HostileInputTests`: OWASP filter-evasion payloads in every
/// YAML string and every kind of Markdown place, checked in every output file with a small tag
/// scanner, XML and JSON parsers and a strict CSV reader; Unicode edge cases; very large inputs;
/// symlink loops; YAML alias bombs in site.yml and careers.
final class HostileContentSuiteTests: XCTestCase {

    // MARK: Payloads

    /// Written from OWASP's XSS filter evasion cheat sheet (and a few template-injection and
    /// separator cases). None starts or ends with whitespace, so Roster's trimming keeps them whole.
    static let payloads: [String] = [
        #"<script>alert(1)</script>"#,
        #"<IMG SRC="javascript:alert('XSS');">"#,
        #"<IMG SRC=JaVaScRiPt:alert('XSS')>"#,
        #"<img src=x onerror=alert(1)>"#,
        #"<svg/onload=alert(1)>"#,
        #""><script>alert(1)</script>"#,
        #"'-alert(1)-'"#,
        #"</title><script>alert(1)</script>"#,
        #"<iframe src=javascript:alert(1)>"#,
        #"<a href="jav&#x09;ascript:alert(1)">x</a>"#,
        #"<BODY ONLOAD=alert(1)>"#,
        #"<<SCRIPT>alert("XSS");//<</SCRIPT>"#,
        #"<STYLE>@import'http://x/xss.css';</STYLE>"#,
        #"<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(1);">"#,
        #"<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>"#,
        #"<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>"#,
        #"]]><script>alert(1)</script>"#,
        #"<![CDATA[<script>alert(1)</script>]]>"#,
        #"{{ 7*7 }}"#,
        #"{{{x}}}{{{site.title}}}{{#site}}{{>layout}}{{/site}}"#,
        "line\u{2028}separator\u{2029}paragraph",
        #"`${alert(1)}`"#,
        #"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"#,
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        #"<IMG SRC=" &#14;  javascript:alert('XSS');">"#,
        #"<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>"#,
        #"<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\>"#,
        #"<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>"#,
        #"<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">"#,
        #"<TABLE BACKGROUND="javascript:alert('XSS')">"#,
        #"<DIV STYLE="background-image: url(javascript:alert('XSS'))">"#,
        #"<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>"#,
        #"<EMBED SRC="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" type="image/svg+xml">"#,
        #"<BASE HREF="javascript:alert('XSS');//">"#,
        #"<FORM><BUTTON FORMACTION="javascript:alert(1)">X</BUTTON></FORM>"#,
        #"<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>"#,
        #"<!--<img src="--><img src=x onerror=alert(1)//">"#,
        #"\";alert('XSS');//"#,
        #"</script><script>alert(1)</script>"#,
        #"<details open ontoggle=alert(1)>"#,
        #"&lt;script&gt;alert(1)&lt;/script&gt;"#,
        #"%3Cscript%3Ealert(1)%3C%2Fscript%3E"#,
        #"javascript:alert(1)"#,
        #"<x onmouseover=alert(1)>hover me"#,
        #"<a href="javascript&colon;alert(1)">x</a>"#,
        #"<LINK REL="stylesheet" HREF="javascript:alert('XSS');">"#,
        #"<IMG SRC=`javascript:alert("RSnake says, 'XSS'")`>"#,
        #"<a onmouseover="alert(document.cookie)">xxs link</a>"#,
        #"<SCRIPT SRC=http://xss.rocks/xss.js?< B >"#,
        #"<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>"#,
        #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "alert(1)">]>&e;"#,
        #"<svg><script>alert&#40;1&#41;</script></svg>"#,
    ]

    /// Link and image targets that must never become a live script URL.
    static let hostileURLs: [String] = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "JAVASCRIPT:alert(1)",
        "javascript://%0aalert(1)",
        "javascript&#58;alert(1)",
        "javascript&colon;alert(1)",
        "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
        "&#x6A;avascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "jav&#x0A;ascript:alert(1)",
        "&#32;javascript:alert(1)",
        "&#x0B;javascript:alert(1)",
        "&#1;javascript:alert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
        "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
        "file:///etc/passwd",
    ]

    // MARK: 1. XSS payloads in every field

    /// One build per payload: the payload alone in every YAML string field and in every kind of
    /// Markdown place. Every output file is checked, and every field round-trips exactly.
    func testEachPayloadAloneInEveryFieldIsInert() throws {
        XCTAssertGreaterThanOrEqual(Self.payloads.count, 30)
        for payload in Self.payloads {
            XCTAssertEqual(payload, payload.trimmingCharacters(in: .whitespacesAndNewlines), "a payload must not need trimming")
        }
        let started = Date()
        for (index, payload) in Self.payloads.enumerated() {
            let fixture = HostileFixture(payloads: [payload])
            let site = try fixture.makeSite()
            let report = site.build()
            guard report.succeeded else {
                XCTFail("payload #\(index) \(payload.debugDescription): the build failed:\n" + report.errorLines.joined(separator: "\n"))
                continue
            }
            try verify(site, fixture, label: "payload #\(index) \(payload.debugDescription)")
        }
        print("HostileContentSuite: \(Self.payloads.count) single-payload builds took \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// Every payload at once, one per author, company, cohort, article, page, source and event, so
    /// that index pages, the feed and the exports hold all of them side by side.
    func testAllPayloadsTogetherInOneSiteAreInert() throws {
        let fixture = HostileFixture(payloads: Self.payloads)
        let site = try fixture.makeSite()
        let started = Date()
        let report = site.build()
        print("HostileContentSuite: the \(Self.payloads.count)-payload site built in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        try verify(site, fixture, label: "all payloads")
        // The template-injection payloads stay literal text (never evaluated).
        let home = try site.read("Output/index.html")
        XCTAssertTrue(MiniHTML.textContent(home).contains("{{ 7*7 }}"), "the template-injection payload is not shown literally")
    }

    /// Script URLs as Markdown link, image, reference and autolink targets, in article, author,
    /// company and page bodies. Roster may warn; it must not write a live script URL.
    func testHostileLinkAndImageTargetsInMarkdownAreInert() throws {
        let site = try TestSite.minimal()
        var body = "[Ada](author:ada) went to [Globex](company:globex).\n\n"
        for (index, url) in Self.hostileURLs.enumerated() {
            body += "Link \(index): [click](\(url)) and ![img](\(url)) and [ref][r\(index)] and <\(url)> and [angle](<\(url)>).\n\n"
        }
        for (index, url) in Self.hostileURLs.enumerated() { body += "[r\(index)]: \(url)\n" }
        try site.write("Content/articles/news.md", "---\ntitle: News\ndate: 2025-05-01\ntags: [Departures]\n---\n" + body)
        try site.write("Content/authors/bob.md", "---\nname: Bob\ncareer:\n  - company: acme\n    start: 2018-06-01\n---\n" + body)
        try site.write("Content/companies/globex.md", "---\nname: Globex\n---\n" + body)
        try site.write("Content/pages/about.md", "---\ntitle: About\n---\n" + body)
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        let problems = outputProblems(site.snapshot())
        XCTAssertTrue(problems.isEmpty, problems.prefix(30).joined(separator: "\n"))
        XCTAssertTrue(try site.read("Output/articles/news/index.html").contains("Link \(Self.hostileURLs.count - 1)"))
    }

    /// A URL field in YAML with a script scheme is an error at its own line, and nothing is written.
    func testScriptURLsInYAMLFieldsAreErrorsAtTheirLines() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        try site.write("Content/authors/ada.md", """
            ---
            name: Ada Lovelace
            links:
              - label: Home
                url: 'javascript:alert(1)'
              - label: Other
                url: ' JaVaScRiPt:alert(2)'
              - label: Data
                url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='
            career:
              - company: acme
                start: 2015
            ---
            Ada.
            """)
        try site.write("Content/companies/globex.md", "---\nname: Globex\nwebsite: 'vbscript:msgbox(1)'\n---\nGlobex.\n")
        try site.write("Content/sources.yml", """
            paper:
              title: The paper
              publisher: arXiv
              date: 2020-01
              url: "java\\tscript:alert(1)"
            """)
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertError(report, at: "Content/authors/ada.md", line: 5, containing: "url")
        XCTAssertError(report, at: "Content/authors/ada.md", line: 7, containing: "url")
        XCTAssertError(report, at: "Content/authors/ada.md", line: 9, containing: "url")
        XCTAssertError(report, at: "Content/companies/globex.md", line: 3, containing: "website")
        XCTAssertError(report, at: "Content/sources.yml", line: 5, containing: "url")
        XCTAssertEqual(site.snapshot(), before, "Output/ changed after a failed build")
    }

    /// http(s) and mailto URLs that carry markup are allowed, but stay inside their attribute.
    func testHostileButAllowedURLsStayInsideTheirAttributes() throws {
        let urls = [
            #"https://x.example/"><script>alert(1)</script>"#,
            #"https://x.example/?q='-alert(1)-'&r=<img src=x onerror=alert(1)>"#,
            #"https://x.example/#"onmouseover="alert(1)"#,
            #"mailto:a@b.example" onmouseover="alert(1)"#,
            #"mailto:a@b.example?subject=<svg/onload=alert(1)>"#,
        ]
        let site = try TestSite.minimal()
        var links = ""
        for (index, url) in urls.enumerated() {
            links += "  - label: Link \(index)\n    url: \(HostileFixture.yaml(url))\n"
        }
        try site.write("Content/authors/ada.md", "---\nname: Ada Lovelace\nlinks:\n" + links + """
            career:
              - company: acme
                start: 2015
                end: 2021-03
              - company: globex
                start: 2021-03
            ---
            Ada.
            """)
        try site.write("Content/companies/globex.md", "---\nname: Globex\nwebsite: \(HostileFixture.yaml(urls[0]))\n---\nGlobex.\n")
        try site.write("Content/sources.yml", """
            paper:
              title: The paper
              publisher: arXiv
              date: 2020-01
              url: \(HostileFixture.yaml(urls[1]))
            """)
        let report = site.build()
        if !report.succeeded {
            // Refusing such URLs is acceptable, as long as the refusal names the file.
            for error in report.diagnostics.errors {
                XCTAssertNotNil(error.location?.path, error.description)
            }
            return
        }
        let files = site.snapshot()
        let problems = outputProblems(files)
        XCTAssertTrue(problems.isEmpty, problems.prefix(30).joined(separator: "\n"))
        // Each URL is one whole href, exactly as written.
        let author = String(decoding: try XCTUnwrap(files["authors/ada/index.html"]), as: UTF8.self)
        let hrefs = MiniHTML.tokens(author).compactMap { token -> String? in
            if case .start(let tag) = token, tag.name == "a" { return tag.value("href") }
            return nil
        }
        for url in urls {
            XCTAssertTrue(hrefs.contains { same($0, url) }, "no href equals \(url.debugDescription) on the author page")
        }
        let json = try jsonObject(files)
        let ada = try XCTUnwrap((json["authors"] as? [[String: Any]])?.first { $0["slug"] as? String == "ada" })
        let jsonURLs = (ada["links"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
        XCTAssertEqual(jsonURLs.map { Array($0.utf8) }, urls.map { Array($0.utf8) })
    }

    /// Control characters YAML can spell (double-quoted escapes) reach the CSV, the feed and the
    /// JSON: a field with a CR or CRLF is quoted in the CSV, and the feed stays well formed.
    func testCarriageReturnsAndTabsFromYAMLEscapesKeepExportsParseable() throws {
        // No comma or quote in the unit: only its CRLF makes it need quoting.
        let unit = "Research\r\nLab"
        let role = "Lead, \"R\rD\"\tII"
        let title = "Line one\r\nline two\ttabbed"
        let site = try TestSite.minimal()
        try site.write("Content/authors/bob.md", """
            ---
            name: Bob
            career:
              - company: acme
                start: 2018-06-01
                unit: \(HostileFixture.yaml(unit))
                role: \(HostileFixture.yaml(role))
            ---
            Bob stayed.
            """)
        try site.write("Content/articles/news.md", """
            ---
            title: \(HostileFixture.yaml(title))
            date: 2025-05-01
            ---
            [Ada](author:ada) went to [Globex](company:globex).
            """)
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        let files = site.snapshot()
        let csvText = String(decoding: try XCTUnwrap(files["data/careers.csv"]), as: UTF8.self)
        do {
            let rows = try StrictCSV.parse(csvText)
            let bob = rows.first { $0.first == "bob" }
            XCTAssertEqual(bob.map { Array($0[2].utf8) }, Array(unit.utf8), "unit does not round-trip through the CSV")
            XCTAssertEqual(bob.map { Array($0[3].utf8) }, Array(role.utf8), "role does not round-trip through the CSV")
        } catch {
            XCTFail("data/careers.csv is not RFC 4180 (\(error)):\n\(csvText.debugDescription)")
        }
        let feed = try FeedReader.read(try XCTUnwrap(files["feed.xml"]))
        XCTAssertNil(feed.error, "feed.xml does not parse: \(String(describing: feed.error))")
        // XML parsers turn a raw CR into LF, so an exact title needs the CR written as &#13;.
        XCTAssertEqual(feed.entries.first.map { Array(($0.fields["title"] ?? "").utf8) }, Array(title.utf8),
                       "the feed entry title differs from the article title: \(feed.entries.first?.fields["title"]?.debugDescription ?? "nil")")
        let json = try jsonObject(files)
        let article = try XCTUnwrap((json["articles"] as? [[String: Any]])?.first)
        XCTAssertEqual((article["title"] as? String).map { Array($0.utf8) }, Array(title.utf8))
    }

    /// The scanner itself: every payload that is markup, a quote or a script URL is caught when
    /// written raw into text, an attribute, a single-quoted attribute and a <title>; the same page
    /// escaped is clean. (So the checks above can fail.)
    func testTheTagScannerCatchesRawPayloadsAndPassesEscapedOnes() {
        func page(_ p: String) -> String {
            "<!DOCTYPE html><html><head><title>\(p)</title></head><body><p>\(p)</p><a href=\"\(p)\" title='\(p)'>x</a></body></html>"
        }
        func escape(_ text: String) -> String {
            var out = ""
            for character in text {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.append(character)
                }
            }
            return out
        }
        var caught = 0
        for payload in Self.payloads {
            // (A raw `<![CDATA[<script>` is a bogus comment up to its first `>` in HTML: inert.)
            let dangerous = (payload.contains("<") || payload.contains("\"") || payload.contains("'")
                || payload.lowercased().hasPrefix("javascript:")) && !payload.hasPrefix("<![CDATA[")
            let raw = MiniHTML.violations(in: page(payload))
            if dangerous {
                XCTAssertFalse(raw.isEmpty, "the scanner misses the raw payload \(payload.debugDescription)")
                caught += raw.isEmpty ? 0 : 1
            }
            let escapedPage = page(escape(payload))
            let escaped = MiniHTML.violations(in: escapedPage)
            if escape(payload).lowercased().hasPrefix("javascript:") {
                XCTAssertEqual(escaped.count, 1, "only the href is a script URL: \(escaped)")
            } else {
                XCTAssertEqual(escaped, [], "the escaped payload \(payload.debugDescription) is flagged")
            }
            XCTAssertEqual(MiniHTML.firstElementText(escapedPage, "p"), payload, "text does not decode back")
            XCTAssertEqual(MiniHTML.firstElementText(escapedPage, "title"), payload, "<title> does not decode back")
        }
        XCTAssertGreaterThanOrEqual(caught, 40)
        // Entity and whitespace tricks in URLs, and the bogus-comment rule.
        for html in [#"<a href="&#106;avascript:alert(1)">"#, #"<a href="&#x6A;avascript&colon;alert(1)">"#,
                     #"<a href="jav&#x09;ascript:alert(1)">"#, "<a href=\" \u{1}javascript:alert(1)\">",
                     #"<img src=JaVaScRiPt:alert(1)>"#, #"<svg><a xlink:href="data:text/html,x">"#,
                     #"<![CDATA[><img src=x onerror=alert(1)>]]>"#, #"<meta http-equiv=" Refresh " content="0">"#] {
            XCTAssertFalse(MiniHTML.violations(in: html).isEmpty, "the scanner misses \(html)")
        }
    }

    // MARK: 2. Unicode

    static let arabic = "محمد بن موسى الخوارزمي"
    static let hebrew = "דוד בן־גוריון"
    /// Written decomposed (NFD): e + U+0301, n + U+0303.
    static let decomposed = "Jose\u{301} Nu\u{303}n\u{303}ez"
    /// Written composed (NFC).
    static let composed = "Zo\u{EB} \u{C5}ngstr\u{F6}m \u{C7}elik"
    static let emoji = "Dev \u{1F469}\u{1F3FD}\u{200D}\u{1F4BB} family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466} flags \u{1F1EB}\u{1F1F7}\u{1F1FA}\u{1F1E6} \u{1F3F3}\u{FE0F}\u{200D}\u{1F308}"
    static let joiners = "Ka\u{200D}ren Sh\u{200C}ir \u{200F}RTL\u{200E} \u{202E}gnp.exe\u{202C} end"

    func testUnicodeNamesTitlesAndBodiesAreKeptByteForByte() throws {
        let people: [(slug: String, name: String)] = [
            ("arabic", Self.arabic), ("hebrew", Self.hebrew), ("nfd", Self.decomposed),
            ("nfc", Self.composed), ("emoji", Self.emoji), ("joiners", Self.joiners),
        ]
        let site = try TestSite.minimal()
        try site.write("Content/site.yml", """
            title: \(HostileFixture.yaml("Rapport \(Self.composed) \(Self.arabic)"))
            base_url: https://example.org/test/
            as_of: 2025-05-27
            cohorts:
              - slug: team
                name: \(HostileFixture.yaml("\(Self.hebrew) \(Self.emoji)"))
                origin: acme
                date: 2020-01-01
                members: [ada, bob, \(people.map(\.slug).joined(separator: ", "))]
            """)
        for person in people {
            try site.write("Content/authors/\(person.slug).md", """
                ---
                name: \(HostileFixture.yaml(person.name))
                career:
                  - company: acme
                    unit: \(HostileFixture.yaml(person.name))
                    start: 2016
                    end: 2022
                  - company: globex
                    role: \(HostileFixture.yaml(person.name))
                    start: 2022
                ---
                Biography of \(person.name): \(Self.decomposed) \(Self.arabic) \(Self.emoji).

                ## \(person.name)
                """)
        }
        try site.write("Content/companies/globex.md", "---\nname: \(HostileFixture.yaml("شركة \(Self.decomposed)"))\nheadquarters: \(HostileFixture.yaml(Self.hebrew))\n---\n\(Self.joiners)\n")
        let articleTitle = "\(Self.hebrew) — \(Self.decomposed) \(Self.emoji)"
        try site.write("Content/articles/news.md", """
            ---
            title: \(HostileFixture.yaml(articleTitle))
            date: 2025-05-01
            tags: ['Économie', 'Café Society', 'naïve', 'Re\u{301}sume\u{301}', 'Ça va', 'ذكاء']
            ---
            [Ada](author:ada) went to [Globex](company:globex). \(Self.decomposed) and \(Self.composed).

            \(Self.arabic) \(Self.hebrew) \(Self.emoji) \(Self.joiners)
            """)
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        let files = site.snapshot()
        let problems = outputProblems(files)
        XCTAssertTrue(problems.isEmpty, problems.prefix(30).joined(separator: "\n"))

        let index = try XCTUnwrap(files["authors/index.html"])
        let json = try jsonObject(files)
        let jsonAuthors = json["authors"] as? [[String: Any]] ?? []
        let rows = try StrictCSV.parse(String(decoding: try XCTUnwrap(files["data/careers.csv"]), as: UTF8.self))
        for person in people {
            let page = try XCTUnwrap(files["authors/\(person.slug)/index.html"], person.slug)
            XCTAssertTrue(page.containsBytes(person.name), "authors/\(person.slug): the name's bytes are not on the page")
            XCTAssertTrue(index.containsBytes(person.name), "authors/: \(person.slug)'s name's bytes are not in the index")
            XCTAssertTrue(same(MiniHTML.firstElementText(String(decoding: page, as: UTF8.self), "h1"), person.name),
                          "authors/\(person.slug): <h1> is not the name byte for byte")
            let jsonName = jsonAuthors.first { $0["slug"] as? String == person.slug }?["name"] as? String
            XCTAssertTrue(same(jsonName, person.name), "roster.json: \(person.slug)'s name differs: \(jsonName?.debugDescription ?? "nil")")
            let stints = rows.filter { $0.first == person.slug }
            XCTAssertEqual(stints.count, 2)
            XCTAssertTrue(same(stints.first?[2], person.name), "careers.csv: \(person.slug)'s unit differs")
            XCTAssertTrue(same(stints.last?[3], person.name), "careers.csv: \(person.slug)'s role differs")
        }
        // NFD stays NFD, NFC stays NFC: neither is normalised into the other.
        let nfdPage = try XCTUnwrap(files["authors/nfd/index.html"])
        XCTAssertFalse(nfdPage.containsBytes(Self.decomposed.precomposedStringWithCanonicalMapping),
                       "the decomposed name was normalised to NFC")
        let nfcPage = try XCTUnwrap(files["authors/nfc/index.html"])
        XCTAssertFalse(nfcPage.containsBytes(Self.composed.decomposedStringWithCanonicalMapping),
                       "the composed name was decomposed")

        let article = try XCTUnwrap(files["articles/news/index.html"])
        XCTAssertTrue(article.containsBytes(articleTitle))
        XCTAssertTrue(article.containsBytes(Self.joiners), "the body lost its joiners or bidi controls")
        let feed = try FeedReader.read(try XCTUnwrap(files["feed.xml"]))
        XCTAssertNil(feed.error)
        XCTAssertTrue(same(feed.entries.first?.fields["title"], articleTitle), "the feed title differs")

        // Tags: accents removed, other scripts kept; the article links to each tag page.
        let articleHTML = String(decoding: article, as: UTF8.self)
        let hrefs = MiniHTML.tokens(articleHTML).compactMap { token -> String? in
            if case .start(let tag) = token, tag.name == "a" { return tag.value("href")?.removingPercentEncoding }
            return nil
        }
        for slug in ["economie", "cafe-society", "naive", "resume", "ca-va", "ذكاء"] {
            XCTAssertNotNil(files["tags/\(slug)/index.html"], "no page tags/\(slug)/; tag pages: \(files.keys.filter { $0.hasPrefix("tags/") }.sorted())")
            XCTAssertTrue(hrefs.contains { $0.hasSuffix("tags/\(slug)/") || $0.hasSuffix("tags/\(slug)/index.html") },
                          "the article does not link to tags/\(slug)/: \(hrefs.filter { $0.contains("tags") })")
        }
    }

    func testByteOrderMarksAtTheStartOfFilesAreDropped() throws {
        let site = try TestSite.minimal()
        let bom = Data([0xEF, 0xBB, 0xBF])
        for path in ["Content/site.yml", "Content/sources.yml", "Content/authors/ada.md", "Content/articles/news.md",
                     "Content/companies/acme.md"] {
            let data = try Data(contentsOf: site.root.appendingPathComponent(path))
            try site.writeData(path, bom + data)
        }
        try site.writeData("Content/data/events.yml", bom + Data("- date: 2023\n  title: Founded\n".utf8))
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        let files = site.snapshot()
        for (path, data) in files where !path.hasPrefix("assets/") {
            XCTAssertFalse(data.containsBytes("\u{FEFF}"), "\(path) contains a byte-order mark")
        }
        let json = try jsonObject(files)
        XCTAssertTrue(same((json["site"] as? [String: Any])?["title"] as? String, "Test report"))
        let ada = (json["authors"] as? [[String: Any]])?.first { $0["slug"] as? String == "ada" }
        XCTAssertTrue(same(ada?["name"] as? String, "Ada Lovelace"))
        XCTAssertTrue(MiniHTML.textContent(String(decoding: try XCTUnwrap(files["index.html"]), as: UTF8.self)).contains("Founded"))

        // An error in a file with a BOM and CRLF line ends is still reported at its line.
        try site.writeData("Content/authors/bob.md", bom + Data("---\r\nname: Bob\r\ncareer:\r\n  - company: acmee\r\n    start: 2018\r\n---\r\nBob.\r\n".utf8))
        let failed = site.build()
        XCTAssertError(failed, at: "Content/authors/bob.md", line: 4, containing: "unknown company")
    }

    func testCRLFAndCRFilesBuildAndErrorsKeepTheirLines() throws {
        let site = try TestSite.minimal()
        try site.write("Content/articles/news.md", """
            ---
            title: News
            date: 2025-05-01
            tags: [Departures]
            ---
            ## First heading

            [Ada](author:ada) went to [Globex](company:globex).

            - one
            - two
            """)
        let contentFiles = site.snapshot(site.root.appendingPathComponent("Content"))
        for (path, data) in contentFiles {
            let text = String(decoding: data, as: UTF8.self)
            let separator = path.contains("authors/") ? "\r" : "\r\n"  // authors: old Mac CR-only
            try site.write("Content/" + path, text.replacingOccurrences(of: "\n", with: separator))
        }
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        guard report.succeeded else { return }
        let files = site.snapshot()
        for (path, data) in files where !path.hasPrefix("assets/") {
            XCTAssertFalse(data.contains(0x0D), "\(path) contains a carriage return")
        }
        let article = try site.read("Output/articles/news/index.html")
        XCTAssertTrue(article.contains("id=\"first-heading\""), "the CRLF heading lost its id")
        XCTAssertTrue(article.contains("<li>two</li>"))
        let json = try jsonObject(files)
        let ada = (json["authors"] as? [[String: Any]])?.first { $0["slug"] as? String == "ada" }
        XCTAssertTrue(same(ada?["name"] as? String, "Ada Lovelace"))
        let before = site.snapshot()

        // Errors in CRLF / CR files point at the right lines.
        try site.write("Content/authors/bob.md", "---\r\nname: Bob\r\ncareer:\r\n  - company: acme\r\n    start: 2018\r\n  - company: acmee\r\n    start: 2019\r\n---\r\nBob.\r\n")
        try site.write("Content/companies/globex.md", "---\rname: Globex\rfounded: yesterday\r---\rGlobex.\r")
        try site.write("Content/articles/news.md", "---\r\ntitle: News\r\ndate: 2025-05-01\r\n---\r\nLine five.\r\n\r\nLine seven.\r\n\r\nSee [nobody](author:nobody).\r\n")
        let failed = site.build()
        XCTAssertFalse(failed.succeeded)
        XCTAssertError(failed, at: "Content/authors/bob.md", line: 6, containing: "unknown company")
        XCTAssertError(failed, at: "Content/companies/globex.md", line: 3, containing: "date")
        XCTAssertError(failed, at: "Content/articles/news.md", line: 9, containing: "nobody")
        XCTAssertEqual(site.snapshot(), before, "Output/ changed after a failed build")

        // A YAML syntax error in a CRLF site.yml.
        try site.write("Content/authors/bob.md", "---\nname: Bob\ncareer:\n  - company: acme\n    start: 2018\n---\nBob.\n")
        try site.write("Content/companies/globex.md", "---\nname: Globex\n---\nGlobex.\n")
        try site.write("Content/articles/news.md", "---\ntitle: News\ndate: 2025-05-01\n---\nNews.\n")
        try site.write("Content/site.yml", "title: Test report\r\nbase_url: https://example.org/test/\r\nas_of: 2025-05-27\r\ncohorts:\r\n  - slug: team\r\n    name: [unclosed\r\n    origin: acme\r\n")
        let syntax = site.build()
        XCTAssertFalse(syntax.succeeded)
        XCTAssertTrue(syntax.diagnostics.errors.contains { $0.location?.path == "Content/site.yml" && ($0.location?.line ?? 0) >= 6 && ($0.location?.line ?? 0) <= 7 },
                      "the YAML error is not at line 6 or 7 of site.yml:\n" + syntax.errorLines.joined(separator: "\n"))
        XCTAssertEqual(site.snapshot(), before)
    }

    func testNULBytesAreErrorsNamingFileAndLine() throws {
        let site = try TestSite.minimal()
        // A binary asset with NUL bytes is fine: assets are copied verbatim.
        let binary = Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A, 0x00, 0xFF])
        try site.writeData("Content/assets/blob.bin", binary)
        XCTAssertTrue(site.build().succeeded)
        XCTAssertEqual(site.snapshot()["assets/blob.bin"], binary)
        let before = site.snapshot()

        try site.writeData("Content/articles/news.md", Data("---\ntitle: News\ndate: 2025-05-01\n---\nLine five.\nLine six \0 with a NUL.\n".utf8))
        try site.writeData("Content/site.yml", Data("title: Test\0 report\nbase_url: https://example.org/test/\n".utf8))
        try site.writeData("Content/authors/bob.md", Data("---\r\nname: Bob\r\ncareer:\r\n  - company: acme\0\r\n    start: 2018\r\n---\r\n".utf8))
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertError(report, at: "Content/articles/news.md", line: 6, containing: "NUL")
        XCTAssertError(report, at: "Content/site.yml", line: 1, containing: "NUL")
        XCTAssertError(report, at: "Content/authors/bob.md", line: 4, containing: "NUL")
        XCTAssertEqual(site.snapshot(), before, "Output/ changed after a failed build")
        // check() agrees.
        XCTAssertFalse(site.check().succeeded)
    }

    // MARK: 3. Size

    func testTenMegabyteArticleBuilds() throws {
        let site = try TestSite.minimal()
        var body = ""
        body.reserveCapacity(11 << 20)
        var paragraph = 0
        while body.utf8.count < 10 << 20 {
            paragraph += 1
            body += "Paragraph \(paragraph): the quick brown fox jumps over the lazy dog, *again* and **again**, `code` & <b>tags</b>.\n\n"
            if paragraph % 10_000 == 0 { body += "## Part \(paragraph / 10_000)\n\nSee [Ada](author:ada).\n\n" }
        }
        body += "The last paragraph.\n"
        try site.write("Content/articles/huge.md", "---\ntitle: Huge\ndate: 2025-05-02\n---\n" + body)
        let started = Date()
        let report = try XCTUnwrap(buildWithin(120, site), "a 10 MB article did not build within 120 s")
        let seconds = Date().timeIntervalSince(started)
        print("HostileContentSuite: a \(body.utf8.count / 1024 / 1024) MB article (\(paragraph) paragraphs) built in \(String(format: "%.1f", seconds)) s")
        XCTAssertTrue(report.succeeded, report.errorLines.joined(separator: "\n"))
        let page = site.output.appendingPathComponent("articles/huge/index.html")
        let size = (try? FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int) ?? 0
        XCTAssertGreaterThan(size, 10 << 20, "the article page is missing or too small")
        let data = try Data(contentsOf: page)
        XCTAssertTrue(data.containsBytes("Paragraph \(paragraph):"))
        XCTAssertTrue(data.containsBytes("The last paragraph."))
        XCTAssertFalse(data.containsBytes("<b>tags</b>"), "raw HTML in the body was not dropped")
        // The article is in the feed; Foundation's XMLParser (libxml2) refuses any text node over
        // 10 MB, which a full 10 MB body in one <content> element makes.
        let feed = try FeedReader.read(try Data(contentsOf: site.output.appendingPathComponent("feed.xml")))
        XCTAssertNil(feed.error, "feed.xml does not parse with XMLParser: \(String(describing: feed.error)) "
                     + "(libxml2 rejects a text node over 10 MB; the article's whole body is one <content>)")
    }

    func testFiveThousandAuthorsBuild() throws {
        let site = try TestSite.minimal()
        try site.remove("Content/authors/ada.md")
        try site.remove("Content/authors/bob.md")
        try site.remove("Content/companies/globex.md")
        try site.remove("Content/articles/news.md")
        let count = 5_000
        let slugs = (1...count).map { "m\($0)" }
        try site.write("Content/site.yml", """
            title: Five thousand
            base_url: https://example.org/test/
            as_of: 2025-05-27
            cohorts:
              - slug: everyone
                name: Everyone
                origin: acme
                date: 2020-01-01
                members: [\(slugs.joined(separator: ", "))]
            """)
        for (index, slug) in slugs.enumerated() {
            let end = index % 3 == 0 ? "\n    end: \(2016 + index % 9)-\(String(format: "%02d", 1 + index % 12))" : ""
            try site.write("Content/authors/\(slug).md", "---\nname: Member \(index + 1)\ncareer:\n  - company: acme\n    start: \(2000 + index % 15)\(end)\n    sources: [paper]\n---\nMember \(index + 1).\n")
        }
        let started = Date()
        let report = try XCTUnwrap(buildWithin(120, site), "a 5,000-author site did not build within 120 s")
        let seconds = Date().timeIntervalSince(started)
        print("HostileContentSuite: a \(count)-author site built in \(String(format: "%.1f", seconds)) s; phases: "
              + report.phases.map { "\($0.name) \(String(format: "%.1f", $0.seconds))" }.joined(separator: ", "))
        XCTAssertTrue(report.succeeded, report.errorLines.prefix(20).joined(separator: "\n"))
        XCTAssertLessThan(seconds, 120)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("authors/m5000/index.html").path))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("data/roster.json"))) as? [String: Any]
        let facts = ((json?["cohorts"] as? [[String: Any]])?.first?["facts"] as? [String: Any])
        XCTAssertEqual(facts?["members"] as? Int, count)
        XCTAssertEqual(facts?["departed"] as? Int, (0..<count).filter { $0 % 3 == 0 }.count)
        let cohort = try site.read("Output/cohorts/everyone/index.html")
        XCTAssertTrue(cohort.contains("Member 5000"))
    }

    // MARK: 4. Symlink loops

    func testSymlinkLoopsInAssetsEndAndCopyNothingTwice() throws {
        let site = try TestSite.minimal()
        try site.write("Content/assets/top.txt", "marker-top\n")
        try site.write("Content/assets/a/inner.txt", "marker-inner\n")
        try site.write("Content/assets/a/deeper/leaf.txt", "marker-leaf\n")
        let assets = site.root.appendingPathComponent("Content/assets")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("a/b").path, withDestinationPath: "../a")
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("a/deeper/self").path, withDestinationPath: ".")

        let started = Date()
        let report = try XCTUnwrap(buildWithin(60, site), "a build with symlink loops did not end within 60 s")
        print("HostileContentSuite: the symlink-loop build ended in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, succeeded: \(report.succeeded)")
        guard report.succeeded else {
            XCTAssertTrue(report.diagnostics.errors.contains { ($0.location?.path ?? $0.message).contains("Content/assets") },
                          "the refusal does not name the link:\n" + report.errorLines.joined(separator: "\n"))
            return
        }
        let files = site.snapshot()
        let assetPaths = files.keys.filter { $0.hasPrefix("assets/") }.sorted()
        print("HostileContentSuite: assets written: \(assetPaths)")
        for marker in ["marker-top", "marker-inner", "marker-leaf"] {
            let holders = files.filter { $0.value.containsBytes(marker) }.keys.sorted()
            XCTAssertEqual(holders.count, 1, "\(marker) was copied \(holders.count) times: \(holders)")
        }
        // No source file of the site (reachable through `loop` → Content/) is written twice.
        let sources = site.snapshot(site.root.appendingPathComponent("Content"))
        for (path, data) in sources where data.count > 20 {
            let copies = files.filter { $0.value == data }.keys.sorted()
            XCTAssertLessThanOrEqual(copies.count, 1, "Content/\(path) was written \(copies.count) times: \(copies)")
        }
        for path in assetPaths {
            let parts = path.split(separator: "/")
            XCTAssertEqual(Set(parts).count, parts.count, "\(path) repeats a folder: a loop was followed")
        }
        // A second build (Output/ now exists) is the same.
        let again = try XCTUnwrap(buildWithin(60, site))
        XCTAssertTrue(again.succeeded)
        XCTAssertEqual(site.snapshot(), files, "a second build of the same input differs")
    }

    /// A link to the site folder itself reaches Output/ too: the build must not copy its own
    /// previous output into the new one (which would grow on every build).
    func testSymlinkToTheSiteFolderDoesNotCopyOutputIntoItself() throws {
        let site = try TestSite.minimal()
        try site.write("Content/assets/app.css", "body { color: black; }\n")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/assets/root").path,
                                                   withDestinationPath: "../..")
        var sizes: [Int] = []
        for _ in 0..<3 {
            let report = try XCTUnwrap(buildWithin(60, site), "a build with a link to the site folder did not end within 60 s")
            guard report.succeeded else {
                XCTAssertTrue(report.diagnostics.errors.contains { ($0.location?.path ?? $0.message).contains("Content/assets") },
                              report.errorLines.joined(separator: "\n"))
                return
            }
            let files = site.snapshot()
            sizes.append(files.count)
            let nested = files.keys.filter { $0.contains("/Output/") || ($0.hasPrefix("assets/") && $0.contains(".roster")) }.sorted()
            XCTAssertTrue(nested.isEmpty, "the build copied an output folder into itself: \(nested.prefix(10))")
        }
        print("HostileContentSuite: files per build with a link to the site folder: \(sizes)")
        XCTAssertEqual(Set(sizes).count, 1, "the output grows from build to build: \(sizes)")
    }

    // MARK: 5. YAML alias bombs

    /// `a: &a [x × 9]`, `b: &b [*a × 9]` … `i`: 9⁹ items once expanded.
    static func bombLines(item: String = "x", levels: Int = 9) -> [String] {
        let names = (0..<levels).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
        var lines = ["\(names[0]): &\(names[0]) [" + Array(repeating: item, count: 9).joined(separator: ",") + "]"]
        for index in 1..<levels {
            lines.append("\(names[index]): &\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",") + "]")
        }
        return lines
    }

    /// The same as one flow list: `[&a [...], &b [*a, ...], ...]`.
    static func inlineBomb(item: String = "x", levels: Int = 9) -> String {
        let names = (0..<levels).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
        var items = ["&a [" + Array(repeating: item, count: 9).joined(separator: ",") + "]"]
        for index in 1..<levels {
            items.append("&\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",") + "]")
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    func testAliasBombAsCohortMembersEnds() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        let header = "title: Test report\nbase_url: https://example.org/test/\nas_of: 2025-05-27\n"
        let cohort = "cohorts:\n  - slug: team\n    name: The team\n    origin: acme\n    date: 2020-01-01\n"
        let variants: [(String, String, Int)] = [
            ("inline", header + cohort + "    members: \(Self.inlineBomb(item: "ada"))\n", 9),
            ("block", Self.bombLines(item: "ada").joined(separator: "\n") + "\n" + header + cohort + "    members: *i\n", 18),
            ("mapping", header + cohort + "    members:\n" + (0..<9).map { "      - " + ($0 == 0 ? "&m0 {slug: ada, x: [ada,ada,ada,ada,ada,ada,ada,ada,ada]}" : "&m\($0) {a: *m\($0 - 1), b: *m\($0 - 1), c: *m\($0 - 1), d: *m\($0 - 1), e: *m\($0 - 1), f: *m\($0 - 1), g: *m\($0 - 1), h: *m\($0 - 1), i: *m\($0 - 1)}") }.joined(separator: "\n") + "\n", 9),
        ]
        for (name, text, membersLine) in variants {
            try site.write("Content/site.yml", text)
            let started = Date()
            let report = try XCTUnwrap(buildWithin(60, site), "\(name): the build did not end within 60 s")
            print("HostileContentSuite: alias bomb in members (\(name)) ended in \(String(format: "%.2f", Date().timeIntervalSince(started))) s with \(report.diagnostics.errors.count) errors")
            XCTAssertFalse(report.succeeded, "\(name): an alias bomb as members must fail")
            XCTAssertTrue(report.diagnostics.errors.contains { $0.location?.path == "Content/site.yml" },
                          "\(name): no error in site.yml:\n" + report.errorLines.prefix(10).joined(separator: "\n"))
            XCTAssertTrue(report.diagnostics.errors.contains {
                $0.location?.path == "Content/site.yml" && (membersLine...(membersLine + 9)).contains($0.location?.line ?? 0)
            } || name == "block",
                          "\(name): no error at the members line \(membersLine):\n" + report.errorLines.prefix(10).joined(separator: "\n"))
            XCTAssertLessThan(report.diagnostics.count, 1_000, "\(name): the bomb was expanded into \(report.diagnostics.count) diagnostics")
            XCTAssertEqual(site.snapshot(), before, "\(name): Output/ changed")
        }
    }

    func testAliasBombAsCareerEnds() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        let before = site.snapshot()
        let stint = "{company: acme, start: 2015}"
        let variants: [(String, String)] = [
            ("inline", "---\nname: Ada Lovelace\ncareer: \(Self.inlineBomb(item: stint))\n---\nAda.\n"),
            ("block", "---\n" + Self.bombLines(item: stint).joined(separator: "\n") + "\nname: Ada Lovelace\ncareer: *i\n---\nAda.\n"),
            ("in a stint", "---\nname: Ada Lovelace\ncareer:\n  - company: acme\n    start: 2015\n    sources: \(Self.inlineBomb(item: "paper"))\n---\nAda.\n"),
            ("as a unit", "---\nname: Ada Lovelace\ncareer:\n  - company: acme\n    start: 2015\n    unit: \(Self.inlineBomb())\n---\nAda.\n"),
        ]
        for (name, text) in variants {
            try site.write("Content/authors/ada.md", text)
            let started = Date()
            let report = try XCTUnwrap(buildWithin(60, site), "\(name): the build did not end within 60 s")
            print("HostileContentSuite: alias bomb in a career (\(name)) ended in \(String(format: "%.2f", Date().timeIntervalSince(started))) s with \(report.diagnostics.errors.count) errors")
            XCTAssertFalse(report.succeeded, "\(name): an alias bomb in a career must fail")
            XCTAssertTrue(report.diagnostics.errors.contains { $0.location?.path == "Content/authors/ada.md" },
                          "\(name): no error in ada.md:\n" + report.errorLines.prefix(10).joined(separator: "\n"))
            XCTAssertLessThan(report.diagnostics.count, 1_000, "\(name): the bomb was expanded into \(report.diagnostics.count) diagnostics")
            XCTAssertEqual(site.snapshot(), before, "\(name): Output/ changed")
        }
    }

    /// Linear amplification: a small front matter whose career is a thousand aliases of one stint
    /// with a 20 kB unit. Roster must refuse it or keep the exports small, and end promptly.
    func testAliasAmplifiedCareerIsRefusedOrBounded() throws {
        let site = try TestSite.minimal()
        let big = String(repeating: "U", count: 20_000)
        let refs = Array(repeating: "*s", count: 1_000).joined(separator: ", ")
        let text = "---\nname: Ada Lovelace\nnote: &s {company: acme, start: 2015, unit: \(big)}\ncareer: [\(refs)]\n---\nAda.\n"
        // `note` is an unknown key; without it the anchor lives in the first career item instead.
        let variants = [text, "---\nname: Ada Lovelace\ncareer: [&s {company: acme, start: 2015, unit: \(big)}, \(refs)]\n---\nAda.\n"]
        for (index, text) in variants.enumerated() {
            try site.write("Content/authors/ada.md", text)
            let started = Date()
            let report = try XCTUnwrap(buildWithin(60, site), "variant \(index): the build did not end within 60 s")
            print("HostileContentSuite: amplified career variant \(index) (\(text.utf8.count / 1024) kB) ended in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, succeeded: \(report.succeeded)")
            if report.succeeded {
                let csv = (try? FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("data/careers.csv").path)[.size] as? Int) ?? 0
                let page = (try? FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("authors/ada/index.html").path)[.size] as? Int) ?? 0
                XCTAssertLessThan(csv, 10_000_000, "variant \(index): a \(text.utf8.count / 1024) kB file made a \(csv / 1_000_000) MB careers.csv")
                XCTAssertLessThan(page, 10_000_000, "variant \(index): a \(text.utf8.count / 1024) kB file made a \(page / 1_000_000) MB author page")
            } else {
                XCTAssertTrue(report.diagnostics.errors.contains { $0.location?.path == "Content/authors/ada.md" },
                              report.errorLines.prefix(10).joined(separator: "\n"))
            }
        }
    }

    // MARK: Verification

    /// Every output file checked by kind, then each payload's round trip through pages, feed and exports.
    private func verify(_ site: TestSite, _ fixture: HostileFixture, label: String,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let files = site.snapshot()
        XCTAssertGreaterThan(files.count, 20, label, file: file, line: line)
        var problems = outputProblems(files)

        func expectSame(_ found: String?, _ expected: String, _ what: String) {
            if !same(found, expected) {
                problems.append("\(what): expected \(expected.debugDescription), found \(found?.debugDescription ?? "nothing")")
            }
        }
        func html(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

        // Pages: the <h1> text is the exact string.
        let homeText = html("index.html").map(MiniHTML.textContent) ?? ""
        for (j, payload) in fixture.payloads.enumerated() {
            expectSame(html("articles/n\(j)/index.html").flatMap { MiniHTML.firstElementText($0, "h1") }, payload, "article <h1>")
            expectSame(html("authors/a\(j)/index.html").flatMap { MiniHTML.firstElementText($0, "h1") }, payload, "author <h1>")
            expectSame(html("companies/c\(j)/index.html").flatMap { MiniHTML.firstElementText($0, "h1") }, payload, "company <h1>")
            expectSame(html("cohorts/k\(j)/index.html").flatMap { MiniHTML.firstElementText($0, "h1") }, payload, "cohort <h1>")
            expectSame(html("p\(j)/index.html").flatMap { MiniHTML.firstElementText($0, "h1") }, payload, "page <h1>")
            if !homeText.contains(payload) {
                problems.append("the home page's text does not contain the event title / article title \(payload.debugDescription)")
            }
        }
        expectSame(html("index.html").flatMap { MiniHTML.firstElementText($0, "title") }, fixture.siteTitle, "home <title>")

        // Feed: titles, summaries, bylines, categories exactly; content HTML safe.
        if let data = files["feed.xml"] {
            let feed = try FeedReader.read(data)
            expectSame(feed.title, fixture.siteTitle, "feed title")
            expectSame(feed.subtitle, fixture.siteTitle, "feed subtitle")
            XCTAssertEqual(feed.entries.count, fixture.payloads.count, "\(label): feed entries", file: file, line: line)
            var bySlug: [String: FeedReader.Entry] = [:]
            for entry in feed.entries {
                if let href = entry.link, let slug = href.split(separator: "/").last { bySlug[String(slug)] = entry }
            }
            for (j, payload) in fixture.payloads.enumerated() {
                let entry = bySlug["n\(j)"]
                expectSame(entry?.fields["title"], payload, "feed entry title n\(j)")
                expectSame(entry?.fields["summary"], payload, "feed entry summary n\(j)")
                expectSame(entry?.fields["author/name"], payload, "feed entry author n\(j)")
                expectSame(entry?.categories.first, fixture.tag(j), "feed entry category n\(j)")
                if let content = entry?.fields["content"] {
                    problems += MiniHTML.violations(in: content).map { "feed.xml entry n\(j) <content> HTML: \($0)" }
                } else {
                    problems.append("feed entry n\(j) has no content")
                }
            }
        }

        // JSON: the exact strings.
        let json = try jsonObject(files)
        let siteObject = json["site"] as? [String: Any]
        expectSame(siteObject?["title"] as? String, fixture.siteTitle, "roster.json site.title")
        expectSame(siteObject?["description"] as? String, fixture.siteTitle, "roster.json site.description")
        func item(_ key: String, _ idKey: String, _ id: String) -> [String: Any]? {
            (json[key] as? [[String: Any]])?.first { $0[idKey] as? String == id }
        }
        for (j, payload) in fixture.payloads.enumerated() {
            expectSame(item("cohorts", "slug", "k\(j)")?["name"] as? String, payload, "roster.json cohort name")
            let author = item("authors", "slug", "a\(j)")
            expectSame(author?["name"] as? String, payload, "roster.json author name")
            expectSame((author?["links"] as? [[String: Any]])?.first?["label"] as? String, payload, "roster.json link label")
            for stint in author?["career"] as? [[String: Any]] ?? [] {
                expectSame(stint["unit"] as? String, payload, "roster.json stint unit")
                expectSame(stint["role"] as? String, payload, "roster.json stint role")
            }
            let company = item("companies", "slug", "c\(j)")
            expectSame(company?["name"] as? String, payload, "roster.json company name")
            expectSame(company?["kind"] as? String, payload, "roster.json company kind")
            expectSame(company?["headquarters"] as? String, payload, "roster.json company headquarters")
            let article = item("articles", "slug", "n\(j)")
            expectSame(article?["title"] as? String, payload, "roster.json article title")
            expectSame(article?["summary"] as? String, payload, "roster.json article summary")
            expectSame(article?["byline"] as? String, payload, "roster.json article byline")
            expectSame((article?["tags"] as? [String])?.first, fixture.tag(j), "roster.json article tag")
            let source = item("sources", "id", "s\(j)")
            expectSame(source?["title"] as? String, payload, "roster.json source title")
            expectSame(source?["publisher"] as? String, payload, "roster.json source publisher")
        }

        // CSV: the unit and role of every stint.
        if let data = files["data/careers.csv"] {
            let rows = try StrictCSV.parse(String(decoding: data, as: UTF8.self))
            for (j, payload) in fixture.payloads.enumerated() {
                let stints = rows.filter { $0.first == "a\(j)" }
                if stints.count != 2 { problems.append("careers.csv: \(stints.count) rows for a\(j), expected 2") }
                for row in stints {
                    expectSame(row[2], payload, "careers.csv unit of a\(j)")
                    expectSame(row[3], payload, "careers.csv role of a\(j)")
                }
            }
        }
        if !problems.isEmpty {
            XCTFail("\(label): \(problems.count) problem(s):\n" + problems.prefix(200).joined(separator: "\n"), file: file, line: line)
        }
    }

    /// Problems in any output file: unsafe HTML, XML that does not parse, JSON that does not parse
    /// or contains a raw `<`, CSV that is not RFC 4180.
    private func outputProblems(_ files: [String: Data]) -> [String] {
        var problems: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasSuffix(".html") {
                let text = String(decoding: data, as: UTF8.self)
                problems += MiniHTML.violations(in: text).map { "\(path): \($0)" }
                for token in MiniHTML.tokens(text) {
                    if case .start(let tag) = token, !MiniHTML.knownTags.contains(tag.name) {
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
                    if rows.first != ["author", "company", "unit", "role", "start", "end", "founder", "confidence", "sources"] {
                        problems.append("\(path): wrong header \(rows.first ?? [])")
                    }
                    for (index, row) in rows.enumerated() where row.count != 9 {
                        problems.append("\(path): row \(index + 1) has \(row.count) fields")
                    }
                } catch {
                    problems.append("\(path) is not RFC 4180: \(error)")
                }
            }
        }
        return problems
    }

    private func jsonObject(_ files: [String: Data]) throws -> [String: Any] {
        let data = try XCTUnwrap(files["data/roster.json"], "no data/roster.json")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Exact equality of the UTF-8 bytes (Swift's `==` would accept NFC for NFD).
    private func same(_ found: String?, _ expected: String) -> Bool {
        guard let found else { return false }
        return Array(found.utf8) == Array(expected.utf8)
    }

    /// Builds on a thread with an 8 MB stack and waits at most `seconds`; nil when it did not end.
    private func buildWithin(_ seconds: TimeInterval, _ site: TestSite) -> BuildReport? {
        let options = BuildOptions(siteFolder: site.root)
        let box = ReportBox()
        let thread = Thread { box.set(Builder(options: options).build()) }
        thread.stackSize = 8 << 20
        thread.start()
        return box.wait(seconds: seconds)
    }
}

// MARK: - Fixture

/// A site whose every YAML string and Markdown body carries the payloads: payload `j` goes to
/// author `aj`, company `cj`, cohort `kj`, article `nj`, page `pj`, source `sj` and event `j`;
/// the site's title and description carry all of them.
struct HostileFixture {
    let payloads: [String]

    var siteTitle: String { payloads.joined(separator: " ~ ") }

    /// The article's tag: the payload itself when it makes a slug of its own, else prefixed.
    func tag(_ j: Int) -> String {
        let payload = payloads[j]
        if payloads.count == 1 && !Slug.forTag(payload).isEmpty { return payload }
        return "t\(j) \(payload)"
    }

    /// The payload in every Markdown place: text, raw HTML block and inline, emphasis, code,
    /// quote, list, table, link and image targets, a reference definition.
    static func body(_ payload: String) -> String {
        """
        \(payload)

        <div class="x">\(payload)</div>

        Inline \(payload) text, *emphasised \(payload)*, <span>\(payload)</span> and `\(payload)`.

        > \(payload)

        - \(payload)
        - [x](\(payload)) and ![y](\(payload)) and [z](<\(payload)>) and [w][ref]

        | a | b |
        |---|---|
        | \(payload.replacingOccurrences(of: "|", with: "\\|")) | b |

        ```
        \(payload)
        ```

        [ref]: \(payload)
        """
    }

    func makeSite() throws -> TestSite {
        let site = try TestSite.minimal()
        try site.remove("Content/authors/ada.md")
        try site.remove("Content/companies/globex.md")
        try site.remove("Content/articles/news.md")
        let q = Self.yaml
        var siteYML = """
            title: \(q(siteTitle))
            description: \(q(siteTitle))
            base_url: https://example.org/test/
            as_of: 2025-05-27
            feed_limit: 100
            cohorts:

            """
        var sources = ""
        var events = ""
        for (j, payload) in payloads.enumerated() {
            siteYML += """
                  - slug: k\(j)
                    name: \(q(payload))
                    origin: acme
                    date: 2020-01-01
                    members: [a\(j), bob]

                """
            sources += """
                s\(j):
                  title: \(q(payload))
                  publisher: \(q(payload))
                  date: 2020-01
                  url: https://example.org/s\(j)

                """
            events += "- date: 2023\n  title: \(q(payload))\n"
            try site.write("Content/companies/c\(j).md", """
                ---
                name: \(q(payload))
                kind: \(q(payload))
                headquarters: \(q(payload))
                website: https://c\(j).example/
                ---
                \(Self.body(payload))
                """)
            try site.write("Content/authors/a\(j).md", """
                ---
                name: \(q(payload))
                links:
                  - label: \(q(payload))
                    url: https://a\(j).example/
                career:
                  - company: acme
                    unit: \(q(payload))
                    role: \(q(payload))
                    start: 2015
                    end: 2021-03
                    sources: [s\(j)]
                  - company: c\(j)
                    unit: \(q(payload))
                    role: \(q(payload))
                    start: 2021-03
                    founder: true
                    sources: [s\(j)]
                ---
                \(Self.body(payload))
                """)
            try site.write("Content/articles/n\(j).md", """
                ---
                title: \(q(payload))
                date: 2025-05-01
                summary: \(q(payload))
                byline: \(q(payload))
                tags: [\(q(tag(j)))]
                sources: [s\(j)]
                ---
                [Author](author:a\(j)) went to [the company](company:c\(j)); see [the source](source:s\(j)).

                \(Self.body(payload))
                """)
            try site.write("Content/pages/p\(j).md", """
                ---
                title: \(q(payload))
                summary: \(q(payload))
                ---
                \(Self.body(payload))
                """)
        }
        try site.write("Content/site.yml", siteYML)
        try site.write("Content/sources.yml", sources)
        try site.write("Content/data/events.yml", events)
        return site
    }

    /// A YAML scalar for any text: single-quoted (quotes doubled) when every character may stand
    /// there, double-quoted with escapes when it holds control characters or line separators.
    static func yaml(_ text: String) -> String {
        func special(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || [0x2028, 0x2029, 0xFEFF].contains(scalar.value)
        }
        if !text.unicodeScalars.contains(where: special) {
            var out = String.UnicodeScalarView()
            out.append("'")
            for scalar in text.unicodeScalars {
                out.append(scalar)
                if scalar == "'" { out.append("'") }
            }
            out.append("'")
            return String(out)
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if special(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

// MARK: - A small HTML tag scanner

/// Finds what a browser would treat as markup: start tags with their attributes (quoted or not,
/// entities decoded), end tags and text; comments (and bogus `<!…>`/`<?…>` comments, which end at
/// the first `>`) skipped; `<title>` and `<textarea>` hold text,
/// `<script>`/`<style>` raw text; SVG and MathML content parsed as elements.
enum MiniHTML {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        func value(_ attribute: String) -> String? { attributes.first { $0.name == attribute }?.value }
    }

    enum Token {
        case start(Tag)
        case end(String)
        case text(String)
    }

    /// Elements the theme, the charts and Markdown produce; anything else is payload markup.
    static let knownTags: Set<String> = [
        "html", "head", "meta", "title", "link", "body", "a", "header", "nav", "ul", "ol", "li", "main", "footer",
        "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "time", "section", "article", "dl", "dt", "dd",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "strong", "small", "em", "code", "pre",
        "blockquote", "hr", "br", "del", "sup", "sub", "img", "input", "figure", "figcaption", "details", "summary",
        "svg", "g", "rect", "line", "path", "text", "tspan", "circle", "polyline", "polygon", "desc", "defs",
        "marker", "lineargradient", "stop", "clippath", "pattern", "use", "ellipse", "mark", "abbr", "b", "i", "s", "u",
    ]

    static let forbiddenTags: Set<String> = [
        "script", "iframe", "object", "embed", "style", "base", "form", "frame", "frameset", "applet", "portal",
        "plaintext", "xmp", "noembed", "noframes", "template", "isindex", "button",
    ]

    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "codebase", "cite",
        "dynsrc", "lowsrc", "longdesc", "usemap", "classid", "archive", "ping", "manifest", "icon", "profile",
        "srcset", "imagesrcset",
    ]

    static func tokens(_ html: String) -> [Token] {
        let b = Array(html.utf8)
        let n = b.count
        var out: [Token] = []
        var i = 0
        var textStart = 0
        var foreignDepth = 0
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), equals = UInt8(ascii: "=")
        let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")

        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
        func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 32 : c }
        func text(_ start: Int, _ end: Int) -> String { String(decoding: b[start..<max(start, end)], as: UTF8.self) }
        func starts(_ at: Int, _ prefix: String) -> Bool {
            let p = Array(prefix.utf8)
            return at + p.count <= n && b[at..<(at + p.count)].elementsEqual(p)
        }
        func find(_ needle: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
            let p = Array(needle.utf8)
            guard !p.isEmpty, start >= 0, n - p.count >= start else { return nil }
            var k = start
            while k <= n - p.count {
                var match = true
                for m in 0..<p.count where (caseInsensitive ? lower(b[k + m]) : b[k + m]) != p[m] {
                    match = false
                    break
                }
                if match { return k }
                k += 1
            }
            return nil
        }
        func flush(_ end: Int) {
            if end > textStart { out.append(.text(decodeEntities(text(textStart, end)))) }
        }

        while i < n {
            guard b[i] == lt, i + 1 < n else { i += 1; continue }
            let next = b[i + 1]
            if next == UInt8(ascii: "!") {
                flush(i)
                if starts(i, "<!-->") {
                    i += 5
                } else if starts(i, "<!--->") {
                    i += 6
                } else if starts(i, "<!--") {
                    i = find("-->", from: i + 4).map { $0 + 3 } ?? n
                } else if foreignDepth > 0 && starts(i, "<![CDATA[") {
                    // CDATA only exists in SVG and MathML; in HTML it is a bogus comment (below).
                    let end = find("]]>", from: i + 9) ?? n
                    out.append(.text(text(i + 9, end)))
                    i = min(end + 3, n)
                } else {
                    // A bogus comment (`<!DOCTYPE`, `<![CDATA[` in HTML) ends at the first `>`.
                    i = find(">", from: i + 2).map { $0 + 1 } ?? n
                }
                textStart = i
                continue
            }
            if next == UInt8(ascii: "?") {
                flush(i)
                i = find(">", from: i + 2).map { $0 + 1 } ?? n
                textStart = i
                continue
            }
            var j = i + 1
            var isEnd = false
            if b[j] == slash { isEnd = true; j += 1 }
            guard j < n, isLetter(b[j]) else { i += 1; continue }
            flush(i)
            let nameStart = j
            while j < n, !isSpace(b[j]), b[j] != slash, b[j] != gt { j += 1 }
            let name = text(nameStart, j).lowercased()
            var attributes: [(name: String, value: String)] = []
            var selfClosing = false
            while j < n {
                while j < n, isSpace(b[j]) || b[j] == slash { selfClosing = b[j] == slash; j += 1 }
                guard j < n else { break }
                if b[j] == gt { j += 1; break }
                selfClosing = false
                let attributeStart = j
                j += 1
                while j < n, !isSpace(b[j]), b[j] != slash, b[j] != gt, b[j] != equals { j += 1 }
                let attributeName = text(attributeStart, j).lowercased()
                var k = j
                while k < n, isSpace(b[k]) { k += 1 }
                var value = ""
                if k < n, b[k] == equals {
                    k += 1
                    while k < n, isSpace(b[k]) { k += 1 }
                    if k < n, b[k] == doubleQuote || b[k] == singleQuote {
                        let quote = b[k]
                        var end = k + 1
                        while end < n, b[end] != quote { end += 1 }
                        value = text(k + 1, end)
                        k = min(end + 1, n)
                    } else {
                        let valueStart = k
                        while k < n, !isSpace(b[k]), b[k] != gt { k += 1 }
                        value = text(valueStart, k)
                    }
                    j = k
                }
                attributes.append((attributeName, decodeEntities(value)))
            }
            i = j
            textStart = j
            if isEnd {
                out.append(.end(name))
                if (name == "svg" || name == "math") && foreignDepth > 0 { foreignDepth -= 1 }
                continue
            }
            out.append(.start(Tag(name: name, attributes: attributes)))
            if (name == "svg" || name == "math") && !selfClosing { foreignDepth += 1 }
            guard foreignDepth == 0 else { continue }
            let rcdata = name == "title" || name == "textarea"
            if rcdata || ["script", "style", "xmp", "iframe", "noembed", "noframes"].contains(name) {
                let close = find("</" + name, from: j, caseInsensitive: true) ?? n
                out.append(.text(rcdata ? decodeEntities(text(j, close)) : text(j, close)))
                i = close
                textStart = close
            } else if name == "plaintext" {
                out.append(.text(text(j, n)))
                i = n
                textStart = n
            }
        }
        flush(n)
        return out
    }

    /// What a browser would run or load from this page.
    static func violations(in html: String) -> [String] {
        var problems: [String] = []
        var bodies = 0
        for token in tokens(html) {
            guard case .start(let tag) = token else { continue }
            if !isPlainName(tag.name, first: "abcdefghijklmnopqrstuvwxyz", rest: "abcdefghijklmnopqrstuvwxyz0123456789-") {
                problems.append("odd element name <\(tag.name)>")
            }
            if forbiddenTags.contains(tag.name) { problems.append("<\(tag.name)> element") }
            if tag.name == "body" { bodies += 1 }
            if tag.name == "meta", let equiv = tag.value("http-equiv"),
               ["refresh", "set-cookie"].contains(squeezed(equiv)) {
                problems.append("<meta http-equiv=\"\(equiv)\">")
            }
            for (name, value) in tag.attributes {
                if !isPlainName(name, first: "abcdefghijklmnopqrstuvwxyz_:", rest: "abcdefghijklmnopqrstuvwxyz0123456789_:.-") {
                    problems.append("odd attribute name '\(name)' on <\(tag.name)>")
                }
                if name.hasPrefix("on") { problems.append("event handler attribute '\(name)' on <\(tag.name)>") }
                if name.contains("alert(") { problems.append("'alert(' in an attribute name on <\(tag.name)>") }
                if name == "srcdoc" { problems.append("srcdoc attribute on <\(tag.name)>") }
                let normal = squeezed(value)
                if urlAttributes.contains(name) {
                    if name.hasSuffix("srcset") {
                        if normal.contains("javascript:") || normal.contains("vbscript:") || normal.contains("data:") {
                            problems.append("script URL in \(name) on <\(tag.name)>: \(value.debugDescription)")
                        }
                    } else if ["javascript:", "vbscript:", "data:"].contains(where: { normal.hasPrefix($0) }) {
                        problems.append("script URL \(name)=\(value.debugDescription) on <\(tag.name)>")
                    }
                }
                if name == "style" && (normal.contains("expression(") || normal.contains("javascript:")) {
                    problems.append("script in a style attribute on <\(tag.name)>: \(value.debugDescription)")
                }
            }
        }
        if bodies > 1 { problems.append("\(bodies) <body> elements") }
        return problems
    }

    /// The text of the first `name` element, tags inside it dropped, entities decoded.
    static func firstElementText(_ html: String, _ name: String) -> String? {
        var depth = 0
        var result = ""
        var found = false
        for token in tokens(html) {
            switch token {
            case .start(let tag) where tag.name == name:
                if found && depth == 0 { return result }
                found = true
                depth += 1
            case .end(let end) where end == name && found:
                depth -= 1
                if depth == 0 { return result }
            case .text(let text) where found && depth > 0:
                result += text
            default: break
            }
        }
        return found ? result : nil
    }

    /// All text of the page, decoded.
    static func textContent(_ html: String) -> String {
        tokens(html).map { token -> String in
            if case .text(let text) = token { return text }
            return " "
        }.joined()
    }

    static func isPlainName(_ name: String, first: String, rest: String) -> Bool {
        guard let head = name.first, first.contains(head) else { return false }
        return name.dropFirst().allSatisfy { rest.contains($0) }
    }

    /// Lowercased, every ASCII space and control character removed, as a browser's URL parser
    /// would see a scheme.
    static func squeezed(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where scalar.value > 0x20 && scalar.value != 0x7F {
            out.append(scalar)
        }
        return String(out).lowercased()
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n",
        "nbsp": "\u{A0}", "lpar": "(", "rpar": ")", "sol": "/", "period": ".", "comma": ",", "semi": ";",
        "excl": "!", "num": "#", "equals": "=", "lowbar": "_", "bsol": "\\", "grave": "`",
    ]

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// Numeric (with or without `;`) and common named character references.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "&" else { out.append(s[i]); i += 1; continue }
            var j = i + 1
            if j < s.count, s[j] == "#" {
                j += 1
                var hex = false
                if j < s.count, s[j] == "x" || s[j] == "X" { hex = true; j += 1 }
                let digitsStart = j
                while j < s.count, hex ? s[j].properties.isASCIIHexDigit : isDigit(s[j]) { j += 1 }
                if j > digitsStart {
                    let digits = String(String.UnicodeScalarView(s[digitsStart..<j]))
                    let value = UInt32(digits.suffix(8), radix: hex ? 16 : 10) ?? 0xFFFD
                    let replacement: Unicode.Scalar = "\u{FFFD}"
                    out.append(value == 0 ? replacement : Unicode.Scalar(value) ?? replacement)
                    if j < s.count, s[j] == ";" { j += 1 }
                    i = j
                    continue
                }
            } else {
                while j < s.count, s[j].isASCII, s[j].properties.isAlphabetic || isDigit(s[j]) { j += 1 }
                let name = String(String.UnicodeScalarView(s[(i + 1)..<j]))
                if let value = namedEntities[name.lowercased()] {
                    out.append(contentsOf: value.unicodeScalars)
                    if j < s.count, s[j] == ";" { j += 1 }
                    i = j
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return String(out)
    }
}

// MARK: - Feed, CSV, helpers

/// Reads an Atom feed: the feed's title and subtitle, and each entry's child texts
/// (`title`, `summary`, `author/name`, `content`), categories and alternate link.
final class FeedReader: NSObject, XMLParserDelegate {
    struct Entry {
        var fields: [String: String] = [:]
        var categories: [String] = []
        var link: String?
    }

    var title: String?
    var subtitle: String?
    var entries: [Entry] = []
    var error: Error?
    private var stack: [String] = []
    private var text = ""

    static func read(_ data: Data) throws -> FeedReader {
        let reader = FeedReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        if !parser.parse() { reader.error = parser.parserError ?? NSError(domain: "FeedReader", code: 1) }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        stack.append(elementName)
        text = ""
        if stack == ["feed", "entry"] { entries.append(Entry()) }
        if stack.count == 3, stack[1] == "entry", !entries.isEmpty {
            if elementName == "category", let term = attributeDict["term"] { entries[entries.count - 1].categories.append(term) }
            if elementName == "link", attributeDict["rel"] == "alternate" { entries[entries.count - 1].link = attributeDict["href"] }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if stack == ["feed", "title"] { title = text }
        if stack == ["feed", "subtitle"] { subtitle = text }
        if stack.count >= 3, stack[1] == "entry", !entries.isEmpty {
            entries[entries.count - 1].fields[stack.dropFirst(2).joined(separator: "/")] = text
        }
        stack.removeLast()
        text = ""
    }
}

/// A strict RFC 4180 reader: quoted fields, doubled quotes, LF line ends, every record ended by
/// LF; a CR outside quotes, a stray quote or an unterminated quote is an error.
enum StrictCSV {
    enum Problem: Error, CustomStringConvertible {
        case strayQuote(record: Int), carriageReturn(record: Int), unterminatedQuote, missingFinalNewline
        case textAfterClosingQuote(record: Int)
        var description: String {
            switch self {
            case .strayQuote(let record): return "a quote inside an unquoted field in record \(record)"
            case .carriageReturn(let record): return "a carriage return outside quotes in record \(record)"
            case .unterminatedQuote: return "a quoted field is never closed"
            case .missingFinalNewline: return "the last record does not end with LF"
            case .textAfterClosingQuote(let record): return "text after a closing quote in record \(record)"
            }
        }
    }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var afterClosingQuote = false
        var fieldStarted = false
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if inQuotes {
                if c == "\"" {
                    if i < scalars.count, scalars[i] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case ",":
                row.append(String(field)); field = String.UnicodeScalarView(); fieldStarted = false; afterClosingQuote = false
            case "\n":
                row.append(String(field)); rows.append(row); row = []
                field = String.UnicodeScalarView(); fieldStarted = false; afterClosingQuote = false
            case "\r":
                throw Problem.carriageReturn(record: rows.count + 1)
            case "\"":
                guard !fieldStarted else { throw Problem.strayQuote(record: rows.count + 1) }
                inQuotes = true
                fieldStarted = true
            default:
                if afterClosingQuote { throw Problem.textAfterClosingQuote(record: rows.count + 1) }
                field.append(c)
                fieldStarted = true
            }
        }
        if inQuotes { throw Problem.unterminatedQuote }
        if fieldStarted || !row.isEmpty { throw Problem.missingFinalNewline }
        return rows
    }
}

extension Data {
    func containsBytes(_ text: String) -> Bool { range(of: Data(text.utf8)) != nil }
}

