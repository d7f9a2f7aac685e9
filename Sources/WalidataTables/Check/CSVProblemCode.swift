/// What is wrong with a CSV file; stable strings the server can translate or count.
public enum CSVProblemCode: String, Codable, Sendable, CaseIterable {
    case emptyFile
    case binaryFile
    case unsupportedEncoding
    case unterminatedQuote
    case fieldTooLong
    case emptyHeaderName
    case duplicateHeaderName
    case tooManyColumns
    case raggedRow
    /// Summarises the ragged rows beyond the ones listed one by one.
    case moreRaggedRows
    case textAfterClosingQuote
    case headerLooksLikeData
    case noDataRows
    // Workbooks (.xlsx); the messages are in CSVProblem+Excel.swift.
    case legacyExcel
    case encryptedWorkbook
    case openDocument
    case notAWorkbook
    case workbookTooLarge
    case columnBeyondLimit
    case noTableFound
    case sheetNotFound
    case headerRowNotFound
    case formulaErrors

    /// Errors make the file unreadable as a table; warnings are shown but the file is accepted.
    public var severity: CSVProblem.Severity {
        switch self {
        case .textAfterClosingQuote, .headerLooksLikeData, .noDataRows, .formulaErrors: .warning
        default: .error
        }
    }
}
