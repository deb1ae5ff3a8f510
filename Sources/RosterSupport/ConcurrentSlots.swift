import Foundation

/// Fixed slots that concurrent workers fill, one slot per worker item, read back in order once
/// the work is done: how the parallel stages stay deterministic.
public final class ConcurrentSlots<T>: @unchecked Sendable {
    private var values: [T?]
    private let lock = NSLock()

    public init(count: Int) { values = Array(repeating: nil, count: count) }

    public subscript(index: Int) -> T? {
        get { lock.withLock { values[index] } }
        set { lock.withLock { values[index] = newValue } }
    }
}
