import CSQLite

/// The corrections made once every value of a column has been seen. Rows are loaded while the
/// file is read, before a column's type is known, so each value is stored as it reads on its
/// own; two cases then need a second look, both done inside the loading transaction:
/// - a `text` column that holds values stored as numbers, dates or booleans gets their
///   original text back (from `_raw_N`, or printed by SQLite for plain numbers, which print
///   back exactly by construction);
/// - an international-style number column gets its ambiguous values (`1.234`) read again,
///   since they were loaded in the Indonesian style.
enum TableFixups {
    static func apply(_ resolutions: [ColumnProfiler.Resolution], schema: TableSchema, on db: SQLiteConnection) throws {
        var registered = false
        for (i, resolution) in resolutions.enumerated() {
            let value = TableSchema.quoted(schema.sqlNames[i]), raw = TableSchema.quoted(schema.rawSqlNames[i])
            if resolution.restoreText {
                try db.execute("""
                    UPDATE data SET \(value) = coalesce(\(raw), CAST(\(value) AS TEXT)), \(raw) = NULL
                    WHERE \(value) IS NOT NULL AND (\(raw) IS NOT NULL OR typeof(\(value)) <> 'text')
                    """)
            }
            if resolution.rereadAmbiguous {
                if !registered {
                    try register(on: db)
                    registered = true
                }
                try db.execute("""
                    UPDATE data SET \(value) = walidata_international(\(raw))
                    WHERE \(raw) IS NOT NULL AND walidata_international(\(raw)) IS NOT NULL
                    """)
            }
        }
    }

    /// `walidata_international(text)`: the international reading of an ambiguous number
    /// (`1.234` → 1.234, `1,234` → 1234), NULL for anything else.
    private static func register(on db: SQLiteConnection) throws {
        let function: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, _, arguments in
            guard let argument = arguments?[0], sqlite3_value_type(argument) == SQLITE_TEXT,
                  let text = sqlite3_value_text(argument)
            else {
                sqlite3_result_null(context)
                return
            }
            let cell = CellClassifier.classify(text, count: Int(sqlite3_value_bytes(argument)))
            switch cell.kind {
            case .ambiguousDot: sqlite3_result_double(context, cell.real)
            case .ambiguousComma: sqlite3_result_int64(context, cell.integer)
            default: sqlite3_result_null(context)
            }
        }
        let rc = sqlite3_create_function_v2(db.handle, "walidata_international", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                            nil, function, nil, nil, nil)
        guard rc == SQLITE_OK else { throw db.failure("create function") }
    }
}
