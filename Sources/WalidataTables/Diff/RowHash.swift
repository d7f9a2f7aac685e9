import CSQLite

/// `walidata_row_hash(v1, v2, …)`: a 64-bit hash of a row's values, registered on the
/// comparison's scratch connection. Whole rows are grouped and joined on this integer instead
/// of on a text rendering of the row, which keeps a million-row comparison to seconds. Two
/// different rows colliding among a million is about a one-in-ten-million chance, accepted for
/// a change summary. Values that SQL considers equal hash equally (`5` and `5.0`).
enum RowHash {
    static func register(on db: SQLiteConnection) throws {
        let function: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = {
            RowHash.evaluate($0, $1, $2)
        }
        let rc = sqlite3_create_function_v2(db.handle, "walidata_row_hash", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                            nil, function, nil, nil, nil)
        guard rc == SQLITE_OK else { throw db.failure("create function") }
    }

    private static func evaluate(_ context: OpaquePointer?, _ count: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?) {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in 0..<Int(count) {
            guard let value = arguments?[i] else { continue }
            switch sqlite3_value_type(value) {
            case SQLITE_INTEGER:
                h = mix(h, 1, UInt64(bitPattern: sqlite3_value_int64(value)))
            case SQLITE_FLOAT:
                let d = sqlite3_value_double(value)
                if d == d.rounded(), abs(d) < 9.2e18 {
                    h = mix(h, 1, UInt64(bitPattern: Int64(d)))
                } else {
                    h = mix(h, 2, d.bitPattern)
                }
            case SQLITE_NULL:
                h = mix(h, 0, 0)
            default:
                let n = Int(sqlite3_value_bytes(value))
                let bytes = sqlite3_value_blob(value)
                h = mix(h, 3, bytes.map { DistinctCounter.hash($0.assumingMemoryBound(to: UInt8.self), n) } ?? 0)
            }
        }
        sqlite3_result_int64(context, Int64(bitPattern: h))
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ tag: UInt64, _ value: UInt64) -> UInt64 {
        var x = (h ^ tag &* 0xD6E8_FEB8_6659_FD93 ^ value) &* 0xBF58_476D_1CE4_E5B9
        x = (x << 31) | (x >> 33)
        return x &* 0x94D0_49BB_1331_11EB
    }
}
