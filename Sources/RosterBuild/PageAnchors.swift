import Foundation

/// What the link and anchor checks need of a rendered page: its ids (in order, repeats kept) and,
/// for `roster check`, its hrefs. Read from the HTML as it is rendered, on the core that rendered
/// it, so the checks never need every page's HTML at once.
struct PageAnchors: Sendable {
    var ids: [String] = []
    var hrefs: [String] = []

    init(ids: [String] = [], hrefs: [String] = []) {
        self.ids = ids
        self.hrefs = hrefs
    }

    /// The values of every ` id="…"` (and, with `hrefs`, ` href="…"`) attribute, entities decoded.
    init(html: String, hrefs wanted: Bool) {
        var html = html
        html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var index = 0
            while index < bytes.count, let found = memchr(base + index, 0x3D, bytes.count - index) {   // =
                let equals = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                index = equals + 1
                guard equals + 1 < bytes.count, bytes[equals + 1] == 0x22 else { continue }   // ="
                let isID = Self.precededBy(" id", bytes, equals)
                guard isID || (wanted && Self.precededBy(" href", bytes, equals)) else { continue }
                let start = equals + 2
                guard let close = memchr(base + start, 0x22, bytes.count - start) else { break }
                let end = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
                let value = Self.decodingEntities(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                if isID { ids.append(value) } else { hrefs.append(value) }
                index = end + 1
            }
        }
    }

    private static func precededBy(_ name: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        let count = name.utf8CodeUnitCount
        guard position >= count else { return false }
        return name.withUTF8Buffer { needle in
            (0..<count).allSatisfy { bytes[position - count + $0] == needle[$0] }
        }
    }

    /// An attribute's value as the browser reads it: the entities an HTML writer uses decoded.
    static func decodingEntities(_ value: String) -> String {
        guard value.utf8.contains(0x26) else { return value }
        var text = value
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
