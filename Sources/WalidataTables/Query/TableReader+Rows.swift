extension TableReader {
    /// The rows with these data row numbers, in the order asked (numbers not found are skipped).
    func rows(numbered numbers: [Int]) throws -> [TableRow] {
        guard !numbers.isEmpty else { return [] }
        let selected = (["_row", "_line"] + (schema.sqlNames + schema.rawSqlNames).map(TableSchema.quoted)).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: numbers.count).joined(separator: ",")
        let statement = try connection.prepare("SELECT \(selected) FROM data WHERE _row IN (\(placeholders))")
        try statement.bind(numbers.map { .integer(Int64($0)) })
        let cursor = TableRowCursor(statement: statement.handle, types: columns.map(\.type))
        var found: [Int: TableRow] = [:]
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
