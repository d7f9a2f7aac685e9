import Vapor
import WalidataCore
import WalidataTables

/// A table query as it arrives in a URL, from the page's filter form or an API client:
/// up to three filters `c1`/`o1`/`v1` … `c3`/`o3`/`v3` (column, operation, value), `sort`
/// (column) with `desc=1`, `limit` and `offset`. Unknown columns and operations are refused
/// by the engine with a message, never spliced into SQL.
struct TableQueryParams: Content {
    var c1: String?
    var o1: String?
    var v1: String?
    var c2: String?
    var o2: String?
    var v2: String?
    var c3: String?
    var o3: String?
    var v3: String?
    var sort: String?
    var desc: String?
    var limit: Int?
    var offset: Int?

    static let filterSlots = 3

    init(c1: String? = nil, o1: String? = nil, v1: String? = nil, c2: String? = nil, o2: String? = nil, v2: String? = nil,
         c3: String? = nil, o3: String? = nil, v3: String? = nil, sort: String? = nil, desc: String? = nil, limit: Int? = nil,
         offset: Int? = nil) {
        (self.c1, self.o1, self.v1, self.c2, self.o2, self.v2, self.c3, self.o3, self.v3) = (c1, o1, v1, c2, o2, v2, c3, o3, v3)
        (self.sort, self.desc, self.limit, self.offset) = (sort, desc, limit, offset)
    }

    /// Read from a URL's query text without the `Codable` decoder (the portal's explorer reads
    /// one on every request): the same fields, the last of a repeated one; nil for a field that
    /// is absent, or empty for `limit`/`offset`. A `limit` or `offset` that is not a whole
    /// number is refused, as the decoder refuses it.
    init(query: String?) throws {
        try self.init(pairs: StoredText.formPairs(query ?? ""))
    }

    /// The same from a query already split into decoded pairs (`StoredText.formPairs`).
    init(pairs: [(String, String)]) throws {
        self.init()
        for (key, value) in pairs {
            switch key {
            case "c1": c1 = value
            case "o1": o1 = value
            case "v1": v1 = value
            case "c2": c2 = value
            case "o2": o2 = value
            case "v2": v2 = value
            case "c3": c3 = value
            case "o3": o3 = value
            case "v3": v3 = value
            case "sort": sort = value
            case "desc": desc = value
            case "limit", "offset":
                let number: Int?
                if value.isEmpty { number = nil } else if let n = Int(value) { number = n } else { throw UserError(.badRequest, "table.error.paging") }
                if key == "limit" { limit = number } else { offset = number }
            default: continue
            }
        }
    }

    func query(defaultLimit: Int? = TableQuery.defaultLimit) throws -> TableQuery {
        var filters: [TableFilter] = []
        for (column, op, value) in [(c1, o1, v1), (c2, o2, v2), (c3, o3, v3)] {
            guard let column, !column.isEmpty else { continue }
            guard let operation = TableFilter.Operation(rawValue: op ?? "equals") else {
                throw UserError(.badRequest, "table.error.operation", op ?? "")
            }
            filters.append(TableFilter(column: column, operation: operation, value: value))
        }
        var sorts: [TableSort] = []
        if let sort, !sort.isEmpty { sorts.append(TableSort(column: sort, descending: desc == "1" || desc == "true")) }
        guard (offset ?? 0) >= 0, (limit ?? 1) >= 0 else { throw UserError(.badRequest, "table.error.paging") }
        return TableQuery(filters: filters, sort: sorts, limit: limit ?? defaultLimit, offset: offset ?? 0)
    }

    /// The same query as URL parameters, for links to the next page and to downloads.
    func encoded(offset newOffset: Int? = nil, dropPaging: Bool = false) -> String {
        var pairs: [(String, String)] = []
        for (i, (c, o, v)) in [(c1, o1, v1), (c2, o2, v2), (c3, o3, v3)].enumerated() where !(c ?? "").isEmpty {
            pairs += [("c\(i + 1)", c!), ("o\(i + 1)", o ?? "equals"), ("v\(i + 1)", v ?? "")]
        }
        if let sort, !sort.isEmpty { pairs.append(("sort", sort)) }
        if desc == "1" { pairs.append(("desc", "1")) }
        if !dropPaging {
            if let limit { pairs.append(("limit", String(limit))) }
            if let o = newOffset ?? offset, o > 0 { pairs.append(("offset", String(o))) }
        }
        return pairs.map { "\($0.0)=\(FormText.encode($0.1))" }.joined(separator: "&")
    }
}

extension TablesError {
    /// Engine errors a request can cause (unknown column, bad filter value) as a 400 in words.
    var userError: UserError {
        UserError(.badRequest, "table.error.engine", indonesianMessage, englishMessage)
    }
}
