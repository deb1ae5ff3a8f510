import RosterModel
import XCTest

/// Counts take the plural form CLDR gives them in each language (examples from the CLDR chart).
final class PluralRulesTests: XCTestCase {
    private func forms(_ language: String, _ counts: [Int]) -> [String] {
        counts.map { PluralRules.category($0, language: language) }
    }

    func testEnglishAndMostLanguagesUseOneForOneOnly() {
        XCTAssertEqual(forms("en", [0, 1, 2, 21]), ["other", "one", "other", "other"])
        XCTAssertEqual(forms("de-AT", [1, 11]), ["one", "other"])
        XCTAssertEqual(forms("nl", [1, 5]), ["one", "other"])
    }

    func testFrenchAndBrazilianPortugueseCountZeroAsOneAndMillionsApart() {
        XCTAssertEqual(forms("fr", [0, 1, 2, 1_000_000, 1_000_001]), ["one", "one", "other", "many", "other"])
        XCTAssertEqual(forms("pt-BR", [0, 1, 2]), ["one", "one", "other"])
        XCTAssertEqual(forms("pt-PT", [0, 1, 2]), ["other", "one", "other"])
        XCTAssertEqual(forms("es", [0, 1, 2_000_000]), ["other", "one", "many"])
    }

    func testSlavicLanguagesUseFewAndManyByLastDigits() {
        XCTAssertEqual(forms("ru", [1, 2, 5, 11, 12, 21, 22, 25, 111, 112]),
                       ["one", "few", "many", "many", "many", "one", "few", "many", "many", "many"])
        XCTAssertEqual(forms("pl", [1, 2, 5, 12, 21, 22, 0]), ["one", "few", "many", "many", "many", "few", "many"])
        XCTAssertEqual(forms("cs", [1, 2, 4, 5, 22]), ["one", "few", "few", "other", "other"])
        XCTAssertEqual(forms("hr", [1, 21, 3, 13, 5]), ["one", "one", "few", "other", "other"])
        XCTAssertEqual(forms("sl", [1, 2, 3, 101, 102, 5]), ["one", "two", "few", "one", "two", "other"])
    }

    func testArabicHasSixFormsAndEastAsianLanguagesOne() {
        XCTAssertEqual(forms("ar", [0, 1, 2, 3, 11, 100, 103, 111]), ["zero", "one", "two", "few", "many", "other", "few", "many"])
        XCTAssertEqual(forms("ja", [0, 1, 2]), ["other", "other", "other"])
        XCTAssertEqual(forms("zh-Hant", [1]), ["other"])
    }

    func testTheBalticLanguagesAndRomanian() {
        XCTAssertEqual(forms("lt", [1, 2, 10, 11, 21, 22]), ["one", "few", "other", "other", "one", "few"])
        XCTAssertEqual(forms("lv", [0, 1, 2, 10, 11, 21]), ["zero", "one", "other", "zero", "zero", "one"])
        XCTAssertEqual(forms("ro", [0, 1, 2, 19, 20, 101, 120]), ["few", "one", "few", "few", "other", "few", "other"])
    }

    func testTheCategoriesALanguageUsesForEverydayCounts() {
        XCTAssertEqual(PluralRules.categories(language: "en"), ["one", "other"])
        XCTAssertEqual(PluralRules.categories(language: "fr"), ["one", "other"], "French's millions are not everyday counts")
        XCTAssertEqual(PluralRules.categories(language: "pl"), ["one", "few", "many"])
        XCTAssertEqual(PluralRules.categories(language: "ar"), ["zero", "one", "two", "few", "many", "other"])
    }
}
