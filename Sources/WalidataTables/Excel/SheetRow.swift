/// One row of a sheet as the reader assembles it: every cell's text laid end to end in one
/// byte buffer (like a CSV record in its input buffer), with the reading the sheet itself
/// gives (a number cell is a number, a date-styled cell a date) or none, for text that the
/// CSV rules classify. Columns without a cell are empty. Reused from row to row.
final class SheetRow {
    /// The row number as Excel shows it (1-based).
    var number = 0
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    private(set) var cells: [Cell] = []
    /// False where the cell is text and still has to be classified.
    private(set) var known: [Bool] = []

    var width: Int { starts.count }

    init() {}

    func clear() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        known.removeAll(keepingCapacity: true)
    }

    /// Sets the cell in `column` (0-based); columns before it without a cell become empty.
    func set<C: Collection<UInt8>>(column: Int, text: C, cell: Cell?) {
        guard column >= width else { return }
        while width < column {
            starts.append(bytes.count)
            ends.append(bytes.count)
            cells.append(Cell(kind: .null, plain: true))
            known.append(true)
        }
        starts.append(bytes.count)
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
        cells.append(cell ?? .text)
        known.append(cell != nil)
    }

    func isBlank(_ column: Int) -> Bool {
        guard column < width else { return true }
        for k in starts[column]..<ends[column] where !isSpace(bytes[k]) { return false }
        return true
    }

    /// Whether the cell holds a number or a date as the sheet stores it.
    func isNumeric(_ column: Int) -> Bool {
        guard column < width, known[column] else { return false }
        switch cells[column].kind {
        case .integer, .decimal, .date: return true
        default: return false
        }
    }

    func string(_ column: Int) -> String {
        guard column < width else { return "" }
        return String(decoding: bytes[starts[column]..<ends[column]], as: UTF8.self)
    }

    fileprivate func replace(bytes: [UInt8], starts: [Int], ends: [Int], cells: [Cell], known: [Bool]) {
        self.bytes.append(contentsOf: bytes)
        self.starts.append(contentsOf: starts)
        self.ends.append(contentsOf: ends)
        self.cells.append(contentsOf: cells)
        self.known.append(contentsOf: known)
    }

    func copy() -> SheetRow {
        let row = SheetRow()
        row.number = number
        row.bytes = bytes
        row.starts = starts
        row.ends = ends
        row.cells = cells
        row.known = known
        return row
    }

    /// Non-blank columns within `range`.
    func filled(in range: ClosedRange<Int>) -> [Int] {
        range.filter { !isBlank($0) }
    }

    /// The cell's text and reading, classifying text as a CSV value would be.
    func reading(_ column: Int) -> (start: Int, end: Int, cell: Cell) {
        guard column < width else { return (bytes.count, bytes.count, Cell(kind: .null, plain: true)) }
        if known[column] { return (starts[column], ends[column], cells[column]) }
        let cell = bytes.withUnsafeBufferPointer { b in
            CellClassifier.classify((b.baseAddress ?? UnsafePointer(bitPattern: 1)!) + starts[column], count: ends[column] - starts[column])
        }
        return (starts[column], ends[column], cell)
    }

    func withBytes<R>(_ body: (UnsafeMutablePointer<UInt8>) throws -> R) rethrows -> R {
        if bytes.isEmpty { bytes.reserveCapacity(1) }
        return try bytes.withUnsafeMutableBufferPointer { try body($0.baseAddress ?? UnsafeMutablePointer(bitPattern: 1)!) }
    }
}

/// A cell reference such as `C14`, from a 0-based column and a 1-based row.
enum CellAddress {
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    static func of(column index: Int, row: Int) -> String { Self.column(index) + String(row) }

    /// Splits `C14` into (2, 14); either part may be missing.
    static func parse(_ bytes: XMLBytes) -> (column: Int?, row: Int?) {
        var column = 0, row = 0, letters = 0, digits = 0
        for b in bytes {
            if b >= 0x41, b <= 0x5A { column = column * 26 + Int(b - 0x40); letters += 1 }
            else if b >= 0x61, b <= 0x7A { column = column * 26 + Int(b - 0x60); letters += 1 }
            else if b &- 0x30 < 10 { row = row * 10 + Int(b - 0x30); digits += 1 }
            if letters > 4 || digits > 8 { return (nil, nil) }
        }
        return (letters > 0 ? column - 1 : nil, digits > 0 ? row : nil)
    }
}

extension SheetRow {
    /// Becomes a copy of `other`, reusing this row's buffers.
    func take(_ other: SheetRow) {
        number = other.number
        replace(bytes: other.bytes, starts: other.starts, ends: other.ends, cells: other.cells, known: other.known)
    }
}
