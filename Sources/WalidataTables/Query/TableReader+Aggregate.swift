import CSQLite
import Foundation

/// A numeric column summed or averaged per value of another column, over the rows a query's
/// filters select: what the portal's chart draws.
public struct TableAggregation: Codable, Sendable, Equatable {
    public enum Function: String, Codable, Sendable, CaseIterable {
        case sum, avg
    }

    /// Largest value first (bars), or in the category's own order (years along a line).
    public enum Order: String, Codable, Sendable {
        case largestFirst, byCategory
    }

    public struct Group: Codable, Sendable, Equatable {
        /// The category's stored value (`.null` for empty cells).
        public var category: TableValue
        /// Sum of the filled `y` cells, how many there were, and the group's rows.
        public var sum: Double
        public var filled: Int
        public var rows: Int

        /// The sum, or the mean of the filled cells (nil when none is filled).
        public func value(_ function: Function) -> Double? {
            switch function {
            case .sum: sum
            case .avg: filled == 0 ? nil : sum / Double(filled)
            }
        }
    }

    public var x: String
    public var y: String
    public var function: Function
    /// The first `limit` groups in `order`.
    public var groups: [Group]
    /// Every group after those, folded into one ("lainnya"); nil when there is none.
    public var rest: Group?
    public var restGroupCount: Int
    /// Rows the filters select.
    public var rowCount: Int
}

extension TableReader {
    /// Groups the rows `query.filters` select by column `x` and sums `y` in each. `y` must be a
    /// number column; `x` any column but a decimal one (a category, a year, a date, yes/no).
    /// Column names resolve as in `query` and values are bound, never spliced into SQL.
    public func aggregate(_ query: TableQuery, x: String, y: String, function: TableAggregation.Function,
                          order: TableAggregation.Order, limit: Int) throws -> TableAggregation {
        let compiler = QueryCompiler(columns: columns, schema: schema)
        let xIndex = try compiler.resolve(x), yIndex = try compiler.resolve(y)
        let xColumn = columns[xIndex], yColumn = columns[yIndex]
        guard yColumn.type.isNumeric else { throw TablesError.notAMeasure(yColumn) }
        guard xColumn.type != .decimal else { throw TablesError.notACategory(xColumn) }
        let compiled = try compiler.compile(TableQuery(filters: query.filters))
        let xSQL = TableSchema.quoted(schema.sqlNames[xIndex]), ySQL = TableSchema.quoted(schema.sqlNames[yIndex])

        // The whole selection first: the "other" group is what the listed groups leave of it.
        let totals = try connection.prepare("""
            SELECT total(\(ySQL)), count(\(ySQL)), count(*), count(DISTINCT \(xSQL)) + coalesce(max(\(xSQL) IS NULL), 0)
            FROM data \(compiled.whereClause)
            """)
        try totals.bind(compiled.bindings)
        guard try totals.step() else { throw TablesError.notATableFile(tableFile.path) }
        let all = TableAggregation.Group(category: .null, sum: totals.double(0), filled: Int(totals.int64(1)), rows: Int(totals.int64(2)))
        let groupCount = Int(totals.int64(3))

        let sorting = switch (order, function) {
        case (.byCategory, _): "1 ASC NULLS LAST"
        case (.largestFirst, .sum): "2 DESC, 1 ASC NULLS LAST"
        case (.largestFirst, .avg): "total(\(ySQL)) / nullif(count(\(ySQL)), 0) DESC NULLS LAST, 1 ASC NULLS LAST"
        }
        let statement = try connection.prepare("""
            SELECT \(xSQL), total(\(ySQL)), count(\(ySQL)), count(*) FROM data \(compiled.whereClause)
            GROUP BY 1 ORDER BY \(sorting) LIMIT ?
            """)
        try statement.bind(compiled.bindings + [.integer(Int64(max(limit, 0)))])
        var groups: [TableAggregation.Group] = []
        while try statement.step() {
            groups.append(.init(category: Self.category(statement, type: xColumn.type), sum: statement.double(1),
                                filled: Int(statement.int64(2)), rows: Int(statement.int64(3))))
        }
        var rest: TableAggregation.Group?
        if groupCount > groups.count {
            rest = .init(category: .null, sum: all.sum - groups.reduce(0) { $0 + $1.sum },
                         filled: all.filled - groups.reduce(0) { $0 + $1.filled }, rows: all.rows - groups.reduce(0) { $0 + $1.rows })
        }
        return TableAggregation(x: xColumn.name, y: yColumn.name, function: function, groups: groups, rest: rest,
                                restGroupCount: max(0, groupCount - groups.count), rowCount: all.rows)
    }

    private static func category(_ statement: SQLiteStatement, type: ColumnType) -> TableValue {
        switch statement.type(0) {
        case SQLITE_INTEGER: type == .boolean ? .boolean(statement.int64(0) != 0) : .integer(statement.int64(0))
        case SQLITE_FLOAT: .decimal(statement.double(0))
        case SQLITE_TEXT: type == .date ? .date(statement.text(0) ?? "") : .text(statement.text(0) ?? "")
        default: .null
        }
    }
}

extension TablesError {
    static func notAMeasure(_ column: TableColumn) -> TablesError {
        TablesError(.unsupportedFilter, ["column": column.name, "type": column.type.rawValue],
                    id: "Kolom \"\(column.name)\" tidak berisi angka, jadi tidak dapat dijumlahkan atau dirata-ratakan. Pilih kolom angka untuk nilai grafik.",
                    en: "The column \"\(column.name)\" does not hold numbers, so it cannot be summed or averaged. Choose a number column for the chart's values.")
    }

    static func notACategory(_ column: TableColumn) -> TablesError {
        TablesError(.unsupportedFilter, ["column": column.name, "type": column.type.rawValue],
                    id: "Kolom \"\(column.name)\" berisi angka pecahan, jadi tidak dapat menjadi kelompok grafik. Pilih kolom kategori, tahun atau tanggal.",
                    en: "The column \"\(column.name)\" holds fractional numbers, so it cannot group the chart. Choose a category, year or date column.")
    }
}
