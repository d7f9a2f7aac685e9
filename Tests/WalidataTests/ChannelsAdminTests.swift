import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// Issue 10: the admin's channels page, its secrets, the connection test and the recipient list.
@Suite("Channels page: settings, connection test, recipients")
struct ChannelsAdminTests {
    static let token = "EAAG-token-halaman-yang-rahasia-42"

    func admin(_ app: Application) async throws -> TestBrowser {
        try await app.makeUser("admin", role: .admin)
        let browser = TestBrowser(app)
        try await browser.login("admin")
        try await browser.get("/admin/channels")
        return browser
    }

    func importCSV(_ browser: TestBrowser, _ csv: String) async throws -> TestingHTTPResponse {
        let boundary = "----walidata-channels"
        let token = browser.csrfFromSession ?? ""
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"penerima.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await browser.send(.POST, "/admin/channels/recipients/import?_csrf=\(token)", headers: headers, body: body)
    }

    @Test("secrets are saved sealed, never shown again nor logged; an empty field keeps them; a bad address is 422 and saves nothing", arguments: TestDatabase.all)
    func settings(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let browser = try await admin(app)
            let bad = try await browser.post("/admin/channels", [("facebookPageID", "111"), ("facebookToken", Self.token), ("facebookBaseURL", "ftp://graph")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("https://"))
            #expect(try await Setting.query(on: app.db).filter(\.$key == ChannelSettings.Key.facebookToken.rawValue).count() == 0)

            try await browser.get("/admin/channels")
            let saved = try await browser.post("/admin/channels", [("facebookPageID", "1122334455"), ("facebookToken", Self.token), ("facebookVersion", "v25.0")])
            #expect(saved.status == .seeOther)
            let page = try await browser.get("/admin/channels").body.string
            #expect(!page.contains(Self.token) && page.contains("Tersimpan (tidak ditampilkan)") && page.contains("1122334455"))
            let rows = try await Setting.query(on: app.db).all().map(\.value).joined()
            #expect(!rows.contains(Self.token))
            let events = try await EventRecord.query(on: app.db).all().map { "\($0.note) \($0.details)" }.joined()
            #expect(!events.contains(Self.token) && events.contains("channels.facebook.access_token"))
            // Saving the page again with the secret field empty keeps it.
            try await browser.post("/admin/channels", [("facebookPageID", "1122334455"), ("facebookToken", "")])
            #expect(try await ChannelSettings.load(on: app.db, box: app.secretBox).facebook.accessToken == Self.token)
        }
    }

    @Test("Tes koneksi reads the Page's name from the fake Graph server, or says in words why not", arguments: TestDatabase.all)
    func connectionTest(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let browser = try await admin(app)
            try await browser.post("/admin/channels/facebook/test", [])
            #expect(try await browser.get("/admin/channels").body.string.contains("Isi dan simpan ID Halaman"))
            try await browser.post("/admin/channels", [("facebookPageID", "1122334455"), ("facebookToken", Self.token), ("facebookBaseURL", fake.baseURL)])
            try await browser.get("/admin/channels")
            try await browser.post("/admin/channels/facebook/test", [])
            #expect(try await browser.get("/admin/channels").body.string.contains("Tersambung ke Halaman &quot;Diskominfo Mentawai&quot;"))
            #expect(fake.requests.last?.path == "/v25.0/1122334455" && fake.requests.last?.authorization == "Bearer \(Self.token)")
        }
    }

    @Test("recipients: 08… is stored +62…, a bad number or a missing consent is 422 with nothing added, a duplicate 409; opt-out stops sending", arguments: TestDatabase.all)
    func recipients(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let browser = try await admin(app)
            let ok = try await browser.post("/admin/channels/recipients", [("name", "Ani Sabeleake"), ("phone", "0812-1111-2222"), ("optInMethod", "formulir kertas"), ("optInDate", "2026-11-02")])
            #expect(ok.status == .seeOther)
            let ani = try #require(try await WhatsAppRecipient.query(on: app.db).first())
            #expect(ani.phone == "+6281211112222" && ani.isSubscribed)
            try await browser.get("/admin/channels")
            let badNumber = try await browser.post("/admin/channels/recipients", [("name", "Budi"), ("phone", "12ab"), ("optInMethod", "pesan"), ("optInDate", "2026-11-02")])
            #expect(badNumber.status == .unprocessableEntity && badNumber.body.string.contains("hanya boleh berisi angka"))
            let noConsent = try await browser.post("/admin/channels/recipients", [("name", "Budi"), ("phone", "0813 3333 4444"), ("optInMethod", ""), ("optInDate", "2026-11-02")])
            #expect(noConsent.status == .unprocessableEntity)
            let duplicate = try await browser.post("/admin/channels/recipients", [("name", "Ani lagi"), ("phone", "+62 812 1111 2222"), ("optInMethod", "pesan"), ("optInDate", "2026-11-02")])
            #expect(duplicate.status == .conflict)
            #expect(try await WhatsAppRecipient.query(on: app.db).count() == 1)

            try await browser.get("/admin/channels")
            try await browser.post("/admin/channels/recipients/\(ani.id!)/opt-out", [])
            #expect(try await WhatsAppRecipient.find(ani.id, on: app.db)?.isSubscribed == false)
            #expect(try await WhatsAppRecipient.subscribed(on: app.db).isEmpty)
        }
    }

    @Test("CSV import: every line checked first, one bad line names itself and adds nothing; numbers already listed are skipped", arguments: TestDatabase.all)
    func csvImport(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await app.makeOrganization("DINKES", name: "Dinas Kesehatan")
            let browser = try await admin(app)
            let bad = try await importCSV(browser, "nama,nomor,instansi,cara_persetujuan,tanggal_persetujuan\nAni,0812 1111 2222,DINKES,formulir,2026-11-02\nBudi,0813,,formulir,2026-11-02\n")
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Baris 3"), "\(bad.body.string.prefix(300))")
            #expect(try await WhatsAppRecipient.query(on: app.db).count() == 0)

            try await browser.get("/admin/channels")
            let good = try await importCSV(browser, "\u{FEFF}nama,nomor,instansi,cara_persetujuan,tanggal_persetujuan\r\nAni,0812 1111 2222,DINKES,formulir,2026-11-02\r\n\"Sabeleake, Budi\",+62 813 3333 4444,,pesan WhatsApp,2026-11-03\r\nAni (lagi),6281211112222,,formulir,2026-11-04\r\n")
            #expect(good.status == .seeOther)
            let all = try await WhatsAppRecipient.query(on: app.db).with(\.$organization).sort(\.$phone).all()
            #expect(all.map(\.phone) == ["+6281211112222", "+6281333334444"] && all[0].organization?.code == "DINKES" && all[1].name == "Sabeleake, Budi")
            #expect(try await browser.get("/admin/channels").body.string.contains("2 penerima ditambahkan, 1 dilewati"))
            try await browser.get("/admin/channels")
            let header = try await importCSV(browser, "name,phone\nAni,0812\n")
            #expect(header.status == .unprocessableEntity)
        }
    }

    @Test("a new token sends again what waited for one (perlu login ulang)", arguments: TestDatabase.all)
    func newTokenRequeues(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fixture = try await CaseFixture(app)
            let record = try await fixture.submit()
            let announcement = Announcement(caseID: record.id, title: "Judul", body: "Isi", channels: [.facebook], by: nil, at: Date())
            try await announcement.save(on: app.db)
            let waiting = Delivery(announcementID: announcement.id!, channel: .facebook, state: .needsLogin, answer: "kode 190", at: Date())
            try await waiting.create(on: app.db)
            let browser = TestBrowser(app)
            try await browser.login("admin")
            try await browser.get("/admin/channels")
            try await browser.post("/admin/channels", [("facebookPageID", "1122334455"), ("facebookToken", "")])
            #expect(try await Delivery.find(waiting.id, on: app.db)?.state == .needsLogin, "no new token: it keeps waiting")
            try await browser.get("/admin/channels")
            try await browser.post("/admin/channels", [("facebookPageID", "1122334455"), ("facebookToken", Self.token)])
            #expect(try await Delivery.find(waiting.id, on: app.db)?.state == .pending)
        }
    }
}
