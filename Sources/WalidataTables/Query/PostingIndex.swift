import CSQLite
import Foundation

/// Reads the row lists a format-2 table file keeps for its columns with few distinct values
/// (see `PostingBuilder`): the rows whose value equals an operand (or is empty), in file order,
/// and how many they are without reading the lists.
struct PostingIndex {
    /// Columns (0-based) that have row lists; empty for format-1 files.
    let columns: Set<Int>

    static func columns(in db: SQLiteConnection) -> Set<Int> {
        guard let json = try? db.scalarText("SELECT value FROM meta WHERE key = 'postings'"),
              let list = try? JSONDecoder().decode([Int].self, from: Data(json.utf8))
        else { return [] }
        return Set(list)
    }

    /// `operand` nil means the empty cell (SQL NULL).
    private static func keys(_ column: Int, _ operand: SQLiteValue?, _ db: SQLiteConnection) throws -> [(key: Int64, total: Int)] {
        let statement = try db.prepare(operand == nil
            ? "SELECT key, total FROM posting_values WHERE col = ? AND value IS NULL"
            : "SELECT key, total FROM posting_values WHERE col = ? AND value = ?")
        try statement.bind([.integer(Int64(column))] + (operand.map { [$0] } ?? []))
        var keys: [(Int64, Int)] = []
        while try statement.step() { keys.append((statement.int64(0), Int(statement.int64(1)))) }
        return keys
    }

    /// How many rows hold this value.
    static func count(_ column: Int, _ operand: SQLiteValue?, _ db: SQLiteConnection) throws -> Int {
        try keys(column, operand, db).reduce(0) { $0 + $1.total }
    }

    /// The rows holding this value, ascending.
    static func rows(_ column: Int, _ operand: SQLiteValue?, _ db: SQLiteConnection) throws -> [Int32] {
        try rows(column, keys: try keys(column, operand, db).map(\.key), db)
    }

    /// The first `count` rows holding this value, ascending, and how many hold it; nil when the
    /// value has several keys (`1.234` and `1234`), whose lists interleave. Only the part of the
    /// list the page needs is read and decoded.
    static func prefix(_ column: Int, _ operand: SQLiteValue?, _ db: SQLiteConnection, count: Int) throws -> (rows: [Int32], total: Int)? {
        let keys = try keys(column, operand, db)
        guard keys.count <= 1 else { return nil }
        guard let key = keys.first else { return ([], 0) }
        return (try rows(column, keys: [key.key], db, upTo: count), key.total)
    }

    /// The rows of these keys of a column, ascending; with one key, `upTo` stops the reading
    /// once that many are read.
    static func rows(_ column: Int, keys: [Int64], _ db: SQLiteConnection, upTo: Int = .max) throws -> [Int32] {
        var rows: [Int32] = []
        let statement = try db.prepare("SELECT first_row, n, rows FROM postings WHERE col = ? AND key = ? ORDER BY first_row")
        for key in keys {
            try statement.bind([.integer(Int64(column)), .integer(key)])
            while try statement.step() {
                var row = Int(statement.int64(0))
                let n = Int(statement.int64(1))
                rows.append(Int32(row))
                let blob = sqlite3_column_blob(statement.handle, 2)?.assumingMemoryBound(to: UInt8.self)
                let size = Int(sqlite3_column_bytes(statement.handle, 2))
                var p = 0
                for _ in 1..<max(n, 1) {
                    guard let blob, keys.count > 1 || rows.count < upTo else { break }
                    var delta = 0, shift = 0
                    while p < size {
                        let byte = blob[p]
                        p += 1
                        delta |= Int(byte & 0x7F) << shift
                        shift += 7
                        if byte < 0x80 { break }
                    }
                    row += delta
                    rows.append(Int32(row))
                }
                if keys.count == 1, rows.count >= upTo { break }
            }
            statement.reset()
        }
        // Several keys (`1.234` and `1234`) interleave; one key is already in order.
        if keys.count > 1 { rows.sort() }
        return rows
    }

    /// Rows in both sorted lists.
    static func intersect(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(min(a.count, b.count))
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else {
                out.append(a[i])
                i += 1
                j += 1
            }
        }
        return out
    }
}
