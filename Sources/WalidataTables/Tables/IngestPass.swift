import Foundation

/// What happens to each record of one pass over a CSV file: the first non-blank record
/// becomes the header, every later one is checked, profiled and (while the file is still
/// acceptable) loaded into the table.
struct IngestPass: ~Copyable {
    let options: IngestOptions
    let tableFile: URL?
    private(set) var header: [String]?
    private(set) var headerLine = 0
    private(set) var rowCount = 0
    private(set) var blankLines = 0
    private(set) var preview: [[String]] = []
    var problems: ProblemLog
    private var writer: TableWriter?
    private var pipeline: LoadPipeline?
    private var columnCount = 0
    private var profilers: UnsafeMutablePointer<ColumnProfiler>?
    private var cells: UnsafeMutablePointer<Cell>?

    init(options: IngestOptions, tableFile: URL?) {
        self.options = options
        self.tableFile = tableFile
        problems = ProblemLog(listLimit: options.listedProblemLines)
    }

    deinit {
        if let writer {
            _ = try? pipeline?.finish()
            writer.discard()
        }
        if let profilers {
            profilers.deinitialize(count: columnCount)
            profilers.deallocate()
        }
        cells?.deallocate()
    }

    mutating func consume(_ base: UnsafeMutablePointer<UInt8>, _ tokenizer: inout CSVTokenizer) throws {
        if tokenizer.recordIsBlank(base) {
            blankLines += 1
            return
        }
        let trailing = tokenizer.finishRecord(base)
        let line = tokenizer.recordLine
        if trailing > 0 { problems.textAfterClosingQuote(line: line, count: trailing) }
        guard header != nil else {
            try takeHeader(base, tokenizer.fields, line: line)
            return
        }
        rowCount += 1
        let fields = tokenizer.fields.count
        if preview.count < options.previewRows { preview.append(Self.strings(base, tokenizer.fields)) }
        guard fields == columnCount else {
            problems.raggedRow(line: line, found: fields, expected: columnCount)
            return
        }
        guard let profilers, let cells else { return }
        for i in 0..<columnCount {
            let start = tokenizer.fields.starts[i], count = tokenizer.fields.ends[i] - start
            let cell = CellClassifier.classify(base + start, count: count)
            cells[i] = cell
            profilers[i].add(cell, base + start, count: count)
        }
        if let pipeline, !problems.hasErrors {
            try pipeline.append(line: line, base: base, fields: tokenizer.fields, cells: cells)
        }
    }

    /// One data row of a workbook, laid out like a CSV record (one field per header column),
    /// with each cell's reading (what the sheet says it is, or its text classified).
    mutating func consume(row base: UnsafeMutablePointer<UInt8>, fields: borrowing FieldList, line: Int,
                          readings: UnsafePointer<Cell>) throws {
        rowCount += 1
        if preview.count < options.previewRows { preview.append(Self.strings(base, fields)) }
        guard let profilers, let cells else { return }
        for i in 0..<columnCount {
            let start = fields.starts[i], count = fields.ends[i] - start
            let cell = readings[i]
            cells[i] = cell
            profilers[i].add(cell, base + start, count: count)
        }
        if let pipeline, !problems.hasErrors {
            try pipeline.append(line: line, base: base, fields: fields, cells: cells)
        }
    }

    private mutating func takeHeader(_ base: UnsafeMutablePointer<UInt8>, _ fields: borrowing FieldList, line: Int) throws {
        try takeHeader(names: Self.strings(base, fields).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, line: line)
    }

    /// The header: from the first record of a CSV, or as a workbook's layout combined it.
    mutating func takeHeader(names: [String], line: Int) throws {
        header = names
        headerLine = line
        columnCount = names.count
        let empty = names.indices.filter { names[$0].isEmpty }.map { $0 + 1 }
        if !empty.isEmpty { problems.add(.emptyHeaderName(positions: empty, line: line)) }
        var positions: [String: [Int]] = [:]
        var order: [String] = []
        for (i, name) in names.enumerated() where !name.isEmpty {
            let key = name.lowercased()
            if positions[key] == nil { order.append(key) }
            positions[key, default: []].append(i + 1)
        }
        for key in order where positions[key]!.count > 1 {
            problems.add(.duplicateHeaderName(names[positions[key]![0] - 1], positions: positions[key]!, line: line))
        }
        if names.count > TableSchema.maximumColumns {
            problems.add(.tooManyColumns(names.count, limit: TableSchema.maximumColumns, line: line))
        }
        if names.count > 0, names.allSatisfy({ name in
            var name = name
            let kind = name.withUTF8 { CellClassifier.classify($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count).kind }
            return kind == .integer || kind == .decimal || kind == .ambiguousDot || kind == .ambiguousComma || kind == .date
        }) {
            problems.add(.headerLooksLikeData(line: line, sample: names))
        }
        let cap = options.distinctCap(columns: columnCount)
        let profilers = UnsafeMutablePointer<ColumnProfiler>.allocate(capacity: max(1, columnCount))
        for i in 0..<columnCount { (profilers + i).initialize(to: ColumnProfiler(distinctCap: cap)) }
        self.profilers = profilers
        cells = .allocate(capacity: max(1, columnCount))
        if let tableFile, !problems.hasErrors {
            let writer = try TableWriter(tableFile: tableFile, header: names)
            self.writer = writer
            pipeline = LoadPipeline(writer: writer, columns: columnCount)
        }
    }

    /// The column profiles and what the loaded values need once their types are known.
    func finishColumns() -> [(ColumnProfile, ColumnProfiler.Resolution)] {
        guard let header, let profilers else { return [] }
        return header.indices.map { profilers[$0].finish(index: $0, name: header[$0]) }
    }

    /// Waits until every queued row is stored and hands the writer over to whoever finishes
    /// or discards it. A writer that failed is discarded and its error thrown.
    mutating func takeWriter() throws -> TableWriter? {
        defer {
            writer = nil
            pipeline = nil
        }
        do {
            _ = try pipeline?.finish()
        } catch {
            writer?.discard()
            throw error
        }
        return writer
    }

    /// Stops loading and deletes the unfinished table, whatever state it is in.
    mutating func discardWriter() {
        _ = try? pipeline?.finish()
        writer?.discard()
        writer = nil
        pipeline = nil
    }

    private static func strings(_ base: UnsafeMutablePointer<UInt8>, _ fields: borrowing FieldList) -> [String] {
        (0..<fields.count).map { i in
            String(decoding: UnsafeBufferPointer(start: base + fields.starts[i], count: fields.ends[i] - fields.starts[i]), as: UTF8.self)
        }
    }
}
