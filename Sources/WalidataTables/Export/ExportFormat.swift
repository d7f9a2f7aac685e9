/// Download formats of a table or a query result.
public enum ExportFormat: String, Codable, Sendable, CaseIterable {
    /// RFC 4180: UTF-8, comma-separated, CRLF line ends, quotes only where needed; the header
    /// holds the original names and every cell its text as uploaded.
    case csv
    /// The same with a UTF-8 byte order mark, so that Excel opens accents correctly.
    case csvExcel
    /// An array of objects keyed by the original column names, with typed values: numbers as
    /// JSON numbers, booleans as `true`/`false`, dates as `"YYYY-MM-DD"`, empty as `null`.
    /// The form open-data clients (CKAN's `datastore_search` records) expect.
    case json

    public var mediaType: String {
        switch self {
        case .csv, .csvExcel: "text/csv; charset=utf-8"
        case .json: "application/json"
        }
    }

    public var fileExtension: String { self == .json ? "json" : "csv" }
}
