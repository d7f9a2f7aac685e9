import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import WalidataTables

/// The parts of a written workbook, read back with ZIPFoundation (which checks every entry's
/// CRC against the central directory) and each checked to be well-formed XML.
struct Workbook {
    let parts: [String: String]
    let names: [String]

    init(_ bytes: [UInt8]) throws {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: String] = [:]
        var names: [String] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            let text = String(decoding: data, as: UTF8.self)
            #expect(XMLParser(data: data).parse(), "\(entry.path) is not well-formed XML")
            parts[entry.path] = text
            names.append(entry.path)
        }
        self.parts = parts
        self.names = names
    }

    func sheet(_ n: Int = 1) -> String { parts["xl/worksheets/sheet\(n).xml"] ?? "" }
}

@Suite("Excel downloads (.xlsx)")
struct XlsxWriterTests {
    static let csv = #"""
        kode,nama,nilai,tanggal,aktif,jumlah,nik,catatan
        007,"Kantor <Bupati> & ""Wakil""","1.234,5",05/01/2024,ya,1250,3201234567890123,=1+1
        010,Sipora Utara,99,2024-02-29,tidak,-3,3201234567890124,-
        011,  spasi  ,"0,25",31-12-2023,Y,0,3201234567890125,@SUM(A1)
        """#

    func xlsx(_ reader: TableReader, _ query: TableQuery = TableQuery()) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try reader.export(query, format: .xlsx, workbook: .init(title: "Jumlah Penduduk (versi 3)")) { bytes.append(contentsOf: $0) }
        return bytes
    }

    @Test func aTableKeepsItsTypesCodesAndTextInTheSheet() throws {
        let scratch = try Scratch()
        let reader = try scratch.table(Self.csv)
        #expect(reader.columns.map(\.type) == [.text, .text, .decimal, .date, .boolean, .integer, .integer, .text])
        let book = try Workbook(try xlsx(reader))
        let sheet = book.sheet()
        // Codes stay text with their zeros; text is escaped; the header is bold (style 1).
        #expect(sheet.contains(#"<c r="A2" t="inlineStr"><is><t>007</t></is></c>"#))
        #expect(sheet.contains(#"<c r="A1" s="1" t="inlineStr"><is><t>kode</t></is></c>"#))
        #expect(sheet.contains(#"<t>Kantor &lt;Bupati&gt; &amp; "Wakil"</t>"#))
        #expect(sheet.contains(#"<t xml:space="preserve">  spasi  </t>"#))
        // Numbers as numbers, decimals from their uploaded digits.
        #expect(sheet.contains(#"<c r="C2"><v>1234.5</v></c>"#))
        #expect(sheet.contains(#"<c r="C4"><v>0.25</v></c>"#))
        #expect(sheet.contains(#"<c r="F2"><v>1250</v></c>"#) && sheet.contains(#"<c r="F3"><v>-3</v></c>"#))
        // Dates as 1900-system serials in the date style; booleans as booleans.
        #expect(sheet.contains(#"<c r="D2" s="2"><v>45296</v></c>"#))
        #expect(sheet.contains(#"<c r="D3" s="2"><v>45351</v></c>"#))
        #expect(sheet.contains(#"<c r="E2" t="b"><v>1</v></c>"#) && sheet.contains(#"<c r="E3" t="b"><v>0</v></c>"#))
        // A 16-digit NIK would lose its last digit as a number.
        #expect(sheet.contains(#"<c r="G2" t="inlineStr"><is><t>3201234567890123</t></is></c>"#))
        // Formula-looking text is a string; the workbook has no formula anywhere.
        #expect(sheet.contains(#"<c r="H2" t="inlineStr"><is><t>=1+1</t></is></c>"#))
        #expect(sheet.contains(#"<c r="H4" t="inlineStr"><is><t>@SUM(A1)</t></is></c>"#))
        #expect(!book.parts.values.contains { $0.contains("<f>") || $0.contains("<f ") })
        // Frozen header, filter buttons over the whole range, widths.
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<autoFilter ref="A1:H4"/>"#))
        #expect(sheet.contains(#"<col min="2" max="2" width="#))
        #expect(book.parts["xl/workbook.xml"]?.contains(#"<sheet name="Data" sheetId="1" r:id="rId1"/>"#) == true)
        #expect(book.parts["xl/workbook.xml"]?.contains("'Data'!$A$1:$H$4") == true)
        #expect(book.parts["xl/styles.xml"]?.contains(#"formatCode="yyyy\-mm\-dd""#) == true)
        #expect(book.parts["docProps/core.xml"]?.contains("<dc:title>Jumlah Penduduk (versi 3)</dc:title><dc:creator>Walidata</dc:creator>") == true)
        #expect(book.parts["[Content_Types].xml"]?.contains("/xl/worksheets/sheet1.xml") == true)
    }

    @Test func filtersSelectTheRowsOfTheWorkbook() throws {
        let scratch = try Scratch()
        let reader = try scratch.table(Self.csv)
        let query = TableQuery(filters: [TableFilter(column: "aktif", operation: .equals, value: "ya")])
        let sheet = try Workbook(try xlsx(reader, query)).sheet()
        // `ya` and `Y` are both true; `tidak` is left out.
        #expect(sheet.contains("<t>007</t>") && sheet.contains("<t>011</t>") && !sheet.contains("<t>010</t>"))
        #expect(sheet.contains(#"<autoFilter ref="A1:H3"/>"#))
    }

    @Test func forbiddenControlCharactersAreLeftOutAndLineBreaksKept() throws {
        let bytes = try XlsxWriter.workbook(.init(title: "Uji \u{1}<judul>"), sheets: [
            (name: "Log", header: ["catatan"], rows: [[.text("a\u{1}b\u{B}c\u{1F}d\u{FFFE}e\r\nf\rg")], [.text("")], [.empty]]),
        ])
        let book = try Workbook(bytes)
        #expect(book.sheet().contains("<t xml:space=\"preserve\">abcde\nf\ng</t>"))
        #expect(book.parts["docProps/core.xml"]?.contains("<dc:title>Uji &lt;judul&gt;</dc:title>") == true)
        // Empty text is an empty cell, not an empty string.
        #expect(book.sheet().contains("<row r=\"3\"></row><row r=\"4\"></row>"))
    }

    @Test func aCellLongerThanExcelAllowsIsCutAtItsLimit() throws {
        let long = String(repeating: "é", count: 40_000)
        let book = try Workbook(try XlsxWriter.workbook(.init(title: "x"), sheets: [(name: "A", header: ["t"], rows: [[.text(long)]])]))
        let text = book.sheet().components(separatedBy: "<t>")[2].components(separatedBy: "</t>")[0]
        #expect(text.utf16.count == XlsxText.maximumLength)
    }

    @Test func typedCellsOfASmallWorkbook() throws {
        let zone = TimeZone(identifier: "Asia/Jakarta")!
        // 2026-11-30 10:30 WIB is 03:30 UTC.
        let instant = Date(timeIntervalSince1970: 1_796_009_400)
        let bytes = try XlsxWriter.workbook(.init(title: "Pemantauan", created: instant), sheets: [
            (name: "Waktu langkah", header: ["n", "median", "tepat", "kapan", "tanggal", "lama"], rows: [
                [.integer(1), .duration(seconds: 5400), .percent(0.75), .dateTime(instant, timeZone: zone), .date(year: 1900, month: 2, day: 28), .number(.nan)],
            ]),
            (name: "Waktu/langkah?", header: ["a"], rows: []),
        ])
        let book = try Workbook(bytes)
        let sheet = book.sheet()
        #expect(sheet.contains(#"<c r="B2" s="4"><v>0.0625</v></c>"#))
        #expect(sheet.contains(#"<c r="C2" s="5"><v>0.75</v></c>"#))
        let serial = Double(XlsxDate.serial(year: 2026, month: 11, day: 30)!) + 10.5 / 24
        #expect(sheet.contains(#"<c r="D2" s="3"><v>\#(serial)</v></c>"#))
        // Before 1 March 1900 the 1900 system is off by a day: such a date is text.
        #expect(sheet.contains(#"<c r="E2" t="inlineStr"><is><t>1900-02-28</t></is></c>"#))
        #expect(!sheet.contains(#"r="F2""#))
        #expect(book.parts["xl/workbook.xml"]?.contains(#"<sheet name="Waktulangkah" sheetId="2" r:id="rId2"/>"#) == true)
        #expect(book.parts["docProps/core.xml"]?.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T03:30:00Z</dcterms:created>"#) == true)
        #expect(XlsxDate.serial(year: 1900, month: 3, day: 1) == 61)
        #expect(XlsxDate.serial(year: 2023, month: 2, day: 29) == nil)
    }

    @Test func rowsPastExcelsLimitGoOnInANewSheetUnderTheSameHeader() throws {
        var bytes: [UInt8] = []
        let writer = XlsxWriter(properties: .init(title: "x")) { bytes.append(contentsOf: $0) }
        writer.rowLimit = 3
        try writer.beginSheet("Data", header: ["n"])
        for n in 1...5 { try writer.addRow([.integer(Int64(n))]) }
        try writer.finish()
        let book = try Workbook(bytes)
        let workbook = book.parts["xl/workbook.xml"] ?? ""
        #expect(workbook.contains(#"name="Data" sheetId="1""#) && workbook.contains(#"name="Data (2)" sheetId="2""#)
                && workbook.contains(#"name="Data (3)" sheetId="3""#))
        #expect(book.sheet(1).contains(#"<c r="A3"><v>2</v></c>"#) && !book.sheet(1).contains("<row r=\"4\""))
        #expect(book.sheet(2).contains(#"<c r="A1" s="1" t="inlineStr"><is><t>n</t></is></c>"#))
        #expect(book.sheet(2).contains(#"<c r="A2"><v>3</v></c>"#) && book.sheet(3).contains(#"<c r="A2"><v>5</v></c>"#))
        #expect(book.parts["[Content_Types].xml"]?.contains("/xl/worksheets/sheet3.xml") == true)
    }

    @Test func aLargeTableIsStreamedInBoundedChunks() throws {
        let scratch = try Scratch()
        var text = "kode,nilai,tanggal\n"
        for i in 1...60_000 { text += "K\(i),\(i).5,2024-01-\(String(format: "%02d", i % 28 + 1))\n" }
        let reader = try scratch.table(text)
        var calls = 0, largest = 0, total = 0
        var bytes: [UInt8] = []
        try reader.export(format: .xlsx) { chunk in
            calls += 1
            largest = max(largest, chunk.count)
            total += chunk.count
            bytes.append(contentsOf: chunk)
        }
        #expect(calls > 3)
        #expect(largest <= 2 * ZipStreamWriter.outputChunk)
        let sheet = try Workbook(bytes).sheet()
        #expect(sheet.contains(#"<row r="60001"><c r="A60001" t="inlineStr"><is><t>K60000</t></is></c><c r="B60001"><v>60000.5</v></c>"#))
    }

    @Test func aFailingConsumerStopsTheWorkbook() throws {
        struct Gone: Error {}
        let scratch = try Scratch()
        var text = "n\n"
        for i in 1...100_000 { text += "\(i)\n" }
        let reader = try scratch.table(text)
        let error = try #require(throws: TablesError.self) {
            try reader.export(format: .xlsx) { _ in throw Gone() }
        }
        #expect(error.code == .exportAborted)
    }

    @Test func sheetNamesAreMadeValidForExcel() {
        #expect(XlsxWriter.sheetName("Data [2024]: A/B?", continuation: 1, taken: []) == "Data 2024 AB")
        #expect(XlsxWriter.sheetName(String(repeating: "x", count: 40), continuation: 2, taken: []) == String(repeating: "x", count: 27) + " (2)")
        #expect(XlsxWriter.sheetName("data", continuation: 1, taken: ["data"]) == "data (2)")
        #expect(XlsxWriter.sheetName("''", continuation: 1, taken: []) == "Sheet")
    }
}
