import WalidataTables

extension JSONValue {
    /// Written as `JSONEncoder` with `.sortedKeys` writes it, without building its tree again.
    func write(to out: inout JSONOut) {
        switch self {
        case .null: out.null()
        case .bool(let v): out.bool(v)
        case .int(let v): out.int(v)
        case .double(let v): out.double(v)
        case .string(let v): out.string(v)
        case .array(let items):
            out.beginArray()
            for item in items { item.write(to: &out) }
            out.endArray()
        case .object(let fields):
            out.beginObject()
            for name in fields.keys.sorted() {
                out.key(name)
                fields[name]!.write(to: &out)
            }
            out.endObject()
        }
    }

    var jsonBytes: [UInt8] {
        var out = JSONOut()
        write(to: &out)
        return out.bytes
    }
}
