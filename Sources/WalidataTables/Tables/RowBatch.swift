/// Rows on their way from the parser to the table writer: the values' bytes copied out of the
/// input buffer (which is reused for the next chunk), with each value's reading.
///
/// `@unchecked Sendable`: a batch is only ever touched by one thread at a time; `LoadPipeline`
/// hands it over under its lock.
final class RowBatch: @unchecked Sendable {
    let columns: Int
    let rowCapacity: Int
    private(set) var rows = 0
    private(set) var lines: UnsafeMutablePointer<Int>
    private(set) var cells: UnsafeMutablePointer<Cell>
    private(set) var starts: UnsafeMutablePointer<Int>
    private(set) var ends: UnsafeMutablePointer<Int>
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var byteCount = 0
    private var byteCapacity: Int

    init(columns: Int, rowCapacity: Int, byteCapacity: Int) {
        self.columns = columns
        self.rowCapacity = rowCapacity
        self.byteCapacity = byteCapacity
        lines = .allocate(capacity: rowCapacity)
        cells = .allocate(capacity: rowCapacity * max(1, columns))
        starts = .allocate(capacity: rowCapacity * max(1, columns))
        ends = .allocate(capacity: rowCapacity * max(1, columns))
        bytes = .allocate(capacity: byteCapacity)
    }

    deinit {
        lines.deallocate()
        cells.deallocate()
        starts.deallocate()
        ends.deallocate()
        bytes.deallocate()
    }

    var isFull: Bool { rows == rowCapacity || byteCount > byteCapacity / 2 }

    func clear() {
        rows = 0
        byteCount = 0
    }

    /// Copies the record's bytes in one piece: its fields lie in order inside the span from
    /// the first field's start to the last field's end.
    func append(line: Int, base: UnsafePointer<UInt8>, fields: borrowing FieldList, cells rowCells: UnsafePointer<Cell>) {
        let spanStart = fields.starts[0], spanEnd = fields.ends[columns - 1]
        let needed = spanEnd - spanStart
        if byteCount + needed > byteCapacity { growBytes(to: byteCount + needed) }
        let offset = rows * columns
        lines[rows] = line
        (cells + offset).update(from: rowCells, count: columns)
        (bytes + byteCount).update(from: base + spanStart, count: needed)
        let shift = byteCount - spanStart
        for i in 0..<columns {
            starts[offset + i] = fields.starts[i] + shift
            ends[offset + i] = fields.ends[i] + shift
        }
        byteCount += needed
        rows += 1
    }

    private func growBytes(to minimum: Int) {
        var capacity = byteCapacity * 2
        while capacity < minimum { capacity *= 2 }
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        new.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = new
        byteCapacity = capacity
    }
}
