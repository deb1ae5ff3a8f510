import Foundation

/// Finding one byte in a buffer with the C library's `memchr`, which reads many bytes at a time.
public enum ByteSearch {
    /// The offset of the first `byte` at or after `start`, or nil.
    public static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// `text` with every `needle` replaced, compared byte for byte (Foundation's
    /// `replacingOccurrences` compares Unicode text, many times slower on long HTML).
    public static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        let needle = Array(needle.utf8), replacement = Array(replacement.utf8)
        guard let first = needle.first else { return text }
        var text = text
        let replaced: [UInt8]? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var out: [UInt8] = []
            var copied = 0, index = 0
            while let at = next(first, in: bytes, from: index) {
                guard at + needle.count <= bytes.count, memcmp(base + at, needle, needle.count) == 0 else {
                    index = at + 1
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<at]))
                out.append(contentsOf: replacement)
                copied = at + needle.count
                index = copied
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return out
        }
        return replaced.map { String(decoding: $0, as: UTF8.self) } ?? text
    }
}
