import CSQLite
import Foundation
import Testing
@testable import WalidataTables

@Suite("Loading tables")
struct TableLoadTests {
    /// `typeof()` and value of each stored cell, read straight from the file.
    func stored(_ reader: TableReader, _ column: String) throws -> [String] {
        let index = try #require(reader.columns.firstIndex { $0.name == column })
        let name = TableSchema.quoted(reader.schema.sqlNames[index])
        let statement = try reader.connection.prepare("SELECT typeof(\(name)) || ':' || coalesce(\(name), '') FROM data ORDER BY _row")
        var out: [String] = []
        while try statement.step() { out.append(statement.text(0) ?? "") }
        return out
    }

    @Test func valuesAreStoredTypedSoTheyCompareAsTheirType() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("""
            kode;nilai;tanggal;aktif;nama
            1;1.234,5;05/01/2024;ya;Sikakap
            2;12,5;2024-02-29;tidak;Sipora
            3;-;31-12-2023;1;
            """)
        #expect(try stored(reader, "kode") == ["integer:1", "integer:2", "integer:3"])
        #expect(try stored(reader, "nilai") == ["real:1234.5", "real:12.5", "null:"])
        #expect(try stored(reader, "tanggal") == ["text:2024-01-05", "text:2024-02-29", "text:2023-12-31"])
        #expect(try stored(reader, "aktif") == ["integer:1", "integer:0", "integer:1"])
        #expect(try stored(reader, "nama") == ["text:Sikakap", "text:Sipora", "null:"])
        #expect(reader.columns.map(\.type) == [.integer, .decimal, .date, .boolean, .text])
    }

    @Test func rowNumbersAndLinesAreKept() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("a,b\n\n1,\"x\ny\"\n2,z\n")
        let page = try reader.query()
        #expect(page.rows.map(\.number) == [1, 2])
        #expect(page.rows.map(\.line) == [3, 5])
    }

    @Test func aTextColumnGetsItsOriginalSpellingBack() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("catatan\n\"1.234,5\"\n05/01/2024\nya\n42\n12.5\nlain\nNA\n")
        #expect(reader.columns[0].type == .text)
        #expect(try stored(reader, "catatan")
            == ["text:1.234,5", "text:05/01/2024", "text:ya", "text:42", "text:12.5", "text:lain", "null:"])
        #expect(try reader.query().rows.map { $0.texts[0] } == ["1.234,5", "05/01/2024", "ya", "42", "12.5", "lain", "NA"])
    }

    @Test func ambiguousValuesInAnInternationalColumnAreReadAgain() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("n,m\n\"1,234\",1.5\n\"2,500\",1.234\n\"1,000,000\",2.25\n")
        #expect(reader.columns.map(\.type) == [.integer, .decimal])
        #expect(try stored(reader, "n") == ["integer:1234", "integer:2500", "integer:1000000"])
        #expect(try stored(reader, "m") == ["real:1.5", "real:1.234", "real:2.25"])
    }

    @Test func hostileHeaderNamesBecomeSafeIdentifiers() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("\"\"\"; DROP TABLE data; --\",_row,_raw_1,normal\nx,1,2,3\n")
        #expect(reader.columns.map(\.name) == ["\"; DROP TABLE data; --", "_row", "_raw_1", "normal"])
        #expect(reader.schema.sqlNames == ["_; DROP TABLE data; --", "_row_2", "__raw_1", "normal"])
        let page = try reader.query()
        #expect(page.rows[0].texts == ["x", "1", "2", "3"])
        #expect(page.rows[0].number == 1)
    }

    @Test func theFinishedFileIsReadOnlyAndNoTemporaryFileRemains() throws {
        let scratch = try Scratch()
        _ = try scratch.table("a\n1\n")
        #expect(scratch.contents == ["table.csv", "table.sqlite"])
        let permissions = try FileManager.default.attributesOfItem(atPath: scratch.url("table.sqlite").path)[.posixPermissions] as? Int
        #expect(permissions == 0o444)
    }

    @Test func checkReportIsStoredInTheTable() throws {
        let scratch = try Scratch()
        let csv = try scratch.file("kode;nilai\n1;2,5\n")
        let check = try TableIngest.ingest(csvFile: csv, tableFile: scratch.url("t.sqlite"))
        let reader = try TableReader(tableFile: scratch.url("t.sqlite"))
        #expect(reader.check == check)
        #expect(reader.columns.map(\.profile) == check.columns)
        #expect(reader.columns[1].numberStyle == .indonesian)
    }

    @Test func unwritableDestinationIsAnErrorNotAReport() throws {
        let scratch = try Scratch()
        let csv = try scratch.file("a\n1\n")
        #expect(throws: TablesError.self) {
            try TableIngest.ingest(csvFile: csv, tableFile: scratch.url("missing-dir/t.sqlite"))
        }
        let error = try #require(throws: TablesError.self) { try TableIngest.check(csvFile: scratch.url("nope.csv")) }
        #expect(error.code == .fileNotReadable)
    }
}
