import Foundation
import Testing
import Vapor
@testable import Walidata

/// Issue 11: the explorer reads its query by hand (`TableQueryParams(query:)`); it must read what
/// Vapor's decoder read, and refuse what it refused.
@Suite("Table query read from the URL")
struct TableQueryParamsTests {
    func fields(_ p: TableQueryParams) -> [String?] {
        [p.c1, p.o1, p.v1, p.c2, p.o2, p.v2, p.c3, p.o3, p.v3, p.sort, p.desc, p.limit.map(String.init), p.offset.map(String.init)]
    }

    @Test("the same fields as URLEncodedFormDecoder, for plain, encoded and hostile queries")
    func sameAsDecoder() throws {
        let queries = [
            "", "c1=indikator&o1=equals&v1=Jumlah%20penduduk%20perkotaan&limit=50",
            "c1=desa&v1=a+b%2Bc&c2=tahun&o2=greater_than&v2=2020&c3=nilai&o3=empty&sort=nilai&desc=1&limit=10&offset=20",
            "v1=%22%3B%20DROP%20TABLE%20data%3B%20--&c1=%C3%A9&x=desa&y=nilai&agg=sum", "sort=&desc=&c1=", "limit=0&offset=0",
            "c1=Siberut%20%F0%9F%8C%8A&unknown=1&&v1=",
        ]
        for query in queries {
            let byHand = try TableQueryParams(query: query)
            let decoded = try URLEncodedFormDecoder().decode(TableQueryParams.self, from: query)
            #expect(fields(byHand) == fields(decoded), "\(query)")
        }
    }

    @Test("a limit or offset that is not a whole number is refused")
    func refused() {
        for query in ["limit=abc", "offset=1.5", "limit=50&offset=x"] {
            #expect(throws: UserError.self) { try TableQueryParams(query: query) }
            #expect(throws: (any Error).self) { try URLEncodedFormDecoder().decode(TableQueryParams.self, from: query) }
        }
    }
}
