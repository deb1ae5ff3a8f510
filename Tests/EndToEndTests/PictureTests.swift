import Foundation
import RosterTestSupport
import XCTest

/// Photos and logos (issue 13, part 4).
extension CommandLineTests {
    private func png(_ width: UInt32, _ height: UInt32) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        for value in [width, height] { bytes += [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
        return Data(bytes + [8, 2, 0, 0, 0, 0, 0, 0, 0])
    }

    func testPhotosAndLogosCarryTheirSizeAreLazyInListsAndPreviewThePage() throws {
        let site = try TestSite.minimal()
        try site.writeData("Content/assets/people/ada.png", png(400, 500))
        try site.writeData("Content/assets/logos/globex.png", png(300, 100))
        try site.write("Content/authors/ada.md", try site.read("Content/authors/ada.md")
            .replacingOccurrences(of: "name: Ada Lovelace\n", with: "name: Ada Lovelace\nphoto: people/ada.png\nphoto_alt: Ada at her desk\n"))
        try site.write("Content/companies/globex.md", "---\nname: Globex\nlogo: logos/globex.png\nlogo_alt: The Globex globe\n---\nGlobex.\n")
        try site.write("Content/assets/logos/acme.svg", #"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"></svg>"#)
        try site.write("Content/companies/acme.md", "---\nname: Acme\nlogo: logos/acme.svg\nlogo_alt: Acme\n---\nAcme.\n")
        let build = try run(["build"], in: site.root)
        XCTAssertEqual(build.status, 0, build.stderr)
        let ada = try site.read("Output/authors/ada/index.html")
        XCTAssertTrue(ada.contains(#"<img class="photo" src="../../assets/people/ada.png" alt="Ada at her desk" width="400" height="500">"#), ada)
        XCTAssertTrue(ada.contains(#"<meta property="og:image" content="https://example.org/test/assets/people/ada.png">"#))
        XCTAssertTrue(try site.read("Output/authors/index.html")
            .contains(#"<img class="thumb" src="../assets/people/ada.png" alt="" width="400" height="500" loading="lazy">"#))
        XCTAssertTrue(try site.read("Output/companies/globex/index.html")
            .contains(#"<img class="logo" src="../../assets/logos/globex.png" alt="The Globex globe" width="300" height="100">"#))
        XCTAssertFalse(try site.read("Output/authors/bob/index.html").contains("og:image"))
        let acme = try site.read("Output/companies/acme/index.html")
        XCTAssertTrue(acme.contains(#"width="60" height="20""#), "an SVG logo is shown")
        XCTAssertFalse(acme.contains("og:image"), "social networks do not show SVG previews")
    }

    func testAMissingBrokenOrHugePictureIsAnErrorAtItsKey() throws {
        let site = try TestSite.minimal()
        try site.writeData("Content/assets/people/ada.png", png(400, 500))
        try site.writeData("Content/assets/people/bob.png", png(9_000, 100))
        try site.writeData("Content/assets/logos/acme.png", Data("not a picture".utf8))
        try site.write("Content/authors/ada.md", try site.read("Content/authors/ada.md")
            .replacingOccurrences(of: "name: Ada Lovelace\n", with: "name: Ada Lovelace\nphoto: people/adda.png\nphoto_alt: Ada\n"))
        try site.write("Content/authors/bob.md", try site.read("Content/authors/bob.md")
            .replacingOccurrences(of: "name: Bob\n", with: "name: Bob\nphoto: people/bob.png\n"))
        try site.write("Content/companies/acme.md", "---\nname: Acme\nlogo: logos/acme.png\nlogo_alt: Acme\n---\nAcme.\n")
        try site.write("Content/companies/globex.md", "---\nname: Globex\nlogo: logos/globex.gif\nlogo_alt: Globex\n---\nGlobex.\n")
        let check = try run(["check"], in: site.root)
        XCTAssertEqual(check.status, 1)
        for expected in ["Content/authors/ada.md:3:8: error: no file 'people/adda.png' in Content/assets (did you mean 'people/ada.png'?)",
                         "Content/authors/bob.md:3:8: error: 'photo_alt' is required with 'photo'",
                         "Content/companies/acme.md:3:7: error: 'logos/acme.png' is not a PNG, JPEG, WebP or SVG image",
                         "Content/companies/globex.md:3:7: error: 'logo' must be a PNG, JPEG, WebP or SVG file"] {
            XCTAssertTrue(check.stderr.contains(expected), "missing: \(expected)\n\(check.stderr)")
        }
        try site.write("Content/authors/bob.md", try site.read("Content/authors/bob.md")
            .replacingOccurrences(of: "photo: people/bob.png\n", with: "photo: people/bob.png\nphoto_alt: Bob\n"))
        XCTAssertTrue(try run(["check"], in: site.root).stderr.contains("'people/bob.png' is 9000 × 100 px; a photo may be at most 8000 px a side"))
    }
}
