import Foundation
import RosterBuild
import RosterTestSupport
import XCTest

/// The site's words come from the theme's labels: another language, a site's own words, a cohort's
/// name for its members, and an error naming any label that is missing.
final class SiteLabelsTests: XCTestCase {
    private func setting(_ site: TestSite, _ replace: String, with text: String) throws {
        let yaml = try site.read("Content/site.yml")
        XCTAssertTrue(yaml.contains(replace), "site.yml has no '\(replace)'")
        try site.write("Content/site.yml", yaml.replacingOccurrences(of: replace, with: text))
    }

    func testTheShippedReportInFrenchHasNoEnglishLeftInTheThemesWords() throws {
        let site = try TestSite.shippedReport()
        try setting(site, "language: en", with: "language: fr")
        try setting(site, "member: { one: author, other: authors }", with: "member: { one: auteur, other: auteurs }")
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        let home = try site.read("Output/index.html")
        XCTAssertTrue(home.contains("<html lang=\"fr\">"))
        XCTAssertTrue(home.contains("11 auteurs sur 14 ont quitté Meta"), "the headline is the French label")
        XCTAssertTrue(home.contains("27 mai 2025"), "dates are French")
        XCTAssertTrue(home.contains("<span>auteurs suivis</span>"))
        XCTAssertTrue(home.contains(">5,0<small> ans</small>"), "decimals have a comma")
        XCTAssertTrue(home.contains("<strong>0</strong> <span>revenu</span>"), "0 takes French's singular")
        XCTAssertTrue(home.contains("<strong>11</strong> <span>partis</span>"))
        // Words for "unknown" and "none" agree with the noun they stand for.
        let cohort = try site.read("Output/cohorts/llama-2023/index.html")
        XCTAssertTrue(cohort.contains("<td data-label=\"Ancienneté\">inconnue</td>"), "ancienneté is feminine")
        XCTAssertFalse(cohort.contains(">inconnu<"))
        XCTAssertTrue(try site.read("Output/companies/apple/index.html").contains("<dd>aucune</dd>"), "nobody tracked is there now: aucune (personne)")
        XCTAssertTrue(try site.read("Output/companies/anthropic/index.html").contains("<dd>aucun</dd>"), "no alumni: aucun (ancien)")
        let english = try TestSite.shippedReport()
        XCTAssertTrue(english.build().succeeded)
        // Every phrase the English theme prints on these pages is gone from the French ones.
        let phrases = ["Skip to content", "Facts as of", "Latest articles", "authors followed", "The figures",
                       "Mentioned in", "Career, oldest first", "Confidence and sources", "Tracked people here now", "Reference date",
                       "Every figure is computed", "Built with", "Now at", "median tenure of those who left",
                       "The numbers behind this chart", "Routes from", "Careers of", "Career of", "over time", "Hatched: dates not known",
                       "Company now", "Cohort date", "(left)", "Still at", "Tracked people who arrived", "Arrived", "date unknown",
                       "Since ", "Each cohort's numbers", "changed since the edition", "New stint at", "Edition of",
                       "Cited by", "aria-label=\"Tags\"", "the tracked people who work there now", "Filter the rows",
                       "Back to the text", "Sort by", "Loading the search index", "Narrow the results"]
        let articleText = try site.read("Content/articles/the-llama-exodus.md") + (try site.read("Content/articles/mistral-ai-founding.md"))
        for page in ["Output/index.html", "Output/cohorts/llama-2023/index.html", "Output/authors/armand-joulin/index.html",
                     "Output/companies/mistral-ai/index.html", "Output/sources/index.html", "Output/changes/index.html",
                     "Output/articles/the-llama-exodus/index.html", "Output/articles/mistral-ai-founding/index.html"] {
            let englishPage = try english.read(page), frenchPage = try site.read(page)
            // A phrase the editor wrote in an article (a figure's caption) is content, not the theme's.
            let shown = phrases.filter { englishPage.contains($0) && !articleText.contains($0) }
            XCTAssertFalse(shown.isEmpty, "\(page) shows none of the phrases: the test proves nothing there")
            for phrase in shown { XCTAssertFalse(frenchPage.contains(phrase), "'\(phrase)' is still in English on \(page)") }
        }
        let feed = try site.read("Output/feed.xml")
        XCTAssertTrue(feed.contains("<title>Édition du 31 déc. 2023</title>") && !feed.contains("Edition of"), "the feed's editions")

        // `roster diff` prints the same changes in the site's language, headings included.
        let (diff, _) = Builder(options: BuildOptions(siteFolder: site.root)).changes(since: "2023-12-31")
        // French puts a narrow no-break space before a colon.
        let text = try XCTUnwrap(diff).text.replacingOccurrences(of: "\u{202F}", with: " ")
        XCTAssertTrue(text.contains("Les cohortes hier et aujourd'hui :\n"), text)
        XCTAssertTrue(text.contains(" : membres 14, à l'origine 4 → 3, partis 10 → 11, revenus 0"), text)
        XCTAssertTrue(text.contains("\nPersonnes :\n"), text)
        for phrase in ["Cohorts", "People", "members ", "at origin", "New stint"] {
            XCTAssertFalse(text.contains(phrase), "'\(phrase)' is still in English in roster diff:\n\(text)")
        }
    }

    /// Every word of the default theme's templates is a label: outside `{{…}}`, their text and their
    /// readable attributes hold no letters (found by looking, not by a list of phrases).
    func testTheDefaultThemesTemplatesHoldNoWordOutsideTheLabels() throws {
        let site = try TestSite.shippedReport()
        let folder = site.root.appendingPathComponent("Templates")
        let names = try XCTUnwrap(FileManager.default.subpaths(atPath: folder.path)).filter { $0.hasSuffix(".mustache") }
        XCTAssertGreaterThan(names.count, 10)
        let tag = try Regex(#"\{\{\{?[^}]*\}?\}\}"#), element = try Regex(#"<[^>]*>"#)
        let readable = try Regex(#"(aria-label|title|alt|placeholder|data-label[\w-]*)="([^"]*)""#)
        for name in names.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).replacing(tag, with: "")
            for match in text.matches(of: readable) where match.output[2].substring?.contains(where: \.isLetter) == true {
                XCTFail("\(name): \(match.output[0].substring ?? "") is not a label")
            }
            let words = text.replacing(element, with: " ").split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }
            XCTAssertTrue(words.isEmpty, "\(name) has words that are not labels: \(words.joined(separator: " "))")
        }
    }

    /// "1 of 2 members has left": the verb agrees with those who left, the noun with the total in
    /// English and with those who left in French ("1 membre sur 2 a quitté").
    func testTheHeadlineAgreesWithTheNumberWhoLeft() throws {
        let site = try TestSite.minimal()
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(try site.read("Output/index.html").contains("1 of 2 members has left Acme"))
        try site.write("Content/site.yml", "language: fr\n" + (try site.read("Content/site.yml")))
        XCTAssertTrue(site.build().succeeded)
        let home = try site.read("Output/index.html")
        XCTAssertTrue(home.contains("1 membre sur 2 a quitté Acme"), "the French headline")
        XCTAssertTrue(home.contains("1 membre sur 2 qui a quitté Acme"), "the chart's description")

        // Nobody gone: French's singular covers 0, so this has a sentence of its own.
        try site.write("Content/authors/ada.md", try site.read("Content/authors/ada.md").replacingOccurrences(of: "    end: 2021-03\n", with: ""))
        try site.write("Content/articles/chart.md", "---\ntitle: Chart\ndate: 2025-05-01\n---\n![Où](chart:destinations/team)\n")
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        let stayed = try site.read("Output/articles/chart/index.html")
        XCTAssertFalse(stayed.contains("la seule personne qui a quitté"), "nobody left, yet the page speaks of the one who did")
        XCTAssertTrue(stayed.contains("Personne n&#39;a quitté Acme"), "the caption for nobody gone")
    }

    func testSiteYmlMayRewordAnyLabelAndACohortNamesItsMembers() throws {
        let site = try TestSite.minimal()
        var yaml = try site.read("Content/site.yml")
        yaml = yaml.replacingOccurrences(of: "cohorts:", with: "labels:\n  nav:\n    people: Researchers\ncohorts:")
        yaml = yaml.replacingOccurrences(of: "    members:", with: "    member: { one: researcher, other: researchers }\n    members:")
        try site.write("Content/site.yml", yaml)
        XCTAssertTrue(site.build().succeeded, site.build().diagnostics.map(\.description).joined(separator: "\n"))
        let home = try site.read("Output/index.html")
        XCTAssertTrue(home.contains(">Researchers</a>"), "the menu item is the site's word")
        XCTAssertTrue(home.contains("researchers followed") || home.contains("researcher followed"))
    }

    func testAnUnknownLabelInSiteYmlIsAnErrorWithADidYouMean() throws {
        let site = try TestSite.minimal()
        let yaml = try site.read("Content/site.yml").replacingOccurrences(of: "cohorts:", with: "labels:\n  nav:\n    peeple: Staff\ncohorts:")
        try site.write("Content/site.yml", yaml)
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertTrue(report.diagnostics.contains { $0.message.contains("'nav.peeple'") && $0.message.contains("did you mean 'nav.people'")
                          && $0.location?.column == 5 },   // at the key, where the typo is
                      report.diagnostics.map(\.description).joined(separator: "\n"))
    }

    func testPluralFormsForALabelThatIsOneTextAreAnErrorAndTheKeyFiguresTakeTheirCountsForm() throws {
        let site = try TestSite.minimal()
        var yaml = try site.read("Content/site.yml").replacingOccurrences(
            of: "cohorts:", with: "labels:\n  numbers:\n    came_back: { one: has returned, other: have returned }\n  nav:\n    people: { one: Person, other: People }\ncohorts:")
        try site.write("Content/site.yml", yaml)
        let report = site.build()
        XCTAssertTrue(report.diagnostics.contains { $0.message.contains("the label 'nav.people' is one text whatever the number") },
                      report.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(report.diagnostics.errors.count, 1, "forms for a label that has forms are fine")
        yaml = yaml.replacingOccurrences(of: "  nav:\n    people: { one: Person, other: People }\n", with: "")
        try site.write("Content/site.yml", yaml)
        XCTAssertTrue(site.build().succeeded)
        let numbers = try site.read("Output/index.html")
        XCTAssertTrue(numbers.contains("have returned</span>") || numbers.contains("has returned</span>"), "the override is used")
    }

    func testAMissingLabelIsAnErrorNamingItAndALanguageWithoutWordsToo() throws {
        let site = try TestSite.shippedReport()
        let french = try site.read("Templates/labels/fr.yml")
        try site.write("Templates/labels/fr.yml", french.replacingOccurrences(of: "  skip: Aller au contenu\n", with: ""))
        try setting(site, "language: en", with: "language: fr")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertTrue(report.diagnostics.contains { $0.message.contains("the label 'nav.skip' is missing from Templates/labels/fr.yml") },
                      report.diagnostics.map(\.description).joined(separator: "\n"))
        try setting(site, "language: fr", with: "language: de")
        XCTAssertTrue(site.build().diagnostics.contains { $0.message.contains("no Templates/labels/de.yml") })
    }

    /// A language whose counts need more forms than English gets them, and a label lacking one is a
    /// warning naming it (the build still succeeds, showing `other`).
    func testAPolishSitePicksFewAndManyAndALabelWithoutThemIsAWarning() throws {
        let site = try TestSite.shippedReport()
        var polish = try site.read("Templates/labels/en.yml")
        polish = polish.replacingOccurrences(of: #"years: { one: "{count} year", other: "{count} years" }"#,
                                             with: #"years: { one: "{count} rok", few: "{count} lata", many: "{count} lat", other: "{count} roku" }"#)
        try site.write("Templates/labels/pl.yml", polish)
        try setting(site, "language: en", with: "language: pl")
        try setting(site, "member: { one: author, other: authors }",
                    with: "member: { one: autor, few: autorzy, many: autorów, other: autora }")
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertFalse(report.diagnostics.contains { $0.message.contains("'common.years'") }, "a label with every form is not warned about")
        XCTAssertTrue(report.diagnostics.contains {
            $0.message.contains("the label 'changes.cohort_count' has no 'few' (for 2, 3, 4…) or 'many' (for 0, 5, 6…) form")
        }, report.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(try site.read("Output/index.html").contains("11 of 14 autorów have left Meta"), "14 takes Polish 'many'")
    }
}
