import Foundation

/// Finding one byte in a buffer with the C library's `memchr`, which reads many bytes at a time.
public enum ByteSearch {
    /// The offset of the first `byte` at or after `start`, or nil.
    public static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
