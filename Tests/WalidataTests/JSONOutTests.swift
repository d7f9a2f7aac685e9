import Foundation
import Testing
@testable import Walidata
import WalidataTables

/// Issue 11: the explorer's table twin and the CKAN answers are written byte by byte
/// (`JSONOut`) instead of through `JSONEncoder`; they must say exactly what the encoder said.
@Suite("JSON written directly")
struct JSONOutTests {
    static let hostile = ["\"kutip\" \\ garis miring /", "baris\nbaru\ttab\r", "\u{0}\u{1}\u{1F}\u{7F}", "</script><b>", "Siberut 🌊 Ünïcode",
                          "", " ", "x".padding(toLength: 300, withPad: "yz", startingAt: 0)]

    func table(version: Bool, chart: Bool) -> ExplorerJSON.Table {
        let rows: [[TableValue]] = Self.hostile.enumerated().map { i, text in
            [.text(text), .integer(Int64(i) - 3), .decimal(Double(i) * 1.25 - 2), .boolean(i % 2 == 0), .date("2024-0\(i % 9 + 1)-15"), .null]
        }
        return ExplorerJSON.Table(
            dataset: .init(slug: "penduduk", title: Self.hostile[0], description: Self.hostile[1], organization: Self.hostile[2],
                           topic: Self.hostile[3], license: "CC-BY-4.0", url: "/publik/data/penduduk"),
            version: version ? .init(number: 3, createdAt: Date(timeIntervalSince1970: 1_764_577_800), changeNote: Self.hostile[4],
                                     rowCount: 1_000_000, columnCount: 6, current: true, url: "/a", json: "/a.json") : nil,
            columns: [.init(name: Self.hostile[0], type: "text", filled: 7, empty: 1, distinct: 8, distinctCapped: false, min: nil, max: nil),
                      .init(name: "nilai", type: "decimal", filled: 8, empty: 0, distinct: 8, distinctCapped: true, min: "-2", max: "6.75")],
            total: 16_381, tableRows: 1_000_000, offset: 50, limit: 50, rowNumbers: Array(rows.indices.map { $0 * 7 + 1 }), rows: rows,
            links: ["self": "/publik/data/penduduk.json?c1=a&v1=%22", "next": "/x?offset=100", Self.hostile[0]: Self.hostile[1]],
            chart: chart ? .init(x: "desa", y: "nilai", agg: "sum", kind: "bar", title: Self.hostile[0], rows: 3,
                                 series: [.init(label: "A", category: .text("A"), value: 1.5, rows: 2, other: false)], links: ["svg": "/g.svg"]) : nil)
    }

    @Test("the table twin is the same bytes JSONEncoder wrote, with and without a version and a chart")
    func tableBytes() throws {
        for version in [false, true] {
            for chart in [false, true] {
                let t = table(version: version, chart: chart)
                let direct = try t.json()
                let encoded = Array(try ExplorerJSON.encoder.encode(t))
                #expect(String(decoding: direct, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
            }
        }
    }

    @Test("a decimal keeps the digits it was read with; a value JSON cannot carry is null")
    func decimals() throws {
        var t = table(version: true, chart: false)
        t.rows = [[.decimal(13.1), .decimal(1234.5), .decimal(.nan), .decimal(-.infinity), .decimal(1e21)]]
        t.texts = [["13.10", "1.234,50", "", "", ""]]
        t.rowNumbers = [1]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(t.json())) as? [String: Any])
        let text = String(decoding: try t.json(), as: UTF8.self)
        #expect(text.contains("[[13.10,1234.50,null,null,1000000000000000000000]]"))
        #expect((object["rows"] as? [[Any]])?.first?.count == 5)
    }

    @Test("a CKAN answer is the same bytes JSONEncoder wrote with sorted keys; large numbers stay numbers")
    func jsonValue() throws {
        let value: JSONValue = [
            "success": true, "help": "/api/3/action/help_show?name=x", "nothing": nil,
            "result": ["records": .array(Self.hostile.enumerated().map { i, s in
                ["_id": .int(i), s: .string(s), "n": .double(Double(i) / 4 - 1), "list": [.int(-i), .bool(false), nil, [:], []]]
            }), "total": 16_381],
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: value.jsonBytes, as: UTF8.self) == String(decoding: try encoder.encode(value), as: UTF8.self))
        let big: JSONValue = ["x": .double(1e21), "y": .double(-0.000125), "z": .double(.nan)]
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(big.jsonBytes)) as? [String: Any])
        #expect((parsed["x"] as? NSNumber)?.doubleValue == 1e21)
        #expect((parsed["y"] as? NSNumber)?.doubleValue == -0.000125)
        #expect(parsed["z"] is NSNull)
    }
}
