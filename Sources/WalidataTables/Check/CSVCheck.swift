/// The report on one CSV file: whether it can be used as a table, how it was read, what its
/// columns hold, its first rows, and every problem found.
///
/// Acceptance: a file is accepted when it is text, not empty, its header names are present and
/// unique, every quote is closed and every data row has as many fields as the header. A file
/// with a header and no data rows is accepted (an agency may report "no cases this period")
/// with the warning `noDataRows`; a file with nothing but blank lines is rejected as empty.
public struct CSVCheck: Codable, Sendable, Equatable {
    public var accepted: Bool
    public var encoding: CSVEncoding
    public var delimiter: CSVDelimiter
    /// Header names as written, trimmed of surrounding spaces.
    public var header: [String]
    /// Data rows read (blank lines not counted; ragged rows counted).
    public var rowCount: Int
    /// Physical lines in the file, as a text editor counts them.
    public var lineCount: Int
    public var byteCount: Int
    public var blankLineCount: Int
    /// Data rows whose field count differs from the header's.
    public var raggedRowCount: Int
    /// One profile per header column, in file order. Rows with the wrong field count are not
    /// profiled.
    public var columns: [ColumnProfile]
    /// The first data rows as text, exactly as read (a ragged row keeps its own field count).
    public var preview: [[String]]
    /// Errors first in the order found, then warnings.
    public var problems: [CSVProblem]
    /// For a workbook: which sheet and rows were read (then `lineCount` and the problems'
    /// lines are sheet row numbers). Nil for a CSV.
    public var workbook: WorkbookReading? = nil

    public var errors: [CSVProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [CSVProblem] { problems.filter { $0.severity == .warning } }

    static func rejected(_ problem: CSVProblem, encoding: CSVEncoding = .utf8, byteCount: Int) -> CSVCheck {
        CSVCheck(accepted: false, encoding: encoding, delimiter: .comma, header: [], rowCount: 0, lineCount: 0,
                 byteCount: byteCount, blankLineCount: 0, raggedRowCount: 0, columns: [], preview: [], problems: [problem])
    }
}
