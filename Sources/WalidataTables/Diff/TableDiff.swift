import CSQLite
import Foundation

/// Compares two table files (two versions of a dataset) inside SQLite: both are attached
/// read-only to a private scratch database that SQLite deletes on close, and the work is done
/// with joins over temporary keyed tables, so memory stays bounded for million-row versions.
public enum TableDiff {
    public static let defaultExampleLimit = 20

    /// With `key`, rows are matched on that column (present in both versions): a key only in
    /// the new version is an added row, only in the old a removed row, in both with different
    /// values in the common columns a changed row. Rows whose key is empty or repeated within
    /// a version are left out and reported in `problems`.
    ///
    /// Without `key`, whole rows (their common columns) are compared as multisets: a row is
    /// added when the new version holds more copies of it than the old, removed when fewer.
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

    private static func compareWholeRows(_ db: SQLiteConnection, _ old: TableReader, _ new: TableReader, _ pairing: ColumnPairing,
                                         _ limit: Int, into comparison: inout TableComparison) throws {
        for side in [ComparisonProblem.Version.old, .new] {
            let parts = pairing.pairs.map { "quote(\(pairing.expression($0, old: old, new: new, side: side)))" }
            let fingerprint = parts.isEmpty ? "''" : parts.joined(separator: " || ',' || ")
            let alias = side == .old ? "o" : "n", table = "\(side.rawValue)_rows"
            try db.execute("""
                CREATE TEMP TABLE \(table) (fp PRIMARY KEY, copies INTEGER, first INTEGER) WITHOUT ROWID;
                INSERT INTO \(table) SELECT fp, count(*), min(r) FROM (SELECT \(fingerprint) AS fp, \(alias)._row AS r FROM \(side.rawValue).data \(alias)) GROUP BY fp;
                """)
        }
        func excess(_ more: String, _ less: String) throws -> (count: Int, examples: [Int]) {
            let from = "FROM \(more)_rows m LEFT JOIN \(less)_rows l ON l.fp = m.fp WHERE m.copies > coalesce(l.copies, 0)"
            let count = Int(try db.scalarInt("SELECT coalesce(sum(m.copies - coalesce(l.copies, 0)), 0) \(from)"))
            let statement = try db.prepare("SELECT m.first \(from) ORDER BY m.first LIMIT ?")
            try statement.bind([.integer(Int64(limit))])
            var rows: [Int] = []
            while try statement.step() { rows.append(Int(statement.int64(0))) }
            return (count, rows)
        }
        let added = try excess("new", "old"), removed = try excess("old", "new")
        comparison.rowsAdded = added.count
        comparison.rowsRemoved = removed.count
        comparison.rowsUnchanged = new.rowCount - added.count
        comparison.addedExamples = try new.rows(numbered: added.examples)
        comparison.removedExamples = try old.rows(numbered: removed.examples)
    }
}
