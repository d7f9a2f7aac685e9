import CSQLite

/// Reads the current row of a `SELECT _row, _line, <values…>, <raws…>` statement: typed
/// values, and the text of each cell as uploaded without building strings when exporting.
struct TableRowCursor {
    let statement: OpaquePointer
    let types: [ColumnType]

    var number: Int { Int(sqlite3_column_int64(statement, 0)) }
    var line: Int { Int(sqlite3_column_int64(statement, 1)) }

    private func valueColumn(_ i: Int) -> Int32 { Int32(2 + i) }
    private func rawColumn(_ i: Int) -> Int32 { Int32(2 + types.count + i) }

    /// The original text of cell `i`: its `_raw_N` when kept, otherwise the stored value as
    /// SQLite prints it (plain numbers and ISO dates print back exactly as uploaded). Valid
    /// until the cursor moves.
    func textBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        var column = rawColumn(i)
        if sqlite3_column_type(statement, column) == SQLITE_NULL {
            column = valueColumn(i)
            if sqlite3_column_type(statement, column) == SQLITE_NULL { return UnsafeBufferPointer(start: nil, count: 0) }
        }
        let p = sqlite3_column_text(statement, column)
        return UnsafeBufferPointer(start: p, count: p == nil ? 0 : Int(sqlite3_column_bytes(statement, column)))
    }

    func text(_ i: Int) -> String { String(decoding: textBytes(i), as: UTF8.self) }

    /// Storage class of the stored value (`SQLITE_INTEGER`, `SQLITE_FLOAT`, `SQLITE_TEXT`, `SQLITE_NULL`).
    func storageClass(_ i: Int) -> Int32 { sqlite3_column_type(statement, valueColumn(i)) }
    func integer(_ i: Int) -> Int64 { sqlite3_column_int64(statement, valueColumn(i)) }
    func real(_ i: Int) -> Double { sqlite3_column_double(statement, valueColumn(i)) }

    /// The stored text value's bytes; valid until the cursor moves.
    func storedBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let p = sqlite3_column_text(statement, valueColumn(i))
        return UnsafeBufferPointer(start: p, count: p == nil ? 0 : Int(sqlite3_column_bytes(statement, valueColumn(i))))
    }

    func value(_ i: Int) -> TableValue {
        let column = valueColumn(i)
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            let v = sqlite3_column_int64(statement, column)
            return types[i] == .boolean ? .boolean(v != 0) : .integer(v)
        case SQLITE_FLOAT:
            return .decimal(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let p = sqlite3_column_text(statement, column)
            let s = String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
            return types[i] == .date ? .date(s) : .text(s)
        default:
            return .null
        }
    }

    var row: TableRow {
        TableRow(number: number, line: line, values: types.indices.map(value), texts: types.indices.map(text))
    }
}
