import XCTest

/// The 1-based line of the `occurrence`-th line of `text` that contains `needle`.
public func lineNumber(of needle: String, in text: String, occurrence: Int = 1,
                file: StaticString = #filePath, line testLine: UInt = #line) -> Int {
    var seen = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.contains(needle) {
        seen += 1
        if seen == occurrence { return index + 1 }
    }
    XCTFail("'\(needle)' is not in the text \(occurrence) time(s)", file: file, line: testLine)
    return -1
}

/// The minimal site's `site.yml`, with each cohort member on a line of its own.
public func siteYAML(title: String = "Test report", baseURL: String = "https://example.org/test/", origin: String = "acme",
              members: [String] = ["ada", "bob"], extra: String = "") -> String {
    """
    title: \(title)
    base_url: \(baseURL)
    as_of: 2025-05-27
    search: false
    \(extra)cohorts:
      - slug: team
        name: The team
        origin: \(origin)
        date: 2020-01-01
        members:
    \(members.map { "      - \($0)" }.joined(separator: "\n"))

    """
}
