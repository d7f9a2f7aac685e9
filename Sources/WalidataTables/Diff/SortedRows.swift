import CSQLite

/// One version's rows as a stream sorted by a key, from `SELECT key, _row, hash … ORDER BY
/// key, _row`. SQLite sorts within its cache budget and spills to temporary files beyond it,
/// so a million-row version never sits in memory.
final class SortedRows {
    private let statement: SQLiteStatement
    private(set) var key = SortKey.null
    private(set) var row = 0
    /// Hash of the row's compared values (keyed mode), 0 when not selected.
    private(set) var hash: Int64 = 0
    private(set) var isDone = false

    init(_ db: SQLiteConnection, sql: String) throws {
        statement = try db.prepare(sql)
        try advance()
    }

    func advance() throws {
        guard try statement.step() else {
            isDone = true
            return
        }
        key = SortKey(statement.handle, column: 0)
        row = Int(statement.int64(1))
        hash = statement.columnCount > 2 ? statement.int64(2) : 0
    }

    /// The rows of the current key: their count, first row number, and the hash of the first.
    func takeGroup() throws -> (key: SortKey, copies: Int, rows: [Int], hash: Int64) {
        let key = self.key, hash = self.hash
        var rows: [Int] = []
        var copies = 0
        while !isDone, self.key == key {
            if rows.count < 8 { rows.append(row) }
            copies += 1
            try advance()
        }
        return (key, copies, rows, hash)
    }
}
