import CSQLite
import Foundation

/// Row lists by value ("postings") for the columns with few distinct values, built on the
/// writer thread while the rows are inserted.
///
/// Why not SQLite indexes: `CREATE INDEX` sorts every row of a column again (about 1 s of CPU
/// per text column at a million rows, and the file grows by a third per index), which the
/// intake budget (`bench/ingest`: at most 10× `sha256sum`) cannot pay for the five or six
/// columns a portal filters by. Rows arrive in order, so a value's row numbers are already
/// sorted: appending each to its value's list costs a hash lookup and a byte or two, on the
/// thread that otherwise waits for the parser. Equality filters, empty-cell filters and their
/// counts then read one short list instead of scanning the table.
///
/// A value is keyed by the cell's bytes as uploaded: cells with the same bytes are stored as
/// the same value, before and after `TableFixups` (the fixups read only a cell's own bytes).
/// Different bytes can still be equal values (`1.234` and `1234`); a lookup takes every key
/// whose stored value matches. A column that passes `distinctLimit` keys is dropped (its
/// values are too many for lists to help over a scan of equals-matches, and memory must stay
/// flat); lists are written out in chunks of about `chunkBytes`, and all of them whenever the
/// buffered total passes `bufferLimit`, so memory does not grow with the file.
final class PostingBuilder {
    static let distinctLimit = 4096
    static let chunkBytes = 2048
    static let bufferLimit = 8 << 20

    fileprivate final class Key {
        let firstRow: Int
        var total = 0
        var chunkFirst = 0
        var chunkCount = 0
        var last = 0
        var buffer: [UInt8] = []
        init(firstRow: Int) { self.firstRow = firstRow }
    }

    fileprivate struct Column {
        var dropped = false
        var keys: [Key] = []
        var hashes: [UInt64] = []
        var starts: [Int] = []
        var lengths: [Int] = []
        var arena: [UInt8] = []
        /// Open addressing over `keys`: -1 is an empty slot.
        var slots = [Int32](repeating: -1, count: 1024)
    }

    private var columns: [Column]
    private var buffered = 0
    private let insert: SQLiteStatement
    private let db: SQLiteConnection

    init(columns count: Int, on db: SQLiteConnection) throws {
        columns = Array(repeating: Column(), count: count)
        self.db = db
        try db.execute(TableSchema.createPostings)
        insert = try db.prepare("INSERT INTO postings VALUES (?, ?, ?, ?, ?)")
    }

    /// Records that data row `row` (1-based) holds these bytes in column `column`.
    @inline(__always)
    func add(column c: Int, row: Int, bytes: UnsafePointer<UInt8>, count: Int) throws {
        guard !columns[c].dropped else { return }
        let hash = Self.hash(bytes, count)
        let index = columns[c].find(hash: hash, bytes: bytes, count: count)
        let key: Key
        if index >= 0 {
            key = columns[c].keys[index]
        } else {
            guard columns[c].keys.count < Self.distinctLimit else { return try drop(c) }
            key = Key(firstRow: row)
            key.chunkFirst = row
            key.chunkCount = 1
            key.last = row
            key.total = 1
            columns[c].append(key, hash: hash, bytes: bytes, count: count)
            return
        }
        key.total += 1
        if key.chunkCount == 0 {
            key.chunkFirst = row
        } else {
            var delta = row - key.last
            while delta >= 0x80 {
                key.buffer.append(UInt8(truncatingIfNeeded: delta) | 0x80)
                delta >>= 7
                buffered += 1
            }
            key.buffer.append(UInt8(delta))
            buffered += 1
        }
        key.chunkCount += 1
        key.last = row
        if key.buffer.count >= Self.chunkBytes { try flush(c, index) }
    }

    /// Called after each batch: keeps the buffered lists under `bufferLimit`.
    func batchDone() throws {
        guard buffered > Self.bufferLimit else { return }
        for c in columns.indices where !columns[c].dropped {
            for k in columns[c].keys.indices { try flush(c, k) }
        }
        buffered = 0
    }

    private func flush(_ c: Int, _ k: Int) throws {
        let key = columns[c].keys[k]
        guard key.chunkCount > 0 else { return }
        let statement = insert.handle
        sqlite3_bind_int64(statement, 1, Int64(c))
        sqlite3_bind_int64(statement, 2, Int64(k))
        sqlite3_bind_int64(statement, 3, Int64(key.chunkFirst))
        sqlite3_bind_int64(statement, 4, Int64(key.chunkCount))
        let rc = key.buffer.withUnsafeBytes { bytes in
            sqlite3_bind_blob(statement, 5, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), nil)
            return sqlite3_step(statement)
        }
        sqlite3_reset(statement)
        guard rc == SQLITE_DONE else { throw db.failure("postings") }
        buffered -= key.buffer.count
        key.buffer.removeAll(keepingCapacity: true)
        key.chunkCount = 0
    }

    private func drop(_ c: Int) throws {
        columns[c].dropped = true
        for key in columns[c].keys { buffered -= key.buffer.count }
        columns[c] = Column(dropped: true)
        try db.execute("DELETE FROM postings WHERE col = \(c)")
    }

    /// Writes the last chunks and each key's stored value, read back from its first row after
    /// the fixups, so a lookup compares with exactly what the data holds. Returns the columns
    /// that have postings.
    func finish(schema: TableSchema) throws -> [Int] {
        var kept: [Int] = []
        for c in columns.indices where !columns[c].dropped {
            kept.append(c)
            for k in columns[c].keys.indices { try flush(c, k) }
            let value = try db.prepare(
                "INSERT INTO posting_values SELECT ?, ?, \(TableSchema.quoted(schema.sqlNames[c])), ? FROM data WHERE _row = ?")
            for (k, key) in columns[c].keys.enumerated() {
                try value.bind([.integer(Int64(c)), .integer(Int64(k)), .integer(Int64(key.total)), .integer(Int64(key.firstRow))])
                try value.run()
                value.reset()
            }
        }
        try db.execute(TableSchema.indexPostingValues)
        return kept
    }

    /// FNV-1a: cells are short, so a simple byte loop is as fast as anything cleverer.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
        return h
    }
}

extension PostingBuilder.Column {
    @inline(__always)
    fileprivate func find(hash: UInt64, bytes: UnsafePointer<UInt8>, count: Int) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return -1 }
            if hashes[index] == hash, lengths[index] == count,
               arena.withUnsafeBufferPointer({ memcmp($0.baseAddress! + starts[index], bytes, count) == 0 }) {
                return index
            }
            slot = (slot + 1) & mask
        }
    }

    fileprivate mutating func append(_ key: PostingBuilder.Key, hash: UInt64, bytes: UnsafePointer<UInt8>, count: Int) {
        let index = keys.count
        keys.append(key)
        hashes.append(hash)
        starts.append(arena.count)
        lengths.append(count)
        arena.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        if keys.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for (i, h) in hashes.enumerated() { place(Int32(i), hash: h) }
        } else {
            place(Int32(index), hash: hash)
        }
    }

    private mutating func place(_ index: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
    }
}
