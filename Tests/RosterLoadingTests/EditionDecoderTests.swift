import Foundation
import RosterLoading
import RosterModel
import XCTest

/// Saved editions are read back with errors that say what is wrong with the file.
final class EditionDecoderTests: XCTestCase {
    private let valid = """
        {"format": 1, "site": {"title": "T", "as_of": "2023-12-31"},
         "cohorts": [{"slug": "c", "name": "C", "origin": "meta", "date": "2023-02-27", "members": ["ann"]}],
         "authors": [{"slug": "ann", "name": "Ann", "career": [{"company": "meta", "start": "unknown", "end": "2023-04",
                      "confidence": "reported", "founder": false, "sources": []}]}],
         "companies": [{"slug": "meta", "name": "Meta"}], "articles": [], "sources": []}
        """

    private func decode(_ text: String) -> Result<Site, Diagnostic> {
        EditionDecoder.decode(Data(text.utf8), path: "Content/editions/2023-12-31.json")
    }

    func testAValidEditionGivesItsCareersAndCohorts() throws {
        let site = try decode(valid).get()
        XCTAssertEqual(site.settings.asOf.description, "2023-12-31")
        XCTAssertEqual(site.authors[0].career[0].start, .unknown)
        XCTAssertEqual(site.authors[0].career[0].confidence, .reported)
        XCTAssertEqual(site.cohorts[0].members, ["ann"])
    }

    func testAnEditionFromANewerRosterIsRefusedByItsFormat() {
        guard case .failure(let problem) = decode(valid.replacingOccurrences(of: "\"format\": 1", with: "\"format\": 2")) else {
            return XCTFail("a format 2 edition was read")
        }
        XCTAssertTrue(problem.message.contains("saved by a newer Roster (format 2"), problem.message)
        XCTAssertEqual(problem.location?.path, "Content/editions/2023-12-31.json")
    }

    func testBrokenJSONAndAMissingKeyAreNamed() {
        guard case .failure(let broken) = decode("{\"format\": 1,\n  x}") else { return XCTFail() }
        XCTAssertTrue(broken.message.contains("not valid JSON"), broken.message)
        XCTAssertEqual(broken.location?.line, 2)
        XCTAssertEqual(broken.location?.column, 3)
        guard case .failure(let missing) = decode(valid.replacingOccurrences(of: "\"company\": \"meta\", ", with: "")) else {
            return XCTFail()
        }
        XCTAssertTrue(missing.message.contains("'company' is missing in authors[0].career[0]"), missing.message)
        guard case .failure(let unformatted) = decode("{}") else { return XCTFail() }
        XCTAssertTrue(unformatted.message.contains("has no \"format\""), unformatted.message)
        guard case .failure(let date) = decode(valid.replacingOccurrences(of: "\"2023-04\"", with: "\"April\"")) else { return XCTFail() }
        XCTAssertTrue(date.message.contains("authors[0].career[0].end is 'April'"), date.message)
    }
}
