import CSQLite
import Foundation

/// The few things the engine does with a raw SQLite connection, with failures turned into
/// `TablesError.databaseFailure`. Not shared between threads: each reader, writer or
/// comparison opens its own (opening a file is cheap).
final class SQLiteConnection {
    let handle: OpaquePointer
    let path: String

    /// `path` may be a `file:` URI; URIs are always enabled.
    init(path: String, flags: Int32) throws {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(db)
            throw TablesError.databaseFailure(message, path: path)
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Opens a finished table file for reading only. `immutable=1` tells SQLite the file can
    /// not change, so it takes no locks and never looks for a journal.
    static func openReadOnly(_ url: URL) throws -> SQLiteConnection {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw TablesError.fileNotReadable(url.path, errno: ENOENT)
        }
        return try SQLiteConnection(path: immutableURI(url), flags: SQLITE_OPEN_READONLY)
    }

    static func immutableURI(_ url: URL) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = url.standardizedFileURL.path.addingPercentEncoding(withAllowedCharacters: allowed) ?? url.path
        return "file:\(escaped)?mode=ro&immutable=1"
    }

    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func failure(_ context: String = "") -> TablesError {
        TablesError.databaseFailure(context.isEmpty ? errorMessage : "\(context): \(errorMessage)", path: path)
    }

    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? errorMessage
            sqlite3_free(message)
            throw TablesError.databaseFailure(text, path: path)
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
              let statement
        else { throw failure() }
        return SQLiteStatement(handle: statement, connection: self)
    }

    /// The first column of the first row, as text.
    func scalarText(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> String? {
        let statement = try prepare(sql)
        try statement.bind(bindings)
        return try statement.step() ? statement.text(0) : nil
    }

    func scalarInt(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> Int64 {
        let statement = try prepare(sql)
        try statement.bind(bindings)
        return try statement.step() ? statement.int64(0) : 0
    }
}
