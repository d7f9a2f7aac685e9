import CSQLite
import Foundation
import Testing
@testable import WalidataTables

/// The row lists by value (format 2) must give exactly what a scan of the table gives: every
/// query here runs twice, once answered from the lists and once by the scan-only reader, and
/// the pages, counts and downloads must be identical.
@Suite("Row lists by value answer like scans")
struct PostingTests {
    static let kecamatan = ["Sikakap", "Pagai Utara", "Sipora Selatan", "Siberut Barat", "Siberut Tengah"]
    static let rows = 6000

    /// 6,000 rows: a text code with leading zeros and one distinct value per row (past the
    /// lists' distinct limit), categories, a year, numbers written two ways (`1.234` and `1234`
    /// are the same value), a mixed column that becomes text (`007`, `12`, `abc`), empty cells
    /// written as `-`, `NA` and nothing, and a rare value at far-apart rows (multi-byte gaps).
    static var csv: String {
        var lines = ["kode;kecamatan;tahun;angka;campur;status;nilai;langka"]
        for i in 1...rows {
            let kode = String(format: "%05d", i)
            let kec = kecamatan[(i * 7) % kecamatan.count]
            let tahun = 2015 + i % 11
            let angka = i % 3 == 0 ? "1.234" : (i % 3 == 1 ? "1234" : "99")
            let campur = ["007", "12", "abc", "12", ""][i % 5]
            let status = ["ya", "tidak", "-", "NA", ""][i % 5 == 0 ? i % 4 : 1]
            let nilai = i % 13 == 0 ? "" : "\(i % 97),\(i % 10)"
            let langka = (i == 3 || i == 4999) ? "jarang" : (i % 2 == 0 ? "genap" : "ganjil")
            lines.append("\(kode);\(kec);\(tahun);\(angka);\(campur);\(status);\(nilai);\(langka)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    let scratch: Scratch
    let listed: TableReader
    let scanned: TableReader

    init() throws {
        scratch = try Scratch()
        listed = try scratch.table(Self.csv)
        scanned = try TableReader(tableFile: scratch.url("table.sqlite"), usePostings: false)
    }

    func filter(_ column: String, _ op: TableFilter.Operation, _ value: String? = nil) -> TableFilter {
        TableFilter(column: column, operation: op, value: value)
    }

    func expectSame(_ query: TableQuery, _ readers: [TableReader]? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let readers = readers ?? [listed]
        let expected = try scanned.query(query)
        for reader in readers {
            #expect(try reader.query(query) == expected, "\(query)", sourceLocation: sourceLocation)
            #expect(try reader.count(query) == expected.totalCount, "\(query)", sourceLocation: sourceLocation)
            var a: [UInt8] = [], b: [UInt8] = []
            try reader.export(query, format: .csv) { a += $0 }
            try scanned.export(query, format: .csv) { b += $0 }
            #expect(a == b, "export \(query)", sourceLocation: sourceLocation)
        }
    }

    /// Filters worth checking on every path: listed equalities (present, absent, empty), the
    /// same value written two ways, other filters, and their combinations.
    var filterSets: [[TableFilter]] {
        [
            [filter("kecamatan", .equals, "Sikakap")],
            [filter("kecamatan", .equals, "sikakap")],
            [filter("kecamatan", .equals, "Tidak Ada")],
            [filter("tahun", .equals, "2020")],
            [filter("tahun", .equals, "2020,5")],
            [filter("angka", .equals, "1234")],
            [filter("angka", .equals, "1.234")],
            [filter("campur", .equals, "12")],
            [filter("campur", .equals, "007")],
            [filter("campur", .equals, "")],
            [filter("status", .isEmpty)],
            [filter("status", .equals, "ya")],
            [filter("langka", .equals, "jarang")],
            [filter("kode", .equals, "00042")],
            [filter("kecamatan", .equals, "Sikakap"), filter("tahun", .equals, "2020")],
            [filter("kecamatan", .equals, "Sikakap"), filter("kecamatan", .equals, "Pagai Utara")],
            [filter("kecamatan", .equals, "Sikakap"), filter("nilai", .greaterThan, "50")],
            [filter("kecamatan", .equals, "Sikakap"), filter("kode", .contains, "7")],
            [filter("kecamatan", .equals, "Sikakap"), filter("nilai", .isEmpty)],
            [filter("tahun", .greaterThanOrEqual, "2020")],
            [filter("kecamatan", .notEquals, "Sikakap")],
            [],
        ]
    }

    @Test func theCategoryColumnsHaveListsAndTheCodeColumnDoesNot() throws {
        let names = listed.postings.map { listed.columns[$0].name }
        #expect(Set(names) == ["kecamatan", "tahun", "angka", "campur", "status", "nilai", "langka"])
        // A value's list is written in several chunks once it passes the chunk size.
        let chunks = try listed.connection.scalarInt("SELECT count(*) FROM postings WHERE col = 7")
        let keys = try listed.connection.scalarInt("SELECT count(*) FROM posting_values WHERE col = 7")
        #expect(keys == 3 && chunks > keys)
    }

    @Test func filteredPagesCountsAndDownloadsMatchTheScan() throws {
        for filters in filterSets {
            for (offset, limit) in [(0, 50), (50, 50), (1150, 100), (5990, 50), (5999, 1000), (7000, 10), (0, 0)] {
                try expectSame(TableQuery(filters: filters, limit: limit, offset: offset))
            }
        }
    }

    @Test func sortingWithEmptyCellsMatchesTheScan() throws {
        let sorts = [[TableSort(column: "nilai")], [TableSort(column: "nilai", descending: true)],
                     [TableSort(column: "status"), TableSort(column: "kode", descending: true)], [TableSort(column: "campur", descending: true)]]
        for filters in filterSets.prefix(16) {
            for sort in sorts {
                try expectSame(TableQuery(filters: filters, sort: sort, limit: 40, offset: 0))
                try expectSame(TableQuery(filters: filters, sort: sort, limit: 40, offset: 200))
            }
        }
    }

    /// The whole table sorted by a listed column is read from the lists, page by page, and
    /// must give the scan's pages: ties in file order, empty cells last both ways, `1.234` and
    /// `1234` one value.
    @Test func sortingTheWholeTableByAListedColumnMatchesTheScan() throws {
        for column in ["kecamatan", "tahun", "angka", "campur", "status", "nilai", "langka"] {
            for descending in [false, true] {
                for (offset, limit) in [(0, 50), (1990, 40), (3999, 3), (5990, 50), (6000, 10), (0, 0)] {
                    let query = TableQuery(sort: [TableSort(column: column, descending: descending)], limit: limit, offset: offset)
                    #expect(try listed.sortedByList(query, limit: limit) != nil, "\(column) is sorted from its lists")
                    try expectSame(query)
                }
            }
        }
        // Not from the lists: a column without them, two keys, or a filter.
        #expect(try listed.sortedByList(TableQuery(sort: [TableSort(column: "kode")]), limit: 10) == nil)
        #expect(try listed.sortedByList(TableQuery(sort: [TableSort(column: "tahun"), TableSort(column: "kode")]), limit: 10) == nil)
        #expect(try listed.sortedByList(TableQuery(filters: [filter("tahun", .equals, "2020")], sort: [TableSort(column: "tahun")]), limit: 10) == nil)
    }

    @Test func anOlderTableFileWithoutListsReadsAsBefore() throws {
        let old = scratch.url("old.sqlite")
        try FileManager.default.copyItem(at: scratch.url("table.sqlite"), to: old)
        chmod(old.path, 0o644)
        let db = try SQLiteConnection(path: old.path, flags: SQLITE_OPEN_READWRITE)
        try db.execute("""
            DROP TABLE postings; DROP TABLE posting_values; DELETE FROM meta WHERE key = 'postings';
            UPDATE meta SET value = '1' WHERE key = 'format_version'; VACUUM;
            """)
        let reader = try TableReader(tableFile: old)
        #expect(reader.postings.isEmpty && reader.rowCount == Self.rows)
        for filters in filterSets {
            try expectSame(TableQuery(filters: filters, limit: 50, offset: 100), [reader])
        }
    }

    /// Counts are remembered per file: a file written again under the same name is a new file.
    @Test func rememberedCountsBelongToTheFileTheyWereCountedIn() throws {
        let query = TableQuery(filters: [filter("b", .contains, "x")])
        let first = try scratch.table("a,b\n1,x\n2,y\n3,x\n", name: "same")
        #expect(try first.count(query) == 2)
        #expect(try first.query(query).totalCount == 2)
        try FileManager.default.removeItem(at: scratch.url("same.sqlite"))
        let second = try scratch.table("a,b\n1,x\n2,x\n3,x\n4,x\n", name: "same")
        #expect(try second.count(query) == 4)
        #expect(try second.query(query).totalCount == 4)
        #expect(second.rowCount == 4)
    }
}
