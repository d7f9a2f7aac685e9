import CSQLite

/// The data engine: CSV checking, per-version tables, queries and comparisons.
public enum WalidataTables {
    /// The version of the system SQLite the tables are written with.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
