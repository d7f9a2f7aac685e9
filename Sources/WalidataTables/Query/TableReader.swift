import CSQLite
import Foundation

/// Read access to one finished table file: its columns and check report, filtered and sorted
/// pages, and downloads.
///
/// The file is opened read-only and as immutable, so any attempt to change it fails and
/// readers take no locks. A reader is not shared between threads; open one per request
/// (opening costs well under a millisecond).
public final class TableReader {
    public let tableFile: URL
    public let columns: [TableColumn]
    /// The check report the table was loaded with (profile, preview, warnings).
    public let check: CSVCheck
    public let rowCount: Int
    let connection: SQLiteConnection
    let schema: TableSchema
    private var compiler: QueryCompiler { QueryCompiler(columns: columns, schema: schema) }

    public init(tableFile: URL) throws {
        self.tableFile = tableFile
        let db = try SQLiteConnection.openReadOnly(tableFile)
        connection = db
        let notATable = TablesError.notATableFile(tableFile.path)
        guard (try? db.scalarText("SELECT value FROM meta WHERE key = 'format'")) == TableSchema.format,
              let version = try? db.scalarText("SELECT value FROM meta WHERE key = 'format_version'"),
              Int(version) ?? .max <= TableSchema.formatVersion,
              let checkJSON = try? db.scalarText("SELECT value FROM meta WHERE key = 'check'"),
              let check = try? JSONDecoder().decode(CSVCheck.self, from: Data(checkJSON.utf8))
        else { throw notATable }
        self.check = check
        let statement = try db.prepare("SELECT idx, name, sql_name, raw_sql_name, type, number_style, profile FROM \"columns\" ORDER BY idx")
        var columns: [TableColumn] = [], sqlNames: [String] = [], rawNames: [String] = []
        while try statement.step() {
            guard let name = statement.text(1), let sqlName = statement.text(2), let rawName = statement.text(3),
                  let type = statement.text(4).flatMap(ColumnType.init(rawValue:)),
                  let profileJSON = statement.text(6),
                  let profile = try? JSONDecoder().decode(ColumnProfile.self, from: Data(profileJSON.utf8))
            else { throw notATable }
            columns.append(TableColumn(index: Int(statement.int64(0)), name: name, type: type,
                                       numberStyle: statement.text(5).flatMap(NumberStyle.init(rawValue:)), profile: profile))
            sqlNames.append(sqlName)
            rawNames.append(rawName)
        }
        self.columns = columns
        schema = TableSchema(names: columns.map(\.name), sqlNames: sqlNames, rawSqlNames: rawNames)
        // Rows are numbered 1…n without gaps, so the last rowid is the count, found without a scan.
        rowCount = Int(try db.scalarInt("SELECT coalesce(max(_row), 0) FROM data"))
    }

    /// One page of the rows matching the query's filters, in its order. The page size is
    /// `query.limit` (default 100) capped at `TableQuery.maximumLimit`.
    public func query(_ query: TableQuery = TableQuery()) throws -> TablePage {
        let limit = min(max(query.limit ?? TableQuery.defaultLimit, 0), TableQuery.maximumLimit)
        let compiled = try compiler.compile(query)
        guard query.offset >= 0 else { throw TablesError.invalidPaging(offset: query.offset) }
        let total = query.filters.isEmpty
            ? rowCount
            : Int(try connection.scalarInt("SELECT count(*) FROM data \(compiled.whereClause)", compiled.bindings))
        var rows: [TableRow] = []
        try forEachRow(compiled, limit: limit, offset: query.offset) { rows.append($0.row) }
        return TablePage(columns: columns.map(\.name), rows: rows, totalCount: total, offset: query.offset, limit: limit)
    }

    /// Checks a query against this table (columns exist, filter values fit their columns'
    /// types, offset not negative) without running it, so a server can answer 400 before it
    /// starts streaming a download.
    public func validate(_ query: TableQuery, format: ExportFormat? = nil) throws {
        _ = try compiler.compile(query)
        guard query.offset >= 0 else { throw TablesError.invalidPaging(offset: query.offset) }
        if format == .xlsx, columns.count > XlsxWriter.maximumColumns { throw TablesError.xlsxTooLarge() }
    }

    /// How many rows match the query's filters.
    public func count(_ query: TableQuery = TableQuery()) throws -> Int {
        let compiled = try compiler.compile(query)
        return Int(try connection.scalarInt("SELECT count(*) FROM data \(compiled.whereClause)", compiled.bindings))
    }

    /// Writes the rows matching the query (all of them unless `query.limit` is set; no cap)
    /// in `format`, handing `write` chunks of about 64 KiB as they are produced, so memory
    /// stays flat however large the table is. An error thrown by `write` stops the export and
    /// is rethrown as `TablesError.exportAborted`.
    ///
    /// `workbook` gives an `.xlsx` its title and date (ignored by the other formats).
    public func export(_ query: TableQuery = TableQuery(), format: ExportFormat,
                       workbook: XlsxWriter.Properties = XlsxWriter.Properties(title: ""),
                       to write: (UnsafeRawBufferPointer) throws -> Void) throws {
        let compiled = try compiler.compile(query)
        guard query.offset >= 0 else { throw TablesError.invalidPaging(offset: query.offset) }
        if format == .xlsx {
            return try withoutActuallyEscaping(write) { write in
                try XlsxTableExport(columns: columns).write(self, compiled, limit: query.limit.map { max($0, 0) } ?? -1,
                                                            offset: query.offset, properties: workbook, to: write)
            }
        }
        try withoutActuallyEscaping(write) { write in
            var output = ChunkedOutput(write)
            var exporter = TableExporter(format: format, columns: columns)
            try exporter.begin(&output)
            try forEachRow(compiled, limit: query.limit.map { max($0, 0) } ?? -1, offset: query.offset) { cursor in
                try exporter.row(cursor, &output)
            }
            try exporter.end(&output)
            try output.flush()
        }
    }

    /// Exports into a file (created or replaced).
    public func export(_ query: TableQuery = TableQuery(), format: ExportFormat, toFile url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url)
        else { throw TablesError.fileNotWritable(url.path, reason: "cannot create") }
        defer { try? handle.close() }
        try export(query, format: format) { chunk in try handle.write(contentsOf: chunk) }
    }

    /// `limit` -1 means no limit (SQLite's convention).
    func forEachRow(_ compiled: QueryCompiler.Compiled, limit: Int, offset: Int,
                            _ body: (TableRowCursor) throws -> Void) throws {
        let selected = (["_row", "_line"] + (schema.sqlNames + schema.rawSqlNames).map(TableSchema.quoted)).joined(separator: ", ")
        let statement = try connection.prepare(
            "SELECT \(selected) FROM data \(compiled.whereClause) \(compiled.orderBy) LIMIT ? OFFSET ?")
        try statement.bind(compiled.bindings + [.integer(Int64(limit)), .integer(Int64(offset))])
        let cursor = TableRowCursor(statement: statement.handle, types: columns.map(\.type))
        while try statement.step() { try body(cursor) }
    }
}
