import CSQLite

/// Writes rows as CSV or JSON, byte by byte into a `ChunkedOutput`.
struct TableExporter {
    let format: ExportFormat
    let columns: [TableColumn]
    private var first = true
    /// Column names as escaped JSON keys with their colon, made once.
    private let jsonKeys: [[UInt8]]

    init(format: ExportFormat, columns: [TableColumn]) {
        self.format = format
        self.columns = columns
        jsonKeys = columns.map { column in
            var key: [UInt8] = []
            var output = ChunkedOutput { key.append(contentsOf: $0) }
            var name = column.name
            name.withUTF8 { Self.appendJSONString($0, to: &output) }
            output.append(UInt8(ascii: ":"))
            try? output.flush()
            return key
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
                appendJSONValue(cursor, i, to: &out)
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

    /// Typed JSON straight from SQLite's buffers: numbers as digits, booleans as words,
    /// dates and text as escaped strings.
    private func appendJSONValue(_ cursor: TableRowCursor, _ i: Int, to out: inout ChunkedOutput) {
        switch cursor.storageClass(i) {
        case SQLITE_INTEGER:
            let v = cursor.integer(i)
            if columns[i].type == .boolean {
                out.append(v != 0 ? "true" : "false")
            } else {
                Self.appendDigits(v, to: &out)
            }
        case SQLITE_FLOAT:
            out.append(NumberText.decimal(cursor.real(i)))
        case SQLITE_TEXT:
            Self.appendJSONString(cursor.storedBytes(i), to: &out)
        default:
            out.append("null")
        }
    }

    private static func appendDigits(_ value: Int64, to out: inout ChunkedOutput) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var n = 0
            repeat {
                buffer[23 - n] = UInt8(0x30 + magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude > 0
            out.append(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + 24 - n, count: n))
        }
    }

    static func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ChunkedOutput) {
        out.append(0x22)
        var plainFrom = 0
        for (k, b) in bytes.enumerated() where b == 0x22 || b == 0x5C || b < 0x20 {
            out.append(UnsafeBufferPointer(rebasing: bytes[plainFrom..<k]))
            switch b {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            default:
                let hex = Array("0123456789abcdef".utf8)
                out.append("\\u00")
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            }
            plainFrom = k + 1
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[plainFrom...]))
        out.append(0x22)
    }
}
