import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("The data store: catalogue, uploads, versions, recovery, trash, log")
struct DataStoreTests {
    struct Fixture {
        var app: Application
        var pengelola: TestBrowser
        var org: Organization
    }

    func fixture(_ app: Application) async throws -> Fixture {
        let org = try await app.makeOrganization("DINKES", name: "Dinas Kesehatan")
        try await app.makeUser("pengelola", role: .pengelolaTI)
        let browser = TestBrowser(app)
        try await browser.login("pengelola")
        return Fixture(app: app, pengelola: browser, org: org)
    }

    @discardableResult
    func createDataset(_ f: Fixture, title: String = "Jumlah Tenaga Kesehatan 2025", access: String = "terbuka") async throws -> Dataset {
        try await f.pengelola.get("/datasets/new")
        let response = try await f.pengelola.post("/datasets/new", [
            ("title", title), ("description", "Per puskesmas"), ("organizationID", f.org.id!.uuidString), ("topic", "Kesehatan"),
            ("tags", "nakes, puskesmas"), ("frequency", "tahunan"), ("coverage", "Kabupaten Kepulauan Mentawai"), ("period", "2025"),
            ("unit", "orang"), ("source", "Dinas Kesehatan"), ("license", "CC-BY-4.0"), ("contact", "dinkes@example.go.id"), ("access", access),
        ])
        #expect(response.status == .seeOther)
        return try #require(try await Dataset.query(on: f.app.db).filter(\.$title == title).first())
    }

    @Test("a pengelola creates a dataset with catalogue metadata; the slug comes from the title", arguments: TestDatabase.all)
    func createDataset(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let dataset = try await createDataset(f)
            #expect(dataset.slug == "jumlah-tenaga-kesehatan-2025")
            #expect(dataset.license == "CC-BY-4.0")
            #expect(dataset.tagList == ["nakes", "puskesmas"])
            let page = try await f.pengelola.get("/datasets/\(dataset.slug)").body.string
            #expect(page.contains("Dinas Kesehatan"))
            #expect(page.contains("id=\"upload-form\""))
            let second = try await createDataset(f, title: "Jumlah Tenaga Kesehatan 2025!")
            #expect(second.slug == "jumlah-tenaga-kesehatan-2025-2")
        }
    }

    @Test("a file uploaded as the body is stored under its SHA-256 and becomes version 1", arguments: TestDatabase.all)
    func rawUpload(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let dataset = try await createDataset(f)
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            let bytes = Array("%PDF-1.4 laporan tahunan".utf8)
            let response = try await f.pengelola.uploadRaw(dataset.slug, filename: "../../laporan\u{0007}.pdf", bytes: bytes, note: "laporan", json: true)
            #expect(response.status == .created)
            let version = try #require(try await DatasetVersion.query(on: app.db).first())
            #expect(version.number == 1)
            #expect(version.filename == "laporan.pdf")
            #expect(version.state == .stored)
            #expect(version.size == Int64(bytes.count))
            let path = app.blobs.path(for: version.blobHash)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
            #expect(try app.blobs.rehash(version.blobHash) == version.blobHash)
            #expect(try await Dataset.find(dataset.id, on: app.db)?.currentVersionID == version.id)
            let download = try await f.pengelola.get("/datasets/\(dataset.slug)/versions/1/download")
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == bytes)
            #expect(download.headers.first(name: .contentDisposition)?.contains("filename=\"laporan.pdf\"") == true)
        }
    }

    @Test("the plain form upload streams multipart into the same store", arguments: TestDatabase.all)
    func multipartUpload(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let dataset = try await createDataset(f)
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            let bytes = (0..<200_000).map { UInt8($0 % 251) }
            let response = try await f.pengelola.uploadForm(dataset.slug, filename: "arsip.zip", bytes: bytes, note: "arsip foto")
            #expect(response.status == .seeOther)
            let version = try #require(try await DatasetVersion.query(on: app.db).first())
            #expect(version.size == 200_000)
            #expect(version.changeNote == "arsip foto")
            #expect(version.filename == "arsip.zip")
            #expect(try Data(contentsOf: URL(fileURLWithPath: app.blobs.path(for: version.blobHash))) == Data(bytes))
        }
    }

    @Test("an upload over the limit gets 413 and leaves nothing behind", arguments: TestDatabase.all)
    func oversized(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.walidata.maxUploadBytes = 1000
            let f = try await fixture(app)
            let dataset = try await createDataset(f)
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            let response = try await f.pengelola.uploadRaw(dataset.slug, filename: "besar.csv", bytes: Array(repeating: 65, count: 5000), json: true)
            #expect(response.status == .payloadTooLarge)
            #expect(response.body.string.contains("terlalu besar"))
            // The refusal above is JSON for the page's script; the form's token is on the page.
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            let multipart = try await f.pengelola.uploadForm(dataset.slug, filename: "besar.csv", bytes: Array(repeating: 65, count: 5000))
            #expect(multipart.status == .payloadTooLarge)
            #expect(try await DatasetVersion.query(on: app.db).count() == 0)
            let tmp = (app.walidata.dataDirectory as NSString).appendingPathComponent("tmp")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: tmp))?.isEmpty ?? true)
            let blobs = (app.walidata.dataDirectory as NSString).appendingPathComponent("blobs")
            let stored = (try? FileManager.default.subpathsOfDirectory(atPath: blobs)) ?? []
            #expect(stored.isEmpty)
        }
    }

    @Test("an empty upload is refused in words", arguments: TestDatabase.all)
    func emptyUpload(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let dataset = try await createDataset(f)
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            let response = try await f.pengelola.uploadRaw(dataset.slug, filename: "kosong.csv", bytes: [], json: true)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Berkas kosong"))
            #expect(try await DatasetVersion.query(on: app.db).count() == 0)
        }
    }

    @Test("an upload without the CSRF header is refused", arguments: TestDatabase.all)
    func uploadNeedsCSRF(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let dataset = try await createDataset(f)
            var headers = HTTPHeaders()
            headers.contentType = .binary
            let response = try await f.pengelola.send(.POST, "/datasets/\(dataset.slug)/upload?filename=a.pdf", headers: headers, body: ByteBuffer(string: "x"))
            #expect(response.status == .forbidden)
            #expect(try await DatasetVersion.query(on: app.db).count() == 0)
        }
    }

    @Test("a produsen sees and submits only its own agency's datasets", arguments: TestDatabase.all)
    func produsenScope(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let own = try await createDataset(f)
            let other = try await app.makeOrganization("DISDIK", name: "Dinas Pendidikan")
            try await f.pengelola.get("/datasets/new")
            try await f.pengelola.post("/datasets/new", [("title", "Data Sekolah"), ("organizationID", other.id!.uuidString), ("frequency", "tahunan"), ("access", "terbuka")])
            let foreign = try #require(try await Dataset.query(on: app.db).filter(\.$title == "Data Sekolah").first())

            try await app.makeUser("siska", role: .produsen, organization: f.org)
            let produsen = TestBrowser(app)
            try await produsen.login("siska")
            let list = try await produsen.get("/datasets").body.string
            #expect(list.contains(own.title))
            #expect(!list.contains("Data Sekolah"))
            #expect(try await produsen.get("/datasets/\(foreign.slug)").status == .notFound)
            try await produsen.get("/datasets/\(own.slug)")
            let token = try #require(produsen.csrfFromSession)
            var headers = HTTPHeaders()
            headers.contentType = .binary
            headers.replaceOrAdd(name: "X-CSRF-Token", value: token)
            let sneaky = try await produsen.send(.POST, "/datasets/\(foreign.slug)/upload?filename=x.pdf", headers: headers, body: ByteBuffer(string: "data"))
            #expect(sneaky.status == .notFound)
            #expect(try await produsen.uploadRaw(own.slug, filename: "nakes.pdf", bytes: Array("isi".utf8), json: true).status == .created)
            #expect(try await DatasetVersion.query(on: app.db).count() == 1)
            // A produsen cannot create datasets, nor restore versions.
            #expect(try await produsen.get("/datasets/new").status == .forbidden)
        }
    }

    @Test("restoring an earlier version makes a new current version that names its source", arguments: TestDatabase.all)
    func recovery(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let dataset = try await createDataset(f)
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            try await f.pengelola.uploadRaw(dataset.slug, filename: "v1.pdf", bytes: Array("satu".utf8), json: true)
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            try await f.pengelola.uploadRaw(dataset.slug, filename: "v2.pdf", bytes: Array("dua".utf8), json: true)
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            let restored = try await f.pengelola.post("/datasets/\(dataset.slug)/versions/1/restore", [("note", "v2 salah kirim")])
            #expect(restored.status == .seeOther)
            let versions = try await DatasetVersion.query(on: app.db).sort(\.$number).all()
            #expect(versions.count == 3)
            #expect(versions[2].recoveredFrom == versions[0].id)
            #expect(versions[2].blobHash == versions[0].blobHash)
            #expect(try await Dataset.find(dataset.id, on: app.db)?.currentVersionID == versions[2].id)
            let log = try await f.pengelola.get("/datasets/\(dataset.slug)/log").body.string
            #expect(log.contains("Memulihkan versi"))
            #expect(log.contains("v2 salah kirim"))
        }
    }

    @Test("trash keeps a dataset; restore brings it back; purge needs an admin and the retention period", arguments: TestDatabase.all)
    func trashAndPurge(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let dataset = try await createDataset(f)
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            try await f.pengelola.uploadRaw(dataset.slug, filename: "a.pdf", bytes: Array("isi".utf8), json: true)
            let hash = try #require(try await DatasetVersion.query(on: app.db).first()).blobHash
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            #expect(try await f.pengelola.post("/datasets/\(dataset.slug)/delete", [("note", "")]).status == .unprocessableEntity)
            #expect(try await f.pengelola.post("/datasets/\(dataset.slug)/delete", [("note", "duplikat")]).status == .seeOther)
            #expect(try await f.pengelola.get("/datasets/\(dataset.slug)").status == .notFound)
            #expect(try await f.pengelola.get("/trash").body.string.contains(dataset.title))
            // Not an admin: no purge.
            #expect(try await f.pengelola.post("/trash/\(dataset.slug)/purge", []).status == .forbidden)
            #expect(try await f.pengelola.post("/trash/\(dataset.slug)/restore", []).status == .seeOther)
            #expect(try await f.pengelola.get("/datasets/\(dataset.slug)").status == .ok)

            let trashed = try #require(try await Dataset.find(dataset.id, on: app.db))
            let admin = try await app.makeUser("admin1", role: .admin)
            try await DatasetStore.trash(trashed, note: "lagi", by: admin, on: app.db)
            await #expect(throws: UserError.self) {
                try await DatasetStore.purge(trashed, by: admin, on: app.db, blobs: app.blobs, tables: app.tables)
            }
            try await DatasetStore.purge(trashed, by: admin, now: Date().addingTimeInterval(31 * 86400), on: app.db, blobs: app.blobs, tables: app.tables)
            #expect(try await Dataset.find(dataset.id, on: app.db) == nil)
            #expect(try await DatasetVersion.query(on: app.db).count() == 0)
            #expect(!app.blobs.exists(hash))
            let actions = try await EventRecord.query(on: app.db).sort(\.$sequence).all().map(\.action)
            #expect(actions == ["dataset.create", "version.store_unchecked", "dataset.delete", "dataset.restore", "dataset.delete", "dataset.purge"])
        }
    }

    @Test("every change is in the hash chain, and tampering with a row is found", arguments: TestDatabase.all)
    func chain(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let dataset = try await createDataset(f)
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            try await f.pengelola.uploadRaw(dataset.slug, filename: "a.pdf", bytes: Array("isi".utf8), json: true)
            let (count, breaks) = try await EventLog.verify(on: app.db)
            #expect(count == 2)
            #expect(breaks.isEmpty)
            let event = try #require(try await EventRecord.query(on: app.db).filter(\.$sequence == 2).first())
            event.size = 999
            try await event.save(on: app.db)
            #expect(try await EventLog.verify(on: app.db).breaks == [.alteredEntry(sequence: 2)])
        }
    }

    @Test("concurrent uploads to one dataset get distinct version numbers and an unbroken chain", arguments: TestDatabase.all)
    func concurrentUploads(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let dataset = try await createDataset(f)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "pengelola").first())
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<8 {
                    group.addTask {
                        let blob = try await app.blobs.store(Data("isi \(i)".utf8), io: app.fileio)
                        _ = try await DatasetStore.addVersion(to: dataset, blob: blob, filename: "\(i).pdf", note: "", intake: .init(status: .stored), by: user, on: app.db)
                    }
                }
                try await group.waitForAll()
            }
            let numbers = try await DatasetVersion.query(on: app.db).all().map(\.number).sorted()
            #expect(numbers == Array(1...8))
            #expect(try await EventLog.verify(on: app.db).breaks.isEmpty)
        }
    }

    @Test("the storage log prints as an A4 document with the letterhead", arguments: TestDatabase.all)
    func storageLogPrint(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let dataset = try await createDataset(f)
            try await f.pengelola.get("/datasets/\(dataset.slug)")
            try await f.pengelola.uploadRaw(dataset.slug, filename: "a.pdf", bytes: Array("isi".utf8), json: true)
            let page = try await f.pengelola.get("/storage-log").body.string
            #expect(page.contains("id=\"storage-log\""))
            #expect(page.contains("Menyimpan berkas"))
            let print = try await f.pengelola.get("/storage-log/print").body.string
            #expect(print.contains("size:A4 landscape"))
            #expect(print.contains("DINAS KOMUNIKASI DAN INFORMATIKA"))
            #expect(print.contains("Catatan program penyimpanan data, recovery, update data"))
            // The signed head as it was when printed: one more checkpoint outside the database.
            let head = try #require(try await EventRecord.query(on: app.db).sort(\.$sequence, .descending).first())
            #expect(print.contains("entri no. \(head.sequence), sidik <code class=\"sha\">\(head.hash)</code>"))
            #expect(print.contains("walidata verify --checkpoint"))
            #expect(try await f.pengelola.get("/storage-log?from=2026-12-01&to=2026-01-01").status == .badRequest)
        }
    }

    @Test("file names from browsers are cleaned")
    func filenames() {
        #expect(DatasetRules.safeFilename("../../etc/passwd") == "passwd")
        #expect(DatasetRules.safeFilename("C:\\Users\\x\\data.csv") == "data.csv")
        #expect(DatasetRules.safeFilename("a\u{0000}b\r\n.csv") == "ab.csv")
        #expect(DatasetRules.safeFilename("..") == "berkas")
        #expect(DatasetRules.safeFilename(".htaccess") == "htaccess")
        #expect(DatasetRules.safeFilename(String(repeating: "x", count: 300) + ".csv").count <= 200)
        #expect(ContentDisposition.attachment(filename: "data \"x\"\r\n.csv").contains("filename=\"data _x___.csv\""))
    }
}

@Suite("walidata verify")
struct VerifyTests {
    @Test("a tampered log row and a tampered file are both caught", arguments: TestDatabase.all)
    func tamperingIsCaught(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let org = try await app.makeOrganization("DINKES")
            let user = try await app.makeUser("pengelola", role: .pengelolaTI)
            let dataset = try await app.makeDataset("Data Puskesmas", organization: org, by: user)
            for text in ["satu", "dua"] {
                let blob = try await app.blobs.store(Data(text.utf8), io: app.fileio)
                _ = try await DatasetStore.addVersion(to: dataset, blob: blob, filename: "\(text).pdf", note: "", intake: .init(status: .stored), by: user, on: app.db)
            }
            let clean = try await Verifier.run(on: app.db, blobs: app.blobs, threadPool: app.threadPool)
            #expect(clean.isClean)
            #expect(clean.filesChecked == 2)

            let versions = try await DatasetVersion.query(on: app.db).sort(\.$number).all()
            try Data("diubah".utf8).write(to: URL(fileURLWithPath: app.blobs.path(for: versions[0].blobHash)))
            try FileManager.default.removeItem(atPath: app.blobs.path(for: versions[1].blobHash))
            let row = try #require(try await EventRecord.query(on: app.db).filter(\.$sequence == 2).first())
            row.note = "catatan palsu"
            try await row.save(on: app.db)

            let report = try await Verifier.run(on: app.db, blobs: app.blobs, threadPool: app.threadPool)
            #expect(report.chainBreaks == [.alteredEntry(sequence: 2)])
            #expect(report.alteredFiles == [versions[0].blobHash])
            #expect(report.missingFiles == [versions[1].blobHash])
            let last = try #require(try await EventRecord.query(on: app.db).sort(\.$sequence, .descending).first())
            #expect(last.action == "verify.run")
            #expect(last.note == "MISMATCH")
        }
    }
}
