import Foundation
import RosterLoading
import XCTest

/// Picture sizes from the files' first bytes.
final class ImageSizeTests: XCTestCase {
    static func png(width: UInt32, height: UInt32) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        for value in [width, height] { bytes += [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
        return Data(bytes + [8, 2, 0, 0, 0, 0, 0, 0, 0])
    }

    private func size(_ data: Data) -> String {
        switch ImageSize.of(data) {
        case .success(let (width, height)): return "\(width)x\(height)"
        case .failure(let problem): return "\(problem)"
        }
    }

    func testPNGJPEGWebPAndSVGSizesAreRead() {
        XCTAssertEqual(size(Self.png(width: 640, height: 480)), "640x480")
        // A JPEG with an APP0 segment before its frame header.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14)
            + [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03] + Array(repeating: 0, count: 9)
        XCTAssertEqual(size(Data(jpeg)), "640x480")
        var webp: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array("VP8X".utf8) + Array(repeating: 0, count: 8)
        webp += [0x7F, 0x02, 0x00, 0xDF, 0x01, 0x00]   // 640 - 1, 480 - 1, 24 bits each
        XCTAssertEqual(size(Data(webp)), "640x480")
        XCTAssertEqual(size(Data(#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120px" height="40">"#.utf8)), "120x40")
        XCTAssertEqual(size(Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150">"#.utf8)), "300x150")
    }

    func testBrokenAndUnknownFilesSaySo() {
        XCTAssertEqual(size(Data("GIF89a".utf8)), "unknownFormat")
        XCTAssertTrue(size(Data([0xFF, 0xD8, 0x00, 0x00] + Array(repeating: 0, count: 20))).contains("damaged"))
        XCTAssertTrue(size(Data(#"<svg xmlns="http://www.w3.org/2000/svg">"#.utf8)).contains("neither width and height"))
    }
}
