import RosterModel
import XCTest

/// Labels fill their placeholders, pick the plural form the language's rule asks for, and write
/// dates and numbers the language's way.
final class LabelsTests: XCTestCase {
    private func labels(_ language: String, group: String, decimal: String, percent: String, months: String) -> Labels {
        Labels(language: language, values: [
            "left": .plural(["one": "{departed} of {count} has left {origin}", "other": "{departed} of {count} have left {origin}"]),
            "date.months": .text(months), "date.day": .text("{day} {month} {year}"), "date.month": .text("{month} {year}"),
            "date.year": .text("{year}"), "date.first_day": .text(language == "fr" ? "1er" : "1"),
            "date.on.day": .text(language == "fr" ? "le {date}" : "on {date}"), "date.on.month": .text(language == "fr" ? "en {date}" : "in {date}"), "number.group": .text(group), "number.decimal": .text(decimal),
            "number.percent": .text(percent), "number.group_four": .text(language == "en" ? "yes" : "no"),
        ])
    }
    private var english: Labels { labels("en", group: ",", decimal: ".", percent: "{value}%", months: "Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec") }
    private var french: Labels { labels("fr", group: " ", decimal: ",", percent: "{value} %", months: "janv., févr., mars, avr., mai, juin, juil., août, sept., oct., nov., déc.") }

    func testPlaceholdersAreFilledAndThePluralFormFollowsTheCount() {
        XCTAssertEqual(english.count("left", 1, ["departed": "1", "origin": "Acme"]), "1 of 1 has left Acme")
        XCTAssertEqual(english.count("left", 14, ["departed": "11", "origin": "Meta"]), "11 of 14 have left Meta")
        XCTAssertEqual(english.text("missing"), "{missing}")
        XCTAssertEqual(english.text("left", ["unknown": "x"]), "{departed} of {count} have left {origin}", "an unknown placeholder stays as written")
    }

    func testAPluralLabelsFormsAreGivenAsWrittenForTheBrowserToPick() {
        XCTAssertEqual(english.forms("left").map(\.category), ["one", "other"])
        XCTAssertEqual(english.forms("left").last?.text, "{departed} of {count} have left {origin}")
        XCTAssertEqual(english.forms("date.year").map(\.category), ["other"], "a plain text is the other form")
        XCTAssertTrue(english.forms("missing").isEmpty)
    }

    func testFrenchCountsZeroAndOneAsSingular() {
        XCTAssertEqual(french.pluralCategory(0), "one")
        XCTAssertEqual(french.pluralCategory(1), "one")
        XCTAssertEqual(french.pluralCategory(2), "other")
        XCTAssertEqual(english.pluralCategory(0), "other")
    }

    func testDatesAndNumbersAreWrittenTheLanguagesWay() throws {
        let day = try XCTUnwrap(PartialDate(parsing: "2025-05-27"))
        XCTAssertEqual(english.date(day), "27 May 2025")
        XCTAssertEqual(french.date(day), "27 mai 2025")
        XCTAssertEqual(french.date(try XCTUnwrap(PartialDate(parsing: "2025-12-01"))), "1er déc. 2025")
        XCTAssertEqual(english.date(try XCTUnwrap(PartialDate(parsing: "2025-12-01"))), "1 Dec 2025")
        // In a sentence, the word before a date depends on how precisely it is known.
        XCTAssertEqual(english.date(try XCTUnwrap(PartialDate(parsing: "2027-02-15")), phrase: "on"), "on 15 Feb 2027")
        XCTAssertEqual(english.date(try XCTUnwrap(PartialDate(parsing: "2024-03")), phrase: "on"), "in Mar 2024")
        XCTAssertEqual(french.date(try XCTUnwrap(PartialDate(parsing: "2027-02-15")), phrase: "on"), "le 15 févr. 2027")
        XCTAssertEqual(french.date(try XCTUnwrap(PartialDate(parsing: "2023-02"))), "févr. 2023")
        XCTAssertEqual(english.number(24_995), "24,995")
        XCTAssertEqual(french.number(24_995), "24 995")
        XCTAssertEqual(french.number(2_500), "2500", "French groups four digits only from five")
        XCTAssertEqual(english.decimal(5.46), "5.5")
        XCTAssertEqual(french.decimal(5.46), "5,5")
        XCTAssertEqual(french.percent(45), "45 %")
    }

    func testAPluralPairGivenOutsideTheTablePicksItsForm() {
        XCTAssertEqual(english.choose(["one": "researcher", "other": "researchers"], 1), "researcher")
        XCTAssertEqual(english.choose(["other": "staff"], 3), "staff")
    }
}

final class NumberTextTests: XCTestCase {
    func testGroupsDigitsInThrees() {
        XCTAssertEqual(NumberText.grouped(0), "0")
        XCTAssertEqual(NumberText.grouped(999), "999")
        XCTAssertEqual(NumberText.grouped(1_000), "1,000")
        XCTAssertEqual(NumberText.grouped(24_995), "24,995")
        XCTAssertEqual(NumberText.grouped(-1_234_567, separator: "\u{202F}"), "-1\u{202F}234\u{202F}567")
    }
}
