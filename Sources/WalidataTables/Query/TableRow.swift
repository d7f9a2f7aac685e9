/// One data row of a table.
public struct TableRow: Codable, Sendable, Equatable {
    /// The 1-based data row number in the uploaded file (blank lines not counted).
    public var number: Int
    /// The physical line of the uploaded file the row starts on.
    public var line: Int
    /// Typed values, one per column.
    public var values: [TableValue]
    /// The cells as they were uploaded (`1.234,5`, `05/01/2024`, `ya`, `NA`); what the CSV
    /// download writes and what a page should show a data officer.
    public var texts: [String]
}
