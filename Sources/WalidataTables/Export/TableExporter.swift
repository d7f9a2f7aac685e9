/// Writes rows as CSV or JSON, byte by byte into a `ChunkedOutput`.
struct TableExporter {
    let format: ExportFormat
    let columns: [TableColumn]
    private var first = true
    /// Column names as escaped JSON keys, made once.
    private let jsonKeys: [[UInt8]]

    init(format: ExportFormat, columns: [TableColumn]) {
        self.format = format
        self.columns = columns
        jsonKeys = columns.map { column in
            var key: [UInt8] = []
            Self.appendJSONString(Array(column.name.utf8)[...], to: &key)
            return key + [UInt8(ascii: ":")]
        }
    }

    mutating func begin(_ out: inout ChunkedOutput) throws {
        switch format {
        case .csv, .csvExcel:
            if format == .csvExcel { out.append("\u{FEFF}") }
            for (i, column) in columns.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                var name = column.name
                name.withUTF8 { Self.appendCSVField($0, to: &out) }
            }
            out.append("\r\n")
        case .json:
            out.append(UInt8(ascii: "["))
        }
    }

    mutating func row(_ cursor: TableRowCursor, _ out: inout ChunkedOutput) throws {
        switch format {
        case .csv, .csvExcel:
            for i in columns.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendCSVField(cursor.textBytes(i), to: &out)
            }
            out.append("\r\n")
        case .json:
            out.append(first ? "\n{" : ",\n{")
            for i in columns.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                jsonKeys[i].withUnsafeBufferPointer { out.append($0) }
                appendJSONValue(cursor.value(i), to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        first = false
        try out.rowDone()
    }

    mutating func end(_ out: inout ChunkedOutput) throws {
        if format == .json { out.append(first ? "]\n" : "\n]\n") }
    }

    /// RFC 4180: quoted when the field holds a comma, quote, CR or LF, or starts or ends with
    /// a space (which some readers would trim); quotes doubled.
    static func appendCSVField(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ChunkedOutput) {
        var needsQuotes = bytes.first == 0x20 || bytes.last == 0x20
        if !needsQuotes {
            for b in bytes where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            out.append(bytes)
            return
        }
        out.append(0x22)
        for b in bytes {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }

    private func appendJSONValue(_ value: TableValue, to out: inout ChunkedOutput) {
        switch value {
        case .null: out.append("null")
        case .integer(let v): out.append(String(v))
        case .decimal(let v): out.append(NumberText.decimal(v))
        case .boolean(let v): out.append(v ? "true" : "false")
        case .date(let s), .text(let s):
            var bytes: [UInt8] = []
            Self.appendJSONString(Array(s.utf8)[...], to: &bytes)
            bytes.withUnsafeBufferPointer { out.append($0) }
        }
    }

    static func appendJSONString(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        for b in bytes {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}
