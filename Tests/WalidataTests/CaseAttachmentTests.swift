import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore
import ZIPFoundation

@Suite("Cases: files attached to a request, handed over at steps 1–3 and stored into a dataset at steps 3–4")
struct CaseAttachmentTests {
    static let good = Array("kecamatan,jumlah\nSiberut Utara,10\nSipora Selatan,20\n".utf8)
    static let ragged = Array("a,b,c\n1,2,3\n4,5\n6,7,8,9\n".utf8)

    /// Attaches through the API: the raw file as the body, name and note in the query.
    static func attach(_ f: CaseFixture, _ caseID: UUID, as who: String, filename: String, bytes: [UInt8], note: String = "") async throws -> TestingHTTPResponse {
        var headers = f.headers(who)
        headers.contentType = .binary
        let path = "/api/v1/cases/\(caseID)/attachments?filename=\(TestBrowser.encode(filename))&note=\(TestBrowser.encode(note))"
        return try await f.app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    /// Attaches through the case page's plain multipart form, as a browser without script does.
    static func attachForm(_ browser: TestBrowser, _ caseID: UUID, filename: String, bytes: [UInt8], note: String = "") async throws -> TestingHTTPResponse {
        let boundary = "----walidata-attachment-boundary"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n\(note)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await browser.send(.POST, "/cases/\(caseID)/attachments/upload?_csrf=\(browser.csrfFromSession ?? "")", headers: headers, body: body)
    }

    static func blobCount(_ app: Application) -> Int {
        let root = (app.walidata.dataDirectory as NSString).appendingPathComponent("blobs")
        return ((try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []).filter { $0.contains("/") }.count
    }

    @Test("a produsen submits a request, is invited to attach, attaches by the page form and by the API; downloads give the exact bytes; the event is logged", arguments: TestDatabase.all)
    func produsenAttaches(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let produsen = TestBrowser(app)
            try await produsen.login("produsen")
            try await produsen.get("/cases/new")
            let created = try await produsen.post("/cases/new", [("kind", "update"), ("title", "Data stunting"), ("description", "")])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            let id = try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
            let page = try await produsen.get(location)
            #expect(page.body.string.contains("lampirkan berkas datanya"), "the flash invites the requester to attach")
            #expect(page.body.string.contains("id=\"attachment-form\""))
            #expect(page.body.string.contains("id=\"attachments-invite\""))

            var forged = HTTPHeaders()
            forged.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=x")
            let noToken = try await produsen.send(.POST, "/cases/\(id)/attachments/upload", headers: forged, body: ByteBuffer(string: "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\na,b\r\n--x--\r\n"))
            #expect(noToken.status == .forbidden, "the form's token rides in the address; without it nothing is read")
            #expect(try await CaseAttachment.query(on: app.db).count() == 0 && Self.blobCount(app) == 0)
            _ = try await produsen.get("/cases/\(id)")
            let note = "<script>alert(\"x\")</script> triwulan III"
            let byForm = try await Self.attachForm(produsen, id, filename: "stunting.csv", bytes: Self.good, note: note)
            #expect(byForm.status == .seeOther, "\(byForm.body.string)")
            let hostile = "<img src=x onerror=alert(1)>.csv"
            let byAPI = try await Self.attach(f, id, as: "produsen", filename: hostile, bytes: Self.ragged, note: "kedua")
            #expect(byAPI.status == .created, "\(byAPI.body.string)")
            let out = try byAPI.content.decode(CaseAPI.AttachmentOut.self)
            #expect(out.filename == hostile && out.size == Int64(Self.ragged.count) && !out.stored)

            let shown = try await produsen.get("/cases/\(id)")
            let html = shown.body.string
            #expect(html.contains("Berkas stunting.csv telah dilampirkan"))
            #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; triwulan III"))
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;.csv"))
            #expect(!html.contains("<img src=x"))
            #expect(html.contains("Menunggu disimpan oleh Pengelola TI"))

            let list = try await f.send(.GET, "/api/v1/cases/\(id)/attachments", as: "kasi").content.decode(APIModels.ListOut<CaseAPI.AttachmentOut>.self)
            #expect(list.items.map(\.filename) == ["stunting.csv", hostile])
            #expect(list.items.first?.uploadedBy == "Nama produsen")
            let first = try #require(list.items.first)
            let download = try await produsen.get("/cases/\(id)/attachments/\(first.id)")
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == Self.good)
            #expect(download.headers.first(name: .contentDisposition)?.contains("filename=\"stunting.csv\"") == true)
            let second = try await f.send(.GET, "/api/v1/cases/\(id)/attachments/\(out.id)/download", as: "pengelola_ti")
            #expect(second.status == .ok && Array(second.body.readableBytesView) == Self.ragged)

            let events = try await EventRecord.query(on: app.db).filter(\.$action == "case.attach").sort(\.$sequence).all()
            #expect(events.count == 2)
            #expect(events.allSatisfy { $0.detail("case") == id.uuidString && $0.detail("number") != nil && $0.actorRole == "produsen" })
            #expect(events.map(\.blobHash) == list.items.map(\.sha256))
            let timeline = try await f.send(.GET, "/api/v1/cases/\(id)/timeline", as: "produsen").content.decode(CaseAPI.TimelineOut.self)
            #expect(timeline.events.filter { $0.action == "case.attach" }.map(\.label) == ["Berkas dilampirkan pada permohonan", "Berkas dilampirkan pada permohonan"])
            #expect(try await EventLog.verify(on: app.db).breaks.isEmpty)
        }
    }

    @Test("another agency's produsen gets 404 and the kasi 403; after step 3 an attachment is refused with 409; nothing is stored", arguments: TestDatabase.all)
    func othersAndLateAreRefused(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            var f = try await CaseFixture(app)
            let otherAgency = try await app.makeOrganization("DISDIK", name: "Dinas Pendidikan")
            let stranger = try await app.makeUser("lain", role: .produsen, organization: otherAgency)
            f.tokens["lain"] = try await AccountController.issueToken(for: stranger, name: "test", on: app.db).1
            let id = try await f.submit().id
            #expect(try await Self.attach(f, id, as: "lain", filename: "a.csv", bytes: Self.good).status == .notFound)
            #expect(try await Self.attach(f, id, as: "kasi", filename: "a.csv", bytes: Self.good).status == .forbidden)
            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            let page = try await kasi.get("/cases/\(id)")
            #expect(!page.body.string.contains("id=\"attachment-form\""))
            #expect(try await Self.attachForm(kasi, id, filename: "a.csv", bytes: Self.good).status == .forbidden)
            #expect(try await CaseAttachment.query(on: app.db).count() == 0)
            #expect(Self.blobCount(app) == 0)

            let attached = try await Self.attach(f, id, as: "administrasi", filename: "flashdisk.csv", bytes: Self.good)
            #expect(attached.status == .created, "the administration section registers what a paper request brought")
            let attachment = try attached.content.decode(CaseAPI.AttachmentOut.self)
            #expect(try await f.send(.GET, "/api/v1/cases/\(id)/attachments/\(attachment.id)/download", as: "lain").status == .notFound)
            let stranger2 = TestBrowser(app)
            try await stranger2.login("lain")
            #expect(try await stranger2.get("/cases/\(id)/attachments/\(attachment.id)").status == .notFound)

            for step in 1...4 { #expect(try await f.complete(id, step: step, as: CaseFixture.executor[step]!).status == .created) }
            let blobs = Self.blobCount(app)
            let late = try await Self.attach(f, id, as: "produsen", filename: "telat.csv", bytes: Array("x,y\n9,9\n".utf8))
            #expect(late.status == .conflict)
            #expect(late.body.string.contains("langkah 1, 2 atau 3"))
            #expect(try await CaseAttachment.query(on: app.db).count() == 1)
            #expect(Self.blobCount(app) == blobs)
            let produsen = TestBrowser(app)
            try await produsen.login("produsen")
            #expect(!(try await produsen.get("/cases/\(id)")).body.string.contains("id=\"attachment-form\""), "no form once the moment has passed")
        }
    }

    @Test("an attachment over the size limit gets 413, by the API and by the form, and leaves no row and no file", arguments: TestDatabase.all)
    func oversized(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.walidata.maxUploadBytes = 1000
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            let big = [UInt8](repeating: 65, count: 5000)
            let byAPI = try await Self.attach(f, id, as: "produsen", filename: "besar.csv", bytes: big)
            #expect(byAPI.status == .payloadTooLarge)
            let produsen = TestBrowser(app)
            try await produsen.login("produsen")
            _ = try await produsen.get("/cases/\(id)")
            let byForm = try await Self.attachForm(produsen, id, filename: "besar.csv", bytes: big)
            #expect(byForm.status == .payloadTooLarge)
            #expect(byForm.body.string.contains("terlalu besar"))
            #expect(try await CaseAttachment.query(on: app.db).count() == 0)
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "case.attach").count() == 0)
            #expect(Self.blobCount(app) == 0)
            let tmp = (app.walidata.dataDirectory as NSString).appendingPathComponent("tmp")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: tmp))?.isEmpty ?? true)
        }
    }

    @Test("the IT officer stores attachments into the case's dataset: accepted completes step 3, a rejected one blocks step 4 until replaced, storing twice is 409", arguments: TestDatabase.all)
    func officerStores(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            let good = try await Self.attach(f, id, as: "produsen", filename: "stunting.csv", bytes: Self.good).content.decode(CaseAPI.AttachmentOut.self)
            let bad = try await Self.attach(f, id, as: "produsen", filename: "rusak.csv", bytes: Self.ragged).content.decode(CaseAPI.AttachmentOut.self)
            let early = try await f.send(.POST, "/api/v1/cases/\(id)/attachments/\(good.id)/store", as: "pengelola_ti", json: ["title": "Terlalu awal"])
            #expect(early.status == .conflict, "only at steps 3–4")
            for step in 1...2 { #expect(try await f.complete(id, step: step, as: "administrasi").status == .created) }

            let officer = TestBrowser(app)
            try await officer.login("pengelolati")
            let page = try await officer.get("/cases/\(id)")
            #expect(page.body.string.contains("id=\"store-\(good.id.uuidString)\""))
            #expect(page.body.string.contains("Lampiran permohonan yang belum disimpan: 2."))
            #expect(try await f.send(.POST, "/api/v1/cases/\(id)/attachments/\(good.id)/store", as: "kasi", json: ["title": "X"]).status == .forbidden)
            #expect(try await f.send(.POST, "/api/v1/cases/\(id)/attachments/\(good.id)/store", as: "produsen", json: ["title": "X"]).status == .forbidden)

            let stored = try await officer.post("/cases/\(id)/attachments/\(good.id)/store", [("dataset", ""), ("title", "Stunting 2026")])
            #expect(stored.status == .seeOther)
            let dataset = try #require(try await Dataset.query(on: app.db).filter(\.$title == "Stunting 2026").first())
            #expect(dataset.$organization.id == f.organization.id)
            let version = try #require(try await DatasetVersion.query(on: app.db).filter(\.$dataset.$id == dataset.requireID()).first())
            #expect(version.state == .accepted && version.rowCount == 2 && version.blobHash == good.sha256 && version.filename == "stunting.csv")
            #expect(try await CaseAttachment.find(good.id, on: app.db)?.versionID == version.id)
            let shown = try await officer.get("/cases/\(id)")
            #expect(shown.body.string.contains("Disimpan sebagai <a href=\"/datasets/\(dataset.slug)/versions/1\">Stunting 2026</a> versi 1"))
            #expect(!shown.body.string.contains("id=\"store-\(good.id.uuidString)\""))
            let again = try await officer.post("/cases/\(id)/attachments/\(good.id)/store", [("dataset", dataset.id!.uuidString)])
            #expect(again.status == .conflict)
            #expect(try await DatasetVersion.query(on: app.db).count() == 1)
            #expect(try await f.complete(id, step: 3, as: "pengelola_ti", ["ownData": true]).status == .created)

            let rejected = try await f.send(.POST, "/api/v1/cases/\(id)/attachments/\(bad.id)/store", as: "pengelola_ti", json: ["dataset": dataset.id!.uuidString])
            #expect(rejected.status == .created, "\(rejected.body.string)")
            let out = try rejected.content.decode(CaseAPI.AttachmentOut.self)
            #expect(out.stored && out.versionNumber == 2 && out.versionStatus == "rejected" && out.datasetSlug == dataset.slug)
            #expect(try await f.send(.POST, "/api/v1/cases/\(id)/attachments/\(bad.id)/store", as: "pengelola_ti", json: ["dataset": dataset.id!.uuidString]).status == .conflict)
            let report = try await f.send(.GET, "/api/v1/datasets/\(dataset.slug)/versions/2", as: "pengelola_ti").content.decode(DatasetAPI.VersionOut.self)
            #expect(report.status == "rejected" && report.report?.accepted == false)
            #expect(try await f.complete(id, step: 4, as: "pengelola_ti").status == .unprocessableEntity)

            var headers = f.headers("pengelola_ti")
            headers.contentType = .binary
            let replaced = try await app.testing().sendRequest(.POST, "/api/v1/datasets/\(dataset.slug)/versions?filename=baik.csv&case=\(id)", headers: headers, body: ByteBuffer(bytes: Self.good))
            #expect(replaced.status == .created)
            #expect(try await f.complete(id, step: 4, as: "pengelola_ti").status == .created)

            let log = try await CaseFiles.log(caseID: id, on: app.db)
            #expect(log.map(\.action) == ["version.store", "version.reject", "version.update"])
            #expect(log.prefix(2).map { $0.detail("attachment") } == [good.id.uuidString, bad.id.uuidString])
            #expect(log.allSatisfy { $0.detail("case") == id.uuidString })
        }
    }

    @Test("an attachment's file is in the backup and in `walidata verify`, and purging a dataset with the same content keeps it", arguments: TestDatabase.all)
    func keptSafe(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            let attachment = try await Self.attach(f, id, as: "produsen", filename: "stunting.csv", bytes: Self.good).content.decode(CaseAPI.AttachmentOut.self)

            let created = try await BackupWriter(app: app).create(by: .system)
            let archive = try #require(try? Archive(url: URL(fileURLWithPath: created.path), accessMode: .read))
            #expect(archive[BackupLayout.blobEntry(attachment.sha256)] != nil)
            #expect(try await BackupVerifier(app: app).verify(created.path).isOK)
            let verified = try await Verifier.run(on: app.db, blobs: app.blobs, threadPool: app.threadPool, record: false)
            #expect(verified.filesChecked == 1 && verified.isClean)

            let admin = f.users["admin"]!
            let dataset = try await app.makeDataset("Sama isinya", organization: f.organization, by: admin)
            let blob = try await app.blobs.store(Data(Self.good), io: app.fileio)
            #expect(blob.hash == attachment.sha256)
            _ = try await DatasetStore.addVersion(to: dataset, blob: blob, filename: "a.csv", note: "", intake: .init(status: .stored), by: admin, on: app.db)
            try await DatasetStore.trash(dataset, note: "Salah", by: admin, on: app.db)
            try await DatasetStore.purge(dataset, by: admin, now: Date().addingTimeInterval(40 * 86400), on: app.db, blobs: app.blobs, tables: app.tables)
            #expect(app.blobs.exists(attachment.sha256), "the attachment still points at the file")
            let download = try await f.send(.GET, "/api/v1/cases/\(id)/attachments/\(attachment.id)/download", as: "produsen")
            #expect(download.status == .ok && Array(download.body.readableBytesView) == Self.good)
            #expect(download.headers.first(name: .cacheControl) == "private, no-store")
        }
    }
}
