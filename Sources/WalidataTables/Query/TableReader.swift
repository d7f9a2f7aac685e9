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
    var compiler: QueryCompiler { QueryCompiler(columns: columns, schema: schema) }

    /// Columns with row lists (format 2); empty when `usePostings` is off or the file is older.
    let postings: Set<Int>
    /// `rows(numbered:)`'s statement, prepared at its first use.
    var rowsStatement: SQLiteStatement?

    /// What the file's tables say about it, read once per file (`ReadCache`): decoding the
    /// check report costs more than the rest of a small query.
    private struct Metadata {
        var columns: [TableColumn]
        var check: CSVCheck
        var schema: TableSchema
        var rowCount: Int
        var postings: Set<Int>
    }

    private static let metadata = ReadCache<Metadata>(capacity: 256)
    /// Counts of filtered rows by (file, filters): a count never changes for a given file.
    static let counts = ReadCache<Int>(capacity: 4096)

    public convenience init(tableFile: URL) throws {
        try self.init(tableFile: tableFile, usePostings: true)
    }

    /// `usePostings: false` reads by scans only, as for a format-1 file (the tests compare both).
    init(tableFile: URL, usePostings: Bool) throws {
        self.tableFile = tableFile
        let db = try SQLiteConnection.openReadOnly(tableFile)
        connection = db
        let identity = ReadCache<Metadata>.identity(of: tableFile.path)
        let meta: Metadata
        if let identity, let cached = Self.metadata.value(identity) {
            meta = cached
        } else {
            meta = try Self.readMetadata(db, tableFile)
            if let identity { Self.metadata.set(identity, meta) }
        }
        columns = meta.columns
        check = meta.check
        schema = meta.schema
        rowCount = meta.rowCount
        postings = usePostings ? meta.postings : []
        usesFastPaths = usePostings
        countKey = (identity ?? tableFile.path) + (usePostings ? "" : "|scan")
    }

    let countKey: String
    /// Off only in the tests, to compare with plain SQL.
    let usesFastPaths: Bool

    private static func readMetadata(_ db: SQLiteConnection, _ tableFile: URL) throws -> Metadata {
        let notATable = TablesError.notATableFile(tableFile.path)
        guard (try? db.scalarText("SELECT value FROM meta WHERE key = 'format'")) == TableSchema.format,
              let version = try? db.scalarText("SELECT value FROM meta WHERE key = 'format_version'"),
              Int(version) ?? .max <= TableSchema.formatVersion,
              let checkJSON = try? db.scalarText("SELECT value FROM meta WHERE key = 'check'"),
              let check = try? JSONDecoder().decode(CSVCheck.self, from: Data(checkJSON.utf8))
        else { throw notATable }
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
        let schema = TableSchema(names: columns.map(\.name), sqlNames: sqlNames, rawSqlNames: rawNames)
        // Rows are numbered 1…n without gaps, so the last rowid is the count, found without a scan.
        let rowCount = Int(try db.scalarInt("SELECT coalesce(max(_row), 0) FROM data"))
        let postings = (Int(version) ?? 1) >= 2 ? PostingIndex.columns(in: db) : []
        return Metadata(columns: columns, check: check, schema: schema, rowCount: rowCount, postings: postings)
    }

    /// One page of the rows matching the query's filters, in its order. The page size is
    /// `query.limit` (default 100) capped at `TableQuery.maximumLimit`.
    public func query(_ query: TableQuery = TableQuery()) throws -> TablePage {
        let limit = min(max(query.limit ?? TableQuery.defaultLimit, 0), TableQuery.maximumLimit)
        let compiled = try compiler.compile(query)
        guard query.offset >= 0 else { throw TablesError.invalidPaging(offset: query.offset) }
        // One listed filter in file order (the portal's usual question): the count is kept with
        // the list, and the page is its first offset + limit numbers; the rest is not decoded.
        if usesFastPaths, compiled.isDefaultOrder, compiled.conditions.count == 1, let equality = compiled.conditions[0].equality,
           postings.contains(equality.column),
           let prefix = try PostingIndex.prefix(equality.column, equality.operand, connection, count: query.offset + limit) {
            let start = min(query.offset, prefix.rows.count)
            let rows = try self.rows(numbered: prefix.rows[start...].prefix(limit).map(Int.init))
            return TablePage(columns: columns.map(\.name), rows: rows, totalCount: prefix.total, offset: query.offset, limit: limit)
        }
        let plan = try plan(compiled)
        let total = try count(plan)
        var rows: [TableRow] = []
        if compiled.conditions.isEmpty, compiled.isDefaultOrder, usesFastPaths {
            // Rows are numbered 1…n without gaps: page k is rows offset+1…, found by number
            // however deep, where OFFSET would step over every row before it.
            let first = query.offset + 1, last = min(query.offset + limit, rowCount)
            rows = first <= last ? try self.rows(numbered: Array(first...last)) : []
        } else if let listed = plan.rows, plan.remaining.isEmpty, compiled.isDefaultOrder {
            // The list is the answer in file order: the page is a slice of it.
            let start = min(query.offset, listed.count), end = min(start + limit, listed.count)
            rows = try self.rows(numbered: listed[start..<end].map(Int.init))
        } else if let numbers = try sortedByList(query, limit: limit) {
            rows = try self.rows(numbered: numbers)
        } else {
            try forEachRow(plan, limit: limit, offset: query.offset) { rows.append($0.row) }
        }
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
        try count(plan(try compiler.compile(query)))
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
                try XlsxTableExport(columns: columns).write(self, try plan(compiled), limit: query.limit.map { max($0, 0) } ?? -1,
                                                            offset: query.offset, properties: workbook, to: write)
            }
        }
        try withoutActuallyEscaping(write) { write in
            var output = ChunkedOutput(write)
            var exporter = TableExporter(format: format, columns: columns)
            try exporter.begin(&output)
            try forEachRow(try plan(compiled), limit: query.limit.map { max($0, 0) } ?? -1, offset: query.offset) { cursor in
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
    func forEachRow(_ plan: Plan, limit: Int, offset: Int, _ body: (TableRowCursor) throws -> Void) throws {
        let selected = (["_row", "_line"] + (schema.sqlNames + schema.rawSqlNames).map(TableSchema.quoted)).joined(separator: ", ")
        let statement = try connection.prepare(
            "SELECT \(selected) FROM data \(plan.whereClause) \(plan.compiled.orderBy) LIMIT ? OFFSET ?")
        try statement.bind(plan.bindings + [.integer(Int64(limit)), .integer(Int64(offset))])
        let cursor = TableRowCursor(statement: statement.handle, types: columns.map(\.type))
        while try statement.step() { try body(cursor) }
    }
}
