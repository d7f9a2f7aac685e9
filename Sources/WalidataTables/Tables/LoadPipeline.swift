import Foundation

/// Runs the table writer on a second thread, so that parsing and profiling (this thread) and
/// SQLite's inserts (that thread) use both cores of the server: the load then takes about as
/// long as the slower of the two instead of their sum. Batches circulate between a free list
/// and a full list; the parser waits only when the writer is three batches behind.
///
/// `@unchecked Sendable`: the mutable state is guarded by `condition`; the writer is used by
/// the loading thread only until `finish` has joined it.
final class LoadPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var free: [RowBatch]
    private var full: [RowBatch] = []
    private var closed = false
    private var done = false
    private var failure: (any Error)?
    private var current: RowBatch
    private let writer: TableWriter

    init(writer: TableWriter, columns: Int) {
        self.writer = writer
        let rows = max(64, min(8192, 262_144 / max(1, columns)))
        free = (0..<2).map { _ in RowBatch(columns: columns, rowCapacity: rows, byteCapacity: 1 << 20) }
        current = RowBatch(columns: columns, rowCapacity: rows, byteCapacity: 1 << 20)
        let thread = Thread { [self] in load() }
        thread.name = "walidata-table-writer"
        thread.start()
    }

    /// Queues one row; throws the writer's error if it has failed.
    func append(line: Int, base: UnsafePointer<UInt8>, fields: borrowing FieldList, cells: UnsafePointer<Cell>) throws {
        current.append(line: line, base: base, fields: fields, cells: cells)
        if current.isFull { try submit() }
    }

    private func submit() throws {
        condition.lock()
        defer { condition.unlock() }
        full.append(current)
        condition.broadcast()
        while free.isEmpty, failure == nil { condition.wait() }
        if let failure { throw failure }
        current = free.removeLast()
    }

    /// Sends the last rows, waits for the writer thread to store them, and returns the writer
    /// (or throws what it failed with).
    func finish() throws -> TableWriter {
        if current.rows > 0 {
            condition.lock()
            full.append(current)
            condition.unlock()
        }
        condition.lock()
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
        return writer
    }

    private func load() {
        while true {
            condition.lock()
            while full.isEmpty, !closed, failure == nil { condition.wait() }
            if full.isEmpty || failure != nil {
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = full.removeFirst()
            condition.unlock()
            do {
                try writer.insert(batch)
            } catch {
                condition.lock()
                failure = error
                condition.unlock()
            }
            batch.clear()
            condition.lock()
            free.append(batch)
            condition.broadcast()
            condition.unlock()
        }
    }
}
