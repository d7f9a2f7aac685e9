import Foundation

/// Follows one sheet row by row and decides what is table and what is not: the first rows are
/// held until the header is found (`TableLayout`), then each row goes to the check, profile
/// and load (`IngestPass`) one row late, so that a *Jumlah* row at the bottom can still be
/// left out, and single-cell rows after the data (sources, notes) are held until it is clear
/// whether the table goes on below them.
final class SheetTable {
    enum Phase { case sampling, data, notes, noHeader }

    var pass: IngestPass
    let requestedHeader: Int?
    private(set) var phase = Phase.sampling
    private(set) var layout: TableLayout?
    private(set) var firstDataRow: Int?
    private(set) var lastDataRow: Int?
    private(set) var totalRow: Int?
    private(set) var noteRows: [Int] = []
    private(set) var noteCount = 0
    private(set) var notes: [String] = []
    private(set) var blankRowsInside = 0
    private(set) var lastRow = 0

    private var sample: [SheetRow] = []
    private var held: SheetRow?
    private var spare = SheetRow()
    private var pendingBlanks = 0
    private var pendingNotes: [SheetRow] = []
    private var fields = FieldList()
    private var readings: UnsafeMutablePointer<Cell>?

    init(pass: consuming IngestPass, headerRow: Int?) {
        self.pass = pass
        requestedHeader = headerRow
    }

    deinit { readings?.deallocate() }

    func row(_ row: SheetRow) throws {
        lastRow = row.number
        switch phase {
        case .sampling:
            guard row.width > 0, !row.filled(in: 0...(row.width - 1)).isEmpty else { return }
            sample.append(row.copy())
            let enough = requestedHeader.map { h in sample.count >= TableLayout.sampleRows && row.number > h + 1 } ?? (sample.count >= TableLayout.sampleRows)
            if enough { try decide() }
        case .data:
            try dataRow(row)
        case .notes:
            note(row)
        case .noHeader:
            throw WorkbookArchive.Stop.enough
        }
    }

    /// Called once the sheet has been read.
    func finish() throws {
        if phase == .sampling { try decide() }
        guard phase == .data || phase == .notes else { return }
        try endTable()
    }

    private func decide() throws {
        guard let layout = TableLayout.detect(sample, headerRow: requestedHeader) else {
            phase = .noHeader
            return
        }
        self.layout = layout
        try pass.takeHeader(names: layout.names, line: layout.headerRows[0])
        readings = .allocate(capacity: max(1, layout.columns.count))
        phase = .data
        let last = layout.headerRows.last ?? 0
        let rows = sample
        sample = []
        for row in rows where row.number > last { try dataRow(row) }
    }

    private func dataRow(_ row: SheetRow) throws {
        guard let columns = layout?.columns else { return }
        let filled = row.filled(in: columns)
        if filled.isEmpty {
            if firstDataRow != nil { pendingBlanks += 1 }
            return
        }
        if firstDataRow != nil, TableLayout.isNote(row, columns: columns, afterGap: pendingBlanks > 0 || !pendingNotes.isEmpty) {
            pendingNotes.append(row.copy())
            if pendingNotes.count > 50 { try endTable() }
            return
        }
        // The table goes on: what looked like notes was part of it.
        blankRowsInside += pendingBlanks
        pendingBlanks = 0
        let resumed = pendingNotes
        pendingNotes = []
        for note in resumed { try keep(note) }
        try keep(row)
    }

    /// Sends the held row on and holds this one (copied into the spare buffer).
    private func keep(_ row: SheetRow) throws {
        if let held { try emit(held) }
        if firstDataRow == nil { firstDataRow = row.number }
        let copy = held ?? spare
        copy.clear()
        copy.number = row.number
        copy.take(row)
        held = copy
    }

    private func endTable() throws {
        guard phase == .data, let columns = layout?.columns else { return }
        if let held {
            if TableLayout.isTotalRow(held, columns: columns) {
                totalRow = held.number
            } else {
                try emit(held)
            }
            self.held = nil
        }
        phase = .notes
        for row in pendingNotes { note(row) }
        pendingNotes = []
    }

    private func note(_ row: SheetRow) {
        guard row.width > 0 else { return }
        let filled = row.filled(in: 0...(row.width - 1))
        guard !filled.isEmpty else { return }
        noteCount += 1
        if noteRows.isEmpty { noteRows = [row.number, row.number] } else { noteRows[1] = row.number }
        if notes.count < 5 { notes.append(TableLayout.clean(filled.map { row.string($0) }.joined(separator: " "))) }
    }

    private func emit(_ row: SheetRow) throws {
        guard let columns = layout?.columns, let readings else { return }
        fields.count = 0
        for (i, column) in columns.enumerated() {
            let reading = row.reading(column)
            fields.append(reading.start, reading.end, .plain)
            readings[i] = reading.cell
        }
        lastDataRow = row.number
        try row.withBytes { base in
            try pass.consume(row: base, fields: fields, line: row.number, readings: readings)
        }
    }
}
