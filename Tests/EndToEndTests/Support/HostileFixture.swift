import RosterModel

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
