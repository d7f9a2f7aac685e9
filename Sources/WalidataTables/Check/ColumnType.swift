/// The type a column is given when every one of its non-empty values reads as that type.
///
/// A single value that does not fit makes the column `text`, so that nothing a data officer
/// typed is ever reinterpreted.
public enum ColumnType: String, Codable, Sendable, CaseIterable {
    case integer
    case decimal
    /// Stored and compared as ISO `YYYY-MM-DD`; read from `YYYY-MM-DD`, `DD/MM/YYYY` or `DD-MM-YYYY`.
    case date
    /// `true/false`, `ya/tidak`, `y/n`, `yes/no`; `1/0` count only beside such words.
    case boolean
    case text

    var isNumeric: Bool { self == .integer || self == .decimal }
}
