import RosterModel
import XCTest
@testable import RosterValidation

final class SiteValidatorTests: XCTestCase {
    private func at(_ line: Int, _ path: String = "Content/authors/a.md") -> SourceLocation {
        SourceLocation(path: path, line: line, column: 3)
    }

    private func stint(_ company: String, _ start: String, _ end: String? = nil, line: Int, sources: [String] = ["paper"]) -> Stint {
        var locations = FieldLocations(start: at(line))
        locations["company"] = at(line)
        locations["start"] = at(line + 1)
        locations["end"] = at(line + 2)
        for index in sources.indices { locations["sources[\(index)]"] = at(line + 3 + index) }
        return Stint(company: company, start: .known(PartialDate(parsing: start)!),
                     end: end.map { .known(PartialDate(parsing: $0)!) }, sources: sources, locations: locations)
    }

    private func site(members: [String] = ["a"], memberLines: [Int] = [9], authors: [Author], origin: String = "meta",
                      articles: [Article] = [], pages: [Page] = []) -> Site {
        var cohortLocations = FieldLocations(start: at(5, "Content/site.yml"))
        cohortLocations["origin"] = at(7, "Content/site.yml")
        for (index, line) in memberLines.enumerated() { cohortLocations["members[\(index)]"] = at(line, "Content/site.yml") }
        return Site(settings: SiteSettings(title: "T", baseURL: "https://e.org/", asOf: PartialDate(year: 2025)!),
                    cohorts: [Cohort(slug: "c", name: "C", origin: origin, date: PartialDate(year: 2023)!, members: members,
                                     locations: cohortLocations)],
                    authors: authors, companies: [Company(slug: "meta", name: "Meta"), Company(slug: "mistral-ai", name: "Mistral AI")],
                    articles: articles, pages: pages, sources: [Source(id: "paper", title: "P")])
    }

    func testUnknownCompanyIsReportedAtItsLineWithASuggestion() {
        let author = Author(slug: "a", name: "A", career: [stint("meta", "2015", line: 4), stint("mistal-ai", "2023", line: 8)])
        let problems = SiteValidator(site: site(authors: [author])).validate()
        XCTAssertEqual(problems.map(\.description),
                       ["Content/authors/a.md:8:3: error: unknown company 'mistal-ai' (did you mean 'mistral-ai'?)"])
    }

    func testUnknownSourceIsReportedAtItsItem() {
        let author = Author(slug: "a", name: "A", career: [stint("meta", "2015", line: 4, sources: ["paper", "papr"])])
        let problems = SiteValidator(site: site(authors: [author])).validate()
        XCTAssertEqual(problems.first?.location?.line, 8)
        XCTAssertTrue(problems.first?.message.contains("unknown source 'papr' (did you mean 'paper'?)") == true)
    }

    func testEndBeforeStartIsAnErrorButSamePeriodIsNot() {
        let bad = Author(slug: "a", name: "A", career: [stint("meta", "2023-06", "2023-02", line: 4)])
        XCTAssertTrue(SiteValidator(site: site(authors: [bad])).validate().contains { $0.message.contains("ends (2023-02) before it starts") && $0.location?.line == 6 })
        let fine = Author(slug: "a", name: "A", career: [stint("meta", "2023-06", "2023", line: 4)])
        XCTAssertEqual(SiteValidator(site: site(authors: [fine])).validate(), [])
    }

    func testThePlaceholdersOfRosterNewLeftInContentAreWarnings() {
        var placeholder = stint("meta", "2015", line: 4, sources: [])
        placeholder.confidence = .inferred
        placeholder.note = StarterText.stintNote
        placeholder.locations["note"] = at(7)
        let author = Author(slug: "a", name: "A", career: [placeholder], body: MarkdownText("\n" + StarterText.authorBody + " Link…\n", firstLine: 9, path: "Content/authors/a.md"))
        let page = Page(slug: "about", title: "About", body: MarkdownText(StarterText.pageBody + "\n", firstLine: 4, path: "Content/pages/about.md"))
        let problems = SiteValidator(site: site(authors: [author], pages: [page])).validate()
        XCTAssertEqual(problems.map { "\($0.severity) \($0.location?.path ?? ""):\($0.location?.line ?? 0)" },
                       ["warning Content/authors/a.md:7", "warning Content/authors/a.md:10", "warning Content/pages/about.md:4"])
        let written = Author(slug: "a", name: "A", career: [stint("meta", "2015", line: 4)], body: MarkdownText("Ada wrote this.\n"))
        XCTAssertEqual(SiteValidator(site: site(authors: [written])).validate(), [])
    }

    func testTwoCohortsWithOneNameAreAWarning() {
        var site = self.site(authors: [Author(slug: "a", name: "A", career: [stint("meta", "2015", line: 4)])])
        var twin = site.cohorts[0]
        twin.slug = "c2"
        site.cohorts.append(twin)
        let problems = SiteValidator(site: site).validate()
        XCTAssertEqual(problems.map(\.severity), [.warning])
        XCTAssertTrue(problems.first?.message.contains("cohort 'c2' has the same name as cohort 'c' ('C')") == true, "\(problems)")
    }

    func testCareerOutOfOrderIsOnlyAWarning() {
        let author = Author(slug: "a", name: "A", career: [stint("meta", "2020", line: 4), stint("meta", "2010", "2012", line: 8)])
        let problems = SiteValidator(site: site(authors: [author])).validate()
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.severity, .warning)
        XCTAssertEqual(problems.first?.location?.line, 9)
    }

    func testMemberWithoutAnOriginStintIsReportedAtTheMembersLine() {
        let author = Author(slug: "a", name: "A", career: [stint("mistral-ai", "2020", line: 4)])
        let problems = SiteValidator(site: site(authors: [author])).validate()
        XCTAssertTrue(problems.contains { $0.location == at(9, "Content/site.yml") && $0.message.contains("no stint at 'meta'") })
    }

    func testUnknownAndDuplicateMembersAndUnknownOrigin() {
        let author = Author(slug: "a", name: "A", career: [stint("meta", "2020", line: 4)])
        let problems = SiteValidator(site: site(members: ["a", "b", "a"], memberLines: [9, 10, 11], authors: [author], origin: "mata")).validate()
        XCTAssertTrue(problems.contains { $0.location?.line == 7 && $0.message.contains("unknown origin company 'mata' (did you mean 'meta'?)") })
        XCTAssertTrue(problems.contains { $0.location?.line == 10 && $0.message.contains("unknown author 'b'") })
        XCTAssertTrue(problems.contains { $0.location?.line == 11 && $0.message.contains("listed twice") })
    }

    func testTagsWithOneSlugAndReservedPageSlugsAreErrors() {
        let author = Author(slug: "a", name: "A", career: [stint("meta", "2020", line: 4)])
        let articles = [Article(slug: "x", title: "X", date: PartialDate(year: 2024)!, tags: ["Mistral AI"]),
                        Article(slug: "y", title: "Y", date: PartialDate(year: 2024)!, tags: ["mistral-ai"])]
        let problems = SiteValidator(site: site(authors: [author], articles: articles, pages: [Page(slug: "authors", title: "A")])).validate()
        XCTAssertTrue(problems.contains { $0.message.contains("would share the URL /tags/mistral-ai/") })
        XCTAssertTrue(problems.contains { $0.message.contains("may not be called 'authors'") })
    }

    func testAliasMayNotTakeAnExistingPage() {
        let a = Author(slug: "a", name: "A", career: [stint("meta", "2020", line: 4)])
        let b = Author(slug: "b", name: "B", aliases: ["a"], career: [stint("meta", "2020", line: 4)])
        let problems = SiteValidator(site: site(members: ["a"], authors: [a, b])).validate()
        XCTAssertTrue(problems.contains { $0.message.contains("alias 'a' would replace /authors/a/") })
    }

    func testACohortDatedAfterAsOfIsAnErrorAtItsDate() {
        var report = site(authors: [Author(slug: "a", name: "A", career: [stint("meta", "2015", line: 4)])])
        report.cohorts[0].date = PartialDate(year: 2026)!
        report.cohorts[0].locations["date"] = at(8, "Content/site.yml")
        XCTAssertEqual(SiteValidator(site: report).validate().map(\.description),
                       ["Content/site.yml:8:3: error: the cohort's date (2026) is after as_of (2025); a report measures a cohort from its date up to as_of"])
        // With site.yml unreadable there is no as_of to compare with (its own error says why).
        report.settings = .unreadable
        XCTAssertEqual(SiteValidator(site: report).validate(), [])
    }

    func testAStintStartingAfterAsOfIsAWarning() {
        let author = Author(slug: "a", name: "A", career: [stint("meta", "2015", "2023", line: 4), stint("mistral-ai", "2026-01", line: 8)])
        let problems = SiteValidator(site: site(authors: [author])).validate()
        XCTAssertEqual(problems.map(\.description),
                       ["Content/authors/a.md:9:3: warning: this stint starts (2026-01) after as_of (2025), so the report does not count it yet"])
    }

    func testTagsAndAliasesTooLongForAFolderNameAreErrors() {
        var article = Article(slug: "n", title: "N", date: PartialDate(year: 2024)!, tags: [String(repeating: "long ", count: 60)],
                              aliases: [String(repeating: "x", count: 201)])
        article.locations["tags[0]"] = at(4, "Content/articles/n.md")
        article.locations["aliases[0]"] = at(5, "Content/articles/n.md")
        let author = Author(slug: "a", name: "A", career: [stint("meta", "2015", line: 4)])
        let messages = SiteValidator(site: site(authors: [author], articles: [article])).validate().map(\.message)
        XCTAssertEqual(messages.filter { $0.contains("too long to be part of a URL") }.count, 2, messages.joined(separator: "\n"))
    }

    // MARK: Evidence

    private func unsourced(_ confidence: Confidence, note: String? = nil) -> Stint {
        var stint = stint("meta", "2015", line: 4, sources: [])
        stint.confidence = confidence
        stint.note = note
        stint.locations["confidence"] = at(6)
        return stint
    }

    func testAConfirmedOrReportedStintWithoutASourceIsAnErrorAtItsConfidence() {
        for confidence in [Confidence.confirmed, .reported] {
            let problems = SiteValidator(site: site(authors: [Author(slug: "a", name: "A", career: [unsourced(confidence)])])).validate()
            XCTAssertEqual(problems.map(\.description), ["Content/authors/a.md:6:3: error: a \(confidence.rawValue) stint must cite a source: add its id to 'sources:' (sources are listed in Content/sources.yml), or make it 'confidence: inferred' with a 'note:' saying how you know"])
        }
    }

    func testAnInferredStintNeedsANoteOrASource() {
        let bare = SiteValidator(site: site(authors: [Author(slug: "a", name: "A", career: [unsourced(.inferred)])])).validate()
        XCTAssertEqual(bare.map(\.description), ["Content/authors/a.md:6:3: error: an inferred stint needs a 'note:' giving the reasoning, or a source in 'sources:'"])
        let noted = SiteValidator(site: site(authors: [Author(slug: "a", name: "A", career: [unsourced(.inferred, note: "Listed on the lab's page in 2016.")])])).validate()
        XCTAssertEqual(noted, [])
    }

    func testEvidenceWarnMakesTheseWarnings() {
        var tracker = site(authors: [Author(slug: "a", name: "A", career: [unsourced(.confirmed)])])
        tracker.settings.evidence = .warn
        let problems = SiteValidator(site: tracker).validate()
        XCTAssertEqual(problems.map(\.severity), [.warning])
    }
}
