import RosterModel
import XCTest

/// The indexes' order: accents and case do not count, numbers count by value.
final class NameOrderTests: XCTestCase {
    func testNamesSortAsAReaderExpects() {
        let names = ["Zoë Müller", "Élodie Dubois", "edsger Dijkstra", "Søren Åberg", "Ada Lovelace", "Ådne Berg",
                     "Organisation 10", "Organisation 2", "Organisation 02b", "Frances Allen"]
        XCTAssertEqual(names.sorted { NameOrder($0) < NameOrder($1) },
                       ["Ada Lovelace", "Ådne Berg", "edsger Dijkstra", "Élodie Dubois", "Frances Allen",
                        "Organisation 2", "Organisation 02b", "Organisation 10", "Søren Åberg", "Zoë Müller"])
    }

    func testTheOrderIsTotalAndTiesGoByTheWrittenName() {
        XCTAssertTrue(NameOrder("Eve") < NameOrder("eve") || NameOrder("eve") < NameOrder("Eve"))
        XCTAssertFalse(NameOrder("Eve") < NameOrder("Eve"))
        XCTAssertEqual(NameOrder("Eve"), NameOrder("Eve"))
    }
}
