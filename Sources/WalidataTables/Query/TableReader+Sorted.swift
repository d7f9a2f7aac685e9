import Foundation

extension TableReader {
    /// The row numbers of one page of the whole table sorted by a column that has row lists
    /// (`PostingIndex`), without sorting the table: the column's distinct values are few
    /// (at most `PostingBuilder.distinctLimit`), so they are walked in order with their row
    /// counts, the values before the page are skipped by count, and only the lists the page
    /// falls in are read. Ties keep file order and empty cells come last, as in
    /// `QueryCompiler`'s `ORDER BY … NULLS LAST, _row`: `posting_values.value` is stored and
    /// compared exactly as the data column is.
    ///
    /// Nil when the query is not of that shape (filters, several sort keys, a column without
    /// lists): it then runs in SQL.
    func sortedByList(_ query: TableQuery, limit: Int) throws -> [Int]? {
        guard usesFastPaths, query.filters.isEmpty, query.sort.count == 1,
              let column = try? compiler.resolve(query.sort[0].column), postings.contains(column) else { return nil }
        // Every row is in exactly one list of a listed column (an empty cell's list included).
        let listed = Int(try connection.scalarInt("SELECT coalesce(sum(total), 0) FROM posting_values WHERE col = ?", [.integer(Int64(column))]))
        guard listed == rowCount else { return nil }
        let end = query.offset + limit
        guard limit > 0, query.offset < rowCount else { return [] }
        // Keys holding equal values (`1.234` and `1234` in one column) form one group.
        let statement = try connection.prepare("""
            SELECT group_concat(key), sum(total) FROM posting_values WHERE col = ?
            GROUP BY value ORDER BY value IS NULL, value \(query.sort[0].descending ? "DESC" : "ASC")
            """)
        try statement.bind([.integer(Int64(column))])
        var before = 0
        var numbers: [Int] = []
        numbers.reserveCapacity(limit)
        while before < end, try statement.step() {
            let total = Int(statement.int64(1))
            defer { before += total }
            guard before + total > query.offset else { continue }
            let keys = (statement.text(0) ?? "").split(separator: ",").compactMap { Int64($0) }
            let rows = try PostingIndex.rows(column, keys: keys, connection)
            let from = max(0, query.offset - before), to = min(rows.count, end - before)
            if from < to { numbers += rows[from..<to].lazy.map(Int.init) }
        }
        return numbers
    }
}
