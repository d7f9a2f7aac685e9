import Foundation
import Testing
@testable import WalidataTables

@Suite("Finished tables are immutable")
struct ImmutabilityTests {
    @Test func readerConnectionRefusesWrites() throws {
        let scratch = try Scratch()
        let reader = try scratch.table("a,b\n1,2\n")
        for sql in ["DELETE FROM data", "INSERT INTO data (_line, a, b) VALUES (9, 1, 1)", "DROP TABLE data",
                    "UPDATE meta SET value = 'x'", "CREATE TABLE t (x)", "CREATE INDEX i ON data(a)"] {
            let error = try #require(throws: TablesError.self, "\(sql)") { try reader.connection.execute(sql) }
            #expect(error.code == .databaseFailure)
            #expect(error.parameters["message"]?.contains("readonly") == true, "\(error)")
        }
        #expect(try TableReader(tableFile: scratch.url("table.sqlite")).rowCount == 1)
    }

    @Test func anyOtherSQLiteFileIsNotATable() throws {
        let scratch = try Scratch()
        let other = try SQLiteConnection(path: scratch.url("other.sqlite").path, flags: 0x00000002 | 0x00000004)
        try other.execute("CREATE TABLE data (x); CREATE TABLE meta (key, value)")
        let error = try #require(throws: TablesError.self) { try TableReader(tableFile: scratch.url("other.sqlite")) }
        #expect(error.code == .notATableFile)
        let text = try scratch.file("not sqlite", name: "plain.txt")
        #expect(throws: TablesError.self) { try TableReader(tableFile: text) }
    }
}
