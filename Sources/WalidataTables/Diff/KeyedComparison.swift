/// The keyed half of `TableDiff`: rows matched on one column.
struct KeyedComparison {
    let db: SQLiteConnection
    let old: TableReader
    let new: TableReader
    let pairing: ColumnPairing
    let limit: Int

    func compare(key: String, into comparison: inout TableComparison) throws {
        let oldKey = try? QueryCompiler(columns: old.columns, schema: old.schema).resolve(key)
        let newKey = try? QueryCompiler(columns: new.columns, schema: new.schema).resolve(key)
        guard let oldKey, let newKey else { throw TablesError.keyColumnMissing(key, inOld: oldKey != nil, inNew: newKey != nil) }
        let keyPair = ColumnPairing.Pair(old: oldKey, new: newKey, sameType: old.columns[oldKey].type == new.columns[newKey].type)
        let keyName = new.columns[newKey].name
        comparison.keyColumn = keyName
        comparison.rowsChanged = 0

        for side in [ComparisonProblem.Version.old, .new] {
            let s = side.rawValue, alias = side == .old ? "o" : "n"
            let expression = pairing.expression(keyPair, old: old, new: new, side: side)
            try db.execute("""
                CREATE TEMP TABLE \(s)_keys AS SELECT \(expression) AS k, \(alias)._row AS r FROM \(s).data \(alias);
                CREATE TEMP TABLE \(s)_repeated (k PRIMARY KEY, copies INTEGER) WITHOUT ROWID;
                CREATE TEMP TABLE \(s)_unique (k PRIMARY KEY, r INTEGER) WITHOUT ROWID;
                INSERT INTO \(s)_repeated SELECT k, count(*) FROM \(s)_keys WHERE k IS NOT NULL GROUP BY k HAVING count(*) > 1;
                INSERT INTO \(s)_unique SELECT k, min(r) FROM \(s)_keys WHERE k IS NOT NULL GROUP BY k HAVING count(*) = 1;
                """)
            let empty = Int(try db.scalarInt("SELECT count(*) FROM \(s)_keys WHERE k IS NULL"))
            if empty > 0 { comparison.problems.append(.emptyKeys(keyName, version: side, rows: empty)) }
            let repeatedValues = Int(try db.scalarInt("SELECT count(*) FROM \(s)_repeated"))
            if repeatedValues > 0 {
                let rows = Int(try db.scalarInt("SELECT sum(copies) FROM \(s)_repeated"))
                let statement = try db.prepare("SELECT CAST(k AS TEXT) FROM \(s)_repeated ORDER BY copies DESC, k LIMIT 10")
                var examples: [String] = []
                while try statement.step() { examples.append(statement.text(0) ?? "") }
                comparison.problems.append(.duplicateKeys(keyName, version: side, rows: rows, values: repeatedValues, examples: examples))
            }
        }

        func onlyIn(_ side: String, notIn other: String) throws -> (count: Int, examples: [Int]) {
            let from = """
                FROM \(side)_unique u WHERE NOT EXISTS (SELECT 1 FROM \(other)_unique x WHERE x.k = u.k)
                AND NOT EXISTS (SELECT 1 FROM \(other)_repeated x WHERE x.k = u.k)
                """
            let count = Int(try db.scalarInt("SELECT count(*) \(from)"))
            return (count, try rowNumbers("SELECT u.r \(from) ORDER BY u.r LIMIT ?"))
        }
        let added = try onlyIn("new", notIn: "old"), removed = try onlyIn("old", notIn: "new")
        let matched = Int(try db.scalarInt("SELECT count(*) FROM old_unique o JOIN new_unique n ON n.k = o.k"))

        let differences = pairing.pairs.filter { !($0.old == oldKey && $0.new == newKey) }.map { pair in
            "\(pairing.expression(pair, old: old, new: new, side: .old)) IS NOT \(pairing.expression(pair, old: old, new: new, side: .new))"
        }
        var changedPairs: [(Int, Int)] = []
        var changed = 0
        if !differences.isEmpty {
            let from = """
                FROM old_unique ou JOIN new_unique nu ON nu.k = ou.k
                JOIN old.data o ON o._row = ou.r JOIN new.data n ON n._row = nu.r
                WHERE \(differences.joined(separator: " OR "))
                """
            changed = Int(try db.scalarInt("SELECT count(*) \(from)"))
            let statement = try db.prepare("SELECT ou.r, nu.r \(from) ORDER BY nu.r LIMIT ?")
            try statement.bind([.integer(Int64(limit))])
            while try statement.step() { changedPairs.append((Int(statement.int64(0)), Int(statement.int64(1)))) }
        }

        comparison.rowsAdded = added.count
        comparison.rowsRemoved = removed.count
        comparison.rowsChanged = changed
        comparison.rowsUnchanged = matched - changed
        comparison.rowsNotCompared = (old.rowCount - removed.count - matched) + (new.rowCount - added.count - matched)
        comparison.addedExamples = try new.rows(numbered: added.examples)
        comparison.removedExamples = try old.rows(numbered: removed.examples)
        let oldRows = try old.rows(numbered: changedPairs.map(\.0)), newRows = try new.rows(numbered: changedPairs.map(\.1))
        comparison.changedExamples = zip(oldRows, newRows).map { o, n in
            TableComparison.ChangedRow(
                key: n.texts[newKey], old: o, new: n,
                changedColumns: pairing.pairs.filter { ColumnPairing.differ($0, old: o, new: n) }.map { new.columns[$0.new].name })
        }
    }

    private func rowNumbers(_ sql: String) throws -> [Int] {
        let statement = try db.prepare(sql)
        try statement.bind([.integer(Int64(limit))])
        var rows: [Int] = []
        while try statement.step() { rows.append(Int(statement.int64(0))) }
        return rows
    }
}
