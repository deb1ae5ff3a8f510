import XCTest
@testable import RosterLoading

/// A missing photo or logo suggests the file meant, never one that only shares a folder and extension.
final class PictureHintTests: XCTestCase {
    let available = ["img/acme.svg", "img/fake.png", "people/ada.png", "people/bob.jpg"]

    func testAPathThatNamesTheAssetsFolderSuggestsThePathInsideIt() {
        XCTAssertEqual(SiteLoader.pictureHint(for: "assets/img/acme.svg", in: available), " (did you mean 'img/acme.svg'?)")
        XCTAssertEqual(SiteLoader.pictureHint(for: "Content/assets/people/ada.png", in: available), " (did you mean 'people/ada.png'?)")
    }

    func testTheSameFileNameInAnotherFolderOrANearNameInTheSameFolder() {
        XCTAssertEqual(SiteLoader.pictureHint(for: "logos/acme.svg", in: available), " (did you mean 'img/acme.svg'?)")
        XCTAssertEqual(SiteLoader.pictureHint(for: "people/adda.png", in: available), " (did you mean 'people/ada.png'?)")
        XCTAssertEqual(SiteLoader.pictureHint(for: "people/bob.png", in: available), " (did you mean 'people/bob.jpg'?)")
    }

    func testAnUnrelatedFileIsNotSuggested() {
        XCTAssertEqual(SiteLoader.pictureHint(for: "img/marie.png", in: available), "")
    }
}
