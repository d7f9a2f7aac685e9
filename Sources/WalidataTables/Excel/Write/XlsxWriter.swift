import Foundation

/// Writes an `.xlsx` workbook as it goes: sheets one after another, rows as they come, each
/// sheet a ZIP entry deflated on the way out (`ZipStreamWriter`), so memory stays flat however
/// many rows there are.
///
/// Every sheet gets a bold header row that stays in view (frozen, `ySplit=1`) with filter
/// buttons, column widths from the header and the first `widthSampleRows` rows (capped at
/// `maximumWidth`), text as inline strings (never formulas, whatever they start with), and the
/// document properties title and creator.
///
/// A sheet holds at most `maximumRows` rows (Excel's limit, header included). More rows go on
/// to a new sheet with the same header, named `Data (2)`, `Data (3)`…, so a large table is
/// never cut short; the workbook says so by its sheet names.
public final class XlsxWriter {
    public struct Properties: Sendable {
        public var title: String
        public var creator: String
        /// Written as created and modified; nil leaves them out (so the same rows give the same bytes).
        public var created: Date?

        public init(title: String, creator: String = "Walidata", created: Date? = nil) {
            self.title = title
            self.creator = creator
            self.created = created
        }
    }

    public static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    public static let maximumRows = 1_048_576
    public static let maximumColumns = 16_384
    static let widthSampleRows = 1000
    static let sampleBytes = 4 << 20
    static let minimumWidth = 6.0
    static let maximumWidth = 60.0

    /// `maximumRows`; smaller only in tests, to see the continuation sheets without a million rows.
    var rowLimit = XlsxWriter.maximumRows
    private let properties: Properties
    private let zip: ZipStreamWriter
    private var xml: ChunkedOutput
    private var sheets: [XlsxParts.Sheet] = []
    private var usedNames: Set<String> = []

    // The open sheet.
    private var open = false
    private var baseName = ""
    private var continuation = 1
    private var header: [String] = []
    private var columnNames: [[UInt8]] = []
    private var lengths: [Int] = []
    private var rowNumber = 0
    private var rowDigits: [UInt8] = []
    private var column = 0
    private var sampling = true

    public init(properties: Properties, to write: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.properties = properties
        var parts = Calendar(identifier: .gregorian)
        parts.timeZone = TimeZone(identifier: "UTC")!
        let c = parts.dateComponents([.year, .month, .day, .hour, .minute, .second], from: properties.created ?? Date(timeIntervalSince1970: 315_532_800))
        let zip = ZipStreamWriter(modified: (c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!), sink: write)
        self.zip = zip
        xml = ChunkedOutput { try zip.write($0) }
    }

    /// A whole small workbook in memory (a dashboard, a log): one sheet per `(name, header, rows)`.
    public static func workbook(_ properties: Properties, sheets: [(name: String, header: [String], rows: [[XlsxCell]])]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let writer = XlsxWriter(properties: properties) { bytes.append(contentsOf: $0) }
        for sheet in sheets {
            try writer.beginSheet(sheet.name, header: sheet.header)
            for row in sheet.rows { try writer.addRow(row) }
        }
        try writer.finish()
        return bytes
    }

    /// Starts a sheet (ending the one before) with its header row. The name is made valid for
    /// Excel: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
    public func beginSheet(_ name: String, header: [String]) throws {
        guard header.count <= Self.maximumColumns else { throw TablesError.xlsxTooLarge() }
        if open { try endSheet() }
        baseName = name
        continuation = 1
        self.header = header
        columnNames = header.indices.map { Array(XlsxParts.columnName($0).utf8) }
        try startSheet(Self.sheetName(name, continuation: 1, taken: usedNames))
    }

    /// Appends a row; cells past the header's width are dropped.
    public func addRow(_ cells: [XlsxCell]) throws {
        try startRow()
        for value in cells.prefix(header.count) { cell(value) }
        try endRow()
    }

    /// Ends the last sheet and writes the workbook's parts and the ZIP directory.
    public func finish() throws {
        if !open, sheets.isEmpty { try beginSheet("Sheet1", header: []) }
        if open { try endSheet() }
        try zip.entry("xl/workbook.xml", XlsxParts.workbook(sheets))
        try zip.entry("xl/_rels/workbook.xml.rels", XlsxParts.workbookRelationships(sheetCount: sheets.count))
        try zip.entry("[Content_Types].xml", XlsxParts.contentTypes(sheetCount: sheets.count))
        try zip.finish()
    }

    // MARK: Sheets

    private func startSheet(_ name: String) throws {
        if sheets.isEmpty {
            // The parts that do not depend on the sheets go first.
            try zip.entry("_rels/.rels", XlsxParts.rootRelationships)
            try zip.entry("docProps/core.xml", XlsxParts.core(title: properties.title, creator: properties.creator, created: properties.created))
            try zip.entry("docProps/app.xml", XlsxParts.app(creator: properties.creator))
            try zip.entry("xl/styles.xml", XlsxParts.styles)
        }
        usedNames.insert(name.lowercased())
        sheets.append(XlsxParts.Sheet(name: name, columnCount: header.count, rowCount: 0))
        try zip.beginEntry("xl/worksheets/sheet\(sheets.count).xml")
        open = true
        sampling = true
        rowNumber = 0
        rowDigits = [UInt8(ascii: "0")]
        lengths = header.map { Self.displayLength($0) + 1 }
        try startRow()
        for name in header {
            var name = name
            name.withUTF8 { text($0, style: .header) }
        }
        try endRow()
    }

    private func endSheet() throws {
        if sampling { try endSampling() }
        xml.append(XlsxParts.sheetEnd(columnCount: header.count, rowCount: rowNumber))
        try xml.flush()
        try zip.endEntry()
        sheets[sheets.count - 1].rowCount = rowNumber
        open = false
    }

    /// The rows so far were held back to measure the columns; the sheet's start goes first.
    private func endSampling() throws {
        sampling = false
        let widths = lengths.map { min(max(Double($0) * 1.1 + 2, Self.minimumWidth), Self.maximumWidth) }
        try zip.write(Array(XlsxParts.sheetPrelude(widths: widths, selected: sheets.count == 1).utf8))
        try xml.flush()
    }

    static func sheetName(_ name: String, continuation: Int, taken: Set<String>) -> String {
        var base = String(name.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && XlsxText.isAllowed($0) && $0.value >= 0x20 })
            .trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        if base.isEmpty { base = "Sheet" }
        var attempt = continuation
        while true {
            let suffix = attempt > 1 ? " (\(attempt))" : ""
            var candidate = base
            while (candidate + suffix).utf16.count > 31 { candidate.removeLast() }
            candidate = candidate.trimmingCharacters(in: CharacterSet(charactersIn: "' ")) + suffix
            if !taken.contains(candidate.lowercased()) { return candidate }
            attempt += 1
        }
    }

    // MARK: Rows and cells (also used directly by the table export, without building strings)

    func startRow() throws {
        if rowNumber == rowLimit {
            // Excel's last row is reached: go on in a new sheet under the same header.
            try endSheet()
            continuation += 1
            try startSheet(Self.sheetName(baseName, continuation: continuation, taken: usedNames))
        }
        rowNumber += 1
        Self.increment(&rowDigits)
        column = 0
        xml.append("<row r=\"")
        rowDigits.withUnsafeBufferPointer { xml.append($0) }
        xml.append("\">")
    }

    func endRow() throws {
        xml.append("</row>")
        if sampling {
            // Enough rows to judge the widths by, or enough bytes held back.
            if rowNumber > Self.widthSampleRows || xml.count >= Self.sampleBytes { try endSampling() }
        } else {
            try xml.rowDone()
        }
    }

    func skipCell() { column += 1 }

    private static let styleAttributes = (0...XlsxStyle.percent.rawValue).map { Array(" s=\"\($0)\"".utf8) }
    private static let inlineString = Array(" t=\"inlineStr\"".utf8)
    private static let booleanType = Array(" t=\"b\"".utf8)

    /// `1` → `2`, `9` → `10`, `199` → `200`: the row number's digits without making a string per row.
    static func increment(_ digits: inout [UInt8]) {
        var k = digits.count - 1
        while k >= 0 {
            if digits[k] < UInt8(ascii: "9") {
                digits[k] += 1
                return
            }
            digits[k] = UInt8(ascii: "0")
            k -= 1
        }
        digits.insert(UInt8(ascii: "1"), at: 0)
    }

    private func reference(_ style: XlsxStyle, type: [UInt8]? = nil) {
        xml.append("<c r=\"")
        if column < columnNames.count {
            columnNames[column].withUnsafeBufferPointer { xml.append($0) }
        } else {
            xml.append(XlsxParts.columnName(column))
        }
        rowDigits.withUnsafeBufferPointer { xml.append($0) }
        xml.append(UInt8(ascii: "\""))
        if style != .plain { Self.styleAttributes[style.rawValue].withUnsafeBufferPointer { xml.append($0) } }
        if let type { type.withUnsafeBufferPointer { xml.append($0) } }
        xml.append(UInt8(ascii: ">"))
    }

    private func measure(_ length: Int) {
        if sampling, column < lengths.count, length > lengths[column] { lengths[column] = length }
    }

    func cell(_ cell: XlsxCell) {
        switch cell {
        case .empty: skipCell()
        case .text(var value): value.withUTF8 { text($0) }
        case .integer(let v): integer(v)
        case .number(let v): v.isFinite ? number(String(v)) : skipCell()
        case .boolean(let v): boolean(v)
        case .date(let y, let m, let d):
            if let serial = XlsxDate.serial(year: y, month: m, day: d) {
                number(String(serial), style: .date, length: 10)
            } else {
                var value = String(format: "%04d-%02d-%02d", y, m, d)
                value.withUTF8 { text($0) }
            }
        case .dateTime(let instant, let zone):
            if let serial = XlsxDate.serial(instant, in: zone) { number(String(serial), style: .dateTime, length: 16) } else { skipCell() }
        case .duration(let seconds):
            seconds.isFinite ? number(String(seconds / 86_400), style: .duration, length: 6) : skipCell()
        case .percent(let share):
            share.isFinite ? number(String(share), style: .percent, length: 4) : skipCell()
        }
    }

    /// A number cell from its digits (`-12`, `1234.50`, `1e-05`).
    func number(_ digits: String, style: XlsxStyle = .plain, length: Int? = nil) {
        reference(style)
        xml.append("<v>")
        xml.append(digits)
        xml.append("</v></c>")
        measure(length ?? digits.utf8.count)
        column += 1
    }

    func number(_ digits: UnsafeBufferPointer<UInt8>) {
        reference(.plain)
        xml.append("<v>")
        xml.append(digits)
        xml.append("</v></c>")
        measure(digits.count)
        column += 1
    }

    func integer(_ value: Int64) {
        reference(.plain)
        xml.append("<v>")
        TableExporter.appendDigits(value, to: &xml)
        xml.append("</v></c>")
        if sampling { measure(String(value).utf8.count) }
        column += 1
    }

    /// A decimal from the text it was uploaded as (`1.234,50` → `1234.50`), or from its value
    /// when that text is not a plain number.
    func decimal(_ text: UnsafeBufferPointer<UInt8>, value: Double) {
        reference(.plain)
        xml.append("<v>")
        if !TableExporter.appendDecimalText(text, to: &xml) { xml.append(NumberText.decimal(value)) }
        xml.append("</v></c>")
        measure(text.count)
        column += 1
    }

    func boolean(_ value: Bool) {
        reference(.plain, type: Self.booleanType)
        xml.append(value ? "<v>1</v></c>" : "<v>0</v></c>")
        measure(5)
        column += 1
    }

    /// A text cell; empty text is an empty cell.
    func text(_ bytes: UnsafeBufferPointer<UInt8>, style: XlsxStyle = .plain) {
        guard !bytes.isEmpty else { return skipCell() }
        reference(style, type: Self.inlineString)
        xml.append(XlsxText.needsPreserve(bytes) ? "<is><t xml:space=\"preserve\">" : "<is><t>")
        let length = XlsxText.append(bytes, to: &xml)
        xml.append("</t></is></c>")
        measure(length)
        column += 1
    }

    static func displayLength(_ text: String) -> Int {
        text.split(separator: "\n").map(\.count).max() ?? 0
    }
}
