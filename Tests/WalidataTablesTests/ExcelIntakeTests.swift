import Foundation
import Testing
@testable import WalidataTables

/// The workbooks under Tests/Fixtures/xlsx, written by LibreOffice and openpyxl
/// (make-fixtures.py); the malformed ones by hand.
enum Workbooks {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xlsx")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static func check(_ name: String, _ reading: WorkbookOptions = .init()) throws -> CSVCheck {
        try WorkbookIngest.ingest(workbook: url(name), tableFile: nil, reading: reading)
    }
}

@Suite struct ExcelIntakeTests {
    @Test func messyTableFromLibreOfficeIsFoundUnderItsTitlesWithMergedHeaderTotalAndNotesLeftOut() throws {
        let check = try Workbooks.check("messy.xlsx")
        #expect(check.accepted, "\(check.problems.map(\.englishMessage))")
        let book = try #require(check.workbook)
        #expect(book.sheets == ["Petunjuk", "Tabel 3.1", "Rasio"])
        #expect(book.sheetNumber == 2, "the instructions sheet has no table")
        #expect(book.headerRows == [4, 5])
        #expect(check.header == ["No", "Kode", "Kecamatan", "Jumlah Penduduk - Laki-laki", "Jumlah Penduduk - Perempuan", "Tanggal Pendataan"])
        #expect(book.firstDataRow == 6 && book.lastDataRow == 9)
        #expect(book.totalRow == 10)
        #expect(book.noteRows == [12, 13] && book.noteCount == 2)
        #expect(book.titles.first?.hasPrefix("Tabel 3.1 Jumlah Penduduk") == true)
        #expect(check.rowCount == 4)
        #expect(check.preview[0] == ["1", "001", "Teluk Dalam", "1200", "1310", "2024-01-31"])
        #expect(check.column("Kode")?.type == .text, "codes with leading zeros stay text")
        #expect(check.column("Tanggal Pendataan")?.type == .date)
        #expect(check.column("Jumlah Penduduk - Laki-laki")?.type == .integer)
        #expect(book.summary.id.contains("baris 4 dan 5"))
        #expect(book.summary.id.contains("Baris jumlah (baris 10) tidak dimuat"))
        #expect(book.summary.en.contains("Notes under the table (rows 12–13) were left out"))
    }

    @Test func workbookWithoutCachedFormulaValuesStillLeavesOutItsJumlahRow() throws {
        let check = try Workbooks.check("messy-openpyxl.xlsx")
        #expect(check.accepted)
        #expect(check.workbook?.totalRow == 10)
        #expect(check.rowCount == 4)
    }

    @Test func officerChoosesAnotherSheetAndFormulaResultsBooleansAndFloatsReadAsExcelShowsThem() throws {
        let check = try Workbooks.check("messy.xlsx", WorkbookOptions(sheet: 3))
        #expect(check.accepted)
        #expect(check.workbook?.sheet == "Rasio")
        #expect(check.workbook?.chosen == true)
        #expect(check.header == ["Kecamatan", "Rasio Jenis Kelamin", "Padat", "Luas (km2)"])
        #expect(check.preview[0] == ["Teluk Dalam", "91.6030534351145", "TRUE", "12.5"])
        #expect(check.preview[1] == ["Sungai Raya", "97.8", "FALSE", "0.3"])
        #expect(check.column("Padat")?.type == .boolean)
        #expect(check.column("Rasio Jenis Kelamin")?.type == .decimal)
    }

    @Test func officerCorrectsTheHeaderRow() throws {
        let check = try Workbooks.check("messy.xlsx", WorkbookOptions(sheet: 2, headerRow: 5))
        #expect(check.workbook?.headerRows == [5])
        #expect(check.header == ["Laki-laki", "Perempuan"])
        let missing = try Workbooks.check("messy.xlsx", WorkbookOptions(sheet: 2, headerRow: 3))
        #expect(!missing.accepted)
        #expect(missing.codes == [.headerRowNotFound])
        let noSheet = try Workbooks.check("messy.xlsx", WorkbookOptions(sheet: 9))
        #expect(noSheet.codes == [.sheetNotFound])
    }

    @Test(arguments: ["dates-1900.xlsx", "dates-1904.xlsx"])
    func datesAndTimesReadTheSameInBothDateSystems(_ name: String) throws {
        let check = try Workbooks.check(name)
        #expect(check.accepted)
        #expect(check.preview.map { $0[1] } == ["2024-01-31", "2024-02-29", "1905-03-01"])
        #expect(check.preview.map { $0[2] } == ["2024-01-31", "2024-02-29", "1905-03-01"])
        #expect(check.preview.map { $0[3] } == ["08:30:00", "23:59:59", "00:00:01"])
        #expect(check.preview.map { $0[4] } == ["2024-01-31 08:30:00", "2024-02-29", "1999-12-31 12:00:00"])
        #expect(check.preview.map { $0[5] } == ["45322", "1.5", "-3"], "an unstyled number is not a date")
        #expect(check.column("Tanggal")?.type == .date)
    }

    @Test func serialNumbersFollowBothEpochsAndThe1900LeapYearBug() {
        #expect(ExcelDate.text(1, shows: .date, date1904: false)?.text == "1900-01-01")
        #expect(ExcelDate.text(59, shows: .date, date1904: false)?.text == "1900-02-28")
        #expect(ExcelDate.text(60, shows: .date, date1904: false)?.ymd == nil)
        #expect(ExcelDate.text(61, shows: .date, date1904: false)?.text == "1900-03-01")
        #expect(ExcelDate.text(45322, shows: .date, date1904: false)?.text == "2024-01-31")
        #expect(ExcelDate.text(45322 - 1462, shows: .date, date1904: true)?.text == "2024-01-31")
        #expect(ExcelDate.text(0.5, shows: .time, date1904: false)?.text == "12:00:00")
    }

    @Test func customNumberFormatsAreDatesOnlyWhenTheyUseDateLetters() {
        #expect(CellStyles.classify("dd/mm/yyyy") == .date)
        #expect(CellStyles.classify("[$-421]d mmmm yyyy;@") == .date)
        #expect(CellStyles.classify("h:mm") == .time)
        #expect(CellStyles.classify("[h]:mm:ss") == .time)
        #expect(CellStyles.classify("dd/mm/yyyy hh:mm") == .dateTime)
        #expect(CellStyles.classify("General") == .number)
        #expect(CellStyles.classify("#,##0.00;[Red]-#,##0.00") == .number)
        #expect(CellStyles.classify("0.00E+00") == .number)
        #expect(CellStyles.classify("\"Tahun\" 0") == .number)
    }

    @Test func inlineAndFormulaStringsBooleansErrorsAndGapsInReferences() throws {
        let check = try Workbooks.check("cell-types.xlsx")
        #expect(check.accepted)
        #expect(check.header == ["Kode", "Nama & Alamat", "Aktif", "Nilai", "Rumus"])
        #expect(check.preview == [["007", "AB", "TRUE", "0.3", ""], ["010", "", "FALSE", "1234567", "2469134"],
                                  ["100", "Baris\ndua", "", "0.001", ""]])
        #expect(check.column("Kode")?.type == .text)
        let errors = try #require(check.problems.first { $0.code == .formulaErrors })
        #expect(errors.severity == .warning)
        #expect(errors.indonesianMessage.contains("E2 (#DIV/0!)"))
    }

    @Test(arguments: [
        ("messy.xls", CSVProblemCode.legacyExcel), ("password.xlsx", .encryptedWorkbook), ("messy.ods", .openDocument),
        ("truncated.xlsx", .notAWorkbook), ("not-a-workbook.xlsx", .notAWorkbook), ("wide.xlsx", .columnBeyondLimit),
        ("bomb.xlsx", .workbookTooLarge),
    ])
    func unreadableWorkbooksAreRefusedWithWhatToDoAndWriteNothing(_ name: String, _ code: CSVProblemCode) throws {
        let scratch = try Scratch()
        let table = scratch.url("t.sqlite")
        let check = try WorkbookIngest.ingest(workbook: Workbooks.url(name), tableFile: table)
        #expect(!check.accepted)
        #expect(check.codes == [code])
        #expect(scratch.contents.isEmpty, "no table, no leftovers")
        if code == .legacyExcel || code == .openDocument {
            #expect(check.problems[0].indonesianMessage.contains("File → Simpan Sebagai"))
            #expect(check.problems[0].englishMessage.contains("File → Save As"))
        }
        if code == .columnBeyondLimit { #expect(check.problems[0].parameters["cell"] == "XFE1") }
    }

    @Test func acceptedWorkbookIsLoadedIntoATableThatExportsLikeTheSheet() throws {
        let scratch = try Scratch()
        let tableFile = scratch.url("t.sqlite")
        let check = try WorkbookIngest.ingest(workbook: Workbooks.url("messy.xlsx"), tableFile: tableFile)
        #expect(check.accepted)
        let reader = try TableReader(tableFile: tableFile)
        #expect(try reader.count() == 4)
        #expect(reader.check.workbook?.totalRow == 10)
        var data = Data()
        try reader.export(format: .csv) { data.append(contentsOf: $0) }
        let csv = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(csv.hasPrefix("\u{FEFF}No,Kode,") || csv.hasPrefix("No,Kode,"))
        #expect(csv.contains("\n1,001,Teluk Dalam,1200,1310,2024-01-31\n"))
        #expect(csv.contains("\n4,011,Pulau Kecil,310,295,2024-12-31"))
        #expect(!csv.contains("Jumlah,"))
    }

    @Test func xmlScannerReadsTagsSplitAcrossChunks() throws {
        struct Collect: XMLHandler {
            var events: [String] = []
            mutating func start(_ name: XMLBytes, _ tag: XMLTag) throws {
                events.append("<" + String(decoding: name, as: UTF8.self) + (tag.string("r").map { " r=\($0)" } ?? ""))
            }
            mutating func end(_ name: XMLBytes) throws { events.append("/" + String(decoding: name, as: UTF8.self)) }
            mutating func text(_ bytes: XMLBytes) throws {
                if case let t = String(decoding: bytes, as: UTF8.self), !t.isEmpty { events.append("'" + t) }
            }
        }
        let xml = Array(#"<?xml version="1.0"?><!-- a > b --><x:row r="1&amp;2"><c r='A1'/><v>7</v></x:row>"#.utf8)
        for size in 1...7 {
            var scanner = XMLScanner()
            var handler = Collect()
            for start in stride(from: 0, to: xml.count, by: size) {
                try xml[start..<min(xml.count, start + size)].withUnsafeBytes { try scanner.feed($0, into: &handler) }
            }
            let texts = handler.events.filter { $0.hasPrefix("'") }.map { String($0.dropFirst()) }.joined()
            #expect(texts == "7")
            #expect(handler.events.filter { !$0.hasPrefix("'") } == ["<x:row r=1&2", "<c r=A1", "/c", "<v", "/v", "/x:row"])
        }
    }
}

@Suite struct ExcelLayoutTests {
    func row(_ number: Int, _ values: [String?], numeric: Set<Int> = []) -> SheetRow {
        let row = SheetRow()
        row.number = number
        for (i, value) in values.enumerated() {
            guard let value else { continue }
            let cell: Cell? = numeric.contains(i) ? Cell(kind: .integer, plain: true, integer: Int64(value) ?? 0) : nil
            row.set(column: i, text: Array(value.utf8), cell: cell)
        }
        return row
    }

    @Test func yearsAsNumbersInTheHeaderRowDoNotHideIt() throws {
        let rows = [row(1, ["Tabel 2 Produksi Padi (ton)"]), row(3, ["Kecamatan", "2022", "2023", "2024"], numeric: [1, 2, 3]),
                    row(4, ["Sipora", "120", "130", "125"], numeric: [1, 2, 3])]
        let layout = try #require(TableLayout.detect(rows))
        #expect(layout.headerRows == [3])
        #expect(layout.names == ["Kecamatan", "2022", "2023", "2024"])
    }

    @Test func aTableStartingInColumnBKeepsOnlyItsColumns() throws {
        let rows = [row(2, [nil, "Kode", "Nama"]), row(3, [nil, "01", "Satu"]), row(4, [nil, "02", "Dua"])]
        let layout = try #require(TableLayout.detect(rows))
        #expect(layout.columns == 1...2)
        #expect(layout.names == ["Kode", "Nama"])
    }

    @Test func totalAndNoteRowsAreRecognisedOnlyAsSuch() {
        let total = row(10, ["Jumlah", nil, "2500"], numeric: [2])
        #expect(TableLayout.isTotalRow(total, columns: 0...2))
        #expect(!TableLayout.isTotalRow(row(9, ["Jumlahan Baru", nil, "7"], numeric: [2]), columns: 0...2))
        #expect(TableLayout.isNote(row(12, ["Sumber: BPS"]), columns: 0...2, afterGap: false))
        #expect(!TableLayout.isNote(row(12, ["Teluk Dalam"]), columns: 0...2, afterGap: false))
    }
}
