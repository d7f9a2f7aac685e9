import Foundation

/// Open readers of table files, kept for the next request on the same file. Opening a table
/// (the SQLite connection, its schema read at the first statement) was a tenth of a portal
/// request's work; a table file never changes, so a reader can serve one request after another.
///
/// A reader serves one caller at a time: `withReader` takes one out (or opens one), and puts it
/// back when the work ended without an error. Readers are kept by the file's identity (path,
/// device, inode, size, modification time), so a file deleted or replaced is never read through
/// an old reader; at most `perFile` per file and `capacity` in all, the files used longest ago
/// dropped first.
public final class TableReaderPool: @unchecked Sendable {
    public static let shared = TableReaderPool()

    private let lock = NSLock()
    private var idle: [String: [TableReader]] = [:]
    /// Identities, least recently used first.
    private var order: [String] = []
    private var total = 0
    let perFile: Int
    let capacity: Int

    init(perFile: Int = 4, capacity: Int = 16) {
        self.perFile = perFile
        self.capacity = capacity
    }

    public func withReader<T>(_ tableFile: URL, _ body: (TableReader) throws -> T) throws -> T {
        guard let identity = ReadCache<Void>.identity(of: tableFile.path) else {
            return try body(TableReader(tableFile: tableFile))
        }
        let reader = try take(identity) ?? TableReader(tableFile: tableFile)
        let result = try body(reader)
        put(reader, identity)
        return result
    }

    /// Readers kept now (for the tests).
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return total
    }

    public func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        idle = [:]
        order = []
        total = 0
    }

    private func take(_ identity: String) -> TableReader? {
        lock.lock()
        defer { lock.unlock() }
        guard var readers = idle[identity], let reader = readers.popLast() else { return nil }
        idle[identity] = readers.isEmpty ? nil : readers
        if readers.isEmpty { order.removeAll { $0 == identity } }
        total -= 1
        return reader
    }

    private func put(_ reader: TableReader, _ identity: String) {
        lock.lock()
        var dropped: [TableReader] = []
        if idle[identity, default: []].count < perFile {
            idle[identity, default: []].append(reader)
            total += 1
            order.removeAll { $0 == identity }
            order.append(identity)
        } else {
            dropped.append(reader)
        }
        while total > capacity, let oldest = order.first {
            order.removeFirst()
            let readers = idle.removeValue(forKey: oldest) ?? []
            total -= readers.count
            dropped += readers
        }
        lock.unlock()
        // Closed outside the lock.
        dropped.removeAll()
    }
}
