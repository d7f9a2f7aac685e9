extension TableReader {
    /// The rows with these data row numbers, in the order asked (numbers not found are skipped).
    func rows(numbered numbers: [Int]) throws -> [TableRow] {
        guard !numbers.isEmpty else { return [] }
        // One statement per reader, prepared once: a kept reader (`TableReaderPool`) serves
        // page after page with it; the numbers travel as one JSON array.
        let statement: SQLiteStatement
        if let kept = rowsStatement {
            statement = kept
        } else {
            let selected = (["_row", "_line"] + (schema.sqlNames + schema.rawSqlNames).map(TableSchema.quoted)).joined(separator: ", ")
            statement = try connection.prepare("SELECT \(selected) FROM data WHERE _row IN (SELECT value FROM json_each(?))")
            rowsStatement = statement
        }
        defer { statement.reset() }
        try statement.bind([.text("[" + numbers.lazy.map { String($0) }.joined(separator: ",") + "]")])
        let cursor = TableRowCursor(statement: statement.handle, types: columns.map(\.type))
        var found: [Int: TableRow] = [:]
        found.reserveCapacity(numbers.count)
        while try statement.step() { found[cursor.number] = cursor.row }
        return numbers.compactMap { found[$0] }
    }

    /// The SQL name of column `index` as the given table alias sees it, and the expression of
    /// its text as uploaded.
    func valueExpression(_ index: Int, alias: String) -> String {
        "\(alias).\(TableSchema.quoted(schema.sqlNames[index]))"
    }

    func textExpression(_ index: Int, alias: String) -> String {
        "coalesce(\(alias).\(TableSchema.quoted(schema.rawSqlNames[index])), CAST(\(valueExpression(index, alias: alias)) AS TEXT))"
    }
}
