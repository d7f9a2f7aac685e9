import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("CSV intake through the server: check, table, query, export, compare")
struct TableIntakeTests {
    struct Fixture {
        var app: Application
        var token: String
        var slug: String
    }

    func fixture(_ app: Application) async throws -> Fixture {
        let org = try await app.makeOrganization("DINKES")
        let user = try await app.makeUser("pengelola", role: .pengelolaTI)
        let dataset = try await app.makeDataset("Penduduk per Desa", organization: org, by: user)
        let (_, token) = try await AccountController.issueToken(for: user, name: "t", on: app.db)
        return Fixture(app: app, token: token, slug: dataset.slug)
    }

    func upload(_ f: Fixture, _ bytes: [UInt8], filename: String = "data.csv") async throws -> DatasetAPI.VersionOut {
        let response = try await f.app.testing().sendRequest(.POST, "/api/v1/datasets/\(f.slug)/versions?filename=\(filename)", headers: ["Authorization": "Bearer \(f.token)"], body: ByteBuffer(bytes: bytes))
        #expect(response.status == .created, "\(response.body.string.prefix(300))")
        return try response.content.decode(DatasetAPI.VersionOut.self)
    }

    func get(_ f: Fixture, _ path: String) async throws -> TestingHTTPResponse {
        try await f.app.testing().sendRequest(.GET, path, headers: ["Authorization": "Bearer \(f.token)"])
    }

    static let v1 = "kode_desa,desa,kecamatan,penduduk,luas_km2\n1309010001,Tuapeijat,Sipora Utara,5230,\"12,5\"\n1309010002,Sido Makmur,Sipora Utara,1875,\"8,25\"\n1309020001,Muara Siberut,Siberut Selatan,4120,\"20,1\"\n"
    static let v2 = "kode_desa,desa,kecamatan,penduduk,luas_km2,puskesmas\n1309010001,Tuapeijat,Sipora Utara,5301,\"12,5\",1\n1309010002,Sido Makmur,Sipora Utara,1875,\"8,25\",0\n1309030001,Sikakap,Sikakap,3980,\"15,0\",1\n"

    @Test("a good CSV is accepted, profiled and loaded; its table answers queries", arguments: TestDatabase.all)
    func accepted(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let version = try await upload(f, Array(Self.v1.utf8))
            #expect(version.status == "accepted")
            #expect(version.rowCount == 3)
            #expect(version.columnCount == 5)
            #expect(version.current)
            let report = try #require(version.report)
            #expect(report.columns.map(\.type.rawValue) == ["integer", "text", "text", "integer", "decimal"])
            #expect(app.tables.exists(version.sha256))

            let page = try await get(f, "/api/v1/datasets/\(f.slug)/versions/1/data?c1=kecamatan&o1=equals&v1=Sipora%20Utara&sort=penduduk&desc=1")
            #expect(page.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(page.body.readableBytesView)) as? [String: Any])
            #expect(json["totalCount"] as? Int == 2)
            let rows = try #require(json["rows"] as? [[String: Any]])
            let texts = rows.map { ($0["texts"] as? [String]) ?? [] }
            #expect(texts.map { $0.count > 1 ? $0[1] : "" } == ["Tuapeijat", "Sido Makmur"])
            #expect(texts.first?.last == "12,5", "cells come back as uploaded")

            let numeric = try await get(f, "/api/v1/datasets/\(f.slug)/versions/1/data?c1=luas_km2&o1=greaterThan&v1=10")
            let numericJSON = try #require(try JSONSerialization.jsonObject(with: Data(numeric.body.readableBytesView)) as? [String: Any])
            #expect(numericJSON["totalCount"] as? Int == 2, "12,5 and 20,1 are greater than 10; 8,25 is not")
        }
    }

    @Test("the version page shows the profile, the preview and the data", arguments: [TestDatabase.sqlite])
    func versionPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            _ = try await upload(f, Array(Self.v1.utf8))
            let browser = TestBrowser(app)
            try await browser.login("pengelola")
            let page = try await browser.get("/datasets/\(f.slug)/versions/1").body.string
            #expect(page.contains("id=\"profile-table\""))
            #expect(page.contains("id=\"preview-table\""))
            #expect(page.contains("id=\"data-table\""))
            #expect(page.contains("Bilangan desimal"))
            #expect(page.contains("<td>Muara Siberut</td>"))
        }
    }

    @Test("downloads: the whole table or the filtered rows, as CSV and JSON", arguments: TestDatabase.all)
    func downloads(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            _ = try await upload(f, Array(Self.v1.utf8))
            let csv = try await get(f, "/api/v1/datasets/\(f.slug)/versions/1/export?format=csv")
            #expect(csv.status == .ok)
            #expect(csv.body.string.replacingOccurrences(of: "\r\n", with: "\n") == Self.v1)
            let filtered = try await get(f, "/api/v1/datasets/\(f.slug)/versions/1/export?format=json&c1=desa&o1=contains&v1=siberut")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(filtered.body.readableBytesView)) as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows.first?["penduduk"] as? Int == 4120)
            let excel = try await get(f, "/api/v1/datasets/\(f.slug)/versions/1/export?format=csv-excel")
            #expect(Array(excel.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let page = try await get(f, "/datasets/\(f.slug)/versions/1/data.csv")
            #expect(page.status != .notFound)
        }
    }

    @Test("a hostile column name or bad value in a filter is a 400 in words, not a failure", arguments: TestDatabase.all)
    func hostileFilters(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            _ = try await upload(f, Array(Self.v1.utf8))
            for query in ["c1=%22%3B%20DROP%20TABLE%20data%3B%20--&o1=equals&v1=x", "c1=penduduk&o1=greaterThan&v1=banyak", "c1=penduduk&o1=explode&v1=1", "limit=-5"] {
                let response = try await get(f, "/api/v1/datasets/\(f.slug)/versions/1/data?\(query)")
                #expect(response.status == .badRequest, "\(query): \(response.status)")
            }
            let still = try await get(f, "/api/v1/datasets/\(f.slug)/versions/1/data")
            #expect(still.status == .ok)
        }
    }

    @Test("files that are not tables are kept as rejected versions with the problems in words", arguments: TestDatabase.all)
    func rejected(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let good = try await upload(f, Array(Self.v1.utf8))
            let ragged = try await upload(f, Array("a,b,c\n1,2,3\n4,5\n6,7,8,9\n".utf8))
            #expect(ragged.status == "rejected")
            #expect(!ragged.current)
            let messages = ragged.report?.problems.map(\.indonesianMessage).joined(separator: " ") ?? ""
            #expect(messages.contains("Baris 3"))
            #expect(messages.contains("Baris 4"))
            let duplicate = try await upload(f, Array("nama,nama\nx,y\n".utf8))
            #expect(duplicate.status == "rejected")
            var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
            png += Array(repeating: 0, count: 200)
            let binary = try await upload(f, png, filename: "gambar.csv")
            #expect(binary.status == "rejected")
            #expect(try await get(f, "/api/v1/datasets/\(f.slug)/versions/\(ragged.number)/data").status == .conflict)
            let dataset = try await get(f, "/api/v1/datasets/\(f.slug)").content.decode(DatasetAPI.DatasetOut.self)
            #expect(dataset.currentVersion == good.number, "a rejected file never becomes current")
        }
    }

    @Test("Windows-1252 files are converted to UTF-8", arguments: TestDatabase.all)
    func windows1252(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            var bytes = Array("desa,catatan\nTuapeijat,".utf8)
            bytes += [0x63, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20, 0x6F, 0x6B, 0x0A] // "café – ok"
            let version = try await upload(f, bytes)
            #expect(version.status == "accepted")
            #expect(version.report?.encoding.rawValue == "Windows-1252")
            #expect(version.report?.preview.first?.last == "café – ok")
        }
    }

    @Test("two versions compared by a key column and by whole rows", arguments: TestDatabase.all)
    func compare(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            _ = try await upload(f, Array(Self.v1.utf8))
            _ = try await upload(f, Array(Self.v2.utf8))
            let keyed = try await get(f, "/api/v1/datasets/\(f.slug)/compare?from=1&to=2&key=kode_desa")
            #expect(keyed.status == .ok)
            let c = try #require(try JSONSerialization.jsonObject(with: Data(keyed.body.readableBytesView)) as? [String: Any])
            #expect(c["columnsAdded"] as? [String] == ["puskesmas"])
            #expect(c["rowsAdded"] as? Int == 1)
            #expect(c["rowsRemoved"] as? Int == 1)
            #expect(c["rowsChanged"] as? Int == 1)
            let whole = try await get(f, "/api/v1/datasets/\(f.slug)/compare?from=1&to=2")
            let w = try #require(try JSONSerialization.jsonObject(with: Data(whole.body.readableBytesView)) as? [String: Any])
            #expect(w["rowsChanged"] == nil || w["rowsChanged"] is NSNull)
            #expect(try await get(f, "/api/v1/datasets/\(f.slug)/compare?from=1&to=2&key=tidak_ada").status == .badRequest)

            let browser = TestBrowser(app)
            try await browser.login("pengelola")
            let page = try await browser.get("/datasets/\(f.slug)/compare?from=1&to=2&key=kode_desa").body.string
            #expect(page.contains("id=\"compare-result\""))
            #expect(page.contains("Sikakap"))
            #expect(page.contains("<del>5230</del>"))
        }
    }
}
