import Testing
@testable import WalidataTables

@Suite("RFC 4180 reading")
struct QuotingTests {
    static let tricky = """
        nama,alamat,catatan\r
        "Kantor Bupati","Jl. Raya Tuapejat, Km 5","Kata ""resmi"" dipakai"\r
        "Puskesmas
        Sikakap","Jl. Pelabuhan","baris
        kedua"\r
        Dinas,,terakhir
        """

    @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
        let scratch = try Scratch()
        let check = try scratch.check(Self.tricky)
        #expect(check.accepted)
        #expect(check.rowCount == 3)
        #expect(check.preview == [
            ["Kantor Bupati", "Jl. Raya Tuapejat, Km 5", "Kata \"resmi\" dipakai"],
            ["Puskesmas\nSikakap", "Jl. Pelabuhan", "baris\nkedua"],
            ["Dinas", "", "terakhir"],
        ])
        #expect(check.lineCount == 6)
    }

    /// Records cut at every possible place by tiny chunks must read exactly as in one piece.
    /// The file is longer than the 64 KiB first read, so later chunks cut through records.
    @Test(arguments: [1, 2, 3, 5, 7, 64, 4096])
    func chunkBoundariesDoNotChangeTheResult(chunkSize: Int) throws {
        let scratch = try Scratch()
        var text = "\u{FEFF}" + Self.tricky + "\r\n"
        while text.utf8.count < 80_000 { text += Self.tricky.split(separator: "\r\n", maxSplits: 1)[1] + "\r" }
        var options = IngestOptions()
        options.chunkSize = chunkSize
        let whole = try scratch.check(text)
        let chunked = try scratch.check(text, options: options)
        #expect(whole.accepted)
        #expect(whole.encoding == .utf8WithBOM)
        #expect(whole.rowCount > 1000)
        #expect(chunked == whole)
    }

    @Test func lineEndingsMayBeCRLFOrLFOrCRAndTheLastOneMayBeMissing() throws {
        let scratch = try Scratch()
        for text in ["a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4", "a,b\r1,2\r3,4\r", "a,b\r\n1,2\n3,4"] {
            let check = try scratch.check(text)
            #expect(check.accepted)
            #expect(check.preview == [["1", "2"], ["3", "4"]], "\(text.debugDescription)")
            #expect(check.lineCount == 3, "\(text.debugDescription)")
        }
    }

    @Test func trailingEmptyFieldIsKept() throws {
        let scratch = try Scratch()
        let check = try scratch.check("a,b,c\n1,2,\n")
        #expect(check.accepted)
        #expect(check.preview == [["1", "2", ""]])
        #expect(check.column("c")?.nullCount == 1)
    }

    @Test func unterminatedQuoteNamesTheLineItOpenedOn() throws {
        let scratch = try Scratch()
        let check = try scratch.check("nama,catatan\nA,biasa\nB,\"tidak ditutup\nC,lagi\nD,dan lagi\n")
        #expect(!check.accepted)
        #expect(check.codes == [.unterminatedQuote])
        #expect(check.problems[0].lines == [3])
        #expect(check.problems[0].indonesianMessage.contains("baris 3"))
    }

    @Test func recordLongerThanTheLimitStopsTheCheck() throws {
        let scratch = try Scratch()
        var options = IngestOptions()
        options.maximumRecordBytes = 1000
        options.chunkSize = 256
        let check = try scratch.check("a,b\n1,\"" + String(repeating: "x", count: 100_000) + "\"\n", options: options)
        #expect(check.codes == [.fieldTooLong])
        #expect(check.problems[0].lines == [2])
    }

    @Test func textAfterAClosingQuoteIsKeptAndWarned() throws {
        let scratch = try Scratch()
        let check = try scratch.check("ukuran,nama\n\"5\" inch,Layar\n")
        #expect(check.accepted)
        #expect(check.preview == [["5 inch", "Layar"]])
        #expect(check.warnings.map(\.code) == [.textAfterClosingQuote])
        #expect(check.warnings[0].lines == [2])
    }

    @Test func spacesAroundQuotedFieldsAreIgnoredAndQuoteInsideUnquotedFieldIsLiteral() throws {
        let scratch = try Scratch()
        let check = try scratch.check("a,b,c\n  \"x, y\"  ,5\" layar,z\n")
        #expect(check.accepted)
        #expect(check.preview == [["x, y", "5\" layar", "z"]])
        #expect(check.warnings.isEmpty)
    }
}
