import Foundation

/// Turns a `TableQuery` into SQL. Column names from users are only ever matched against the
/// table's own metadata and then written as the table's quoted identifiers; filter values are
/// only ever bound as parameters.
struct QueryCompiler {
    struct Compiled {
        var whereClause: String
        var bindings: [SQLiteValue]
        var orderBy: String
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
        var conditions: [String] = []
        var bindings: [SQLiteValue] = []
        for filter in query.filters {
            let index = try resolve(filter.column)
            let column = columns[index]
            let value = TableSchema.quoted(schema.sqlNames[index]), raw = TableSchema.quoted(schema.rawSqlNames[index])
            let typed = filter.value?.trimmingCharacters(in: .whitespaces) ?? ""
            switch filter.operation {
            case .isEmpty:
                conditions.append("\(value) IS NULL")
            case .isNotEmpty:
                conditions.append("\(value) IS NOT NULL")
            case .equals where typed.isEmpty:
                conditions.append("\(value) IS NULL")
            case .notEquals where typed.isEmpty:
                conditions.append("\(value) IS NOT NULL")
            case .equals:
                conditions.append("\(value) = ?")
                bindings.append(try operand(filter.value ?? "", column))
            case .notEquals:
                conditions.append("(\(value) IS NULL OR \(value) <> ?)")
                bindings.append(try operand(filter.value ?? "", column))
            case .contains:
                conditions.append("coalesce(\(raw), CAST(\(value) AS TEXT)) LIKE ? ESCAPE '\\'")
                bindings.append(.text("%" + Self.escapeLike(filter.value ?? "") + "%"))
            case .greaterThan, .greaterThanOrEqual, .lessThan, .lessThanOrEqual:
                guard column.type.isNumeric || column.type == .date else {
                    throw TablesError.unsupportedFilter(column: column.name, operation: filter.operation.symbol, type: column.type)
                }
                let op = [TableFilter.Operation.greaterThan: ">", .greaterThanOrEqual: ">=", .lessThan: "<", .lessThanOrEqual: "<="][filter.operation]!
                conditions.append("\(value) \(op) ?")
                bindings.append(try operand(filter.value ?? "", column))
            }
        }
        var order: [String] = []
        for key in query.sort {
            let index = try resolve(key.column)
            order.append("\(TableSchema.quoted(schema.sqlNames[index])) \(key.descending ? "DESC" : "ASC") NULLS LAST")
        }
        order.append("_row")
        return Compiled(whereClause: conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "),
                        bindings: bindings, orderBy: "ORDER BY " + order.joined(separator: ", "))
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
