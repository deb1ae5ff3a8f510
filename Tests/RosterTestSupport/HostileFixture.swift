import RosterModel
import XCTest

/// A site whose every YAML string and Markdown body carries the payloads: payload `j` goes to
/// author `aj`, company `cj`, cohort `kj`, article `nj`, page `pj`, source `sj` and event `j`;
/// the site's title and description carry all of them.
public struct HostileFixture {
    public let payloads: [String]

    public init(payloads: [String]) { self.payloads = payloads }

    public var siteTitle: String { payloads.joined(separator: " ~ ") }

    /// The article's tag: the payload itself when it makes a slug of its own, else prefixed.
    public func tag(_ j: Int) -> String {
        let payload = payloads[j]
        if payloads.count == 1 && !Slug.forTag(payload).isEmpty { return payload }
        return "t\(j) \(payload)"
    }

    /// The payload in every Markdown place: text, raw HTML block and inline, emphasis, code,
    /// quote, list, table, link and image targets, a reference definition.
    public static func body(_ payload: String) -> String {
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

    public func makeSite() throws -> TestSite {
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
            search: false
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
        // Bob, of the minimal site, cites its `paper`, which the payload sources replace.
        try site.write("Content/authors/bob.md", "---\nname: Bob\ncareer:\n  - company: acme\n    start: 2018-06-01\n    sources: [s0]\n---\nBob stayed.\n")
        try site.write("Content/data/events.yml", events)
        return site
    }

    /// A YAML scalar for any text: single-quoted (quotes doubled) when every character may stand
    /// there, double-quoted with escapes when it holds control characters or line separators.
    public static func yaml(_ text: String) -> String {
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

extension HostileFixture {
    /// Every output file checked by kind, then each payload's round trip through pages, feed and exports.
    public func verify(_ site: TestSite, label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fixture = self
        let files = site.snapshot()
        XCTAssertGreaterThan(files.count, 20, label, file: file, line: line)
        var problems = OutputInspection.problems(files)

        func expectSame(_ found: String?, _ expected: String, _ what: String) {
            if !OutputInspection.same(found, expected) {
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
        let json = try OutputInspection.rosterJSON(files)
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
                    expectSame(row[CSVColumns.careersIndex("unit")], payload, "careers.csv unit of a\(j)")
                    expectSame(row[CSVColumns.careersIndex("role")], payload, "careers.csv role of a\(j)")
                }
            }
        }
        if !problems.isEmpty {
            XCTFail("\(label): \(problems.count) problem(s):\n" + problems.prefix(200).joined(separator: "\n"), file: file, line: line)
        }
    }
}
