/// One page of a query's result.
public struct TablePage: Codable, Sendable, Equatable {
    public var columns: [String]
    public var rows: [TableRow]
    /// Rows matching the filters, over all pages.
    public var totalCount: Int
    public var offset: Int
    /// The page size actually used (after the cap).
    public var limit: Int
}
