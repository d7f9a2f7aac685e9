/// One sort key. Empty values sort last in both directions; ties keep file order.
public struct TableSort: Codable, Sendable, Equatable {
    public var column: String
    public var descending: Bool

    public init(column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}
