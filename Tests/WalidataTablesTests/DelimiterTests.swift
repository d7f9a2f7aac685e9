import Testing
@testable import WalidataTables

@Suite("Delimiter detection")
struct DelimiterTests {
    @Test(arguments: CSVDelimiter.allCases)
    func eachDelimiterIsDetected(_ delimiter: CSVDelimiter) throws {
        let scratch = try Scratch()
        let d = delimiter.rawValue
        let check = try scratch.check("kode\(d)nama\(d)jumlah\n1\(d)Sikakap\(d)10\n2\(d)Sipora Utara\(d)20\n")
        #expect(check.delimiter == delimiter)
        #expect(check.header == ["kode", "nama", "jumlah"])
        #expect(check.preview[1] == ["2", "Sipora Utara", "20"])
    }

    @Test func semicolonWinsOverDecimalCommas() throws {
        let scratch = try Scratch()
        let check = try scratch.check("kecamatan;luas;kepadatan\nSikakap;278,45;35,2\nPagai Utara;342,02;16,9\n")
        #expect(check.delimiter == .semicolon)
        #expect(check.column("luas")?.type == .decimal)
        #expect(check.column("luas")?.maximum == "342.02")
    }

    @Test func commasInsideQuotesDoNotConfuseDetection() throws {
        let scratch = try Scratch()
        let check = try scratch.check("nama;alamat\n\"Dinas A\";\"Jl. Raya, No. 1, Tuapejat\"\n\"Dinas B\";\"Jl. Baru, No. 2, Sikakap\"\n")
        #expect(check.delimiter == .semicolon)
        #expect(check.preview[0] == ["Dinas A", "Jl. Raya, No. 1, Tuapejat"])
    }

    @Test func singleColumnFileIsAccepted() throws {
        let scratch = try Scratch()
        let check = try scratch.check("nama\nSikakap\nSipora\n")
        #expect(check.accepted)
        #expect(check.header == ["nama"])
        #expect(check.rowCount == 2)
    }
}
