import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataTables
import ZIPFoundation

/// The `.xlsx` downloads through the routes: the office's table (all and filtered rows), the
/// API's `format=xlsx`, the portal's, the dashboard's and the storage logs', each a workbook
/// whose sheet holds typed cells; with the headers and access of the CSV beside it.
@Suite("Excel downloads through the routes")
struct XlsxDownloadTests {
    static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The text of one part of a workbook (ZIPFoundation checks its CRC).
    func part(_ body: ByteBuffer, _ path: String) throws -> String {
        let archive = try Archive(data: Data(body.readableBytesView), accessMode: .read)
        let entry = try #require(archive[path], "\(path) missing")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a version as .xlsx: office, filtered, API and portal, typed cells, same caching as the CSV", arguments: TestDatabase.all)
    func tableDownloads(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let org = try await app.makeOrganization("DUKCAPIL", name: "Dinas Dukcapil")
            try await app.makeUser("pengelola", role: .pengelolaTI)
            let browser = TestBrowser(app)
            try await browser.login("pengelola")
            try await browser.get("/datasets/new")
            try await browser.post("/datasets/new", [
                ("title", "Penduduk Kecamatan"), ("description", "Per kecamatan"), ("organizationID", org.id!.uuidString), ("topic", "Kependudukan"),
                ("tags", "penduduk"), ("frequency", "tahunan"), ("coverage", "Kabupaten"), ("period", "2025"),
                ("unit", "jiwa"), ("source", "Dukcapil"), ("license", "CC-BY-4.0"), ("contact", "d@example.go.id"), ("access", "terbuka"),
            ])
            let dataset = try #require(try await Dataset.query(on: app.db).filter(\.$title == "Penduduk Kecamatan").first())
            let kabid = try await app.makeUser("kabid", role: .kabid)
            try await DatasetStore.publish(dataset, reason: "uji", by: kabid, on: app.db)
            let slug = dataset.slug
            try await browser.get("/datasets/\(slug)")
            let csv = "kode,kecamatan,jumlah,tanggal\n007,Sikakap,1250,2024-01-05\n010,=Siberut,99,2024-02-29\n"
            #expect(try await browser.upload(slug, disposition: #"filename="p.csv""#, bytes: Array(csv.utf8)).status == .seeOther)

            let page = try await browser.get("/datasets/\(slug)/versions/1")
            #expect(page.body.string.contains("/datasets/\(slug)/versions/1/data.xlsx"))
            let office = try await browser.get("/datasets/\(slug)/versions/1/data.xlsx")
            #expect(office.status == .ok)
            #expect(office.headers.first(name: .contentType) == Self.mediaType)
            #expect(office.headers.first(name: .contentDisposition)?.contains("\(slug)-v1.xlsx") == true)
            #expect(office.headers.first(name: .cacheControl) == "private, no-store")
            let sheet = try part(office.body, "xl/worksheets/sheet1.xml")
            #expect(sheet.contains(#"<c r="A2" t="inlineStr"><is><t>007</t></is></c>"#))
            #expect(sheet.contains(#"<c r="C2"><v>1250</v></c>"#) && sheet.contains(#"<c r="D2" s="2"><v>45296</v></c>"#))
            #expect(sheet.contains(#"<t>=Siberut</t>"#))
            #expect(try part(office.body, "docProps/core.xml").contains("<dc:title>Penduduk Kecamatan (Versi 1)</dc:title>"))

            let filtered = try await browser.get("/datasets/\(slug)/versions/1/data.xlsx?c1=kecamatan&v1=Sikakap")
            #expect(filtered.headers.first(name: .contentDisposition)?.contains("\(slug)-v1-filter.xlsx") == true)
            let filteredSheet = try part(filtered.body, "xl/worksheets/sheet1.xml")
            #expect(filteredSheet.contains("Sikakap") && !filteredSheet.contains("Siberut"))
            #expect(try await browser.get("/datasets/\(slug)/versions/1/data.xlsx?c1=tidak_ada&v1=x").status == .badRequest)

            let user = try #require(try await User.query(on: app.db).filter(\.$username == "pengelola").first())
            let token = try await AccountController.issueToken(for: user, name: "uji", on: app.db).1
            let api = try await app.testing().sendRequest(.GET, "/api/v1/datasets/\(slug)/versions/1/export?format=xlsx",
                                                          headers: ["Authorization": "Bearer \(token)"])
            #expect(api.status == .ok && api.headers.first(name: .contentType) == Self.mediaType)
            #expect(try part(api.body, "xl/worksheets/sheet1.xml") == sheet)

            let visitor = TestBrowser(app)
            let portal = try await visitor.get("/publik/data/\(slug)/data.xlsx")
            #expect(portal.status == .ok && portal.headers.first(name: .cacheControl) == "public, max-age=300")
            let etag = try #require(portal.headers.first(name: .eTag))
            #expect(try await visitor.get("/publik/data/\(slug)/data.xlsx", headers: ["If-None-Match": etag]).status == .notModified)
            // The same rows give the same bytes, so the strong ETag is true.
            #expect(Data(try await visitor.get("/publik/data/\(slug)/data.xlsx").body.readableBytesView) == Data(portal.body.readableBytesView))
            #expect(try await TestBrowser(app).get("/datasets/\(slug)/versions/1/data.xlsx").status != .ok)
        }
    }

    @Test("the dashboard and the storage logs as workbooks, linked from their pages", arguments: TestDatabase.all)
    func dashboardAndLogs(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kabid", role: .kabid)
            let browser = TestBrowser(app)
            try await browser.login("kabid")
            let dashboardPage = try await browser.get("/dashboard")
            #expect(dashboardPage.body.string.contains("/dashboard/steps.xlsx?from="))
            let dashboard = try await browser.get("/dashboard/steps.xlsx?from=2026-01-01&to=2026-12-31")
            #expect(dashboard.status == .ok && dashboard.headers.first(name: .contentType) == Self.mediaType)
            #expect(dashboard.headers.first(name: .contentDisposition)?.contains("waktu-langkah-2026-01-01_2026-12-31.xlsx") == true)
            let workbook = try part(dashboard.body, "xl/workbook.xml")
            #expect(workbook.contains(#"<sheet name="Waktu per langkah""#) && workbook.contains(#"<sheet name="Terlambat sekarang""#)
                    && workbook.contains(#"<sheet name="Sedang diproses""#))
            // Step numbers are numbers.
            #expect(try part(dashboard.body, "xl/worksheets/sheet1.xml").contains(#"<c r="A2"><v>1</v></c>"#))

            let logPage = try await browser.get("/storage-log")
            #expect(logPage.body.string.contains("/storage-log.xlsx?from="))
            let log = try await browser.get("/storage-log.xlsx")
            #expect(log.status == .ok && log.headers.first(name: .contentType) == Self.mediaType)
            #expect(try part(log.body, "xl/workbook.xml").contains(#"<sheet name="Log penyimpanan""#))
            #expect(try await browser.get("/storage-log.xlsx?from=nanti").status == .badRequest)
        }
    }
}
