import CSQLite
import Foundation

/// Loads rows into a new table file while the CSV is parsed, then makes the file final.
///
/// The file is written under a temporary name beside the destination with no journal, no
/// syncs and one transaction (nothing else can see it, and a failure discards it whole); only
/// when finished is it synced, made read-only and renamed into place, so a table file either
/// is complete or does not exist. No SQLite index is built (too slow for the intake budget);
/// the columns with few distinct values get row lists by value instead (`PostingBuilder`).
final class TableWriter {
    let finalURL: URL
    let temporaryURL: URL
    let schema: TableSchema
    private var connection: SQLiteConnection?
    private var insertOne: SQLiteStatement?
    private var insertMany: SQLiteStatement?
    private var postings: PostingBuilder?
    private let columnCount: Int
    private let rowsPerInsert: Int
    /// Which `_raw_N` parameters hold text from the previous row, per statement and slot.
    private let dirtyOne: UnsafeMutablePointer<Bool>
    private let dirtyMany: UnsafeMutablePointer<Bool>
    /// ISO text of date values, bound without copying, so it must live until the row is stepped.
    private let dateText: UnsafeMutablePointer<UInt8>
    private(set) var rowsWritten = 0
    private static let noCopy: sqlite3_destructor_type? = nil

    init(tableFile: URL, header: [String]) throws {
        finalURL = tableFile
        let directory = tableFile.deletingLastPathComponent()
        temporaryURL = directory.appendingPathComponent(".\(tableFile.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        schema = TableSchema(headerNames: header)
        columnCount = header.count
        let parametersPerRow = 2 + 2 * columnCount
        rowsPerInsert = max(1, min(32, 32_000 / parametersPerRow))
        dirtyOne = .allocate(capacity: max(1, columnCount))
        dirtyOne.initialize(repeating: false, count: max(1, columnCount))
        dirtyMany = .allocate(capacity: max(1, columnCount) * rowsPerInsert)
        dirtyMany.initialize(repeating: false, count: max(1, columnCount) * rowsPerInsert)
        dateText = .allocate(capacity: max(1, columnCount) * 10 * rowsPerInsert)
        do {
            let db = try SQLiteConnection(path: temporaryURL.path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            connection = db
            try db.execute("""
                PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;
                """)
            try db.execute(schema.createDataTable)
            try db.execute("BEGIN")
            let row = "(" + Array(repeating: "?", count: parametersPerRow).joined(separator: ",") + ")"
            insertOne = try db.prepare("INSERT INTO data VALUES \(row)")
            insertMany = try db.prepare("INSERT INTO data VALUES " + Array(repeating: row, count: rowsPerInsert).joined(separator: ","))
            postings = try PostingBuilder(columns: columnCount, on: db)
        } catch let error as TablesError {
            discard()
            throw error.code == .databaseFailure
                ? TablesError.fileNotWritable(tableFile.path, reason: error.parameters["message"] ?? "")
                : error
        }
    }

    deinit {
        dirtyOne.deallocate()
        dirtyMany.deallocate()
        dateText.deallocate()
    }

    /// Stores a batch of rows, in order, `rowsPerInsert` rows per statement: SQLite's fixed
    /// cost per executed statement (opening the table, starting and ending the statement)
    /// is then paid once for many rows.
    func insert(_ batch: RowBatch) throws {
        var r = 0
        while r < batch.rows {
            let wide = batch.rows - r >= rowsPerInsert
            guard let statement = (wide ? insertMany : insertOne)?.handle else { return }
            let count = wide ? rowsPerInsert : 1
            for k in 0..<count {
                let offset = (r + k) * batch.columns
                bind(statement, slot: k, line: batch.lines[r + k], base: batch.bytes, starts: batch.starts + offset,
                     ends: batch.ends + offset, cells: batch.cells + offset, dirty: (wide ? dirtyMany : dirtyOne) + k * columnCount)
            }
            let rc = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard rc == SQLITE_DONE else { throw writeFailure(connection?.errorMessage ?? "") }
            if let postings {
                for k in 0..<count {
                    let offset = (r + k) * batch.columns
                    for i in 0..<columnCount {
                        let start = batch.starts[offset + i]
                        try postings.add(column: i, row: rowsWritten + k + 1, bytes: batch.bytes + start, count: batch.ends[offset + i] - start)
                    }
                }
            }
            r += count
            rowsWritten += count
        }
        try postings?.batchDone()
    }

    /// Binds one row into parameter slot `slot` of a statement: each value as it reads on its
    /// own (ambiguous numbers in the Indonesian style), its original text into `_raw_N` when
    /// the stored value would not print back to it. `_row` stays NULL: rows arrive numbered
    /// 1, 2, 3… with no gaps, exactly the rowids SQLite assigns, and letting it assign them
    /// saves a uniqueness check per row.
    @inline(__always)
    private func bind(_ statement: OpaquePointer, slot: Int, line: Int, base: UnsafePointer<UInt8>, starts: UnsafePointer<Int>,
                      ends: UnsafePointer<Int>, cells: UnsafePointer<Cell>, dirty: UnsafeMutablePointer<Bool>) {
        let first = Int32(slot * (2 + 2 * columnCount))
        sqlite3_bind_int64(statement, first + 2, Int64(line))
        for i in 0..<columnCount {
            let cell = cells[i]
            let value = first + Int32(3 + i), raw = first + Int32(3 + columnCount + i)
            let start = starts[i], length = ends[i] - start
            let text = UnsafeRawPointer(base + start).assumingMemoryBound(to: CChar.self)
            switch cell.kind {
            case .null: sqlite3_bind_null(statement, value)
            case .integer, .boolean, .ambiguousDot: sqlite3_bind_int64(statement, value, cell.integer)
            case .decimal, .ambiguousComma: sqlite3_bind_double(statement, value, cell.real)
            case .text: sqlite3_bind_text(statement, value, text, Int32(length), Self.noCopy)
            case .date:
                let iso = dateText + 10 * (slot * columnCount + i)
                writeISODate(cell.integer, into: iso)
                sqlite3_bind_text(statement, value, UnsafeRawPointer(iso).assumingMemoryBound(to: CChar.self), 10, Self.noCopy)
            }
            if !cell.plain, cell.kind != .text {
                sqlite3_bind_text(statement, raw, text, Int32(length), Self.noCopy)
                dirty[i] = true
            } else if dirty[i] {
                sqlite3_bind_null(statement, raw)
                dirty[i] = false
            }
        }
    }

    private func writeISODate(_ yyyymmdd: Int64, into p: UnsafeMutablePointer<UInt8>) {
        var v = yyyymmdd
        for k in [9, 8, 6, 5, 3, 2, 1, 0] {
            p[k] = UInt8(0x30 + v % 10)
            v /= 10
        }
        p[4] = 0x2D
        p[7] = 0x2D
    }

    /// Corrects the values whose column type turned out different from how they read alone,
    /// stores the metadata, and moves the finished file into place.
    func finish(resolutions: [ColumnProfiler.Resolution], check: CSVCheck) throws {
        guard let db = connection else { throw writeFailure("already finished") }
        do {
            insertOne = nil
            insertMany = nil
            try TableFixups.apply(resolutions, schema: schema, on: db)
            let indexed = try postings?.finish(schema: schema) ?? []
            postings = nil
            try writeMetadata(db, resolutions: resolutions, check: check, postings: indexed)
            try db.execute("COMMIT")
            try db.execute("PRAGMA optimize")
            connection = nil
            try makeDurable()
        } catch let error as TablesError {
            discard()
            throw error.code == .fileNotWritable ? error : writeFailure(error.parameters["message"] ?? error.englishMessage)
        }
    }

    private func writeMetadata(_ db: SQLiteConnection, resolutions: [ColumnProfiler.Resolution], check: CSVCheck,
                               postings: [Int]) throws {
        try db.execute(TableSchema.createMetadata)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let meta = try db.prepare("INSERT INTO meta VALUES (?, ?)")
        for (key, value) in [("format", TableSchema.format), ("format_version", String(TableSchema.formatVersion)),
                             ("check", try json(check)), ("created_at", ISO8601DateFormatter().string(from: Date())),
                             ("postings", try json(postings))] {
            try meta.bind([.text(key), .text(value)])
            try meta.run()
            meta.reset()
        }
        let columns = try db.prepare("INSERT INTO \"columns\" VALUES (?, ?, ?, ?, ?, ?, ?)")
        for (i, profile) in check.columns.enumerated() {
            try columns.bind([.integer(Int64(i)), .text(schema.names[i]), .text(schema.sqlNames[i]), .text(schema.rawSqlNames[i]),
                              .text(resolutions[i].type.rawValue), resolutions[i].style.map { .text($0.rawValue) } ?? .null,
                              .text(try json(profile))])
            try columns.run()
            columns.reset()
        }
    }

    private func makeDurable() throws {
        let path = temporaryURL.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw writeFailure(String(cString: strerror(errno))) }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, chmod(path, 0o444) == 0 else { throw writeFailure(String(cString: strerror(errno))) }
        guard rename(path, finalURL.path) == 0 else { throw writeFailure(String(cString: strerror(errno))) }
        let directory = open(finalURL.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// Closes and deletes the unfinished file; nothing of it remains.
    func discard() {
        insertOne = nil
        insertMany = nil
        postings = nil
        connection = nil
        unlink(temporaryURL.path)
    }

    private func writeFailure(_ reason: String) -> TablesError {
        TablesError.fileNotWritable(finalURL.path, reason: reason)
    }
}
