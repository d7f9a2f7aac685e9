/// Filters, sort order and page of a read from a table.
public struct TableQuery: Codable, Sendable, Equatable {
    public static let defaultLimit = 100
    /// The largest page `TableReader.query` returns, whatever is asked.
    public static let maximumLimit = 1000

    public var filters: [TableFilter]
    public var sort: [TableSort]
    /// Page size: `query` uses `defaultLimit` when nil and caps it at `maximumLimit`; `export`
    /// writes every matching row when nil and does not cap it.
    public var limit: Int?
    public var offset: Int

    public init(filters: [TableFilter] = [], sort: [TableSort] = [], limit: Int? = nil, offset: Int = 0) {
        self.filters = filters
        self.sort = sort
        self.limit = limit
        self.offset = offset
    }
}
