import Foundation
import Testing
@testable import WalidataTables

@Suite("Downloads")
struct ExportTests {
    static let csv = #"""
        kode;nama;nilai;tanggal;aktif;catatan
        1;"Kantor ""Bupati""";1.234,5;05/01/2024;ya;"baris
        kedua"
        2;Sipora, Utara;99;2024-02-29;tidak;
        3;  spasi  ;-;31-12-2023;Y;NA
        """#

    func export(_ reader: TableReader, _ format: ExportFormat, _ query: TableQuery = TableQuery()) throws -> (Data, Int) {
        var data = Data()
        var calls = 0
        try reader.export(query, format: format) { chunk in
            data.append(contentsOf: chunk)
            calls += 1
        }
        return (data, calls)
    }

    @Test func csvReproducesEveryCellAsUploaded() throws {
        let scratch = try Scratch()
        let reader = try scratch.table(Self.csv)
        let (data, _) = try export(reader, .csv)
        #expect(String(decoding: data, as: UTF8.self) == #"""
            kode,nama,nilai,tanggal,aktif,catatan\#r
            1,"Kantor ""Bupati""","1.234,5",05/01/2024,ya,"baris
            kedua"\#r
            2,"Sipora, Utara",99,2024-02-29,tidak,\#r
            3,"  spasi  ",-,31-12-2023,Y,NA\#r

            """#)
    }

    @Test func csvRoundTripGivesTheSameTable() throws {
        let scratch = try Scratch()
        let original = try scratch.table(Self.csv, name: "v1")
        try original.export(format: .csv, toFile: scratch.url("download.csv"))
        let check = try TableIngest.ingest(csvFile: scratch.url("download.csv"), tableFile: scratch.url("v2.sqlite"))
        #expect(check.accepted)
        #expect(check.delimiter == .comma)
        let again = try TableReader(tableFile: scratch.url("v2.sqlite"))
        #expect(again.columns.map(\.type) == original.columns.map(\.type))
        #expect(try again.query().rows == original.query().rows)
        let comparison = try TableDiff.compare(old: scratch.url("v1.sqlite"), new: scratch.url("v2.sqlite"))
        #expect(comparison.rowsAdded == 0 && comparison.rowsRemoved == 0 && comparison.rowsUnchanged == 3)
    }

    @Test func excelVariantStartsWithAByteOrderMark() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("a\nx\n")
        let (data, _) = try export(reader, .csvExcel)
        #expect(Array(data) == [0xEF, 0xBB, 0xBF] + Array("a\r\nx\r\n".utf8))
    }

    @Test func jsonIsAnArrayOfTypedObjects() throws {
        let scratch = try Scratch()
        let reader = try scratch.table(Self.csv)
        let (data, _) = try export(reader, .json)
        let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(objects.count == 3)
        #expect(objects[0]["kode"] as? Int == 1)
        #expect(objects[0]["nama"] as? String == "Kantor \"Bupati\"")
        #expect(objects[0]["nilai"] as? Double == 1234.5)
        #expect(objects[0]["tanggal"] as? String == "2024-01-05")
        #expect(objects[0]["aktif"] as? Bool == true)
        #expect(objects[0]["catatan"] as? String == "baris\nkedua")
        #expect(objects[2]["nilai"] is NSNull)
        #expect(objects[2]["catatan"] is NSNull)
        let decoded = try JSONDecoder().decode([[String: TableValue]].self, from: data)
        #expect(decoded[1]["aktif"] == .boolean(false))
        #expect(decoded[1]["nilai"] == .integer(99))
    }

    @Test func jsonEscapesQuotesBackslashesAndControlCharacters() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("\"nama \"\"resmi\"\"\",path\n\"a\tb\u{01}\",C:\\data\\x\n")
        let (data, _) = try export(reader, .json)
        #expect(String(decoding: data, as: UTF8.self) == "[\n{\"nama \\\"resmi\\\"\":\"a\\tb\\u0001\",\"path\":\"C:\\\\data\\\\x\"}\n]\n")
        let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
        #expect(objects == [["nama \"resmi\"": "a\tb\u{01}", "path": "C:\\data\\x"]])
    }

    @Test func emptyResultIsAnEmptyJSONArray() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("a\n1\n")
        let (data, _) = try export(reader, .json, TableQuery(filters: [TableFilter(column: "a", operation: .equals, value: "2")]))
        #expect(try JSONSerialization.jsonObject(with: data) as? [Any] != nil)
        #expect((try JSONSerialization.jsonObject(with: data) as? [Any])?.isEmpty == true)
    }

    @Test func filteredSortedExportAndLargeOutputArriveInChunks() throws {
        let scratch = try Scratch()
        var text = "no,nama\n"
        for i in 1...20_000 { text += "\(i),Desa nomor \(i) di Kepulauan Mentawai\n" }
        let reader = try scratch.table(text)
        let (all, calls) = try export(reader, .csv)
        #expect(calls > 10)
        #expect(String(decoding: all, as: UTF8.self).split(separator: "\r\n").count == 20_001)
        let query = TableQuery(filters: [TableFilter(column: "no", operation: .lessThanOrEqual, value: "3")],
                               sort: [TableSort(column: "no", descending: true)])
        let (some, _) = try export(reader, .csv, query)
        #expect(String(decoding: some, as: UTF8.self).hasPrefix("no,nama\r\n3,Desa nomor 3"))
        #expect(String(decoding: some, as: UTF8.self).split(separator: "\r\n").count == 4)
    }

    @Test func aFailingWriterStopsTheExport() throws {
        struct Gone: Error {}
        let scratch = try Scratch()
        var text = "n\n"
        for i in 1...50_000 { text += "\(i)\n" }
        let reader = try scratch.table(text)
        var calls = 0
        let error = try #require(throws: TablesError.self) {
            try reader.export(format: .csv) { _ in
                calls += 1
                throw Gone()
            }
        }
        #expect(error.code == .exportAborted)
        #expect(calls == 1)
    }
}

@Suite("Small tables as CSV")
struct SmallCSVTests {
    @Test func quotesAsTheTableDownloadsDoAndStartsWithTheMarkForExcel() {
        let bytes = ExportFormat.csvExcel.csvBytes(header: ["langkah", "kegiatan"], rows: [["1", "Menerima data, lalu \"cek\""], ["2", " spasi"]])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "langkah,kegiatan\r\n1,\"Menerima data, lalu \"\"cek\"\"\"\r\n2,\" spasi\"\r\n")
        #expect(ExportFormat.csv.csvBytes(header: ["a"], rows: []) == Array("a\r\n".utf8))
    }
}
