import Foundation

/// Turns a `TableQuery` into SQL. Column names from users are only ever matched against the
/// table's own metadata and then written as the table's quoted identifiers; filter values are
/// only ever bound as parameters.
struct QueryCompiler {
    struct Compiled {
        var whereClause: String
        var bindings: [SQLiteValue]
        var orderBy: String
        var conditions: [Condition]
        var isDefaultOrder: Bool
    }

    /// One filter in SQL; `equality` says when it is "column = operand" (`nil` operand: the
    /// cell is empty), which row lists can answer.
    struct Condition {
        var sql: String
        var bindings: [SQLiteValue]
        var equality: (column: Int, operand: SQLiteValue?)?
    }

    let columns: [TableColumn]
    let schema: TableSchema

    /// The column a user means: the exact header name, or failing that the same name with
    /// surrounding spaces and letter case ignored (header names are unique that way).
    func resolve(_ name: String) throws -> Int {
        if let exact = columns.firstIndex(where: { $0.name == name }) { return exact }
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let loose = columns.firstIndex(where: { $0.name.lowercased() == key }) { return loose }
        throw TablesError.unknownColumn(name)
    }

    func compile(_ query: TableQuery) throws -> Compiled {
        var conditions: [Condition] = []
        for filter in query.filters {
            let index = try resolve(filter.column)
            let column = columns[index]
            let value = TableSchema.quoted(schema.sqlNames[index]), raw = TableSchema.quoted(schema.rawSqlNames[index])
            let typed = filter.value?.trimmingCharacters(in: .whitespaces) ?? ""
            switch filter.operation {
            case .isEmpty, .equals where typed.isEmpty:
                conditions.append(Condition(sql: "\(value) IS NULL", bindings: [], equality: (index, nil)))
            case .isNotEmpty, .notEquals where typed.isEmpty:
                conditions.append(Condition(sql: "\(value) IS NOT NULL", bindings: []))
            case .equals:
                let operand = try operand(filter.value ?? "", column)
                conditions.append(Condition(sql: "\(value) = ?", bindings: [operand], equality: (index, operand)))
            case .notEquals:
                conditions.append(Condition(sql: "(\(value) IS NULL OR \(value) <> ?)", bindings: [try operand(filter.value ?? "", column)]))
            case .contains:
                conditions.append(Condition(sql: "coalesce(\(raw), CAST(\(value) AS TEXT)) LIKE ? ESCAPE '\\'",
                                            bindings: [.text("%" + Self.escapeLike(filter.value ?? "") + "%")]))
            case .greaterThan, .greaterThanOrEqual, .lessThan, .lessThanOrEqual:
                guard column.type.isNumeric || column.type == .date else {
                    throw TablesError.unsupportedFilter(column: column.name, operation: filter.operation.symbol, type: column.type)
                }
                let op = [TableFilter.Operation.greaterThan: ">", .greaterThanOrEqual: ">=", .lessThan: "<", .lessThanOrEqual: "<="][filter.operation]!
                conditions.append(Condition(sql: "\(value) \(op) ?", bindings: [try operand(filter.value ?? "", column)]))
            }
        }
        var order: [String] = []
        for key in query.sort {
            let index = try resolve(key.column)
            order.append("\(TableSchema.quoted(schema.sqlNames[index])) \(key.descending ? "DESC" : "ASC") NULLS LAST")
        }
        let isDefaultOrder = order.isEmpty
        order.append("_row")
        return Compiled(whereClause: Self.whereClause(conditions.map(\.sql)), bindings: conditions.flatMap(\.bindings),
                        orderBy: "ORDER BY " + order.joined(separator: ", "), conditions: conditions, isDefaultOrder: isDefaultOrder)
    }

    static func whereClause(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    /// A filter value read in the column's type, as it is stored.
    private func operand(_ text: String, _ column: TableColumn) throws -> SQLiteValue {
        var bytes = Array(text.utf8)
        let cell = bytes.withUnsafeMutableBufferPointer { CellClassifier.classify($0.baseAddress ?? UnsafeMutablePointer(bitPattern: 1)!, count: $0.count) }
        let indonesian = (column.numberStyle ?? .indonesian) == .indonesian
        let invalid = TablesError.invalidFilterValue(column: column.name, value: text, type: column.type)
        switch column.type {
        case .integer, .decimal:
            switch cell.kind {
            case .integer: return .integer(cell.integer)
            case .decimal: return .real(cell.real)
            case .ambiguousDot: return indonesian ? .integer(cell.integer) : .real(cell.real)
            case .ambiguousComma: return indonesian ? .real(cell.real) : .integer(cell.integer)
            default: throw invalid
            }
        case .date:
            guard cell.kind == .date else { throw invalid }
            return .text(NumberText.date(cell.integer))
        case .boolean:
            guard cell.kind == .boolean || (cell.kind == .integer && (cell.integer == 0 || cell.integer == 1)) else { throw invalid }
            return .integer(cell.integer)
        case .text:
            return .text(text)
        }
    }

    private static func escapeLike(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "%" || c == "_" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
