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
                name.withUTF8 { Self.appendCSVField($0, to: &out, guardFormulas: format == .csvExcel) }
            }
            out.append("\r\n")
        case .json:
            out.append(UInt8(ascii: "["))
        case .xlsx:
            preconditionFailure("a workbook is written by XlsxTableExport")
        }
    }

    mutating func row(_ cursor: TableRowCursor, _ out: inout ChunkedOutput) throws {
        switch format {
        case .csv, .csvExcel:
            for i in columns.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                let text = cursor.textBytes(i)
                // Stored numbers cannot start a formula; only text cells are looked at.
                let guarded = format == .csvExcel && cursor.storageClass(i) == SQLITE_TEXT
                Self.appendCSVField(text, to: &out, guardFormulas: guarded)
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
        case .xlsx:
            preconditionFailure("a workbook is written by XlsxTableExport")
        }
        first = false
        try out.rowDone()
    }

    mutating func end(_ out: inout ChunkedOutput) throws {
        if format == .json { out.append(first ? "]\n" : "\n]\n") }
    }

    /// RFC 4180: quoted when the field holds a comma, quote, CR or LF, or starts or ends with
    /// a space (which some readers would trim); quotes doubled. With `guardFormulas`, a cell
    /// `FormulaGuard` flags gets a leading `'` (inside the quotes when quoted).
    static func appendCSVField(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ChunkedOutput, guardFormulas: Bool = false) {
        let prefix = guardFormulas && FormulaGuard.needsPrefix(bytes)
        var needsQuotes = bytes.first == 0x20 || bytes.last == 0x20
        if !needsQuotes {
            for b in bytes where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            if prefix { out.append(UInt8(ascii: "'")) }
            out.append(bytes)
            return
        }
        out.append(0x22)
        if prefix { out.append(UInt8(ascii: "'")) }
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
            // The decimal as it was read (`13.10`, `1.234,50` as `1234.50`), not the double
            // printed back (`13.1`): a JSON number's digits are the data.
            if !Self.appendDecimalText(cursor.textBytes(i), to: &out) { out.append(NumberText.decimal(cursor.real(i))) }
        case SQLITE_TEXT:
            Self.appendJSONString(cursor.storedBytes(i), to: &out)
        default:
            out.append("null")
        }
    }

    /// Writes a decimal's original text as a JSON number: the sign, the digits, and `.` for
    /// its decimal separator, which for a stored decimal is always the last `.` or `,` (any
    /// other is a thousands separator). False, writing nothing, when the text is not such a
    /// number (a value SQLite printed with an exponent), so the caller falls back.
    static func appendDecimalText<Out: ByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) -> Bool {
        var s = 0, e = bytes.count
        while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
        while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        var negative = false
        if s < e, bytes[s] == UInt8(ascii: "-") || bytes[s] == UInt8(ascii: "+") {
            negative = bytes[s] == UInt8(ascii: "-")
            s += 1
        }
        var point = -1
        for k in s..<max(s, e) {
            let b = bytes[k]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") { point = k } else if !CellClassifier.isDigit(b) { return false }
        }
        let whole = bytes[s..<(point < 0 ? e : point)].filter(CellClassifier.isDigit)
        let fraction = point < 0 ? [] : Array(bytes[(point + 1)..<e])
        guard !whole.isEmpty, point < 0 || !fraction.isEmpty, whole.count == 1 || whole.first != UInt8(ascii: "0") else { return false }
        if negative { out.append(UInt8(ascii: "-")) }
        whole.withUnsafeBufferPointer { out.append($0) }
        if !fraction.isEmpty {
            out.append(UInt8(ascii: "."))
            fraction.withUnsafeBufferPointer { out.append($0) }
        }
        return true
    }

    static func appendDigits(_ value: Int64, to out: inout ChunkedOutput) {
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

    /// A typed value as JSON: numbers as digits, a decimal with the `text` it was read from
    /// keeping that text's digits, booleans as words, dates and text as strings, and `null` for
    /// nothing or a number JSON cannot carry. (The API's pages and `JSONOut` write values so.)
    static func appendJSON<Out: ByteSink>(_ value: TableValue, text: String?, to out: inout Out) {
        switch value {
        case .null: out.append("null")
        case .integer(let v): out.append(String(v))
        case .boolean(let v): out.append(v ? "true" : "false")
        case .date(let v), .text(let v):
            var v = v
            v.withUTF8 { appendJSONString($0, to: &out) }
        case .decimal(let v):
            var written = false
            if var text { written = text.withUTF8 { appendDecimalText($0, to: &out) } }
            if !written { out.append(v.isFinite ? NumberText.decimal(v) : "null") }
        }
    }

    static func appendJSONString<Out: ByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) {
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
