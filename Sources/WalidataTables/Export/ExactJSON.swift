import Foundation

/// JSON for the API's row pages and comparisons that keeps every decimal's digits as they were
/// read: `13.10` stays `13.10` and `13.00` stays `13.00`. `JSONEncoder` can only write a
/// `Double` (or a `Decimal`, which it normalises), so a code column such as `13.10` would come
/// out as `13.1`; these writers put the rows' values in byte by byte, as the JSON download does,
/// and leave every other field to `JSONEncoder`.
extension TablePage {
    public func exactJSON() throws -> [UInt8] {
        try ExactJSON.object { out in
            try out.field("columns", columns)
            out.rows("rows", rows)
            try out.field("totalCount", totalCount)
            try out.field("offset", offset)
            try out.field("limit", limit)
        }
    }
}

extension TableComparison {
    public func exactJSON() throws -> [UInt8] {
        try ExactJSON.object { out in
            try out.field("keyColumn", keyColumn)
            try out.field("oldColumns", oldColumns)
            try out.field("newColumns", newColumns)
            try out.field("columnsAdded", columnsAdded)
            try out.field("columnsRemoved", columnsRemoved)
            try out.field("columnsRetyped", columnsRetyped)
            try out.field("oldRowCount", oldRowCount)
            try out.field("newRowCount", newRowCount)
            try out.field("rowsAdded", rowsAdded)
            try out.field("rowsRemoved", rowsRemoved)
            try out.field("rowsChanged", rowsChanged)
            try out.field("rowsUnchanged", rowsUnchanged)
            try out.field("rowsNotCompared", rowsNotCompared)
            out.rows("addedExamples", addedExamples)
            out.rows("removedExamples", removedExamples)
            out.key("changedExamples")
            out.array(changedExamples) { out, changed in
                out.open()
                out.key("key")
                out.string(changed.key)
                out.comma()
                out.key("old")
                out.row(changed.old)
                out.comma()
                out.key("new")
                out.row(changed.new)
                out.comma()
                out.key("changedColumns")
                out.array(changed.changedColumns) { out, name in out.string(name) }
                out.close()
            }
            out.comma()
            try out.field("problems", problems, last: true)
        }
    }
}

/// The writer behind `exactJSON()`: an object's fields in order, commas placed by the caller
/// through `field`/`rows` (each writes its trailing comma unless told it is the last).
struct ExactJSON {
    private var out: ChunkedOutput
    private let encoder = JSONEncoder()

    private init(_ out: ChunkedOutput) { self.out = out }

    static func object(_ body: (inout ExactJSON) throws -> Void) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var writer = ExactJSON(ChunkedOutput { bytes.append(contentsOf: $0) })
        writer.open()
        try body(&writer)
        // Fields end with a comma; the object's last one is taken back.
        writer.dropTrailingComma()
        writer.close()
        try writer.out.flush()
        return bytes
    }

    mutating func open() { out.append(UInt8(ascii: "{")) }
    mutating func close() { out.append(UInt8(ascii: "}")) }
    mutating func comma() { out.append(UInt8(ascii: ",")) }

    mutating func dropTrailingComma() { out.dropLast(ifEqualTo: UInt8(ascii: ",")) }

    mutating func key(_ name: String) {
        string(name)
        out.append(UInt8(ascii: ":"))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { TableExporter.appendJSONString($0, to: &out) }
    }

    /// A field whose value `JSONEncoder` writes as it would anywhere else.
    mutating func field(_ name: String, _ value: some Encodable, last: Bool = false) throws {
        key(name)
        let data = try encoder.encode(value)
        data.withUnsafeBytes { out.append($0.bindMemory(to: UInt8.self)) }
        if !last { comma() }
    }

    mutating func array<T>(_ items: [T], _ each: (inout ExactJSON, T) -> Void) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { comma() }
            each(&self, item)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// `"name":[row,…],`, each row as `TableRow`'s `Codable` form with its decimals written
    /// from the text they were read from.
    mutating func rows(_ name: String, _ rows: [TableRow]) {
        key(name)
        array(rows) { out, row in out.row(row) }
        comma()
    }

    mutating func row(_ row: TableRow) {
        open()
        key("number")
        out.append(String(row.number))
        comma()
        key("line")
        out.append(String(row.line))
        comma()
        key("values")
        array(Array(row.values.indices)) { out, i in out.value(row.values[i], text: i < row.texts.count ? row.texts[i] : nil) }
        comma()
        key("texts")
        array(row.texts) { out, text in out.string(text) }
        close()
    }

    private mutating func value(_ value: TableValue, text: String?) {
        TableExporter.appendJSON(value, text: text, to: &out)
    }
}
