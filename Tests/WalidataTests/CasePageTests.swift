import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// The case page leads the officer (issue 9): the open step's card holds what that step needs and
/// produces, completed steps fold into a history, and step 8 lets the kasi adjust the final concept.
@Suite("Case page: each step's card, the history, and step 8's adjusted final concept")
struct CasePageTests {
    /// The open step's card: from its opening tag to the summary that follows it.
    static func card(_ page: String) throws -> Substring {
        let start = try #require(page.range(of: "id=\"current-step\""), "no current-step card")
        let end = try #require(page.range(of: "id=\"case-summary-card\""), "no summary after the card")
        return page[start.lowerBound..<end.lowerBound]
    }

    static func history(_ page: String) throws -> Substring {
        let start = try #require(page.range(of: "id=\"case-history\""), "no history")
        return page[start.lowerBound...]
    }

    /// Steps 1–2 with a saved letter, as the office does it, so step 2 has its output.
    static func throughStep2(_ f: CaseFixture, _ id: UUID) async throws {
        #expect(try await f.complete(id, step: 1, as: "administrasi").status == .created)
        let record = try #require(try await Case.find(id, on: f.app.db))
        let fields = try await LetterStore.draft(for: record, on: f.app.db)
        _ = try await LetterStore.save(fields, for: id, by: f.users["administrasi"]!, on: f.app.db)
        #expect(try await f.complete(id, step: 2, as: "administrasi").status == .created)
    }

    /// Steps 3–7 with a narrative written at step 5 and round 1 approved.
    static func throughStep7(_ f: CaseFixture, _ id: UUID, narrative: String) async throws {
        for step in 3...4 { #expect(try await f.complete(id, step: step, as: "pengelola_ti").status == .created) }
        try await CaseReportStore.saveNarrative(narrative, caseID: id, by: f.users["pengelola_ti"]!, on: f.app.db)
        for step in 5...6 { #expect(try await f.complete(id, step: step, as: "pengelola_ti").status == .created) }
        #expect(try await f.complete(id, step: 7, as: "kasi", ["decision": "ya"]).status == .created)
    }

    @Test("each open step's card shows its own work: checklist, letter, data, facts before any save, the round to judge, the announcement", arguments: TestDatabase.all)
    func cards(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            let number = try #require(try await Case.find(id, on: app.db)?.number)
            let office = TestBrowser(app)
            try await office.login("administrasi")

            let step1 = try await office.get("/cases/\(id)").body.string
            #expect(try Self.card(step1).contains("id=\"step1-checklist\""))
            #expect(try Self.history(step1).contains("id=\"history-1-1\"") == false)

            #expect(try await f.complete(id, step: 1, as: "administrasi").status == .created)
            let step2 = try await office.get("/cases/\(id)").body.string
            let card2 = try Self.card(step2)
            #expect(card2.contains("id=\"letter-form\"") && card2.contains("id=\"letter-unsaved\"") && card2.contains("id=\"complete-step\""),
                    "until it is saved, the letter's editor is open in step 2's card beside the complete button")
            #expect(try Self.history(step2).contains("id=\"receipt-link\""), "step 1's receipt is linked from its history line")
            let saved = try await office.post("/cases/\(id)/letter", [
                ("place", "Tuapeijat"), ("date", "2026-11-30"), ("nature", "Biasa"), ("subject", "Pendaftaran data <stunting>"),
                ("recipient", "Kepala Dinas Kesehatan"), ("body", "Dengan hormat, permohonan telah didaftarkan."),
                ("signerTitle", "Kepala Bidang"), ("signerName", "Nama Penanda"),
            ])
            #expect(saved.status == .seeOther)
            let card2saved = try Self.card(try await office.get("/cases/\(id)").body.string)
            #expect(card2saved.contains("id=\"letter-preview\"") && card2saved.contains("Pendaftaran data &lt;stunting&gt;"),
                    "the saved letter is shown, escaped, in the card")
            #expect(card2saved.contains("id=\"letter-editor\"") && !card2saved.contains("id=\"letter-unsaved\""))

            #expect(try await f.complete(id, step: 2, as: "administrasi").status == .created)
            let officer = TestBrowser(app)
            try await officer.login("pengelolati")
            let step3 = try await officer.get("/cases/\(id)").body.string
            #expect(try Self.card(step3).contains("id=\"case-data\""))
            #expect(try Self.history(step3).contains("id=\"letter-number\"") && Self.history(step3).contains("id=\"history-2-1\""))

            for step in 3...4 { #expect(try await f.complete(id, step: step, as: "pengelola_ti").status == .created) }
            #expect(try await CaseReportStore.rounds(of: id, on: app.db).isEmpty, "nothing saved yet at step 5")
            let card5 = try Self.card(try await officer.get("/cases/\(id)").body.string)
            #expect(card5.contains(Translator(lang: .id)("casePage.facts")) && card5.contains("Nomor registrasi: \(number)"),
                    "the drafted facts show from the moment step 5 opens, before any save")
            #expect(card5.contains("id=\"report-form\""))
            #expect(try await officer.post("/cases/\(id)/report", [("narrative", "Data diterima lengkap.")]).status == .seeOther)
            for step in 5...6 { #expect(try await f.complete(id, step: step, as: "pengelola_ti").status == .created) }

            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            let step7 = try await kasi.get("/cases/\(id)").body.string
            let card7 = try Self.card(step7)
            #expect(card7.contains("id=\"report-round-1\"") && card7.contains("Data diterima lengkap.") && card7.contains("name=\"decision\""),
                    "the round to judge stands beside the decision")
            #expect(!(try Self.history(step7)).contains("id=\"report-round-1\""), "shown once, in the card")

            #expect(try await f.complete(id, step: 7, as: "kasi", ["decision": "ya"]).status == .created)
            #expect(try await f.complete(id, step: 8, as: "kasi").status == .created)
            let kabid = TestBrowser(app)
            try await kabid.login("kabid")
            #expect(try Self.card(try await kabid.get("/cases/\(id)").body.string).contains("id=\"announcement-fields\""))
            #expect(try await f.complete(id, step: 9, as: "kabid").status == .created)

            let closed = try await kabid.get("/cases/\(id)").body.string
            let history = try Self.history(closed)
            for anchor in ["receipt-link", "letter-number", "storage-log-link", "final-concept-link", "final-report-link", "case-timeline"] {
                #expect(history.contains("id=\"\(anchor)\""), "the closed case's history links \(anchor)")
            }
            #expect(history.components(separatedBy: "<li id=\"history-").count - 1 == 9, "one line per completed step")
        }
    }

    @Test("step 8: the kasi saves an adjusted final concept beside the approved round, sees the diff, and the final prints carry it", arguments: TestDatabase.all)
    func adjustFinal(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            try await Self.throughStep2(f, id)
            let approved = "Data diterima lengkap."
            try await Self.throughStep7(f, id, narrative: approved)
            let record = try #require(try await Case.find(id, on: app.db))
            #expect(CasePolicy.may(.adjustFinalReport, f.users["kasi"]!, record))
            #expect(!CasePolicy.may(.adjustFinalReport, f.users["pengelola_ti"]!, record))
            #expect(!CasePolicy.may(.adjustFinalReport, f.users["kabid"]!, record))

            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            let card = try Self.card(try await kasi.get("/cases/\(id)").body.string)
            #expect(card.contains("id=\"final-form\"") && card.contains("id=\"final-unchanged\"") && card.contains(approved))

            let officer = TestBrowser(app)
            try await officer.login("pengelolati")
            _ = try await officer.get("/cases/\(id)")
            #expect(try await officer.post("/cases/\(id)/report/final", [("narrative", "diubah petugas")]).status == .forbidden)

            let adjusted = "Data diterima lengkap.\nTambahan <kasi>: tiga desa."
            #expect(try await kasi.post("/cases/\(id)/report/final", [("narrative", adjusted)]).status == .seeOther)
            var round = try #require(try await CaseReportStore.rounds(of: id, on: app.db).last)
            #expect(round.narrative == approved, "the approved round stays as the kasi read it")
            #expect(round.finalNarrative == adjusted && round.finalText == adjusted)
            #expect(round.finalDiff == [.same(approved), .added("Tambahan <kasi>: tiga desa.")])
            let page = try Self.card(try await kasi.get("/cases/\(id)").body.string)
            #expect(page.contains("id=\"final-diff\"") && page.contains("<ins>+ Tambahan &lt;kasi&gt;: tiga desa.</ins>"))

            let refused = try await kasi.post("/cases/\(id)/report/final", [("narrative", "  ")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("id=\"final-error\""))
            round = try #require(try await CaseReportStore.rounds(of: id, on: app.db).last)
            #expect(round.finalNarrative == adjusted, "a refused save loses nothing")

            #expect(try await f.complete(id, step: 8, as: "kasi").status == .created)
            let final = try await kasi.get("/cases/\(id)/report/final").body.string
            #expect(final.contains("Tambahan &lt;kasi&gt;: tiga desa."))
            #expect(!(try await kasi.get("/cases/\(id)/report/1").body.string).contains("Tambahan"), "the round's own print is unchanged")
            _ = try await kasi.get("/cases/\(id)")
            #expect(try await kasi.post("/cases/\(id)/report/final", [("narrative", "terlambat")]).status == .conflict)
            #expect(try await CaseReportStore.rounds(of: id, on: app.db).last?.finalNarrative == adjusted)

            #expect(try await f.complete(id, step: 9, as: "kabid").status == .created)
            let kabid = TestBrowser(app)
            try await kabid.login("kabid")
            let report = try await kabid.get("/cases/\(id)/final-report").body.string
            #expect(report.contains("Tambahan &lt;kasi&gt;: tiga desa."), "the final report prints the adjusted concept")
        }
    }

    @Test("saving the approved text unchanged clears the adjustment", arguments: TestDatabase.all)
    func unchanged(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            try await Self.throughStep2(f, id)
            try await Self.throughStep7(f, id, narrative: "Uraian disetujui.")
            let kasi = f.users["kasi"]!
            #expect(try await CaseReportStore.saveFinal("Uraian diubah.", caseID: id, by: kasi, on: app.db).finalNarrative == "Uraian diubah.")
            let cleared = try await CaseReportStore.saveFinal("Uraian disetujui.\r\n", caseID: id, by: kasi, on: app.db)
            #expect(cleared.finalNarrative == nil && cleared.finalText == "Uraian disetujui.")
            await #expect(throws: UserError.self) {
                _ = try await CaseReportStore.saveFinal("x", caseID: id, by: f.users["pengelola_ti"]!, on: app.db)
            }
        }
    }

    @Test("the API twin of step 8: PUT /api/v1/cases/{id}/report/final for the kasi, 403 for others, 422 empty, 409 after step 8", arguments: TestDatabase.all)
    func adjustThroughTheAPI(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            try await Self.throughStep2(f, id)
            try await Self.throughStep7(f, id, narrative: "Uraian disetujui.")
            let path = "/api/v1/cases/\(id)/report/final"
            #expect(try await f.send(.PUT, path, as: "pengelola_ti", json: ["narrative": "x"]).status == .forbidden)
            #expect(try await f.send(.PUT, path, as: "kasi", json: ["narrative": " "]).status == .unprocessableEntity)
            let saved = try await f.send(.PUT, path, as: "kasi", json: ["narrative": "Uraian disetujui.\nDitambah kasi."])
            #expect(saved.status == .ok)
            let out = try saved.content.decode(CaseAPI.ReportOut.self)
            #expect(out.narrative == "Uraian disetujui." && out.finalNarrative == "Uraian disetujui.\nDitambah kasi.")
            #expect(try await f.complete(id, step: 8, as: "kasi").status == .created)
            #expect(try await f.send(.PUT, path, as: "kasi", json: ["narrative": "lagi"]).status == .conflict)
            #expect(try await CaseReportStore.rounds(of: id, on: app.db).last?.finalNarrative == "Uraian disetujui.\nDitambah kasi.")
        }
    }
}
