/// One condition on a column; all filters of a query must hold.
///
/// `value` is written the way a user types it and read in the column's type: numbers in
/// either style (`12,5`, `1.234,56`, `1234.56`; `1.234` in the column's own style), dates as
/// `2024-12-31`, `31/12/2024` or `31-12-2024`, booleans as `ya`/`tidak`/`true`/`false`/`1`/`0`.
public struct TableFilter: Codable, Sendable, Equatable {
    public enum Operation: String, Codable, Sendable, CaseIterable {
        /// Same value; an empty `value` means the cell is empty.
        case equals
        /// Any other value, empty cells included.
        case notEquals
        /// The cell's text as uploaded contains `value`, ignoring case of ASCII letters.
        case contains
        /// Comparisons apply to number and date columns.
        case greaterThan
        case greaterThanOrEqual
        case lessThan
        case lessThanOrEqual
        case isEmpty
        case isNotEmpty

        var symbol: String {
            switch self {
            case .equals: "="
            case .notEquals: "≠"
            case .contains: "contains"
            case .greaterThan: ">"
            case .greaterThanOrEqual: "≥"
            case .lessThan: "<"
            case .lessThanOrEqual: "≤"
            case .isEmpty: "is empty"
            case .isNotEmpty: "is not empty"
            }
        }
    }

    public var column: String
    public var operation: Operation
    public var value: String?

    public init(column: String, operation: Operation, value: String? = nil) {
        self.column = column
        self.operation = operation
        self.value = value
    }
}
