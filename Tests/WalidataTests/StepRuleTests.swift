import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// A step whose output is a document does not complete while that document is empty; a refusal
/// changes nothing and, on the page, shows its reason; step 9 names only datasets whose Satu
/// Data metadata is complete.
@Suite("Cases: the rules of the steps' outputs")
struct StepRuleTests {
    /// The open step of the case, as stored.
    static func openStep(_ app: Application, _ id: UUID) async throws -> CaseStep? {
        try await CaseStore.steps(of: id, on: app.db).last.flatMap { $0.completedAt == nil ? $0 : nil }
    }

    static func message(_ response: TestingHTTPResponse) throws -> String {
        try response.content.decode(APIErrorBody.self).error.message
    }

    @Test("step 2 is refused (422) until the letter is saved, and nothing changes: no letter, no number, step 2 still open", arguments: TestDatabase.all)
    func letterMustBeSaved(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            #expect(try await f.complete(id, step: 1, as: "administrasi").status == .created)
            let events = try await EventRecord.query(on: app.db).count()

            let refused = try await f.complete(id, step: 2, as: "administrasi", ["ownLetter": true])
            #expect(refused.status == .unprocessableEntity)
            #expect(try Self.message(refused).contains("surat pendaftaran belum disimpan"))
            #expect(try await Self.openStep(app, id)?.step == 2)
            #expect(try await Letter.query(on: app.db).count() == 0)
            #expect(try await EventRecord.query(on: app.db).count() == events)

            try await f.saveLetter(id)
            #expect(try await f.complete(id, step: 2, as: "administrasi", ["ownLetter": true]).status == .created)
            #expect(try await LetterStore.letter(of: id, on: app.db)?.number != nil)
        }
    }

    @Test("step 5 is refused (422) while the narrative is empty or blank; the round stays unsaved and step 5 open", arguments: TestDatabase.all)
    func reportMustHaveANarrative(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            for step in 1...4 { #expect(try await f.complete(id, step: step, as: CaseFixture.executor[step]!).status == .created) }

            let empty = try await f.complete(id, step: 5, as: "pengelola_ti", ["ownReport": true])
            #expect(empty.status == .unprocessableEntity)
            #expect(try Self.message(empty).contains("uraian laporan masih kosong"))
            #expect(try await CaseReportStore.rounds(of: id, on: app.db).isEmpty)

            try await CaseReportStore.saveNarrative("  \n ", caseID: id, by: f.users["pengelola_ti"]!, on: app.db)
            #expect(try await f.complete(id, step: 5, as: "pengelola_ti", ["ownReport": true]).status == .unprocessableEntity)
            #expect(try await Self.openStep(app, id)?.step == 5)
            #expect(try await CaseReportStore.rounds(of: id, on: app.db).map(\.narrative) == [""])

            try await CaseReportStore.saveNarrative("Data diterima.", caseID: id, by: f.users["pengelola_ti"]!, on: app.db)
            #expect(try await f.complete(id, step: 5, as: "pengelola_ti", ["ownReport": true]).status == .created)
            #expect(try await Self.openStep(app, id)?.step == 6)
        }
    }

    @Test("step 9 is refused (422) naming each dataset and its missing metadata; nothing is published; complete metadata publishes", arguments: TestDatabase.all)
    func announcedDatasetsNeedMetadata(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let w = try await PublicationTests.walk(f)
            w.open.unit = ""
            w.open.period = " "
            try await w.open.save(on: app.db)

            let refused = try await f.complete(w.id, step: 9, as: "kabid")
            #expect(refused.status == .unprocessableEntity)
            let text = try Self.message(refused)
            #expect(text.contains("«Jumlah penduduk per kecamatan» (Satuan, Tahun / periode)"), "\(text)")
            #expect(!text.contains("Data gizi buruk"))
            #expect(try await Self.openStep(app, w.id)?.step == 9)
            #expect(try await PublicationStore.announcement(of: w.id, on: app.db)?.published != true)
            #expect(try await Dataset.find(w.open.id, on: app.db)?.publishedAt == nil)
            #expect(try await Delivery.query(on: app.db).count() == 0)

            w.open.unit = "jiwa"
            w.open.period = "2026"
            try await w.open.save(on: app.db)
            #expect(try await f.complete(w.id, step: 9, as: "kabid").status == .created)
            #expect(try await Dataset.find(w.open.id, on: app.db)?.publishedAt != nil)
        }
    }

    @Test("a dataset made at steps 3–4 takes its Satu Data metadata and is terbatas unless told; a wrong access class is 422 and makes nothing", arguments: TestDatabase.all)
    func newDatasetMetadata(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await CaseDataTests.caseAtStep3(f, kind: "simpan_baru", title: "Data baru")
            let made = try await f.send(.POST, "/api/v1/cases/\(id)/datasets", as: "pengelola_ti", json: [
                "title": "Jumlah puskesmas", "topic": "Kesehatan", "source": "Dinas Kesehatan", "unit": "unit", "period": "2026",
            ])
            #expect(made.status == .created, "\(made.body.string)")
            let dataset = try #require(try await Dataset.query(on: app.db).filter(\.$title == "Jumlah puskesmas").first())
            #expect(dataset.accessClass == .terbatas)
            #expect(PublicationMetadata.missing(in: dataset).isEmpty)
            #expect((dataset.topic, dataset.source, dataset.unit, dataset.period) == ("Kesehatan", "Dinas Kesehatan", "unit", "2026"))

            let bare = try await f.send(.POST, "/api/v1/cases/\(id)/datasets", as: "pengelola_ti", json: ["title": "Data tanpa metadata"])
            #expect(bare.status == .created)
            let plain = try #require(try await Dataset.query(on: app.db).filter(\.$title == "Data tanpa metadata").first())
            #expect(plain.accessClass == .terbatas)
            #expect(PublicationMetadata.missing(in: plain) == ["topic", "source", "unit", "period"])

            let open = try await f.send(.POST, "/api/v1/cases/\(id)/datasets", as: "pengelola_ti", json: ["title": "Data terbuka", "access": "terbuka"])
            #expect(open.status == .created)
            #expect(try await Dataset.query(on: app.db).filter(\.$title == "Data terbuka").first()?.accessClass == .terbuka)

            let count = try await Dataset.query(on: app.db).count()
            let wrong = try await f.send(.POST, "/api/v1/cases/\(id)/datasets", as: "pengelola_ti", json: ["title": "Data salah", "access": "publik"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await Dataset.query(on: app.db).count() == count)

            // The page: the data card asks for the metadata and says what a linked dataset lacks.
            let officer = TestBrowser(app)
            try await officer.login("pengelolati")
            let page = try await officer.get("/cases/\(id)").body.string
            #expect(page.contains("id=\"new-dataset-attach\""))
            #expect(page.contains("<option value=\"terbatas\" selected>"))
            #expect(page.contains("Metadata belum lengkap: Topik / sektor, Sumber, Satuan, Tahun / periode"))
        }
    }

    @Test("a refused step on the page: 422 with the message beside the form; a step not open or not theirs: the message at the top; nothing changed", arguments: TestDatabase.all)
    func refusalsOnThePage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            #expect(try await f.complete(id, step: 1, as: "administrasi").status == .created)
            let officer = TestBrowser(app)
            try await officer.login("administrasi")
            _ = try await officer.get("/cases/\(id)")

            let refused = try await officer.post("/cases/\(id)/steps/2/complete", [("note", "")])
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains("id=\"complete-error\""))
            #expect(page.contains("surat pendaftaran belum disimpan"))
            #expect(page.contains("id=\"case-summary\""))
            #expect(try await Self.openStep(app, id)?.step == 2)

            // Step 1 again (a second click, or a stale tab): the case moved on; the message is at the top.
            let stale = try await officer.post("/cases/\(id)/steps/1/complete", [("note", "")])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Langkah 1 tidak sedang menunggu dikerjakan"))
            #expect(stale.body.string.contains("class=\"flash flash-error\""))
            #expect(!stale.body.string.contains("id=\"complete-error\""))

            // Not this person's step: the kasi sees why, at the top, and nothing changes.
            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            _ = try await kasi.get("/cases/\(id)")
            let other = try await kasi.post("/cases/\(id)/steps/2/complete", [("note", "")])
            #expect(other.status == .forbidden)
            #expect(other.body.string.contains("Langkah ini dikerjakan oleh"))
            #expect(other.body.string.contains("id=\"case-summary\""))
            #expect(try await Self.openStep(app, id)?.step == 2)

            // The message is shown once, not again on the next page.
            #expect(!(try await kasi.get("/cases/\(id)").body.string.contains("Langkah ini dikerjakan oleh")))
        }
    }

    @Test("other case actions refused on the page show the case page with the message and the refusal's status", arguments: TestDatabase.all)
    func otherActionsOnThePage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await CaseDataTests.caseAtStep3(f, kind: "simpan_baru", title: "Data baru")
            let officer = TestBrowser(app)
            try await officer.login("pengelolati")
            _ = try await officer.get("/cases/\(id)")

            let early = try await officer.post("/cases/\(id)/report", [("narrative", "terlalu awal")])
            #expect(early.status == .conflict)
            #expect(early.body.string.contains("Uraian laporan hanya dapat diubah selama langkah 5 terbuka"))
            #expect(early.body.string.contains("id=\"case-summary\""))

            _ = try await officer.get("/cases/\(id)")
            let nothing = try await officer.post("/cases/\(id)/datasets", [("title", "")])
            #expect(nothing.status == .unprocessableEntity)
            #expect(nothing.body.string.contains("id=\"case-data\"") && nothing.body.string.contains("flash-error"))

            _ = try await officer.get("/cases/\(id)")
            let made = try await officer.post("/cases/\(id)/datasets", [
                ("title", "Jumlah sekolah"), ("topic", "Pendidikan"), ("source", "Dinas Pendidikan"), ("unit", "unit"), ("period", "2026"), ("access", "terbatas"),
            ])
            #expect(made.status == .seeOther)
            let dataset = try #require(try await Dataset.query(on: app.db).filter(\.$title == "Jumlah sekolah").first())
            #expect(dataset.accessClass == .terbatas && dataset.topic == "Pendidikan" && dataset.period == "2026")
        }
    }
}
