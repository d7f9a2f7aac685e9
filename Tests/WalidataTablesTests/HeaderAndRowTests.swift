import Testing
@testable import WalidataTables

@Suite("Header and row shape")
struct HeaderAndRowTests {
    @Test func headerOnlyIsAcceptedWithAWarning() throws {
        let scratch = try Scratch()
        let check = try scratch.check("kode,nama\n")
        #expect(check.accepted)
        #expect(check.rowCount == 0)
        #expect(check.codes == [.noDataRows])
        #expect(check.problems[0].severity == .warning)
        #expect(check.columns.map(\.type) == [.text, .text])
    }

    @Test func headerOnlyLoadsAnEmptyTable() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("kode,nama\r\n")
        #expect(reader.rowCount == 0)
        #expect(reader.columns.map(\.name) == ["kode", "nama"])
        #expect(try reader.query().rows.isEmpty)
    }

    @Test func duplicateAndEmptyHeaderNamesAreListed() throws {
        let scratch = try Scratch()
        let check = try scratch.check("kode,Nama, nama ,,tahun,KODE,\n1,a,b,c,2024,x,y\n")
        #expect(!check.accepted)
        #expect(check.codes == [.emptyHeaderName, .duplicateHeaderName, .duplicateHeaderName])
        #expect(check.problems[0].parameters["columns"] == "4,7")
        #expect(check.problems[0].indonesianMessage.contains("ke-4 dan 7"))
        #expect(check.problems[1].parameters["name"] == "kode")
        #expect(check.problems[1].parameters["columns"] == "1,6")
        #expect(check.problems[2].parameters["name"] == "Nama")
        #expect(check.problems[2].parameters["columns"] == "2,3")
    }

    @Test func rejectedFileLeavesNoTableBehind() throws {
        let scratch = try Scratch()
        let csv = try scratch.file("a,a\n1,2\n")
        let check = try TableIngest.ingest(csvFile: csv, tableFile: scratch.url("t.sqlite"))
        #expect(!check.accepted)
        #expect(scratch.contents == ["data.csv"])
    }

    @Test func raggedRowsAreReportedWithPhysicalLineNumbers() throws {
        let scratch = try Scratch()
        let text = "a,b,c\n1,2,3\n\"multi\nline\nfield\",2,3\n4,5\n\n6,7,8,9\n10,11,12\n"
        let check = try scratch.check(text)
        #expect(!check.accepted)
        #expect(check.raggedRowCount == 2)
        #expect(check.problems.map(\.lines) == [[6], [8]])
        #expect(check.problems[0].parameters == ["line": "6", "found": "2", "expected": "3"])
        #expect(check.problems[0].indonesianMessage
            == "Baris 6 berisi 2 kolom, padahal judul kolom ada 3. Periksa tanda pemisah atau tanda kutip pada baris itu.")
        #expect(check.problems[1].englishMessage.hasPrefix("Line 8 has 4 fields, but the header has 3."))
        #expect(check.blankLineCount == 1)
        #expect(check.rowCount == 5)
    }

    @Test func raggedRowsBeyondTheListLimitAreCounted() throws {
        let scratch = try Scratch()
        var text = "a,b\n"
        for i in 1...1500 { text += i % 2 == 0 ? "\(i),x,extra\n" : "\(i),x\n" }
        let check = try scratch.check(text)
        #expect(check.raggedRowCount == 750)
        #expect(check.problems.filter { $0.code == .raggedRow }.count == 20)
        #expect(check.problems.filter { $0.code == .raggedRow }.first?.lines == [3])
        let summary = try #require(check.problems.last)
        #expect(summary.code == .moreRaggedRows)
        #expect(summary.parameters["total"] == "750")
        #expect(summary.indonesianMessage.contains("Seluruhnya ada 750 baris"))
    }

    @Test func blankLinesAndLeadingBlankLinesAreSkipped() throws {
        let scratch = try Scratch()
        let check = try scratch.check("\n\na,b\n\n1,2\n   \n3,4\n\n")
        #expect(check.accepted)
        #expect(check.header == ["a", "b"])
        #expect(check.rowCount == 2)
        #expect(check.blankLineCount == 5)
    }

    @Test func numericHeaderIsAWarning() throws {
        let scratch = try Scratch()
        let check = try scratch.check("2021,2022,2023\n10,20,30\n")
        #expect(check.accepted)
        #expect(check.codes == [.headerLooksLikeData])
        #expect(check.problems[0].severity == .warning)
    }

    @Test func headerNamesAreTrimmed() throws {
        let scratch = try Scratch()
        let check = try scratch.check(" kode , nama \n1,a\n")
        #expect(check.header == ["kode", "nama"])
    }
}
