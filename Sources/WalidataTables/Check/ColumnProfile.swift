/// What one column holds, measured over all its values in the same pass that loads them.
public struct ColumnProfile: Codable, Sendable, Equatable {
    /// Position in the file, 0-based.
    public var index: Int
    /// The header name as written (trimmed of surrounding spaces).
    public var name: String
    public var type: ColumnType
    /// For number columns: the style their separators were read in, when any value had one.
    public var numberStyle: NumberStyle?
    /// Values that are neither empty nor a null token.
    public var valueCount: Int
    /// Empty values and null tokens (`-`, `NA`, `N/A`, `#N/A`, `null`).
    public var nullCount: Int
    /// Distinct spellings of the non-null values (surrounding spaces ignored), exact up to the
    /// cap; when `distinctCountIsCapped`, the column has more than `distinctCount` of them.
    public var distinctCount: Int
    public var distinctCountIsCapped: Bool
    /// Smallest and largest value in the column's type: numbers by value (canonical form with
    /// `.` for decimals), dates as ISO `YYYY-MM-DD`, booleans as `false`/`true`, text by
    /// Unicode code point order on at most the first 64 bytes. Nil when the column is empty.
    public var minimum: String?
    public var maximum: String?
    /// How many values were ambiguous (`1.234`, `1,234`) and read in `numberStyle`.
    public var ambiguousNumberCount: Int

    /// "10.000+" style text for the distinct count, as the UI shows it.
    public var distinctCountText: String { distinctCountIsCapped ? "> \(distinctCount)" : "\(distinctCount)" }
}
