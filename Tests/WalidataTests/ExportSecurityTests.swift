import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore
import WalidataTables

/// Issue 8, sections 4 and 5, through HTTP on every database: redirects, multipart names, the
/// Accept header, downloads that cannot attack or alter, long cells, cache headers.
@Suite("Redirects, uploads and downloads that cannot attack")
struct ExportSecurityTests {
    static let browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"

    struct Fixture {
        var app: Application
        var pengelola: TestBrowser
        var dataset: Dataset
    }

    func fixture(_ app: Application) async throws -> Fixture {
        let org = try await app.makeOrganization("DINKES", name: "Dinas Kesehatan")
        try await app.makeUser("pengelola", role: .pengelolaTI)
        let browser = TestBrowser(app)
        try await browser.login("pengelola")
        try await browser.get("/datasets/new")
        try await browser.post("/datasets/new", [
            ("title", "Kode Wilayah 2025"), ("description", "Per kecamatan"), ("organizationID", org.id!.uuidString), ("topic", "Pemerintahan"),
            ("tags", "wilayah"), ("frequency", "tahunan"), ("coverage", "Kabupaten Kepulauan Mentawai"), ("period", "2025"),
            ("unit", "kode"), ("source", "Bagian Pemerintahan"), ("license", "CC-BY-4.0"), ("contact", "pem@example.go.id"), ("access", "terbuka"),
        ])
        let dataset = try #require(try await Dataset.query(on: app.db).filter(\.$title == "Kode Wilayah 2025").first())
        // Terbuka makes it eligible; a publication act puts it on the portal.
        let kabid = try await app.makeUser("kabid", role: .kabid)
        try await DatasetStore.publish(dataset, reason: "uji", by: kabid, on: app.db)
        return Fixture(app: app, pengelola: browser, dataset: dataset)
    }

    @Test("the language switch and the login form send a crafted next= home, and a real local path on", arguments: TestDatabase.all)
    func redirects(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("pengelola", role: .pengelolaTI)
            let visitor = TestBrowser(app)
            for next in ["%2F%09%2Fevil.example%2F", "%2F%5Cevil.example", "%2F%252F%252Fevil.example", "https%3Aevil.example", "%2F%2Fevil.example"] {
                let response = try await visitor.get("/lang/en?next=\(next)")
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/", "next=\(next)")
            }
            #expect(try await visitor.get("/lang/id?next=%2Fpublik%2Fdata%3Fq%3Da").headers.first(name: .location) == "/publik/data?q=a")

            try await visitor.get("/login")
            let crafted = try await visitor.post("/login", [("username", "pengelola"), ("password", "rahasia-123"), ("next", "/\t/evil.example/")])
            #expect(crafted.status == .seeOther)
            #expect(crafted.headers.first(name: .location) == "/")
            let signedIn = TestBrowser(app)
            try await signedIn.get("/login")
            let local = try await signedIn.post("/login", [("username", "pengelola"), ("password", "rahasia-123"), ("next", "/datasets")])
            #expect(local.headers.first(name: .location) == "/datasets")
        }
    }

    @Test("a quoted file name with ; is kept whole and checked as CSV; filename*= wins; a browser gets a redirect, a script JSON", arguments: TestDatabase.all)
    func multipartNamesAndAccept(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            try await f.pengelola.get("/datasets/\(f.dataset.slug)")
            let csv = Array("kode,nama\n13.01,Pagai Selatan\n".utf8)
            let first = try await f.pengelola.upload(f.dataset.slug, disposition: #"filename="a;b.csv""#, bytes: csv, accept: Self.browserAccept)
            #expect(first.status == .seeOther)
            #expect(first.headers.first(name: .location) == "/datasets/\(f.dataset.slug)/versions/1")
            let v1 = try await DatasetStore.version(1, of: f.dataset, on: app.db)
            #expect(v1.filename == "a;b.csv")
            #expect(v1.state == .accepted)

            let second = try await f.pengelola.upload(
                f.dataset.slug, disposition: #"filename="Rekap_Kab.csv"; filename*=UTF-8''Rekap%20Kab%C3%A9%3B%202025.csv"#,
                bytes: csv, accept: "application/json")
            #expect(second.status == .created)
            #expect(second.headers.contentType == .json)
            #expect(second.body.string.contains("\"number\":2"))
            let v2 = try await DatasetStore.version(2, of: f.dataset, on: app.db)
            #expect(v2.filename == "Rekap Kabé; 2025.csv")
            #expect(v2.state == .accepted)

            // The page's script shows the error's words, so a refused upload answers it in JSON too.
            let empty = try await f.pengelola.upload(f.dataset.slug, disposition: #"filename="kosong.csv""#, bytes: [], accept: "application/json")
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.headers.contentType == .json)
            #expect(empty.body.string.contains("\"code\":\"upload.error.empty\""))
            let emptyFromBrowser = try await f.pengelola.upload(f.dataset.slug, disposition: #"filename="kosong.csv""#, bytes: [], accept: Self.browserAccept)
            #expect(emptyFromBrowser.status == .unprocessableEntity)
            #expect(emptyFromBrowser.headers.contentType == .html)
        }
    }

    @Test("Excel CSV (office and portal) prefixes formula cells, data.csv stays as uploaded, JSON keeps 13.10", arguments: TestDatabase.all)
    func exports(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            try await f.pengelola.get("/datasets/\(f.dataset.slug)")
            let csv = "kode,nama,saldo\n13.10,\"=HYPERLINK(\"\"http://evil.example\"\")\",-12\n13.00,@SUM(A1),-3\n13.01,+62 812,7\n"
            #expect(try await f.pengelola.upload(f.dataset.slug, disposition: #"filename="wilayah.csv""#, bytes: Array(csv.utf8)).status == .seeOther)
            let visitor = TestBrowser(app)
            for (browser, base) in [(f.pengelola, "/datasets/\(f.dataset.slug)/versions/1"), (visitor, "/publik/data/\(f.dataset.slug)")] {
                let excel = try await browser.get("\(base)/data-excel.csv").body.string
                #expect(excel.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\",-12\r\n"), "\(base)")
                #expect(excel.contains("13.00,'@SUM(A1),-3\r\n") && excel.contains("13.01,'+62 812,7\r\n"))
                let plain = try await browser.get("\(base)/data.csv").body.string
                #expect(plain == csv.replacingOccurrences(of: "\n", with: "\r\n"))
                let json = try await browser.get("\(base)/data.json").body.string
                #expect(json.contains(#""kode":13.10,"#) && json.contains(#""kode":13.00,"#) && !json.contains(#""kode":13.1,"#))
            }
        }
    }

    @Test("the API's row pages and comparisons keep a decimal's digits: 13.10, 13.00 and 1.234,50 as read", arguments: TestDatabase.all)
    func exactDecimalsInAPI(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            try await f.pengelola.get("/datasets/\(f.dataset.slug)")
            let first = "kode;nilai\n13.10;1.234,50\n13.00;-0,10\n13.01;7\n"
            let second = "kode;nilai\n13.10;1.234,50\n13.00;-0,20\n13.01;7\n13.20;8,00\n"
            for (name, csv) in [("a.csv", first), ("b.csv", second)] {
                #expect(try await f.pengelola.upload(f.dataset.slug, disposition: "filename=\"\(name)\"", bytes: Array(csv.utf8)).status == .seeOther)
            }
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "pengelola").first())
            let token = try await AccountController.issueToken(for: user, name: "uji", on: app.db).1
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            let base = "/api/v1/datasets/\(f.dataset.slug)"

            let page = try await app.testing().sendRequest(.GET, "\(base)/versions/1/data", headers: headers)
            #expect(page.status == .ok)
            #expect(page.headers.contentType == .json)
            let text = page.body.string
            #expect(text.contains(#""values":[13.10,1234.50]"#), "\(text)")
            #expect(text.contains(#""values":[13.00,-0.10]"#) && text.contains(#""values":[13.01,7]"#))
            #expect(text.contains(#""texts":["13.10","1.234,50"]"#))
            // Still the document's shape, read by a JSON parser.
            let decoded = try JSONDecoder().decode(TablePage.self, from: Data(text.utf8))
            #expect(decoded.columns == ["kode", "nilai"] && decoded.totalCount == 3 && decoded.rows.count == 3 && decoded.limit > 0)

            let filtered = try await app.testing().sendRequest(.GET, "\(base)/versions/1/data?c1=kode&o1=equals&v1=13.00", headers: headers)
            #expect(filtered.body.string.contains(#""totalCount":1"#), "\(filtered.body.string)")

            let compare = try await app.testing().sendRequest(.GET, "\(base)/compare?from=1&to=2&key=kode", headers: headers)
            #expect(compare.status == .ok)
            let diff = compare.body.string
            #expect(diff.contains(#""values":[13.20,8.00]"#), "\(diff)")
            #expect(diff.contains(#""values":[13.00,-0.10]"#) && diff.contains(#""values":[13.00,-0.20]"#))
            let comparison = try JSONDecoder().decode(TableComparison.self, from: Data(diff.utf8))
            #expect(comparison.keyColumn == "kode" && comparison.rowsAdded == 1 && comparison.rowsChanged == 1 && comparison.changedExamples.first?.changedColumns == ["nilai"])
        }
    }

    @Test("a 12 MB cell: the version page, the portal preview and the stored report stay small; downloads hold it whole", arguments: TestDatabase.all)
    func longCell(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            try await f.pengelola.get("/datasets/\(f.dataset.slug)")
            let long = String(repeating: "isi panjang ", count: 1_048_576) + "akhir"
            let csv = "kode,catatan\n1,\(long)\n2,pendek\n"
            #expect(try await f.pengelola.upload(f.dataset.slug, disposition: #"filename="panjang.csv""#, bytes: Array(csv.utf8)).status == .seeOther)
            let version = try await DatasetStore.version(1, of: f.dataset, on: app.db)
            #expect(version.state == .accepted)
            #expect(version.report.utf8.count < 20_000, "report of \(version.report.utf8.count) bytes")

            let page = try await f.pengelola.get("/datasets/\(f.dataset.slug)/versions/1")
            #expect(page.status == .ok)
            #expect(page.body.readableBytes < 200_000, "page of \(page.body.readableBytes) bytes")
            #expect(page.body.string.contains("nilai lengkap ada di berkas unduhan"))
            let portal = try await TestBrowser(app).get("/publik/data/\(f.dataset.slug)")
            #expect(portal.body.readableBytes < 200_000, "portal page of \(portal.body.readableBytes) bytes")
            #expect(portal.body.string.contains("cell-cut"))

            let download = try await f.pengelola.get("/datasets/\(f.dataset.slug)/versions/1/data.csv")
            #expect(download.body.string.contains("1,\(long)\r\n"))
        }
    }

    @Test("office downloads are private, no-store; portal downloads are public with a strong ETag and 304 on If-None-Match", arguments: TestDatabase.all)
    func cacheHeaders(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            try await f.pengelola.get("/datasets/\(f.dataset.slug)")
            let slug = f.dataset.slug
            #expect(try await f.pengelola.upload(slug, disposition: #"filename="v1.csv""#, bytes: Array("kode,n\n1,2\n".utf8)).status == .seeOther)
            for path in ["/datasets/\(slug)/versions/1/download", "/datasets/\(slug)/versions/1/data.csv",
                         "/datasets/\(slug)/versions/1/data-excel.csv", "/datasets/\(slug)/versions/1/data.json"] {
                let response = try await f.pengelola.get(path)
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .cacheControl) == "private, no-store", "\(path)")
            }

            let visitor = TestBrowser(app)
            let csv = try await visitor.get("/publik/data/\(slug)/data.csv")
            #expect(csv.headers.first(name: .cacheControl) == "public, max-age=300")
            let etag = try #require(csv.headers.first(name: .eTag))
            #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
            var conditional = HTTPHeaders()
            conditional.replaceOrAdd(name: .ifNoneMatch, value: "\"other\", \(etag)")
            let again = try await visitor.get("/publik/data/\(slug)/data.csv", headers: conditional)
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers.first(name: .eTag) == etag)
            let json = try await visitor.get("/publik/data/\(slug)/data.json", headers: conditional)
            #expect(json.status == .ok && json.headers.first(name: .eTag) != etag)
            let filtered = try await visitor.get("/publik/data/\(slug)/data.csv?c1=kode&v1=1", headers: conditional)
            #expect(filtered.status == .ok && filtered.headers.first(name: .eTag) != etag)

            // A new accepted version is new content under the same URL: the old tag no longer matches.
            #expect(try await f.pengelola.upload(slug, disposition: #"filename="v2.csv""#, bytes: Array("kode,n\n1,3\n".utf8)).status == .seeOther)
            let newer = try await visitor.get("/publik/data/\(slug)/data.csv", headers: conditional)
            #expect(newer.status == .ok && newer.body.string == "kode,n\r\n1,3\r\n")
        }
    }
}

extension TestBrowser {
    /// The no-script upload form, sent from the dataset page, with a `Content-Disposition`
    /// written by the test (`name="file"; …`).
    @discardableResult
    func upload(_ slug: String, disposition: String, bytes: [UInt8], accept: String? = nil) async throws -> TestingHTTPResponse {
        try await get("/datasets/\(slug)")
        let boundary = "----walidata-export-boundary"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; \(disposition)\r\nContent-Type: text/csv\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        if let accept { headers.replaceOrAdd(name: .accept, value: accept) }
        return try await send(.POST, "/datasets/\(slug)/upload?_csrf=\(csrfFromSession ?? "")", headers: headers, body: body)
    }
}
