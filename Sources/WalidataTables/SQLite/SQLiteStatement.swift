import CSQLite

/// A value to bind to a statement parameter; user input only ever reaches SQL this way.
enum SQLiteValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// A prepared statement, finalized when released.
final class SQLiteStatement {
    let handle: OpaquePointer
    private let connection: SQLiteConnection

    init(handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// SQLite copies the text (`SQLITE_TRANSIENT`), so the Swift string need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ values: [SQLiteValue]) throws {
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32 = switch value {
            case .null: sqlite3_bind_null(handle, index)
            case .integer(let v): sqlite3_bind_int64(handle, index, v)
            case .real(let v): sqlite3_bind_double(handle, index, v)
            case .text(let v): sqlite3_bind_text(handle, index, v, -1, Self.transient)
            }
            guard rc == SQLITE_OK else { throw connection.failure("bind") }
        }
    }

    /// True when a row is available, false when the statement is done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.failure()
        }
    }

    func reset() {
        sqlite3_reset(handle)
    }

    func run() throws {
        while try step() {}
    }

    var columnCount: Int { Int(sqlite3_column_count(handle)) }

    func type(_ column: Int) -> Int32 { sqlite3_column_type(handle, Int32(column)) }
    func isNull(_ column: Int) -> Bool { type(column) == SQLITE_NULL }
    func int64(_ column: Int) -> Int64 { sqlite3_column_int64(handle, Int32(column)) }
    func double(_ column: Int) -> Double { sqlite3_column_double(handle, Int32(column)) }

    func text(_ column: Int) -> String? {
        guard let p = sqlite3_column_text(handle, Int32(column)) else { return nil }
        let n = Int(sqlite3_column_bytes(handle, Int32(column)))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// The column's UTF-8 bytes without making a `String`; valid until the next step.
    func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        let p = sqlite3_column_text(handle, Int32(column))
        let n = Int(sqlite3_column_bytes(handle, Int32(column)))
        return UnsafeBufferPointer(start: p, count: p == nil ? 0 : n)
    }
}
