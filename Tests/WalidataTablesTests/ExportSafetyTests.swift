import Foundation
import Testing
@testable import WalidataTables

@Suite("Downloads that cannot attack or alter")
struct ExportSafetyTests {
    func export(_ reader: TableReader, _ format: ExportFormat) throws -> String {
        var data = Data()
        try reader.export(TableQuery(), format: format) { data.append(contentsOf: $0) }
        return String(decoding: format == .csvExcel ? data.dropFirst(3) : data, as: UTF8.self)
    }

    static let formulas = """
        nama,rumus,angka
        Kantor,"=HYPERLINK(""http://evil.example/"")",-12
        Sipora,+62 812 kontak,"-12,5"
        Siberut,-1+2,-3
        Pagai,@SUM(A1:A2),7
        Tua,-,8
        Kosong,"\tteks bertab",9
        Baris,"\r=1+1",10
        """

    @Test func excelCSVPrefixesFormulaTextButKeepsNumbersAndTheDash() throws {
        let scratch = try Scratch()
        let reader = try scratch.table(Self.formulas)
        let excel = try export(reader, .csvExcel)
        #expect(excel == """
            nama,rumus,angka\r
            Kantor,"'=HYPERLINK(""http://evil.example/"")",-12\r
            Sipora,'+62 812 kontak,"-12,5"\r
            Siberut,'-1+2,-3\r
            Pagai,'@SUM(A1:A2),7\r
            Tua,-,8\r
            Kosong,'\tteks bertab,9\r
            Baris,"'\r=1+1",10\r

            """)
    }

    @Test func plainCSVStaysByteFaithful() throws {
        let scratch = try Scratch()
        let reader = try scratch.table(Self.formulas)
        let plain = try export(reader, .csv)
        #expect(plain.contains(#"Kantor,"=HYPERLINK(""http://evil.example/"")",-12"#))
        #expect(plain.contains("Siberut,-1+2,-3\r\n"))
        #expect(plain.contains("Pagai,@SUM(A1:A2),7\r\n"))
    }

    @Test func aNumberInATextColumnIsNotPrefixedButAFormulaHeaderIs() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("=kode,catatan\n-3,x\n+5,y\n-7a,z\n")
        #expect(try export(reader, .csvExcel) == "'=kode,catatan\r\n-3,x\r\n+5,y\r\n'-7a,z\r\n")
    }

    @Test func theDashboardCSVIsGuardedToo() {
        let bytes = ExportFormat.csvExcel.csvBytes(header: ["nama"], rows: [["=1+1"], ["-4"]])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "nama\r\n'=1+1\r\n-4\r\n")
        #expect(String(decoding: ExportFormat.csv.csvBytes(header: ["nama"], rows: [["=1+1"]]), as: UTF8.self) == "nama\r\n=1+1\r\n")
    }

    @Test func jsonWritesDecimalsWithTheDigitsAsRead() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("""
            kode_wilayah;nilai;harga
            13.10;1.234,50;12,5
            13.00;-0,25;7
            13.01;2.000.000,125;1.000
            """)
        #expect(reader.columns.map(\.type) == [.decimal, .decimal, .decimal])
        let json = try export(reader, .json)
        #expect(json.contains(#"{"kode_wilayah":13.10,"nilai":1234.50,"harga":12.5}"#))
        #expect(json.contains(#"{"kode_wilayah":13.00,"nilai":-0.25,"harga":7}"#))
        #expect(json.contains(#"{"kode_wilayah":13.01,"nilai":2000000.125,"harga":1000}"#))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [[String: Any]])
    }

    @Test func codesWithLeadingZerosOrSeveralDotsAreText() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("kode,desa,kab\n13.01.02,007,01.5\n13.01.10,012,13.10\n")
        #expect(reader.columns.map(\.type) == [.text, .text, .text])
        let json = try export(reader, .json)
        #expect(json.contains(#"{"kode":"13.01.02","desa":"007","kab":"01.5"}"#))
        #expect(json.contains(#"{"kode":"13.01.10","desa":"012","kab":"13.10"}"#))
    }

    @Test func theStoredReportKeepsABoundedPrefixOfAMultiMegabyteCell() throws {
        let scratch = try Scratch()
        let long = String(repeating: "panjang ", count: 1_600_000) + "akhir"
        let check = try scratch.check("judul,\(long)\nsatu,\(long)\n")
        let bounded = check.bounded()
        #expect(check.preview[0][1].utf8.count == long.utf8.count)
        #expect(bounded.preview[0][1] == String(long.prefix(CSVCheck.reportTextLimit)) + "…")
        #expect(bounded.header[1].count == CSVCheck.reportTextLimit + 1)
        let size = try JSONEncoder().encode(bounded).count
        #expect(size < 20_000, "report of \(size) bytes")
        #expect(bounded.rowCount == check.rowCount && bounded.accepted == check.accepted)
    }
}
