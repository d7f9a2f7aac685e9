import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Cases: steps 3–4, the case's files stored, checked, recovered, and its storage log")
struct CaseDataTests {
    static let good = Array("kecamatan,jumlah\nSiberut Utara,10\nSipora Selatan,20\n".utf8)
    static let ragged = Array("a,b,c\n1,2,3\n4,5\n6,7,8,9\n".utf8)
    static let warning = "Apabila pengumpulan data tidak terselesaikan dengan baik dan benar, maka kegiatan pelaporan akan terhambat"

    /// A case of `kind` submitted by the produsen and walked to step 3.
    static func caseAtStep3(_ f: CaseFixture, kind: String, title: String) async throws -> UUID {
        let response = try await f.send(.POST, "/api/v1/cases", as: "produsen", json: ["kind": kind, "title": title, "description": ""])
        #expect(response.status == .created, "\(response.body.string)")
        let id = try response.content.decode(CaseAPI.CaseOut.self).id
        for step in 1...2 { #expect(try await f.complete(id, step: step, as: "administrasi").status == .created) }
        return id
    }

    /// Uploads as the case page's form does without script: the file as the body, `?case=`.
    @discardableResult
    static func upload(_ browser: TestBrowser, caseID: UUID, slug: String, filename: String, bytes: [UInt8]) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .binary
        if let token = browser.csrfFromSession { headers.replaceOrAdd(name: "X-CSRF-Token", value: token) }
        return try await browser.send(.POST, "/datasets/\(slug)/upload?case=\(caseID)&filename=\(filename)", headers: headers, body: ByteBuffer(bytes: bytes))
    }

    @Test("simpan_baru: a CSV uploaded for the case completes step 3; a rejected one blocks step 4 until replaced; kasi may not upload", arguments: TestDatabase.all)
    func storeNew(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await Self.caseAtStep3(f, kind: "simpan_baru", title: "Data stunting")
            let refused = try await f.complete(id, step: 3, as: "pengelola_ti", ["ownData": true])
            #expect(refused.status == .unprocessableEntity)
            let officer = TestBrowser(app)
            try await officer.login("pengelolati")
            let page = try await officer.get("/cases/\(id)")
            #expect(page.body.string.contains(Self.warning))
            #expect(try await officer.post("/cases/\(id)/datasets", [("title", "Stunting <b>2026</b>")]).status == .seeOther)
            let dataset = try #require(try await Dataset.query(on: app.db).filter(\.$title == "Stunting <b>2026</b>").first())
            let missing = try await f.complete(id, step: 3, as: "pengelola_ti", ["ownData": true])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("Stunting <b>2026</b>") || missing.body.string.contains("Stunting \\u003cb\\u003e2026"))
            let shown = try await officer.get("/cases/\(id)")
            #expect(shown.body.string.contains("Stunting &lt;b&gt;2026&lt;/b&gt;"))
            #expect(!shown.body.string.contains("<b>2026"))
            #expect(shown.body.string.contains("?case=\(id)"))

            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            _ = try await kasi.get("/cases/\(id)")
            #expect(try await Self.upload(kasi, caseID: id, slug: dataset.slug, filename: "a.csv", bytes: Self.good).status == .forbidden)

            _ = try await officer.get("/cases/\(id)")
            #expect(try await Self.upload(officer, caseID: id, slug: dataset.slug, filename: "stunting.csv", bytes: Self.good).status == .seeOther)
            #expect(try await f.complete(id, step: 3, as: "pengelola_ti", ["ownData": true]).status == .created)

            _ = try await officer.get("/cases/\(id)")
            #expect(try await Self.upload(officer, caseID: id, slug: dataset.slug, filename: "rusak.csv", bytes: Self.ragged).status == .seeOther)
            let blocked = try await f.complete(id, step: 4, as: "pengelola_ti")
            #expect(blocked.status == .unprocessableEntity)
            let warned = try await officer.get("/cases/\(id)")
            #expect(warned.body.string.contains(Self.warning))
            #expect(warned.body.string.contains("ditolak pemeriksaan"))
            #expect(try await f.read(id).currentStep?.step == 4)

            #expect(try await Self.upload(officer, caseID: id, slug: dataset.slug, filename: "baik.csv", bytes: Self.good).status == .seeOther)
            #expect(!(try await officer.get("/cases/\(id)")).body.string.contains(Self.warning))
            #expect(try await f.complete(id, step: 4, as: "pengelola_ti").status == .created)
            #expect(try await f.read(id).currentStep?.step == 5)

            let log = try await CaseFiles.log(caseID: id, on: app.db)
            #expect(log.map(\.action) == ["version.store", "version.reject", "version.update"])
            #expect(log.allSatisfy { $0.detail("case_number") != nil })
        }
    }

    @Test("recovery: version 1 recovered for the case completes steps 3–4; the case's storage log lists exactly its entries", arguments: TestDatabase.all)
    func recovery(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let officerUser = f.users["pengelola_ti"]!
            let dataset = try await app.makeDataset("Data penduduk", organization: f.organization, by: officerUser)
            for content in ["v1", "v2"] {
                let blob = try await app.blobs.store(Data(content.utf8), io: app.fileio)
                _ = try await DatasetStore.addVersion(to: dataset, blob: blob, filename: "\(content).pdf", note: "", intake: .init(status: .stored), by: officerUser, on: app.db)
            }
            let other = try await Self.caseAtStep3(f, kind: "update", title: "Lain")
            try await f.provideData(other)
            let id = try await Self.caseAtStep3(f, kind: "recovery", title: "Pulihkan penduduk")
            let officer = TestBrowser(app)
            try await officer.login("pengelolati")
            _ = try await officer.get("/cases/\(id)")
            #expect(try await officer.post("/cases/\(id)/datasets", [("dataset", dataset.id!.uuidString)]).status == .seeOther)
            let page = try await officer.get("/cases/\(id)")
            #expect(page.body.string.contains("id=\"recover-\(dataset.slug)\""))
            #expect(try await officer.post("/cases/\(id)/datasets/\(dataset.slug)/recover", [("version", "1")]).status == .seeOther)
            #expect(try await f.complete(id, step: 3, as: "pengelola_ti", ["ownData": true]).status == .created)
            #expect(try await f.complete(id, step: 4, as: "pengelola_ti").status == .created)
            let current = try #require(try await Dataset.find(dataset.id, on: app.db)?.currentVersionID)
            let version = try #require(try await DatasetVersion.find(current, on: app.db))
            #expect(version.number == 3 && version.isRecovery)

            let log = try await officer.get("/cases/\(id)/storage-log")
            #expect(log.status == .ok)
            #expect(log.body.string.contains("Versi 3"))
            #expect(log.body.string.contains(version.blobHash))
            #expect(!log.body.string.contains("laporan.pdf") && !log.body.string.contains("Data permohonan"), "another case's entries are not listed")
            let entries = try await CaseFiles.log(caseID: id, on: app.db)
            #expect(entries.map(\.action) == ["version.recover"])
            let printed = try await officer.get("/cases/\(id)/storage-log?print=1")
            #expect(printed.body.string.contains("size:A4 landscape"))
            #expect(printed.body.string.contains("class=\"kop\""))
        }
    }

    @Test("recovery of a deleted dataset: linked from the trash, restored for the case, steps 3–4 complete", arguments: TestDatabase.all)
    func recoverDeleted(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let officerUser = f.users["pengelola_ti"]!
            let dataset = try await app.makeDataset("Data sekolah", organization: f.organization, by: officerUser)
            let blob = try await app.blobs.store(Data("v1".utf8), io: app.fileio)
            _ = try await DatasetStore.addVersion(to: dataset, blob: blob, filename: "v1.pdf", note: "", intake: .init(status: .stored), by: officerUser, on: app.db)
            try await DatasetStore.trash(dataset, note: "Terhapus", by: officerUser, on: app.db)
            let id = try await Self.caseAtStep3(f, kind: "recovery", title: "Pulihkan sekolah")
            let officer = TestBrowser(app)
            try await officer.login("pengelolati")
            let page = try await officer.get("/cases/\(id)")
            #expect(page.body.string.contains("value=\"\(dataset.id!.uuidString)\""), "the trashed dataset can be linked")
            #expect(try await officer.post("/cases/\(id)/datasets", [("dataset", dataset.id!.uuidString)]).status == .seeOther)
            #expect(try await f.complete(id, step: 3, as: "pengelola_ti", ["ownData": true]).status == .unprocessableEntity)
            _ = try await officer.get("/cases/\(id)")
            #expect(try await officer.post("/cases/\(id)/datasets/\(dataset.slug)/untrash", []).status == .seeOther)
            #expect(try await Dataset.find(dataset.id, on: app.db)?.deletedAt == nil)
            #expect(try await f.complete(id, step: 3, as: "pengelola_ti", ["ownData": true]).status == .created)
            #expect(try await f.complete(id, step: 4, as: "pengelola_ti").status == .created)
            #expect(try await CaseFiles.log(caseID: id, on: app.db).map(\.action) == ["dataset.restore"])
            _ = try await officer.get("/cases/\(id)")
            #expect(try await officer.post("/cases/\(id)/datasets/\(dataset.slug)/recover", [("version", "1")]).status == .conflict, "only while steps 3–4 are open")
        }
    }
}
