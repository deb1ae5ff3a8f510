/// FNV-1a, 64 bits: stable across runs and machines (Swift's `Hasher` is seeded per process).
public enum FNV1a {
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    public static func hash(_ text: String) -> UInt64 { hash(text.utf8) }
}
