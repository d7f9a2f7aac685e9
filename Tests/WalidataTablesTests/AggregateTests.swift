import Testing
@testable import WalidataTables

/// The chart's numbers: a numeric column summed or averaged per category over filtered rows,
/// in SQLite, with the largest groups first and the rest folded into one.
@Suite("Aggregation")
struct AggregateTests {
    static let csv = """
        kecamatan,tahun,jumlah,luas
        Siberut Utara,2022,10,"1,5"
        Siberut Utara,2023,20,"2,5"
        Siberut Selatan,2022,5,"1,0"
        Siberut Selatan,2023,7,
        Sipora,2023,3,"0,5"
        ,2023,4,"0,5"
        Sikakap,2024,,"0,5"
        """

    let scratch: Scratch
    let reader: TableReader

    init() throws {
        scratch = try Scratch()
        reader = try scratch.table(Self.csv)
    }

    func series(_ a: TableAggregation, _ f: TableAggregation.Function = .sum) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: a.groups.map { g in
            let label: String = switch g.category { case .text(let s): s; case .integer(let v): String(v); case .null: "∅"; default: "?" }
            return (label, g.value(f) ?? -1)
        })
    }

    @Test func sumsPerCategoryLargestFirstWithTheRestFolded() throws {
        let a = try reader.aggregate(TableQuery(), x: "kecamatan", y: "jumlah", function: .sum, order: .largestFirst, limit: 3)
        #expect(a.groups.map(\.sum) == [30, 12, 4])
        #expect(a.groups.map(\.category) == [.text("Siberut Utara"), .text("Siberut Selatan"), .null])
        // Sipora (3) and Sikakap (no number) are the rest: 2 groups, sum 3, 2 rows, 1 filled.
        #expect(a.restGroupCount == 2 && a.rest?.sum == 3 && a.rest?.rows == 2 && a.rest?.filled == 1)
        #expect(a.rowCount == 7)
    }

    @Test func averagesCountOnlyFilledCells() throws {
        let a = try reader.aggregate(TableQuery(), x: "kecamatan", y: "jumlah", function: .avg, order: .largestFirst, limit: 10)
        let s = series(a, .avg)
        #expect(s["Siberut Utara"] == 15 && s["Siberut Selatan"] == 6 && s["Sipora"] == 3 && s["∅"] == 4)
        // A group with no filled cell has no average, and sorts last.
        #expect(a.groups.last?.category == .text("Sikakap") && a.groups.last?.value(.avg) == nil)
        #expect(a.rest == nil && a.restGroupCount == 0)
    }

    @Test func yearsInOrderOverTheFilteredRows() throws {
        let all = try reader.aggregate(TableQuery(), x: "tahun", y: "jumlah", function: .sum, order: .byCategory, limit: 100)
        #expect(all.groups.map(\.category) == [.integer(2022), .integer(2023), .integer(2024)])
        #expect(all.groups.map(\.sum) == [15, 34, 0])
        let filtered = try reader.aggregate(TableQuery(filters: [TableFilter(column: "kecamatan", operation: .contains, value: "siberut")]),
                                            x: "tahun", y: "jumlah", function: .sum, order: .byCategory, limit: 100)
        #expect(filtered.groups.map(\.sum) == [15, 27] && filtered.rowCount == 4)
        let decimals = try reader.aggregate(TableQuery(), x: "kecamatan", y: "luas", function: .sum, order: .largestFirst, limit: 1)
        #expect(decimals.groups.first?.sum == 4.0)
    }

    @Test func refusesUnsuitableOrUnknownColumnsWithoutTouchingSQL() throws {
        #expect(throws: TablesError.self) { try reader.aggregate(TableQuery(), x: "tahun", y: "kecamatan", function: .sum, order: .largestFirst, limit: 5) }
        #expect(throws: TablesError.self) { try reader.aggregate(TableQuery(), x: "luas", y: "jumlah", function: .sum, order: .largestFirst, limit: 5) }
        do {
            _ = try reader.aggregate(TableQuery(), x: "kecamatan\"; DROP TABLE data; --", y: "jumlah", function: .sum, order: .largestFirst, limit: 5)
            Issue.record("an unknown column was accepted")
        } catch let error as TablesError {
            #expect(error.code == .unknownColumn)
        }
        #expect(throws: TablesError.self) {
            try reader.aggregate(TableQuery(filters: [TableFilter(column: "jumlah", operation: .equals, value: "abc")]),
                                 x: "tahun", y: "jumlah", function: .sum, order: .byCategory, limit: 5)
        }
        #expect(reader.rowCount == 7)
    }
}
