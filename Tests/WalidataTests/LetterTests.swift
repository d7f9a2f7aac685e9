import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Cases: the berkas checklist and receipt (step 1), the registration letter (step 2)")
struct LetterTests {
    static let year = WorkingCalendar.standard().localDate(of: Date()).year

    @Test("step 1 needs every required checklist item: missing ones are named in a 422 and nothing completes", arguments: TestDatabase.all)
    func checklistRule(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.submit()
            let some = Array(Checklist.standard.required.prefix(1))
            let refused = try await f.complete(created.id, step: 1, as: "administrasi", ["checklist": some])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Identitas pemohon"))
            #expect(refused.body.string.contains("Daftar data yang akan dikelola"))
            #expect(!refused.body.string.contains("Berkas data"), "optional items are not demanded")
            #expect(try await f.read(created.id).currentStep?.step == 1)
            #expect(try await CaseReceipt.query(on: app.db).count() == 0)
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "step1.checklist").count() == 0)

            try await Setting.set(Checklist.settingKey, "Surat permohonan\n(opsional) Foto", on: app.db)
            #expect(try await f.complete(created.id, step: 1, as: "administrasi", ["checklist": ["Identitas pemohon"]]).status == .unprocessableEntity)
            let ok = try await f.complete(created.id, step: 1, as: "administrasi", ["checklist": ["Surat permohonan"], "conveyed": "Lengkap"])
            #expect(ok.status == .created)
            let receipt = try #require(try await CaseReceipt.query(on: app.db).first())
            #expect(receipt.lines == [.init(text: "Surat permohonan", optional: false, checked: true), .init(text: "Foto", optional: true, checked: false)])
            let event = try #require(try await EventRecord.query(on: app.db).filter(\.$action == "step1.checklist").first())
            #expect(event.details.contains(created.number.replacingOccurrences(of: "/", with: "\\/")) || event.details.contains(created.number))
        }
    }

    @Test("the receipt shows the ticked items and escapes what users wrote", arguments: TestDatabase.all)
    func receiptPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.submit("Data <script>alert(1)</script>")
            let officer = TestBrowser(app)
            try await officer.login("administrasi")
            #expect(try await officer.get("/cases/\(created.id)/receipt").status == .notFound)
            let page = try await officer.get("/cases/\(created.id)")
            #expect(page.body.string.contains("id=\"step1-checklist\""))
            let ticked = Checklist.standard.required.map { ("checklist[]", $0) }
            let done = try await officer.post("/cases/\(created.id)/steps/1/complete", ticked + [("conveyed", "Berkas <b>lengkap</b>")])
            #expect(done.status == .seeOther)
            let receipt = try await officer.get("/cases/\(created.id)/receipt")
            #expect(receipt.status == .ok)
            let html = receipt.body.string
            #expect(html.contains("Tanda Terima Berkas"))
            #expect(html.contains(created.number))
            #expect(html.contains("Identitas pemohon"))
            #expect(html.contains("✔"))
            #expect(html.contains("Data &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("Berkas &lt;b&gt;lengkap&lt;/b&gt;"))
            #expect(html.contains("Nama administrasi"))
            #expect(html.contains("size:A4 portrait"))
        }
    }

    @Test("the letter draft comes from the case; only administrasi or admin edit it, from step 2 until the case closes", arguments: TestDatabase.all)
    func draftAndEditing(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.submit()
            let officer = TestBrowser(app)
            try await officer.login("administrasi")
            #expect(try await officer.get("/cases/\(created.id)/letter").status == .conflict, "not before step 2")
            #expect(try await f.complete(created.id, step: 1, as: "administrasi").status == .created)

            let form = try await officer.get("/cases/\(created.id)/letter")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("Kepala Dinas Kesehatan"))
            #expect(form.body.string.contains(created.number))
            #expect(form.body.string.contains("Tuapeijat"))
            #expect(form.body.string.contains("Nama kepaladinas"), "the signer defaults to the Kepala Dinas account")

            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            #expect(try await kasi.get("/cases/\(created.id)/letter").status == .forbidden)
            let fields = Self.fields(body: "Paragraf satu <b>tebal</b>.\n\nParagraf dua.")
            #expect(try await kasi.post("/cases/\(created.id)/letter", fields).status == .forbidden)
            #expect(try await officer.post("/cases/\(created.id)/letter", fields.filter { $0.0 != "subject" }).status == .unprocessableEntity)
            #expect(try await officer.post("/cases/\(created.id)/letter", fields).status == .seeOther)
            let letter = try #require(try await LetterStore.letter(of: created.id, on: app.db))
            #expect(letter.number == nil)
            #expect(letter.body.hasPrefix("Paragraf satu"))

            #expect(try await f.complete(created.id, step: 2, as: "administrasi").status == .created)
            let numbered = try #require(try await LetterStore.letter(of: created.id, on: app.db))
            #expect(numbered.number == "000.5.2/0001/Diskominfo/\(Self.year)")
            #expect(try await officer.get("/cases/\(created.id)/letter").body.string.contains(numbered.number!))
            #expect(try await officer.post("/cases/\(created.id)/letter", Self.fields(body: "Diubah setelah bernomor.")).status == .seeOther)
            let edited = try #require(try await LetterStore.letter(of: created.id, on: app.db))
            #expect(edited.number == numbered.number && edited.body == "Diubah setelah bernomor.")

            let print = try await kasi.get("/cases/\(created.id)/letter/print")
            let html = print.body.string
            #expect(print.status == .ok)
            #expect(html.contains("size:A4 portrait"))
            #expect(html.contains("class=\"kop\"") && html.contains("DINAS KOMUNIKASI DAN INFORMATIKA"))
            #expect(html.contains(numbered.number!))
            #expect(html.contains("Nama Penanda") && html.contains("NIP. 198001012005011001"))
            #expect(html.contains("Yth."))
            #expect(html.contains("Tembusan"))
            let actions = try await EventRecord.query(on: app.db).all().map(\.action)
            #expect(actions.filter { $0 == "letter.save" }.count == 2)
            #expect(actions.filter { $0 == "letter.number" }.count == 1)

            for step in 3...6 { #expect(try await f.complete(created.id, step: step, as: CaseFixture.executor[step]!).status == .created) }
            #expect(try await f.complete(created.id, step: 7, as: "kasi", ["decision": "ya"]).status == .created)
            #expect(try await f.complete(created.id, step: 8, as: "kasi").status == .created)
            #expect(try await f.complete(created.id, step: 9, as: "kabid").status == .created)
            #expect(try await officer.get("/cases/\(created.id)/letter").status == .conflict, "closed cases are final")
            #expect(try await officer.get("/cases/\(created.id)").body.string.contains(numbered.number!))
            #expect(try await officer.post("/cases/\(created.id)/letter", fields).status == .conflict, "closed cases are final")
        }
    }

    @Test("letters numbered at the same time get distinct numbers, from the pattern in the setting", arguments: TestDatabase.all)
    func concurrentNumbers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            try await Setting.set(LetterNumbering.unitKey, "Kominfo", on: app.db)
            let officer = f.users["administrasi"]!
            var ids: [UUID] = []
            for index in 0..<8 {
                let id = try await CaseStore.create(f.newCase("Permohonan \(index)"), by: officer, on: app.db).requireID()
                try await CaseStore.complete(caseID: id, step: 1, by: officer, output: .init(checklist: Checklist.standard.required), on: app.db)
                try await f.saveLetter(id)
                ids.append(id)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in ids {
                    group.addTask { try await CaseStore.complete(caseID: id, step: 2, by: officer, on: app.db) }
                }
                try await group.waitForAll()
            }
            let numbers = try await Letter.query(on: app.db).all().compactMap(\.number)
            #expect(numbers.sorted() == (1...8).map { String(format: "000.5.2/%04d/Kominfo/\(Self.year)", $0) })
        }
    }

    static func fields(body: String) -> [(String, String)] {
        [("place", "Tuapeijat"), ("date", "2026-11-26"), ("nature", "Biasa"), ("attachment", "-"), ("subject", "Pendaftaran"),
         ("recipient", "Kepala Dinas Kesehatan\ndi\nTempat"), ("body", body), ("signerTitle", "Kepala Dinas"),
         ("signerName", "Nama Penanda"), ("signerNIP", "198001012005011001"), ("copies", "Bupati\nArsip")]
    }
}
