/// One page of a list: how many items (`limit`) after how many (`offset`). Every list in the API
/// and on the pages is read through one, so no answer grows with the office's history.
public struct PageWindow: Sendable, Equatable {
    public static let defaultLimit = 50
    /// Large enough for a script to walk 10,000 cases in 20 requests, small enough that one
    /// answer stays well under a megabyte on an island link.
    public static let maxLimit = 500
    /// Far beyond any list the office will have; bounds what a request can ask the database.
    public static let maxOffset = 1_000_000_000

    public var limit: Int
    public var offset: Int

    public enum Problem: Error, Equatable {
        /// `limit` is not a whole number from 1 to `maxLimit`.
        case limit
        /// `offset` is not a whole number from 0 to `maxOffset`.
        case offset
    }

    public init(limit: Int = PageWindow.defaultLimit, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    /// Reads `?limit=&offset=` as sent (absent means the default); anything else is refused, not
    /// clamped, so a script asking for 10,000 learns it gets 500 rather than silently fewer.
    public init(limit rawLimit: String?, offset rawOffset: String?) throws(Problem) {
        var window = PageWindow()
        if let rawLimit {
            guard let value = Int(rawLimit), (1...Self.maxLimit).contains(value) else { throw .limit }
            window.limit = value
        }
        if let rawOffset {
            guard let value = Int(rawOffset), (0...Self.maxOffset).contains(value) else { throw .offset }
            window.offset = value
        }
        self = window
    }

    /// The items of `all` inside the window (for lists already in memory).
    public func slice<Item>(_ all: [Item]) -> [Item] {
        guard offset < all.count else { return [] }
        return Array(all[offset..<min(all.count, offset + limit)])
    }

    /// The window after this one, if `total` items leave any.
    public func next(total: Int) -> PageWindow? {
        offset + limit < total ? PageWindow(limit: limit, offset: offset + limit) : nil
    }

    /// The window before this one, if this is not the first.
    public var previous: PageWindow? {
        offset > 0 ? PageWindow(limit: limit, offset: max(0, offset - limit)) : nil
    }

    public var range: Range<Int> { offset..<(offset + limit) }
}
