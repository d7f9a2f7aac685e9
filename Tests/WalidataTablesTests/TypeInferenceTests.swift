import Testing
@testable import WalidataTables

@Suite("Column types and profiles")
struct TypeInferenceTests {
    @Test func integersIncludingThousandsSeparatorsAndNegatives() throws {
        let scratch = try Scratch()
        let check = try scratch.check("jumlah;selisih\n1.250;-3\n12.345.678;0\n7;+12\n")
        let jumlah = try #require(check.column("jumlah"))
        #expect(jumlah.type == .integer)
        #expect(jumlah.numberStyle == .indonesian)
        #expect(jumlah.minimum == "7")
        #expect(jumlah.maximum == "12345678")
        #expect(check.column("selisih")?.type == .integer)
        #expect(check.column("selisih")?.minimum == "-3")
    }

    @Test func indonesianDecimals() throws {
        let scratch = try Scratch()
        let check = try scratch.check("nilai;persen\n1.234,56;12,5\n-0,75;100\n98.765.432,1;3,25\n")
        let nilai = try #require(check.column("nilai"))
        #expect(nilai.type == .decimal)
        #expect(nilai.numberStyle == .indonesian)
        #expect(nilai.minimum == "-0.75")
        #expect(nilai.maximum == "98765432.1")
        #expect(check.column("persen")?.type == .decimal)
        #expect(check.column("persen")?.maximum == "100")
    }

    @Test func internationalDecimals() throws {
        let scratch = try Scratch()
        let check = try scratch.check("nilai\n1234.56\n\"1,234,567.5\"\n0.001\n")
        let nilai = try #require(check.column("nilai"))
        #expect(nilai.type == .decimal)
        #expect(nilai.numberStyle == .international)
        #expect(nilai.minimum == "0.001")
        #expect(nilai.maximum == "1234567.5")
    }

    /// `1.234` alone is ambiguous: it follows the column's majority, Indonesian on a tie.
    @Test func ambiguousNumbersFollowTheColumnsEvidence() throws {
        let scratch = try Scratch()
        let noEvidence = try scratch.check("n\n1.234\n5.500\n")
        #expect(noEvidence.column("n")?.type == .integer)
        #expect(noEvidence.column("n")?.maximum == "5500")
        #expect(noEvidence.column("n")?.ambiguousNumberCount == 2)

        let international = try scratch.check("n\n1.234\n12.5\n0.75\n")
        #expect(international.column("n")?.type == .decimal)
        #expect(international.column("n")?.numberStyle == .international)
        #expect(international.column("n")?.maximum == "12.5")
        #expect(international.column("n")?.minimum == "0.75")

        let indonesian = try scratch.check("n;m\n1.234;1\n2,5;2\n1.000.000;3\n")
        #expect(indonesian.column("n")?.type == .decimal)
        #expect(indonesian.column("n")?.numberStyle == .indonesian)
        #expect(indonesian.column("n")?.maximum == "1000000")
        #expect(indonesian.column("n")?.minimum == "2.5")
    }

    @Test func leadingZerosMakeCodesText() throws {
        let scratch = try Scratch()
        let check = try scratch.check("kode,telepon,nol\n007,081234567890,0\n010,0751123456,0.5\n")
        #expect(check.column("kode")?.type == .text)
        #expect(check.column("telepon")?.type == .text)
        #expect(check.column("nol")?.type == .decimal)
    }

    @Test(arguments: ["2024-02-29", "29/02/2024", "29-02-2024", "9/2/2024"])
    func datesInEachFormat(_ value: String) throws {
        let scratch = try Scratch()
        let check = try scratch.check("tanggal\n\(value)\n2023-12-31\n")
        let tanggal = try #require(check.column("tanggal"))
        #expect(tanggal.type == .date)
        #expect(tanggal.minimum == "2023-12-31")
        #expect(tanggal.maximum == (value == "9/2/2024" ? "2024-02-09" : "2024-02-29"))
    }

    @Test func impossibleDatesMakeTheColumnText() throws {
        let scratch = try Scratch()
        #expect(try scratch.check("t\n2023-02-29\n2023-01-01\n").column("t")?.type == .text)
        #expect(try scratch.check("t\n31/04/2024\n").column("t")?.type == .text)
        #expect(try scratch.check("t\n12/25/2024\n").column("t")?.type == .text)
    }

    @Test func booleanWordsWithOnesAndZeros() throws {
        let scratch = try Scratch()
        let check = try scratch.check("aktif,status,flag\nya,TRUE,1\ntidak,false,0\nY,1,1\nn,0,0\n")
        #expect(check.column("aktif")?.type == .boolean)
        #expect(check.column("status")?.type == .boolean)
        #expect(check.column("flag")?.type == .integer)
        #expect(check.column("aktif")?.minimum == "false")
        #expect(check.column("aktif")?.maximum == "true")
    }

    @Test func nullTokensAreCountedAndDoNotDecideTheType() throws {
        let scratch = try Scratch()
        let check = try scratch.check("n;t\n-;a\nNA;\nn/a;b\n#N/A;c\nnull;d\n  ;e\n5;NULL\n")
        let n = try #require(check.column("n"))
        #expect(n.type == .integer)
        #expect(n.nullCount == 6)
        #expect(n.valueCount == 1)
        #expect(check.column("t")?.nullCount == 2)
        #expect(check.column("t")?.type == .text)
    }

    @Test func oneTextValueMakesANumberColumnText() throws {
        let scratch = try Scratch()
        let check = try scratch.check("n\n1\n2\ntiga\n4\n")
        let n = try #require(check.column("n"))
        #expect(n.type == .text)
        #expect(n.minimum == "1")
        #expect(n.maximum == "tiga")
    }

    @Test func distinctCountsAreExactUpToTheCap() throws {
        let scratch = try Scratch()
        var text = "kode,kelompok\n"
        for i in 0..<300 { text += "\(i),\(i % 7)\n" }
        var options = IngestOptions()
        options.distinctCap = 100
        let check = try scratch.check(text, options: options)
        #expect(check.column("kelompok")?.distinctCount == 7)
        #expect(check.column("kelompok")?.distinctCountIsCapped == false)
        #expect(check.column("kode")?.distinctCount == 100)
        #expect(check.column("kode")?.distinctCountIsCapped == true)
        #expect(check.column("kode")?.distinctCountText == "> 100")
        #expect(check.column("kode")?.maximum == "299")
    }

    @Test func textMinimumAndMaximumAreBounded() throws {
        let scratch = try Scratch()
        let long = String(repeating: "z", count: 500)
        let check = try scratch.check("t\nabc\n\(long)\nAbc\n")
        #expect(check.column("t")?.minimum == "Abc")
        #expect(check.column("t")?.maximum == String(repeating: "z", count: 64))
    }

    @Test func previewHoldsTheFirstRowsAsText() throws {
        let scratch = try Scratch()
        var text = "no,nilai\n"
        for i in 1...50 { text += "\(i),\"\(i),5\"\n" }
        let check = try scratch.check(text)
        #expect(check.rowCount == 50)
        #expect(check.preview.count == 20)
        #expect(check.preview.first == ["1", "1,5"])
        #expect(check.preview.last == ["20", "20,5"])
    }
}
