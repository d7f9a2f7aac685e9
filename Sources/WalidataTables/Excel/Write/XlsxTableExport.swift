import CSQLite

/// A stored table (or the rows a query selects) as one `.xlsx` sheet named *Data*, straight
/// from SQLite's buffers like the CSV download.
///
/// Each cell takes the type its stored value has: whole numbers and decimals as numbers
/// (decimals from the digits uploaded, `1.234,50` as 1234.5), dates as date serials shown
/// `yyyy-mm-dd`, booleans as TRUE/FALSE. Everything else is the text as uploaded, so a code
/// `007` or a `-` for "no data" stays what the officer typed. A whole number of more than
/// 15 digits (a NIK) is written as text too: Excel keeps 15 significant digits and would
/// turn the last ones into zeros.
struct XlsxTableExport {
    let columns: [TableColumn]
    static let sheetName = "Data"
    /// Below 10^15 a whole number is exact in Excel.
    static let exactIntegerLimit: Int64 = 999_999_999_999_999

    func write(_ reader: TableReader, _ plan: TableReader.Plan, limit: Int, offset: Int,
               properties: XlsxWriter.Properties, to write: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        guard columns.count <= XlsxWriter.maximumColumns else { throw TablesError.xlsxTooLarge() }
        let writer = XlsxWriter(properties: properties, to: write)
        try writer.beginSheet(Self.sheetName, header: columns.map(\.name))
        try reader.forEachRow(plan, limit: limit, offset: offset) { cursor in
            try writer.startRow()
            for i in columns.indices {
                cell(cursor, i, writer)
            }
            try writer.endRow()
        }
        try writer.finish()
    }

    private func cell(_ cursor: TableRowCursor, _ i: Int, _ writer: XlsxWriter) {
        switch cursor.storageClass(i) {
        case SQLITE_INTEGER:
            let v = cursor.integer(i)
            if columns[i].type == .boolean {
                writer.boolean(v != 0)
            } else if v.magnitude <= Self.exactIntegerLimit.magnitude {
                writer.integer(v)
            } else {
                writer.text(cursor.textBytes(i))
            }
        case SQLITE_FLOAT:
            let v = cursor.real(i)
            if v.isFinite { writer.decimal(cursor.textBytes(i), value: v) } else { writer.text(cursor.textBytes(i)) }
        case SQLITE_TEXT:
            if columns[i].type == .date, let serial = XlsxDate.serial(iso: cursor.storedBytes(i)) {
                writer.number(String(serial), style: .date, length: 10)
            } else {
                writer.text(cursor.textBytes(i))
            }
        default:
            // Empty, or a null token (`-`, `NA`) kept as typed.
            writer.text(cursor.textBytes(i))
        }
    }
}
