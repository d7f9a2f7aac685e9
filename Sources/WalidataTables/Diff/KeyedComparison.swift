/// The keyed half of `TableDiff`: both versions streamed sorted by the key and merged, one key
/// at a time. A key present once in each version is a matched row, changed when the hash of
/// its other common columns differs.
struct KeyedComparison {
    let db: SQLiteConnection
    let old: TableReader
    let new: TableReader
    let pairing: ColumnPairing
    let limit: Int

    private struct Duplicates {
        var rows = 0
        var values = 0
        var examples: [String] = []

        mutating func add(_ group: (key: SortKey, copies: Int, rows: [Int], hash: Int64)) {
            rows += group.copies
            values += 1
            if examples.count < 10 { examples.append(group.key.text) }
        }
    }

    func compare(key: String, into comparison: inout TableComparison) throws {
        let oldKey = try? QueryCompiler(columns: old.columns, schema: old.schema).resolve(key)
        let newKey = try? QueryCompiler(columns: new.columns, schema: new.schema).resolve(key)
        guard let oldKey, let newKey else { throw TablesError.keyColumnMissing(key, inOld: oldKey != nil, inNew: newKey != nil) }
        let keyPair = ColumnPairing.Pair(old: oldKey, new: newKey, sameType: old.columns[oldKey].type == new.columns[newKey].type)
        let keyName = new.columns[newKey].name
        let others = pairing.pairs.filter { !($0.old == oldKey && $0.new == newKey) }
        try RowHash.register(on: db)
        func stream(_ side: ComparisonProblem.Version) throws -> SortedRows {
            let alias = side == .old ? "o" : "n"
            let values = ["0"] + others.map { pairing.expression($0, old: old, new: new, side: side) }
            return try SortedRows(db, sql: """
                SELECT \(pairing.expression(keyPair, old: old, new: new, side: side)), \(alias)._row,
                    walidata_row_hash(\(values.joined(separator: ", "))) FROM \(side.rawValue).data \(alias) ORDER BY 1, 2
                """)
        }
        let olds = try stream(.old), news = try stream(.new)
        var emptyOld = 0, emptyNew = 0
        var duplicatesOld = Duplicates(), duplicatesNew = Duplicates()
        var added = 0, removed = 0, matched = 0, changed = 0
        var addedRows = FirstRows<Void>(limit: limit), removedRows = FirstRows<Void>(limit: limit)
        var changedRows = FirstRows<Int>(limit: limit)
        while !olds.isDone || !news.isDone {
            let takeOld = !olds.isDone && (news.isDone || olds.key <= news.key)
            let takeNew = !news.isDone && (olds.isDone || news.key <= olds.key)
            let o = takeOld ? try olds.takeGroup() : nil
            let n = takeNew ? try news.takeGroup() : nil
            if let o, o.key == .null {
                emptyOld += o.copies
            } else if let o, o.copies > 1 {
                duplicatesOld.add(o)
            }
            if let n, n.key == .null {
                emptyNew += n.copies
                continue
            } else if let n, n.copies > 1 {
                duplicatesNew.add(n)
            }
            if o?.key == .null { continue }
            switch (o?.copies ?? 0, n?.copies ?? 0) {
            case (1, 1):
                matched += 1
                if o!.hash != n!.hash {
                    changed += 1
                    changedRows.offer(n!.rows[0], o!.rows[0])
                }
            case (1, 0):
                removed += 1
                removedRows.offer(o!.rows[0])
            case (0, 1):
                added += 1
                addedRows.offer(n!.rows[0])
            default:
                break
            }
        }

        comparison.keyColumn = keyName
        if emptyOld > 0 { comparison.problems.append(.emptyKeys(keyName, version: .old, rows: emptyOld)) }
        if duplicatesOld.values > 0 {
            comparison.problems.append(.duplicateKeys(keyName, version: .old, rows: duplicatesOld.rows, values: duplicatesOld.values,
                                                      examples: duplicatesOld.examples))
        }
        if emptyNew > 0 { comparison.problems.append(.emptyKeys(keyName, version: .new, rows: emptyNew)) }
        if duplicatesNew.values > 0 {
            comparison.problems.append(.duplicateKeys(keyName, version: .new, rows: duplicatesNew.rows, values: duplicatesNew.values,
                                                      examples: duplicatesNew.examples))
        }
        comparison.rowsAdded = added
        comparison.rowsRemoved = removed
        comparison.rowsChanged = changed
        comparison.rowsUnchanged = matched - changed
        comparison.rowsNotCompared = (old.rowCount - removed - matched) + (new.rowCount - added - matched)
        comparison.addedExamples = try new.rows(numbered: addedRows.rows)
        comparison.removedExamples = try old.rows(numbered: removedRows.rows)
        let oldRows = try old.rows(numbered: changedRows.entries.map(\.payload))
        let newRows = try new.rows(numbered: changedRows.rows)
        comparison.changedExamples = zip(oldRows, newRows).map { o, n in
            TableComparison.ChangedRow(
                key: n.texts[newKey], old: o, new: n,
                changedColumns: others.filter { ColumnPairing.differ($0, old: o, new: n) }.map { new.columns[$0.new].name })
        }
    }
}
