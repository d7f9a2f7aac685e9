/// One stored value, typed as its column is: what the JSON download and API give.
/// Decimal columns may hold `.integer` values (a whole number in a decimal column stays exact).
public enum TableValue: Sendable, Equatable, Codable {
    case null
    case integer(Int64)
    case decimal(Double)
    case boolean(Bool)
    /// ISO `YYYY-MM-DD`.
    case date(String)
    case text(String)

    /// Encoded as the plain JSON value (`null`, a number, `true`/`false`, or a string).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let v): try container.encode(v)
        case .decimal(let v): try container.encode(v)
        case .boolean(let v): try container.encode(v)
        case .date(let v), .text(let v): try container.encode(v)
        }
    }

    /// Strings decode as `.text`: JSON does not say which strings were dates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let v = try? container.decode(Bool.self) {
            self = .boolean(v)
        } else if let v = try? container.decode(Int64.self) {
            self = .integer(v)
        } else if let v = try? container.decode(Double.self) {
            self = .decimal(v)
        } else {
            self = .text(try container.decode(String.self))
        }
    }
}
