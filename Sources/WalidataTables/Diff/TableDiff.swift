import CSQLite
import Foundation

/// Compares two table files (two versions of a dataset): both are attached read-only to a
/// private scratch connection, SQLite streams each sorted, and the streams are merged, so
/// memory stays bounded for million-row versions.
public enum TableDiff {
    public static let defaultExampleLimit = 20

    /// With `key`, rows are matched on that column (present in both versions): a key only in
    /// the new version is an added row, only in the old a removed row, in both with different
    /// values in the common columns a changed row. Rows whose key is empty or repeated within
    /// a version are left out and reported in `problems`.
    ///
    /// Without `key`, whole rows (their common columns) are compared as multisets: a row is
    /// added when the new version holds more copies of it than the old, removed when fewer.
    ///
    /// Each version is read once, sorted by SQLite (within its cache, spilling to temporary
    /// files beyond), and the two sorted streams are merged; rows are told apart by a 64-bit
    /// hash of their values (see `RowHash`).
    public static func compare(old: URL, new: URL, key: String? = nil,
                               exampleLimit: Int = defaultExampleLimit) throws -> TableComparison {
        let oldReader = try TableReader(tableFile: old)
        let newReader = try TableReader(tableFile: new)
        let pairing = ColumnPairing(old: oldReader, new: newReader)
        let db = try SQLiteConnection(path: "", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        try db.execute("PRAGMA temp_store = FILE; PRAGMA cache_size = -16384")
        for (url, name) in [(old, "old"), (new, "new")] {
            let attach = try db.prepare("ATTACH DATABASE ? AS \(name)")
            try attach.bind([.text(SQLiteConnection.immutableURI(url))])
            try attach.run()
        }
        var comparison = TableComparison(
            keyColumn: nil, oldColumns: oldReader.columns.map(\.name), newColumns: newReader.columns.map(\.name),
            columnsAdded: pairing.added, columnsRemoved: pairing.removed, columnsRetyped: pairing.retyped,
            oldRowCount: oldReader.rowCount, newRowCount: newReader.rowCount,
            rowsAdded: 0, rowsRemoved: 0, rowsChanged: nil, rowsUnchanged: 0, rowsNotCompared: 0,
            addedExamples: [], removedExamples: [], changedExamples: [], problems: [])
        let limit = max(0, exampleLimit)
        if let key {
            let run = KeyedComparison(db: db, old: oldReader, new: newReader, pairing: pairing, limit: limit)
            try run.compare(key: key, into: &comparison)
        } else {
            try compareWholeRows(db, oldReader, newReader, pairing, limit, into: &comparison)
        }
        return comparison
    }

    /// Merges both versions sorted by a hash of their common columns: equal hashes are equal
    /// rows, and a row is added or removed as many times as its copies differ.
    private static func compareWholeRows(_ db: SQLiteConnection, _ old: TableReader, _ new: TableReader, _ pairing: ColumnPairing,
                                         _ limit: Int, into comparison: inout TableComparison) throws {
        try RowHash.register(on: db)
        func stream(_ side: ComparisonProblem.Version) throws -> SortedRows {
            let values = ["0"] + pairing.pairs.map { pairing.expression($0, old: old, new: new, side: side) }
            let alias = side == .old ? "o" : "n"
            return try SortedRows(db, sql: """
                SELECT walidata_row_hash(\(values.joined(separator: ", "))), \(alias)._row FROM \(side.rawValue).data \(alias) ORDER BY 1, 2
                """)
        }
        let olds = try stream(.old), news = try stream(.new)
        var added = 0, removed = 0
        var addedRows = FirstRows<Void>(limit: limit), removedRows = FirstRows<Void>(limit: limit)
        while !olds.isDone || !news.isDone {
            let takeOld = !olds.isDone && (news.isDone || olds.key <= news.key)
            let takeNew = !news.isDone && (olds.isDone || news.key <= olds.key)
            let o = takeOld ? try olds.takeGroup() : (key: SortKey.null, copies: 0, rows: [], hash: 0)
            let n = takeNew ? try news.takeGroup() : (key: SortKey.null, copies: 0, rows: [], hash: 0)
            if n.copies > o.copies {
                added += n.copies - o.copies
                n.rows.dropFirst(o.copies).forEach { addedRows.offer($0) }
            } else if o.copies > n.copies {
                removed += o.copies - n.copies
                o.rows.dropFirst(n.copies).forEach { removedRows.offer($0) }
            }
        }
        comparison.rowsAdded = added
        comparison.rowsRemoved = removed
        comparison.rowsUnchanged = new.rowCount - added
        comparison.addedExamples = try new.rows(numbered: addedRows.rows)
        comparison.removedExamples = try old.rows(numbered: removedRows.rows)
    }
}
