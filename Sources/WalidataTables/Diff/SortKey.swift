import CSQLite

/// A value as SQLite orders it (NULL, then numbers by value, then text by bytes), so two
/// `ORDER BY` streams can be merged in Swift with SQLite's own ordering and equality.
enum SortKey: Comparable {
    case null
    case integer(Int64)
    case real(Double)
    case text([UInt8])

    init(_ statement: OpaquePointer, column: Int32) {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL:
            self = .null
        case SQLITE_INTEGER:
            self = .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT:
            self = .real(sqlite3_column_double(statement, column))
        default:
            let p = sqlite3_column_text(statement, column)
            self = .text(Array(UnsafeBufferPointer(start: p, count: p == nil ? 0 : Int(sqlite3_column_bytes(statement, column)))))
        }
    }

    private var rank: Int {
        switch self {
        case .null: 0
        case .integer, .real: 1
        case .text: 2
        }
    }

    static func < (a: SortKey, b: SortKey) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y
        case (.integer(let x), .real(let y)): return Double(x) < y
        case (.real(let x), .integer(let y)): return x < Double(y)
        case (.real(let x), .real(let y)): return x < y
        case (.text(let x), .text(let y)): return x.lexicographicallyPrecedes(y)
        default: return a.rank < b.rank
        }
    }

    static func == (a: SortKey, b: SortKey) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.integer(let x), .integer(let y)): return x == y
        case (.integer(let x), .real(let y)): return Double(x) == y
        case (.real(let x), .integer(let y)): return x == Double(y)
        case (.real(let x), .real(let y)): return x == y
        case (.text(let x), .text(let y)): return x == y
        default: return false
        }
    }

    var text: String {
        switch self {
        case .null: ""
        case .integer(let v): String(v)
        case .real(let v): NumberText.decimal(v)
        case .text(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }
}
