import Foundation

/// Reads `<sheetData>` of one worksheet, row by row, turning each `<c>` into text and, where
/// the sheet says so, a typed reading:
/// - `t="s"` shared string, `t="inlineStr"` inline `<is><t>`, `t="str"` a formula's text: text,
///   classified by the CSV rules later (so `007` stays text, as in a CSV).
/// - no `t` or `t="n"`: a number, or a date/time when the cell's style says so; a formula's
///   cached `<v>` is used, the formula `<f>` itself is not.
/// - `t="b"`: TRUE/FALSE; `t="d"`: an ISO date; `t="e"`: an error such as `#DIV/0!`, read as
///   empty and reported with its address.
struct SheetReader: XMLHandler {
    enum Stop: Error {
        case columnBeyondLimit(address: String)
    }

    struct ErrorCell: Equatable {
        var address: String
        var value: String
    }

    let strings: SharedStrings
    let styles: CellStyles
    let date1904: Bool
    let onRow: (SheetRow) throws -> Void
    private(set) var errorCells: [ErrorCell] = []
    private(set) var errorCellCount = 0
    private(set) var lastRow = 0

    private let row = SheetRow()
    private var inSheetData = false
    private var inRow = false
    private var nextColumn = 0
    private var column = 0
    private var type: UInt8 = 0x6E // n
    private var style = 0
    private var capture = false
    private var inInline = false
    private var inPhonetic = false
    private var value: [UInt8] = []

    init(strings: SharedStrings, styles: CellStyles, date1904: Bool, onRow: @escaping (SheetRow) throws -> Void) {
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        self.onRow = onRow
    }

    mutating func start(_ name: XMLBytes, _ tag: XMLTag) throws {
        if !inSheetData {
            if XMLName.local(name, is: "sheetData") { inSheetData = true }
            return
        }
        if XMLName.local(name, is: "c") {
            let address = tag.raw("r").map(CellAddress.parse)
            column = address?.column ?? nextColumn
            nextColumn = column + 1
            if column >= ExcelLimits.maximumColumn {
                throw Stop.columnBeyondLimit(address: CellAddress.of(column: column, row: row.number))
            }
            type = Self.typeCode(tag.raw("t"))
            style = tag.int("s") ?? 0
            value.removeAll(keepingCapacity: true)
        } else if XMLName.local(name, is: "v") {
            capture = !inInline
        } else if XMLName.local(name, is: "t") {
            capture = inInline && !inPhonetic
        } else if XMLName.local(name, is: "is") {
            inInline = true
        } else if XMLName.local(name, is: "rPh") {
            inPhonetic = true
        } else if XMLName.local(name, is: "row") {
            row.clear()
            row.number = tag.int("r") ?? lastRow + 1
            lastRow = row.number
            nextColumn = 0
            inRow = true
        }
    }

    mutating func end(_ name: XMLBytes) throws {
        guard inSheetData else { return }
        if XMLName.local(name, is: "v") || XMLName.local(name, is: "t") {
            capture = false
        } else if XMLName.local(name, is: "c") {
            finishCell()
        } else if XMLName.local(name, is: "is") {
            inInline = false
        } else if XMLName.local(name, is: "rPh") {
            inPhonetic = false
        } else if XMLName.local(name, is: "row") {
            inRow = false
            try onRow(row)
        } else if XMLName.local(name, is: "sheetData") {
            inSheetData = false
        }
    }

    mutating func text(_ bytes: XMLBytes) throws {
        if capture, value.count < ExcelLimits.maximumCellBytes * 2 { value.append(contentsOf: bytes) }
    }

    private mutating func finishCell() {
        guard !value.isEmpty else { return }
        switch type {
        case 0x73: // s: shared string
            var index = 0
            for b in value where b &- 0x30 < 10 { index = index * 10 + Int(b - 0x30) }
            if let text = strings.bytes(index), text.count > 0 { row.set(column: column, text: text, cell: nil) }
        case 0x69, 0x53: // inlineStr, str
            row.set(column: column, text: decoded(value), cell: nil)
        case 0x62: // b
            row.set(column: column, text: value.first == 0x31 ? Array("TRUE".utf8) : Array("FALSE".utf8), cell: Cell(kind: .boolean, plain: false, integer: value.first == 0x31 ? 1 : 0))
        case 0x65: // e
            errorCellCount += 1
            if errorCells.count < 20 {
                errorCells.append(ErrorCell(address: CellAddress.of(column: column, row: row.number), value: XMLText.decode(value)))
            }
        case 0x64: // d: ISO 8601 date(-time)
            let text = XMLText.decode(value)
            let date = text.hasSuffix("T00:00:00") || text.count == 10 ? String(text.prefix(10)) : text.replacingOccurrences(of: "T", with: " ")
            row.set(column: column, text: Array(date.utf8), cell: nil)
        default:
            number()
        }
    }

    /// One byte per cell type: s, n, b, e, d as written; `S` for str, `i` for inlineStr.
    private static func typeCode(_ t: XMLBytes?) -> UInt8 {
        guard let t, let first = t.first else { return 0x6E }
        if first == 0x73, t.count == 3 { return 0x53 }
        return first
    }

    private func decoded(_ bytes: [UInt8]) -> [UInt8] {
        bytes.contains(0x26) || bytes.contains(0x5F) ? Array(XMLText.decode(bytes).utf8) : bytes
    }

    /// A number cell: a date or time when its style says so; otherwise the number as Excel
    /// shows it at most (15 significant digits), so `0.1+0.2` is 0.3 and not 0.30000000000000004.
    private mutating func number() {
        let shows = styles.shows(style)
        if shows == .number, let integer = Self.plainInteger(value) {
            row.set(column: column, text: value, cell: Cell(kind: .integer, plain: true, integer: integer))
            return
        }
        guard let double = Double(String(decoding: value, as: UTF8.self)) else {
            row.set(column: column, text: decoded(value), cell: nil)
            return
        }
        if shows != .number, let date = ExcelDate.text(double, shows: shows, date1904: date1904) {
            let cell: Cell? = date.ymd.map { Cell(kind: .date, plain: true, integer: $0) }
            row.set(column: column, text: Array(date.text.utf8), cell: cell ?? .text)
            return
        }
        if double == double.rounded(), abs(double) < 1e15 {
            let integer = Int64(double)
            row.set(column: column, text: Array(String(integer).utf8), cell: Cell(kind: .integer, plain: true, integer: integer))
            return
        }
        let text = Self.hasFewDigits(value) ? String(decoding: value, as: UTF8.self) : String(format: "%.15g", double)
        let shown = Double(text) ?? double
        row.set(column: column, text: Array(text.utf8),
                cell: Cell(kind: .decimal, plain: !text.contains("e"), evidence: .international, real: shown))
    }

    /// `-12.5`: no exponent, at most 15 significant digits, no trailing zero after the point.
    private static func hasFewDigits(_ v: [UInt8]) -> Bool {
        var digits = 0, significant = false, point = false
        for b in v {
            if b &- 0x30 < 10 {
                if b != 0x30 { significant = true }
                if significant { digits += 1 }
            } else if b == 0x2E {
                point = true
            } else if b != 0x2D {
                return false
            }
        }
        return point && digits <= 15 && v.last != 0x30 && v.last != 0x2E && v.first != 0x2E
    }

    /// `123` or `-45` with at most 18 digits, without a leading zero.
    private static func plainInteger(_ v: [UInt8]) -> Int64? {
        var i = 0
        let negative = v.first == 0x2D
        if negative { i = 1 }
        let digits = v.count - i
        guard digits > 0, digits <= 18, !(digits > 1 && v[i] == 0x30) else { return nil }
        var n: Int64 = 0
        while i < v.count {
            guard v[i] &- 0x30 < 10 else { return nil }
            n = n * 10 + Int64(v[i] - 0x30)
            i += 1
        }
        return negative ? (n == 0 ? nil : -n) : n
    }
}
