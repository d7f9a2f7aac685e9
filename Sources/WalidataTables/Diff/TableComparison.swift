/// What changed between two versions of a dataset.
public struct TableComparison: Codable, Sendable, Equatable {
    /// A row present in both versions under the same key whose values differ.
    public struct ChangedRow: Codable, Sendable, Equatable {
        /// The key as uploaded in the new version.
        public var key: String
        public var old: TableRow
        public var new: TableRow
        /// Common columns whose values differ, by their new name.
        public var changedColumns: [String]
    }

    /// A common column whose inferred type differs between the versions. Its values are then
    /// compared by their text as uploaded.
    public struct TypeChange: Codable, Sendable, Equatable {
        public var column: String
        public var oldType: ColumnType
        public var newType: ColumnType
    }

    /// The key column rows were matched on; nil when rows were compared whole.
    public var keyColumn: String?
    /// Header names of the old and new version, in their file order.
    public var oldColumns: [String]
    public var newColumns: [String]
    /// Columns only in the new version, and only in the old one (names matched ignoring case).
    public var columnsAdded: [String]
    public var columnsRemoved: [String]
    public var columnsRetyped: [TypeChange]
    public var oldRowCount: Int
    public var newRowCount: Int
    public var rowsAdded: Int
    public var rowsRemoved: Int
    /// Nil when comparing whole rows: a changed row is then one removed and one added.
    public var rowsChanged: Int?
    public var rowsUnchanged: Int
    /// Rows left out of a keyed comparison because their key is empty or not unique.
    public var rowsNotCompared: Int
    /// The first added rows (from the new version) and removed rows (from the old one), in
    /// file order; in whole-row mode the extra copies of a repeated row.
    public var addedExamples: [TableRow]
    public var removedExamples: [TableRow]
    public var changedExamples: [ChangedRow]
    public var problems: [ComparisonProblem]
}
