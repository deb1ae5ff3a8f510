import Foundation

/// The pixel size of an image from its first bytes (PNG, JPEG, WebP, SVG), so that pages can give
/// `width` and `height` and do not jump while images load. Only a bounded prefix is read.
public enum ImageSize {
    public static let maximumBytes = 10 << 20
    public static let maximumSide = 8_000
    /// How much of a file is read to find its size (a JPEG's size follows its metadata).
    static let prefixBytes = 1 << 20

    public enum Problem: Error, Equatable {
        case unknownFormat
        case broken(String)
    }

    /// The size, from the file's first bytes.
    public static func of(_ data: Data) -> Result<(width: Int, height: Int), Problem> {
        let bytes = [UInt8](data.prefix(prefixBytes))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(bytes) }
        if bytes.starts(with: [0xFF, 0xD8]) { return jpeg(bytes) }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return webp(bytes) }
        if let svg = svg(bytes) { return svg }
        return .failure(.unknownFormat)
    }

    private static func be16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    private static func be32(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
    private static func le16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    private static func le24(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 }

    private static func png(_ b: [UInt8]) -> Result<(width: Int, height: Int), Problem> {
        guard b.count >= 24, Array(b[12..<16]) == Array("IHDR".utf8) else { return .failure(.broken("the PNG has no header chunk")) }
        return .success((be32(b, 16), be32(b, 20)))
    }

    private static func jpeg(_ b: [UInt8]) -> Result<(width: Int, height: Int), Problem> {
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return .failure(.broken("the JPEG's segments are damaged")) }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }   // fill bytes
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 { i += 2; continue }
            let length = be16(b, i + 2)
            let frame: Set<UInt8> = [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF]
            if frame.contains(marker) { return .success((be16(b, i + 7), be16(b, i + 5))) }
            if marker == 0xD9 || marker == 0xDA || length < 2 { break }
            i += 2 + length
        }
        return .failure(.broken("no size was found in the JPEG's first \(prefixBytes >> 20) MB"))
    }

    private static func webp(_ b: [UInt8]) -> Result<(width: Int, height: Int), Problem> {
        guard b.count >= 30 else { return .failure(.broken("the WebP file is cut short")) }
        switch String(decoding: b[12..<16], as: UTF8.self) {
        case "VP8 ":
            return .success((le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF))
        case "VP8L":
            let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
            return .success(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        case "VP8X":
            return .success((le24(b, 24) + 1, le24(b, 27) + 1))
        default:
            return .failure(.broken("the WebP file has no image chunk Roster knows"))
        }
    }

    /// The root `<svg>` element's `width` and `height` (plain numbers or px), else its `viewBox`.
    private static func svg(_ b: [UInt8]) -> Result<(width: Int, height: Int), Problem>? {
        let text = String(decoding: b.prefix(64 << 10), as: UTF8.self)
        guard let open = text.range(of: "<svg"), let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = String(text[open.upperBound..<close])
        func attribute(_ name: String) -> String? {
            for quote in ["\"", "'"] {
                if let start = tag.range(of: " \(name)=\(quote)") ?? tag.range(of: "\n\(name)=\(quote)"),
                   let end = tag[start.upperBound...].firstIndex(of: Character(quote)) {
                    return String(tag[start.upperBound..<end])
                }
            }
            return nil
        }
        func pixels(_ value: String?) -> Int? {
            guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value).map { Int($0.rounded()) }
        }
        if let width = pixels(attribute("width")), let height = pixels(attribute("height")) { return .success((width, height)) }
        let box = (attribute("viewBox") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        if box.count == 4 { return .success((Int(box[2].rounded()), Int(box[3].rounded()))) }
        return .failure(.broken("the SVG gives neither width and height in pixels nor a viewBox"))
    }
}
