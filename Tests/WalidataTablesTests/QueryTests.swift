import Testing
@testable import WalidataTables

@Suite("Queries")
struct QueryTests {
    static let csv = """
        kode;kecamatan;nilai;tanggal;aktif;catatan
        1;Sikakap;1.234,5;05/01/2024;ya;Data sementara
        2;Sipora Utara;99;2024-02-29;tidak;
        3;Siberut Selatan;1.000.000;31-12-2023;ya;Angka 100% perbaikan
        4;Pagai Utara;-;2024-06-01;tidak;catatan_khusus
        5;Sikakap;12,5;2022-01-01;ya;DATA SEMENTARA
        """

    let scratch: Scratch
    let reader: TableReader

    init() throws {
        scratch = try Scratch()
        reader = try scratch.table(Self.csv)
    }

    func codes(_ page: TablePage) -> [Int64] {
        page.rows.map { if case .integer(let v) = $0.values[0] { v } else { -1 } }
    }

    @Test func numericSortIsNumericNotTextual() throws {
        let ascending = try reader.query(TableQuery(sort: [TableSort(column: "nilai")]))
        #expect(codes(ascending) == [5, 2, 1, 3, 4])
        let descending = try reader.query(TableQuery(sort: [TableSort(column: "nilai", descending: true)]))
        #expect(codes(descending) == [3, 1, 2, 5, 4])
    }

    @Test func sortByDateAndThenBySeveralColumns() throws {
        #expect(codes(try reader.query(TableQuery(sort: [TableSort(column: "tanggal")]))) == [5, 3, 1, 2, 4])
        let twoKeys = try reader.query(TableQuery(sort: [TableSort(column: "kecamatan"), TableSort(column: "kode", descending: true)]))
        #expect(codes(twoKeys) == [4, 3, 5, 1, 2])
    }

    @Test func numericComparisonsReadValuesAsUsersTypeThem() throws {
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "nilai", operation: .greaterThan, value: "1.000")]))) == [1, 3])
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "nilai", operation: .lessThanOrEqual, value: "99")]))) == [2, 5])
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "nilai", operation: .equals, value: "12,5")]))) == [5])
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "tanggal", operation: .greaterThanOrEqual, value: "01/01/2024")]))) == [1, 2, 4])
    }

    @Test func equalsContainsAndEmptiness() throws {
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "kecamatan", operation: .equals, value: "Sikakap")]))) == [1, 5])
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "catatan", operation: .contains, value: "sementara")]))) == [1, 5])
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "catatan", operation: .contains, value: "100%")]))) == [3])
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "catatan", operation: .contains, value: "n_k")]))) == [4])
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "nilai", operation: .contains, value: "1.234")]))) == [1])
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "catatan", operation: .isEmpty)]))) == [2])
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "nilai", operation: .isNotEmpty)]))) == [1, 2, 3, 5])
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "aktif", operation: .equals, value: "Ya")]))) == [1, 3, 5])
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: "kecamatan", operation: .notEquals, value: "Sikakap")]))) == [2, 3, 4])
    }

    @Test func filtersCombineAndTotalCountsAllPages() throws {
        let query = TableQuery(filters: [TableFilter(column: "aktif", operation: .equals, value: "true"),
                                         TableFilter(column: "nilai", operation: .greaterThan, value: "10")],
                               sort: [TableSort(column: "kode", descending: true)], limit: 1, offset: 1)
        let page = try reader.query(query)
        #expect(page.totalCount == 3)
        #expect(codes(page) == [3])
        #expect(try reader.count(query) == 3)
    }

    @Test func pagesAreCappedAndOffsetMustNotBeNegative() throws {
        var text = "n\n"
        for i in 1...2500 { text += "\(i)\n" }
        let reader = try scratch.table(text, name: "long")
        let page = try reader.query(TableQuery(limit: 5000, offset: 1000))
        #expect(page.limit == 1000)
        #expect(page.rows.count == 1000)
        #expect(page.rows.first?.number == 1001)
        #expect(page.totalCount == 2500)
        #expect(try reader.query().rows.count == 100)
        let error = try #require(throws: TablesError.self) { try reader.query(TableQuery(offset: -1)) }
        #expect(error.code == .invalidPaging)
    }

    @Test func columnsAreMatchedIgnoringCaseButUnknownOnesAreRefused() throws {
        #expect(codes(try reader.query(TableQuery(filters: [TableFilter(column: " KODE ", operation: .equals, value: "2")]))) == [2])
        let error = try #require(throws: TablesError.self) {
            try reader.query(TableQuery(filters: [TableFilter(column: "kode\"; DROP TABLE data; --", operation: .equals, value: "1")]))
        }
        #expect(error.code == .unknownColumn)
        #expect(error.indonesianMessage.contains("tidak ada dalam tabel"))
        #expect(throws: TablesError.self) { try reader.query(TableQuery(sort: [TableSort(column: "_row")])) }
    }

    @Test func validateChecksAQueryWithoutRunningIt() throws {
        try reader.validate(TableQuery(filters: [TableFilter(column: "nilai", operation: .greaterThan, value: "12,5")],
                                       sort: [TableSort(column: "tanggal")]))
        #expect(throws: TablesError.self) { try reader.validate(TableQuery(sort: [TableSort(column: "tidak ada")])) }
        #expect(throws: TablesError.self) {
            try reader.validate(TableQuery(filters: [TableFilter(column: "tanggal", operation: .lessThan, value: "kemarin")]))
        }
        #expect(throws: TablesError.self) { try reader.validate(TableQuery(offset: -5)) }
    }

    @Test func hostileFilterValuesAreJustValues() throws {
        for value in ["'; DROP TABLE data; --", "\"; DROP TABLE data; --", "x' OR '1'='1", "%", "_"] {
            let page = try reader.query(TableQuery(filters: [TableFilter(column: "kecamatan", operation: .equals, value: value)]))
            #expect(page.totalCount == 0, "\(value)")
        }
        let like = try reader.query(TableQuery(filters: [TableFilter(column: "kecamatan", operation: .contains, value: "' OR 1=1 --")]))
        #expect(like.totalCount == 0)
        #expect(try reader.query().totalCount == 5)
    }

    @Test func filterValuesMustFitTheColumnType() throws {
        let number = try #require(throws: TablesError.self) {
            try reader.query(TableQuery(filters: [TableFilter(column: "nilai", operation: .greaterThan, value: "banyak")]))
        }
        #expect(number.code == .invalidFilterValue)
        #expect(number.indonesianMessage.contains("harus berupa angka"))
        let date = try #require(throws: TablesError.self) {
            try reader.query(TableQuery(filters: [TableFilter(column: "tanggal", operation: .equals, value: "31/02/2024")]))
        }
        #expect(date.code == .invalidFilterValue)
        let comparison = try #require(throws: TablesError.self) {
            try reader.query(TableQuery(filters: [TableFilter(column: "kecamatan", operation: .greaterThan, value: "A")]))
        }
        #expect(comparison.code == .unsupportedFilter)
    }

    @Test func rowsCarryTypedValuesAndTheTextAsUploaded() throws {
        let row = try #require(try reader.query(TableQuery(limit: 1)).rows.first)
        #expect(row.values == [.integer(1), .text("Sikakap"), .decimal(1234.5), .date("2024-01-05"), .boolean(true), .text("Data sementara")])
        #expect(row.texts == ["1", "Sikakap", "1.234,5", "05/01/2024", "ya", "Data sementara"])
    }
}
