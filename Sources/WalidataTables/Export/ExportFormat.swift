/// Download formats of a table or a query result.
public enum ExportFormat: String, Codable, Sendable, CaseIterable {
    /// RFC 4180: UTF-8, comma-separated, CRLF line ends, quotes only where needed; the header
    /// holds the original names and every cell its text as uploaded.
    case csv
    /// The same with a UTF-8 byte order mark, so that Excel opens accents correctly, and text
    /// cells that Excel would run as formulas prefixed with `'` (`FormulaGuard`).
    case csvExcel
    /// An array of objects keyed by the original column names, with typed values: numbers as
    /// JSON numbers with the digits as uploaded (`13.10` stays `13.10`), booleans as `true`/`false`, dates as `"YYYY-MM-DD"`, empty as `null`.
    /// The form open-data clients (CKAN's `datastore_search` records) expect.
    case json
    /// An Excel workbook (`XlsxWriter`): numbers as numbers, dates as dates, booleans as
    /// TRUE/FALSE, every other cell as the text uploaded (codes keep their leading zeros), a
    /// frozen bold header with filter buttons. Past Excel's 1,048,576 rows the rows go on in a
    /// second sheet.
    case xlsx

    public var mediaType: String {
        switch self {
        case .csv, .csvExcel: "text/csv; charset=utf-8"
        case .json: "application/json"
        case .xlsx: XlsxWriter.mediaType
        }
    }

    /// Changes whenever the bytes an export writes for the same table change (v2: formula
    /// cells neutralised for Excel, JSON decimals as read), so a cached public download's
    /// ETag does not match the new output.
    public static let revision = 2

    public var fileExtension: String {
        switch self {
        case .csv, .csvExcel: "csv"
        case .json: "json"
        case .xlsx: "xlsx"
        }
    }
}
