import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Cases through the API only: steps 1–9, the letter, the data, the report rounds, the record")
struct CaseAPIFlowTests {
    static let csv = "kecamatan;balita;stunting\nSipora Utara;1200;150\nSiberut Selatan;980;210\n"

    func json<T: Decodable>(_ response: TestingHTTPResponse, _ type: T.Type, _ status: HTTPResponseStatus = .ok, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        #expect(response.status == status, "\(response.body.string)", sourceLocation: sourceLocation)
        return try response.content.decode(T.self)
    }

    func upload(_ f: CaseFixture, slug: String, as who: String, bytes: [UInt8], caseID: UUID? = nil) async throws -> TestingHTTPResponse {
        var headers = f.headers(who)
        headers.contentType = .init(type: "text", subType: "csv")
        let query = caseID.map { "&case=\($0)" } ?? ""
        return try await f.app.testing().sendRequest(.POST, "/api/v1/datasets/\(slug)/versions?filename=stunting.csv\(query)", headers: headers, body: ByteBuffer(bytes: bytes))
    }

    @Test("a produsen's request runs through all nine steps by token only, with one return pointing at a section, and is published", arguments: TestDatabase.all)
    func wholeCaseThroughTheAPI(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)

            // The agency's dataset, catalogued by the IT section; the produsen requests and hands over the CSV.
            let dataset = try json(try await f.send(.POST, "/api/v1/datasets", as: "pengelola_ti", json: [
                "title": "Prevalensi stunting per kecamatan", "organizationID": f.organization.id!.uuidString, "frequency": "tahunan", "access": "terbuka",
                "topic": "Kesehatan", "source": "Dinas Kesehatan", "unit": "persen", "period": "2026",
            ]), DatasetAPI.DatasetOut.self, .created)
            let created = try json(try await f.send(.POST, "/api/v1/cases", as: "produsen", json: [
                "kind": "simpan_baru", "title": "Data stunting 2026", "description": "Data balita stunting per kecamatan", "datasetIDs": [dataset.id.uuidString],
            ]), CaseAPI.CaseOut.self, .created)
            let id = created.id
            #expect(created.datasetIDs == [dataset.id])
            #expect(created.currentStep?.step == 1)
            let handed = try json(try await upload(f, slug: dataset.slug, as: "produsen", bytes: Array(Self.csv.utf8)), DatasetAPI.VersionOut.self, .created)
            #expect(handed.status == "accepted" && handed.rowCount == 2)

            // Step 1: the checklist; step 2: the letter edited, then numbered on completion.
            var state = try json(try await f.complete(id, step: 1, as: "administrasi", ["conveyed": "Berkas lengkap, diterima langsung"]), CaseAPI.CaseOut.self, .created)
            #expect(state.currentStep?.step == 2)
            var letter = try json(try await f.send(.GET, "/api/v1/cases/\(id)/letter", as: "administrasi"), CaseAPI.LetterOut.self)
            #expect(letter.number == nil && letter.editable)
            letter = try json(try await f.send(.PUT, "/api/v1/cases/\(id)/letter", as: "administrasi", json: [
                "place": letter.place, "date": letter.date, "nature": "Penting", "attachment": "1 (satu) berkas", "subject": "Pendaftaran pengelolaan data stunting",
                "recipient": letter.recipient, "body": letter.body, "signerTitle": letter.signerTitle, "signerName": "Heri Robertus", "signerNIP": "197601132001121002", "copies": "",
            ]), CaseAPI.LetterOut.self)
            #expect(letter.subject == "Pendaftaran pengelolaan data stunting" && letter.number == nil)
            state = try json(try await f.complete(id, step: 2, as: "administrasi"), CaseAPI.CaseOut.self, .created)
            #expect(state.currentStep?.step == 3)
            #expect(state.letterNumber != nil)
            letter = try json(try await f.send(.GET, "/api/v1/cases/\(id)/letter", as: "produsen"), CaseAPI.LetterOut.self)
            #expect(letter.number == state.letterNumber && letter.subject == "Pendaftaran pengelolaan data stunting")

            // Steps 3–4: the IT officer takes the handed-over file and stores it for the case.
            state = try json(try await f.send(.POST, "/api/v1/cases/\(id)/datasets", as: "pengelola_ti", json: ["dataset": dataset.id.uuidString]), CaseAPI.CaseOut.self, .created)
            #expect(state.datasetIDs == [dataset.id], "linking an already linked dataset changes nothing")
            let file = try await f.send(.GET, "/api/v1/datasets/\(dataset.slug)/versions/1/download", as: "pengelola_ti")
            #expect(file.status == .ok)
            let stored = try json(try await upload(f, slug: dataset.slug, as: "pengelola_ti", bytes: Array(file.body.readableBytesView), caseID: id), DatasetAPI.VersionOut.self, .created)
            #expect(stored.number == 2 && stored.current)
            state = try json(try await f.complete(id, step: 3, as: "pengelola_ti", ["ownData": true]), CaseAPI.CaseOut.self, .created)
            #expect(state.currentStep?.step == 4)
            state = try json(try await f.complete(id, step: 4, as: "pengelola_ti"), CaseAPI.CaseOut.self, .created)
            #expect(state.currentStep?.step == 5)

            // Steps 5–6, round 1.
            var draft = try json(try await f.send(.PUT, "/api/v1/cases/\(id)/report", as: "pengelola_ti", json: ["narrative": "Data diterima dan disimpan."]), CaseAPI.ReportOut.self)
            #expect(draft.round == 1 && draft.state == "draft" && draft.narrative == "Data diterima dan disimpan.")
            #expect(draft.facts.map(\.title).contains("Data yang disimpan atau dipulihkan"))
            state = try json(try await f.complete(id, step: 5, as: "pengelola_ti"), CaseAPI.CaseOut.self, .created)
            #expect(state.currentStep?.step == 6)
            state = try json(try await f.complete(id, step: 6, as: "pengelola_ti"), CaseAPI.CaseOut.self, .created)
            #expect(state.currentStep?.step == 7)
            var rounds = try json(try await f.send(.GET, "/api/v1/cases/\(id)/reports", as: "kasi"), APIModels.ListOut<CaseAPI.ReportOut>.self)
            #expect(rounds.items.map(\.state) == ["submitted"])

            // Step 7: the kasi returns round 1 with a note on the data section.
            let note = "Baris Siberut Utara belum ada; lengkapi datanya."
            state = try json(try await f.complete(id, step: 7, as: "kasi", ["decision": "tidak", "note": note, "section": "data"]), CaseAPI.CaseOut.self, .created)
            #expect(state.currentStep?.step == 5 && state.currentStep?.round == 2)

            // The IT officer reads the note through the API, revises and submits round 2.
            let returned = try json(try await f.send(.GET, "/api/v1/cases/\(id)/reports/1", as: "pengelola_ti"), CaseAPI.ReportOut.self)
            #expect(returned.state == "returned" && returned.decision == "tidak")
            #expect(returned.decisionNote == note && returned.decisionSection == "data")
            #expect(returned.decidedBy == "Nama kasi")
            draft = try json(try await f.send(.PUT, "/api/v1/cases/\(id)/report", as: "pengelola_ti", json: ["narrative": "Data diterima dan disimpan.\n\nBaris Siberut Utara dilengkapi."]), CaseAPI.ReportOut.self)
            #expect(draft.round == 2 && draft.state == "draft")
            state = try json(try await f.complete(id, step: 5, as: "pengelola_ti", ["note": "Data dilengkapi"]), CaseAPI.CaseOut.self, .created)
            state = try json(try await f.complete(id, step: 6, as: "pengelola_ti"), CaseAPI.CaseOut.self, .created)
            #expect(state.currentStep?.step == 7 && state.currentStep?.round == 2)

            // Step 7 approves, step 8 makes the final concept; step 9 opens for the kabid.
            state = try json(try await f.complete(id, step: 7, as: "kasi", ["decision": "ya"]), CaseAPI.CaseOut.self, .created)
            #expect(state.currentStep?.step == 8)
            state = try json(try await f.complete(id, step: 8, as: "kasi"), CaseAPI.CaseOut.self, .created)
            #expect(state.state == "open" && state.currentStep?.step == 9)
            #expect(try json(try await f.send(.GET, "/api/v1/tasks", as: "kabid"), CaseAPI.TaskList.self).items.map(\.step) == [9])

            rounds = try json(try await f.send(.GET, "/api/v1/cases/\(id)/reports", as: "produsen"), APIModels.ListOut<CaseAPI.ReportOut>.self)
            #expect(rounds.items.map(\.state) == ["returned", "final"])
            #expect(rounds.items.map(\.decisionSection) == ["data", nil])

            let timeline = try json(try await f.send(.GET, "/api/v1/cases/\(id)/timeline", as: "produsen"), CaseAPI.TimelineOut.self)
            let done = timeline.entries.filter { $0.kind != .opened }
            #expect(done.map(\.step) == [1, 2, 3, 4, 5, 6, 7, 5, 6, 7, 8])
            #expect(Set(1...8).isSubset(of: Set(done.map(\.step))))
            let returnEntry = try #require(timeline.entries.first { $0.kind == .returned })
            #expect(returnEntry.step == 7 && returnEntry.round == 1 && returnEntry.note == note && returnEntry.section == "data" && returnEntry.actor == "Nama kasi")
            #expect(timeline.entries.filter { $0.kind == .approved }.map(\.round) == [2])
            #expect(timeline.entries.last?.kind == .opened && timeline.entries.last?.step == 9)
            let actions = timeline.events.map(\.action)
            #expect(actions.first == "case.create")
            #expect(timeline.events.filter { $0.action == "report.submit" }.map { $0.details["round"] } == ["1", "2"])
            #expect(actions.filter { $0 == "step.return" }.count == 1)
            #expect(actions.filter { $0 == "step.complete" }.count == 11)
            #expect(actions.contains("letter.number") && actions.contains("version.update") && actions.contains("report.finalize"))
            #expect(zip(timeline.events, timeline.events.dropFirst()).allSatisfy { $0.sequence < $1.sequence })

            // The printed record and the printed rounds, for a signed-in browser.
            let browser = TestBrowser(app)
            try await browser.login("kasi")
            let record = try await browser.get("/cases/\(id)/record")
            #expect(record.status == .ok)
            for text in ["Catatan Kasus", created.number, note, "Data yang disimpan atau dipulihkan", "record-signers", "Laporan disampaikan kepada Kepala Seksi"] {
                #expect(record.body.string.contains(HTML.escape(text)), "record lacks \(text)")
            }
            let round1 = try await browser.get("/cases/\(id)/report/1")
            #expect(round1.status == .ok && round1.body.string.contains("report-decision-section") && round1.body.string.contains("note-target"))
            #expect(try await browser.get("/cases/\(id)/report/final").status == .ok)
            let page = try await browser.get("/cases/\(id)")
            #expect(page.body.string.contains("/cases/\(id)/record"))

            // Step 9: the kabid drafts the announcement, publishes it, and the public sees it.
            let proposed = try json(try await f.send(.GET, "/api/v1/cases/\(id)/announcement", as: "kabid"), PublicationAPI.AnnouncementOut.self)
            #expect(proposed.state == "draft" && proposed.datasetIDs == [dataset.id] && proposed.channels == ["website"])
            let title = "Data stunting 2026 kini terbuka"
            let saved = try json(try await f.send(.PUT, "/api/v1/cases/\(id)/announcement", as: "kabid", json: [
                "title": title, "body": "Data balita stunting per kecamatan dapat diunduh.", "channels": ["website", "whatsapp"],
            ]), PublicationAPI.AnnouncementOut.self)
            #expect(saved.saved && saved.state == "draft" && saved.title == title)
            let anonymous = try await app.testing().sendRequest(.GET, "/api/v1/public/announcements")
            #expect(try json(anonymous, PublicationAPI.PublicList.self).items.isEmpty, "a draft is not public")
            state = try json(try await f.complete(id, step: 9, as: "kabid", ["ownAnnouncement": true]), CaseAPI.CaseOut.self, .created)
            #expect(state.state == "closed" && state.currentStep == nil)
            let published = try json(try await f.send(.GET, "/api/v1/cases/\(id)/announcement", as: "produsen"), PublicationAPI.AnnouncementOut.self)
            #expect(published.state == "published" && published.publishedAt != nil)
            #expect(Dictionary(uniqueKeysWithValues: published.deliveries.map { ($0.channel, $0.state) }) == ["website": "published", "whatsapp": "not_configured"])
            let open = try json(try await app.testing().sendRequest(.GET, "/api/v1/public/announcements"), PublicationAPI.PublicList.self)
            #expect(open.items.map(\.title) == [title])
            #expect(open.items.first?.datasets.map(\.slug) == [dataset.slug])
            let closed = try json(try await f.send(.GET, "/api/v1/cases/\(id)/timeline", as: "kasi"), CaseAPI.TimelineOut.self)
            #expect(closed.entries.contains { $0.step == 9 && $0.kind == .completed } && closed.entries.last?.kind == .closed)
            #expect(closed.events.map(\.action).suffix(3).contains("announcement.publish"))
            #expect(try await browser.get("/cases/\(id)/final-report").body.string.contains(HTML.escape(title)))
        }
    }

    @Test("the new case endpoints refuse the wrong role with 403 and change nothing", arguments: TestDatabase.all)
    func wrongRole(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            #expect(try await f.complete(id, step: 1, as: "administrasi").status == .created)
            let refused: [(HTTPMethod, String, String, [String: Any])] = [
                (.PUT, "/api/v1/cases/\(id)/letter", "kasi", ["place": "Tuapeijat", "date": "2026-11-26", "subject": "x", "body": "x", "signerTitle": "x", "signerName": "x"]),
                (.PUT, "/api/v1/cases/\(id)/letter", "produsen", ["place": "Tuapeijat", "date": "2026-11-26", "subject": "x", "body": "x", "signerTitle": "x", "signerName": "x"]),
                (.PUT, "/api/v1/cases/\(id)/report", "kasi", ["narrative": "x"]),
                (.PUT, "/api/v1/cases/\(id)/report", "produsen", ["narrative": "x"]),
                (.POST, "/api/v1/cases/\(id)/datasets", "administrasi", ["title": "Data baru"]),
                (.POST, "/api/v1/cases/\(id)/datasets/any/recover", "kasi", ["version": 1]),
                (.POST, "/api/v1/cases/\(id)/datasets/any/untrash", "produsen", [:]),
            ]
            for (method, path, who, body) in refused {
                let response = try await f.send(method, path, as: who, json: body)
                #expect(response.status == .forbidden, "\(method) \(path) as \(who)")
                #expect(try response.content.decode(APIErrorBody.self).error.status == 403)
            }
            #expect(try await Letter.query(on: app.db).count() == 0)
            #expect(try await Dataset.query(on: app.db).count() == 0)
        }
    }

    @Test("out-of-order writes get 409 and change nothing: the narrative before step 5, the letter before step 2, data links before step 3", arguments: TestDatabase.all)
    func outOfOrder(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            let eventsBefore = try await EventRecord.query(on: app.db).count()
            let report = try await f.send(.PUT, "/api/v1/cases/\(id)/report", as: "pengelola_ti", json: ["narrative": "Terlalu awal"])
            #expect(report.status == .conflict)
            #expect(try report.content.decode(APIErrorBody.self).error.code == "caseReport.error.frozen")
            let letter = try await f.send(.PUT, "/api/v1/cases/\(id)/letter", as: "administrasi", json: [
                "place": "Tuapeijat", "date": "2026-11-26", "subject": "Surat", "body": "Isi", "signerTitle": "Kepala Dinas", "signerName": "Heri",
            ])
            #expect(letter.status == .conflict)
            #expect(try await f.send(.GET, "/api/v1/cases/\(id)/letter", as: "administrasi").status == .conflict, "before step 2 the letter does not exist yet: 409, the case itself exists")
            let attach = try await f.send(.POST, "/api/v1/cases/\(id)/datasets", as: "pengelola_ti", json: ["title": "Data baru"])
            #expect(attach.status == .conflict)
            #expect(try await CaseReport.query(on: app.db).count() == 0)
            #expect(try await Letter.query(on: app.db).count() == 0)
            #expect(try await Dataset.query(on: app.db).count() == 0)
            #expect(try await EventRecord.query(on: app.db).count() == eventsBefore)

            // After step 6 the round is frozen: saving again is refused and the text stays.
            for step in 1...5 { #expect(try await f.complete(id, step: step, as: CaseFixture.executor[step]!).status == .created) }
            #expect(try await f.complete(id, step: 6, as: "pengelola_ti").status == .created)
            let frozen = try await f.send(.PUT, "/api/v1/cases/\(id)/report", as: "pengelola_ti", json: ["narrative": "Diubah sesudah disampaikan"])
            #expect(frozen.status == .conflict)
            let round = try json(try await f.send(.GET, "/api/v1/cases/\(id)/reports/1", as: "kasi"), CaseAPI.ReportOut.self)
            #expect(round.state == "submitted" && round.narrative == "Data diterima, diperiksa dan disimpan.")
            #expect(try await f.send(.GET, "/api/v1/cases/\(id)/reports/2", as: "kasi").status == .notFound)
        }
    }

    @Test("returning with an unknown section is 422 with the codes that exist; step 7 stays open and the round undecided", arguments: TestDatabase.all)
    func unknownSection(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            for step in 1...6 { #expect(try await f.complete(id, step: step, as: CaseFixture.executor[step]!).status == .created) }
            let response = try await f.complete(id, step: 7, as: "kasi", ["decision": "tidak", "note": "Perbaiki", "section": "lampiran"])
            #expect(response.status == .unprocessableEntity)
            let error = try response.content.decode(APIErrorBody.self).error
            #expect(error.code == "record.error.section")
            #expect(error.message.contains("lampiran") && error.message.contains("uraian"))
            let after = try await f.read(id)
            #expect(after.currentStep?.step == 7 && after.currentStep?.completedAt == nil)
            let round = try json(try await f.send(.GET, "/api/v1/cases/\(id)/reports/1", as: "kasi"), CaseAPI.ReportOut.self)
            #expect(round.decision == nil && round.decisionSection == nil)
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "step.return").count() == 0)

            // The form's value is accepted too, and an approval keeps no section.
            let ok = try await f.complete(id, step: 7, as: "kasi", ["decision": "ya", "section": "uraian"])
            #expect(ok.status == .created)
            #expect(try json(try await f.send(.GET, "/api/v1/cases/\(id)/reports/1", as: "kasi"), CaseAPI.ReportOut.self).decisionSection == nil)
        }
    }

    @Test("the kasi picks the section on the page; the officer revising sees the note beside that section, the timeline names it", arguments: [TestDatabase.sqlite])
    func sectionOnThePages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            for step in 1...6 { #expect(try await f.complete(id, step: step, as: CaseFixture.executor[step]!).status == .created) }
            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            let form = try await kasi.get("/cases/\(id)")
            #expect(form.body.string.contains("name=\"section\"") && form.body.string.contains("value=\"masalah\""))
            let returned = try await kasi.post("/cases/\(id)/steps/7/complete", [("decision", "tidak"), ("note", "Jelaskan berkas yang ditolak"), ("section", "masalah")])
            #expect(returned.status == .seeOther)

            let officer = TestBrowser(app)
            try await officer.login("pengelolati")
            let page = try await officer.get("/cases/\(id)").body.string
            let label = HTML.escape(Translator(lang: .id)("record.note_section", "Masalah yang ditemukan pemeriksaan"))
            #expect(page.contains("id=\"report-return-note\"") && page.contains(label))
            #expect(page.contains("id=\"revision-target\""), "the section to correct is shown with the form")
            #expect(page.contains("class=\"note-target\" id=\"note-target\">Masalah yang ditemukan pemeriksaan</h4><p class=\"note-beside\">"))
            let timeline = try #require(page.range(of: "id=\"case-timeline\"")).upperBound
            #expect(page[timeline...].contains(label))
        }
    }

    @Test("recovery through the API: a version recovered and a dataset restored from the trash count as received for the case", arguments: TestDatabase.all)
    func recoveryThroughTheAPI(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let officer = f.users["pengelola_ti"]!
            let kept = try await app.makeDataset("Data lama", organization: f.organization, by: officer)
            for text in ["versi satu", "versi dua"] {
                let blob = try await app.blobs.store(Data(text.utf8), io: app.fileio)
                _ = try await DatasetStore.addVersion(to: kept, blob: blob, filename: "data.pdf", note: "", intake: .init(status: .stored), by: officer, on: app.db)
            }
            let deleted = try await app.makeDataset("Data terhapus", organization: f.organization, by: officer)
            try await DatasetStore.trash(deleted, note: "keliru", by: officer, on: app.db)
            let created = try json(try await f.send(.POST, "/api/v1/cases", as: "produsen", json: [
                "kind": "recovery", "title": "Pulihkan data", "datasetIDs": [kept.id!.uuidString],
            ]), CaseAPI.CaseOut.self, .created)
            let id = created.id
            for step in 1...2 { #expect(try await f.complete(id, step: step, as: "administrasi").status == .created) }

            let early = try await f.complete(id, step: 3, as: "pengelola_ti", ["ownData": true])
            #expect(early.status == .unprocessableEntity, "nothing received yet")
            let recovered = try json(try await f.send(.POST, "/api/v1/cases/\(id)/datasets/\(kept.slug)/recover", as: "pengelola_ti", json: ["version": 1]), CaseAPI.CaseOut.self, .created)
            #expect(recovered.currentStep?.step == 3)
            let missingVersion = try await f.send(.POST, "/api/v1/cases/\(id)/datasets/\(kept.slug)/recover", as: "pengelola_ti", json: [:])
            #expect(missingVersion.status == .unprocessableEntity)
            #expect(try await f.send(.POST, "/api/v1/cases/\(id)/datasets", as: "pengelola_ti", json: ["dataset": deleted.id!.uuidString]).status == .created)
            let restored = try json(try await f.send(.POST, "/api/v1/cases/\(id)/datasets/\(deleted.slug)/untrash", as: "pengelola_ti"), CaseAPI.CaseOut.self, .created)
            #expect(Set(restored.datasetIDs) == [kept.id!, deleted.id!])
            #expect(try await f.complete(id, step: 3, as: "pengelola_ti", ["ownData": true]).status == .created)

            let events = try json(try await f.send(.GET, "/api/v1/cases/\(id)/timeline", as: "produsen"), CaseAPI.TimelineOut.self).events
            #expect(events.filter { ["version.recover", "dataset.restore", "case.dataset_attach"].contains($0.action) }.map(\.action) == ["version.recover", "case.dataset_attach", "dataset.restore"])
            #expect(try await DatasetStore.find(slug: deleted.slug, on: app.db).deletedAt == nil)
        }
    }

    @Test("saving the letter through the API with fields missing is 422 naming them, and the draft stays unsaved", arguments: [TestDatabase.sqlite])
    func letterValidation(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            #expect(try await f.complete(id, step: 1, as: "administrasi").status == .created)
            let response = try await f.send(.PUT, "/api/v1/cases/\(id)/letter", as: "administrasi", json: ["place": "Tuapeijat", "date": "26/11/2026", "subject": ""])
            #expect(response.status == .unprocessableEntity)
            let message = try response.content.decode(APIErrorBody.self).error.message
            #expect(message.contains(Translator(lang: .id)("letters.error.date")) && message.contains(Translator(lang: .id)("letters.error.subject")), "\(message)")
            #expect(try await Letter.query(on: app.db).count() == 0)
        }
    }

    @Test("another agency's produsen gets 404 for the case, its timeline, reports, letter and record", arguments: TestDatabase.all)
    func otherAgency(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            var f = try await CaseFixture(app)
            let other = try await app.makeOrganization("DISDIK", name: "Dinas Pendidikan")
            let stranger = try await app.makeUser("produsen2", role: .produsen, organization: other)
            f.tokens["stranger"] = try await AccountController.issueToken(for: stranger, name: "t", on: app.db).1
            let id = try await f.submit().id
            for step in 1...2 { #expect(try await f.complete(id, step: step, as: "administrasi").status == .created) }
            for path in ["", "/timeline", "/reports", "/reports/1", "/letter"] {
                let response = try await f.send(.GET, "/api/v1/cases/\(id)\(path)", as: "stranger")
                #expect(response.status == .notFound, "GET /api/v1/cases/{id}\(path)")
            }
            #expect(try await f.send(.GET, "/api/v1/cases/\(id)/timeline", as: "produsen").status == .ok)
            let browser = TestBrowser(app)
            try await browser.login("produsen2")
            #expect(try await browser.get("/cases/\(id)/record").status == .notFound)
        }
    }
}
