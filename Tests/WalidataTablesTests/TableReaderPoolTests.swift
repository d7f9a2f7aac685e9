import Foundation
import Testing
@testable import WalidataTables

/// Issue 11: open table readers are kept between requests (`TableReaderPool`); a kept reader
/// must never answer for a file that was replaced, and the pool stays bounded.
@Suite("Table reader pool")
struct TableReaderPoolTests {
    @Test("a reader is kept and used again; a file written again at the same path is read afresh")
    func reuseAndReplace() throws {
        let scratch = try Scratch()
        let first = try scratch.table("desa,jumlah\nAlpha,1\nBeta,2\n", name: "t")
        let file = first.tableFile
        let pool = TableReaderPool(perFile: 2, capacity: 4)
        var seen: [ObjectIdentifier] = []
        for _ in 0..<3 {
            let rows = try pool.withReader(file) { reader in
                seen.append(ObjectIdentifier(reader))
                return try reader.query(TableQuery()).rows.map(\.texts)
            }
            #expect(rows == [["Alpha", "1"], ["Beta", "2"]])
        }
        #expect(Set(seen).count == 1, "one reader served the three calls")
        #expect(pool.count == 1)

        // The same path, other rows: a new file (new inode, size, time), never the old reader.
        try FileManager.default.removeItem(at: file)
        _ = try scratch.table("desa,jumlah\nGamma,3\n", name: "t")
        let rows = try pool.withReader(file) { try $0.query(TableQuery()).rows.map(\.texts) }
        #expect(rows == [["Gamma", "3"]])
    }

    @Test("a call that fails does not put its reader back; the pool keeps at most its capacity")
    func failureAndBounds() throws {
        let scratch = try Scratch()
        let pool = TableReaderPool(perFile: 2, capacity: 3)
        let files = try (0..<5).map { try scratch.table("a,b\n\($0),x\n", name: "f\($0)").tableFile }
        #expect(throws: TablesError.self) {
            try pool.withReader(files[0]) { try $0.query(TableQuery(filters: [TableFilter(column: "nope", operation: .equals, value: "1")])) }
        }
        #expect(pool.count == 0)
        for file in files {
            _ = try pool.withReader(file) { try $0.query(TableQuery()) }
        }
        #expect(pool.count == 3)
        // Nested use of the same file needs two readers; both are kept (perFile 2).
        try pool.withReader(files[4]) { outer in
            try pool.withReader(files[4]) { inner in #expect(outer !== inner) }
        }
        #expect(pool.count <= 3)
    }
}
