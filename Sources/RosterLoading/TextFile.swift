import Foundation
import RosterModel

/// Turns a file's bytes into text the way editors expect: UTF-8 only, a byte-order mark dropped,
/// CRLF and CR line ends read as LF. Control characters are errors at their line and column (see
/// `ControlCharacters`), added to `problems`; the text goes on with U+FFFD in their place.
enum TextFile {
    static func decode(_ data: Data, path: String, problems: inout [Diagnostic]) -> Result<String, Diagnostic> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(.error("this file is not UTF-8 text; save it as UTF-8",
                                   at: firstInvalidByte(in: bytes, path: path)))
        }
        let hasCR = bytes.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress, raw.count > 0 else { return false }
            return memchr(base, 0x0D, raw.count) != nil
        }
        let lines = hasCR ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        return .success(ControlCharacters.cleaned(lines, path: path, problems: &problems))
    }

    /// The line and column of the first byte that is not valid UTF-8.
    static func firstInvalidByte(in bytes: Data.SubSequence, path: String) -> SourceLocation {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let end = index + length
            if length == 0 || end > bytes.endIndex || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.count ?? 0) + 1
                return SourceLocation(path: path, line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = end
            }
            index = end
        }
        return SourceLocation(path: path, line: line)
    }
}
