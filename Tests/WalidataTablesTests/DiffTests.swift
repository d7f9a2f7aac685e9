import Foundation
import Testing
@testable import WalidataTables

@Suite("Comparing versions")
struct DiffTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    func versions(_ old: String, _ new: String) throws -> (URL, URL) {
        _ = try scratch.table(old, name: "old")
        _ = try scratch.table(new, name: "new")
        return (scratch.url("old.sqlite"), scratch.url("new.sqlite"))
    }

    @Test func byKeyFindsAddedRemovedAndChangedRowsAndColumns() throws {
        let (old, new) = try versions("""
            kode;desa;penduduk;luas
            1;Tuapejat;1.200;10
            2;Sikakap;800;12
            3;Muntei;450;8
            4;Madobag;300;20
            """, """
            kode;desa;penduduk;sumber
            1;Tuapejat;1200;BPS
            2;Sikakap;810;BPS
            4;Madobag;300;Desa
            5;Matotonan;275;BPS
            """)
        let result = try TableDiff.compare(old: old, new: new, key: "kode")
        #expect(result.keyColumn == "kode")
        #expect(result.columnsAdded == ["sumber"])
        #expect(result.columnsRemoved == ["luas"])
        #expect(result.rowsAdded == 1)
        #expect(result.rowsRemoved == 1)
        #expect(result.rowsChanged == 1)
        #expect(result.rowsUnchanged == 2)
        #expect(result.rowsNotCompared == 0)
        #expect(result.addedExamples.map { $0.texts[1] } == ["Matotonan"])
        #expect(result.removedExamples.map { $0.texts[1] } == ["Muntei"])
        let changed = try #require(result.changedExamples.first)
        #expect(changed.key == "2")
        #expect(changed.changedColumns == ["penduduk"])
        #expect(changed.old.texts[2] == "800" && changed.new.texts[2] == "810")
        #expect(result.problems.isEmpty)
    }

    @Test func duplicateAndEmptyKeysAreReportedAndLeftOut() throws {
        let (old, new) = try versions("k,v\nA,1\nA,2\nB,3\nC,4\n", "k,v\nA,1\nB,3\nC,5\n,6\nD,7\nD,8\n")
        let result = try TableDiff.compare(old: old, new: new, key: "k")
        #expect(result.problems.map(\.code) == [.duplicateKeys, .emptyKeys, .duplicateKeys])
        #expect(result.problems[0].version == .old)
        #expect(result.problems[0].examples == ["A"])
        #expect(result.problems[0].rowCount == 2)
        #expect(result.problems[0].indonesianMessage.contains("tidak dibandingkan"))
        #expect(result.problems[2].examples == ["D"])
        #expect(result.rowsChanged == 1)
        #expect(result.rowsUnchanged == 1)
        #expect(result.rowsAdded == 0)
        #expect(result.rowsRemoved == 0)
        #expect(result.rowsNotCompared == 2 + 1 + 1 + 2)
    }

    @Test func missingKeyColumnIsAnError() throws {
        let (old, new) = try versions("a,b\n1,2\n", "a,c\n1,2\n")
        let error = try #require(throws: TablesError.self) { try TableDiff.compare(old: old, new: new, key: "b") }
        #expect(error.code == .keyColumnMissing)
        #expect(error.parameters["inOld"] == "true" && error.parameters["inNew"] == "false")
        #expect(error.indonesianMessage.contains("versi baru"))
    }

    @Test func wholeRowsAreComparedAsMultisets() throws {
        let (old, new) = try versions("desa,nilai\nA,1\nA,1\nB,2\nC,3\n", "desa,nilai,baru\nA,1,x\nB,2,x\nB,2,x\nD,4,x\n")
        let result = try TableDiff.compare(old: old, new: new)
        #expect(result.keyColumn == nil)
        #expect(result.rowsChanged == nil)
        #expect(result.columnsAdded == ["baru"])
        #expect(result.rowsAdded == 2)
        #expect(result.rowsRemoved == 2)
        #expect(result.rowsUnchanged == 2)
        #expect(result.addedExamples.map { $0.texts[0] } == ["B", "D"])
        #expect(result.removedExamples.map { $0.texts[0] } == ["A", "C"])
    }

    @Test func sameValuesWrittenDifferentlyAreUnchangedButRetypedColumnsCompareAsText() throws {
        let (old, new) = try versions("k;n;t\n1;1.234,5;5\n2;7;6\n", "k,n,t\n1,1234.5,5\n2,7,enam\n")
        let result = try TableDiff.compare(old: old, new: new, key: "k")
        #expect(result.columnsRetyped == [.init(column: "t", oldType: .integer, newType: .text)])
        #expect(result.rowsChanged == 1)
        #expect(result.changedExamples.map(\.changedColumns) == [["t"]])
        let whole = try TableDiff.compare(old: old, new: new)
        #expect(whole.rowsUnchanged == 1 && whole.rowsAdded == 1 && whole.rowsRemoved == 1)
    }

    /// Rows are found in key order but shown in file order, and only up to the limit.
    @Test func examplesAreTheFirstRowsInFileOrder() throws {
        var old = "kode,nilai\n", new = "kode,nilai\n"
        for i in (1...60).reversed() {
            old += "K\(i),\(i)\n"
            new += "K\(i),\(i % 2 == 0 ? i * 10 : i)\n"
        }
        let (oldURL, newURL) = try versions(old, new)
        let result = try TableDiff.compare(old: oldURL, new: newURL, key: "kode", exampleLimit: 5)
        #expect(result.rowsChanged == 30)
        #expect(result.changedExamples.map(\.key) == ["K60", "K58", "K56", "K54", "K52"])
        #expect(result.changedExamples.map(\.new.number) == [1, 3, 5, 7, 9])
        #expect(result.changedExamples[0].old.texts == ["K60", "60"])
        #expect(result.changedExamples[0].new.texts == ["K60", "600"])
        let whole = try TableDiff.compare(old: oldURL, new: newURL, exampleLimit: 3)
        #expect(whole.rowsAdded == 30 && whole.rowsRemoved == 30)
        #expect(whole.addedExamples.map(\.number) == [1, 3, 5])
    }

    @Test func identicalVersionsHaveNoDifferences() throws {
        let text = "k,v\n1,a\n2,b\n"
        let (old, new) = try versions(text, text)
        let keyed = try TableDiff.compare(old: old, new: new, key: "k")
        #expect(keyed.rowsAdded == 0 && keyed.rowsRemoved == 0 && keyed.rowsChanged == 0 && keyed.rowsUnchanged == 2)
        #expect(keyed.columnsAdded.isEmpty && keyed.columnsRemoved.isEmpty)
    }
}
