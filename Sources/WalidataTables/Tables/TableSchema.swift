import Foundation

/// The layout of a table file, shared by the writer, the reader and the comparison.
///
/// ```
/// meta(key, value)                      format, format_version, check (the CSVCheck as JSON)
/// "columns"(idx, name, sql_name, raw_sql_name, type, number_style, profile)
/// data(_row INTEGER PRIMARY KEY, _line, <one column per header>, <one _raw_N per header>)
/// ```
/// `_row` is the 1-based data row number, `_line` the physical line the row starts on. Data
/// columns have no declared type, so each value keeps the storage class it was bound with:
/// integers (and booleans as 1/0) as INTEGER, decimals as REAL, dates as ISO TEXT, text as
/// TEXT, empty and null tokens as NULL. `_raw_N` holds the original text of a value only when
/// the stored value would not print back to it (`1.234,5`, `05/01/2024`, `ya`, `NA`), so a
/// CSV download reproduces every cell as it was uploaded.
///
/// Format version 2 adds the row lists of the columns with few distinct values (`PostingBuilder`):
/// ```
/// postings(col, key, first_row, n, rows)   rows: n row numbers, varint deltas after first_row
/// posting_values(col, key, value, total)   value: the stored value of the key's rows
/// meta 'postings'                          JSON array of the columns that have them
/// ```
/// Version 1 files (no row lists) are read as before, by scans.
struct TableSchema: Sendable {
    static let format = "walidata-table"
    static let formatVersion = 2
    /// SQLite's default limit is 2000 columns; each header takes two plus `_row` and `_line`.
    static let maximumColumns = 998

    let names: [String]
    let sqlNames: [String]
    let rawSqlNames: [String]

    init(names: [String], sqlNames: [String], rawSqlNames: [String]) {
        self.names = names
        self.sqlNames = sqlNames
        self.rawSqlNames = rawSqlNames
    }

    /// SQL names are the header names with only what SQL cannot hold replaced (control
    /// characters and `"`), so the file reads naturally in the `sqlite3` shell; a name that
    /// collides with a hidden column or, ignoring ASCII case as SQLite does, with an earlier
    /// name gets a numbered suffix.
    init(headerNames: [String]) {
        names = headerNames
        var used: Set<String> = ["_row", "_line"]
        var sqlNames: [String] = []
        for (i, name) in headerNames.enumerated() {
            var base = String(name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || $0 == "\"" ? "_" : Character($0) })
            if base.isEmpty { base = "column_\(i + 1)" }
            if base.lowercased().hasPrefix("_raw_") { base = "_" + base }
            var candidate = base
            var suffix = 2
            while used.contains(candidate.lowercased()) {
                candidate = "\(base)_\(suffix)"
                suffix += 1
            }
            used.insert(candidate.lowercased())
            sqlNames.append(candidate)
        }
        self.sqlNames = sqlNames
        rawSqlNames = headerNames.indices.map { "_raw_\($0 + 1)" }
    }

    static func quoted(_ identifier: String) -> String {
        identifier.utf8.contains(UInt8(ascii: "\"")) ? "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : "\"" + identifier + "\""
    }

    var createDataTable: String {
        let columns = (sqlNames + rawSqlNames).map(Self.quoted).joined(separator: ", ")
        return "CREATE TABLE data (_row INTEGER PRIMARY KEY, _line INTEGER NOT NULL, \(columns))"
    }

    /// `value` has no declared type, like the data columns, so `value = ?` compares exactly as
    /// `column = ?` does on the data.
    static let createPostings = """
        CREATE TABLE postings (col INTEGER NOT NULL, key INTEGER NOT NULL, first_row INTEGER NOT NULL, n INTEGER NOT NULL,
            rows BLOB NOT NULL, PRIMARY KEY (col, key, first_row)) WITHOUT ROWID;
        CREATE TABLE posting_values (col INTEGER NOT NULL, key INTEGER NOT NULL, value, total INTEGER NOT NULL,
            PRIMARY KEY (col, key)) WITHOUT ROWID;
        """
    static let indexPostingValues = "CREATE INDEX posting_values_by_value ON posting_values(col, value)"

    static let createMetadata = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE "columns" (idx INTEGER PRIMARY KEY, name TEXT NOT NULL, sql_name TEXT NOT NULL,
            raw_sql_name TEXT NOT NULL, type TEXT NOT NULL, number_style TEXT, profile TEXT NOT NULL);
        """
}
