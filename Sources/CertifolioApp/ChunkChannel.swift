import Foundation

/// A bounded hand-over between one producing thread and one consuming thread.
///
/// `send` blocks while `capacity` items wait; `receive` blocks until an item, the end (nil)
/// or the producer's error. `cancel` (by the consumer) makes the producer's next `send` throw,
/// so that it stops early.
final class ChunkChannel<Item>: @unchecked Sendable {
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private var items: [Item] = []
    private var closed = false
    private var failure: (any Error)?
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    func send(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        items.append(item)
        condition.broadcast()
    }

    /// Ends the stream; a non-nil error is thrown to the consumer after the items already sent.
    func close(error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        failure = error
        condition.broadcast()
    }

    func receive() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty, !closed { condition.wait() }
        if !items.isEmpty {
            let item = items.removeFirst()
            condition.broadcast()
            return item
        }
        if let failure { throw failure }
        return nil
    }

    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        items.removeAll()
        condition.broadcast()
    }
}
