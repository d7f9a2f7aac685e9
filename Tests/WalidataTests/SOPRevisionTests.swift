import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("The SOP as data: revisions and pengesahan")
struct SOPRevisionTests {
    @Test("a new database has the seed SOP as revision 1, in force", arguments: TestDatabase.all)
    func seedInForce(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let revision = try await SOPStore.inForce(on: app.db)
            #expect(revision.number == 1)
            let definition = try revision.definition()
            #expect(definition == .mentawai2022)
            #expect(definition.steps.count == 9)
            #expect(definition.steps[6].kind == .decision)
            #expect(definition.steps.map(\.lane) == ["administrasi", "administrasi", "pengelola_ti", "pengelola_ti", "pengelola_ti", "pengelola_ti", "kasi", "kasi", "kabid"])
            #expect(revision.approverNIP == "197601132001121002")
        }
    }

    @Test("the sheet shows the identity table and the flowchart in lanes", arguments: TestDatabase.all)
    func sheetPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            try await browser.login("kasi1")
            let page = try await browser.get("/sop").body.string
            #expect(page.contains("id=\"sop-identity\""))
            #expect(page.contains("id=\"sop-flowchart\""))
            #expect(page.contains("class=\"flowchart\""))
            #expect(page.contains("197601132001121002"))
            #expect(page.contains("Kabid Komunikasi"))
            #expect(page.contains("Menyesuaikan laporan pengelolaan data akhir"))
            let print = try await browser.get("/sop/print")
            #expect(print.status == .ok)
            #expect(print.body.string.contains("size:A4 landscape"))
            #expect(print.body.string.contains("sym-connector"))
        }
    }

    func draftWith(_ app: Application, change: (inout [(String, String)]) -> Void = { _ in }) async throws -> (TestBrowser, TestingHTTPResponse) {
        try await app.makeUser("admin1", role: .admin)
        let admin = TestBrowser(app)
        try await admin.login("admin1")
        try await admin.get("/sop/revisions")
        let opened = try await admin.post("/sop/revisions/new", [("changeNote", "Mutu baku langkah 3 menjadi 2 hari")])
        #expect(opened.headers.first(name: .location) == "/sop/revisions/2/edit")
        try await admin.get("/sop/revisions/2/edit")
        var form: [(String, String)] = [("changeNote", "Mutu baku langkah 3 menjadi 2 hari"), ("steps[2][time]", "2 hari")]
        change(&form)
        let saved = try await admin.post("/sop/revisions/2/edit", form)
        return (admin, saved)
    }

    @Test("admin drafts revision 2, the Kepala Dinas approves it, revision 1 stays readable", arguments: TestDatabase.all)
    func draftAndApprove(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let revision1ID = try await SOPStore.inForce(on: app.db).id
            let (_, saved) = try await draftWith(app)
            #expect(saved.status == .seeOther)
            #expect(try await SOPStore.inForce(on: app.db).number == 1, "a draft is not in force")

            try await app.makeUser("kadis", role: .kepalaDinas, nip: "197601132001121002")
            let kadis = TestBrowser(app)
            try await kadis.login("kadis")
            let home = try await kadis.get("/").body.string
            #expect(home.contains("id=\"draft-waiting\""))
            try await kadis.get("/sop/revisions/2")
            #expect(kadis.lastBody.contains("id=\"approve-draft\""))
            #expect(try await kadis.post("/sop/revisions/2/approve", []).status == .seeOther)

            let current = try await SOPStore.inForce(on: app.db)
            #expect(current.number == 2)
            #expect(current.approverName == "Nama kadis")
            #expect(try current.definition().steps[2].time == TimeStandard(amount: 2, unit: .days))
            #expect(try current.definition().identity.tanggalRevisi[0] != "-")
            let old = try #require(try await SOPRevision.find(revision1ID, on: app.db))
            #expect(old.status == .superseded)
            #expect(try old.definition() == .mentawai2022, "an approved revision never changes")
            #expect(try await kadis.get("/sop/revisions/1").status == .ok)
            #expect(kadis.lastBody.contains("sudah tidak berlaku"))
        }
    }

    @Test("an invalid draft is not saved: the problems are listed", arguments: TestDatabase.all)
    func invalidDraft(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, saved) = try await draftWith(app) { form in
                form.append(("steps[6][no]", ""))
                form.append(("steps[6][yes]", "8"))
                form.append(("steps[3][lane]", "bukan_lane"))
                form.append(("steps[4][time]", "sebentar"))
            }
            #expect(saved.status == .unprocessableEntity)
            #expect(saved.body.string.contains("id=\"sop-issues\""))
            let draft = try await SOPStore.revision(2, on: app.db)
            #expect(try draft.definition() == .mentawai2022, "nothing of the invalid edit is stored")
        }
    }

    @Test("a time standard that cannot be read is named as the problem", arguments: TestDatabase.all)
    func unreadableTime(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, saved) = try await draftWith(app) { form in form.append(("steps[4][time]", "sebentar")) }
            #expect(saved.status == .unprocessableEntity)
            #expect(saved.body.string.contains("Mutu baku waktu langkah 5 tidak terbaca"))
        }
    }

    @Test("only one draft at a time; only drafts can be approved; only the Kepala Dinas approves", arguments: TestDatabase.all)
    func draftRules(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (admin, _) = try await draftWith(app)
            try await admin.get("/sop/revisions")
            let second = try await admin.post("/sop/revisions/new", [("changeNote", "lagi")])
            #expect(second.status == .conflict)
            #expect(try await admin.post("/sop/revisions/2/approve", []).status == .forbidden)
            let kadis = try await app.makeUser("kadis", role: .kepalaDinas)
            _ = try await SOPStore.approve(2, by: kadis, on: app.db)
            await #expect(throws: UserError.self) { try await SOPStore.approve(2, by: kadis, on: app.db) }
            await #expect(throws: UserError.self) { try await SOPStore.approve(1, by: kadis, on: app.db) }
        }
    }

    @Test("a pinned revision keeps its definition after a later one comes into force", arguments: TestDatabase.all)
    func pinnedRevision(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let pinned = try await SOPStore.inForce(on: app.db).id!
            let admin = try await app.makeUser("admin1", role: .admin)
            let kadis = try await app.makeUser("kadis", role: .kepalaDinas)
            _ = try await SOPStore.openDraft(by: admin, note: "ubah", on: app.db)
            var changed = SOPDefinition.mentawai2022
            changed.steps[0].time = TimeStandard(amount: 1, unit: .hours)
            #expect(try await SOPStore.saveDraft(2, definition: changed, note: "ubah", by: admin, on: app.db).isEmpty)
            _ = try await SOPStore.approve(2, by: kadis, on: app.db)
            let again = try #require(try await SOPRevision.find(pinned, on: app.db))
            #expect(try again.definition().steps[0].time == TimeStandard(amount: 30, unit: .minutes))
            #expect(try await SOPStore.inForce(on: app.db).definition().steps[0].time == TimeStandard(amount: 1, unit: .hours))
        }
    }
}
