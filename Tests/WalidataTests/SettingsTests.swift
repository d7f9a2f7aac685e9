import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Admin settings for the SOP documents")
struct SettingsTests {
    @Test("only the admin changes them; a broken numbering pattern is refused; empty restores the default", arguments: TestDatabase.all)
    func adminSettings(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await CaseFixture(app)
            let officer = TestBrowser(app)
            try await officer.login("administrasi")
            #expect(try await officer.get("/admin/settings").status == .forbidden)

            let admin = TestBrowser(app)
            try await admin.login("admin")
            let page = try await admin.get("/admin/settings")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("000.5.2/{seq:4}/{unit}/{year}"))
            let bad = try await admin.post("/admin/settings", [("numbering.letter", "000.5.2/{bogus}/{year}"), ("checklist.step1", "Surat <b>")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Surat &lt;b&gt;"))
            #expect(try await Setting.get("checklist.step1", on: app.db) == nil, "nothing saved on a refusal")

            let ok = try await admin.post("/admin/settings", [("numbering.letter", "{class}/{seq:3}/{unit}/{year}"), ("letter.unit_code", "Kominfo"), ("checklist.step1", "Surat permohonan\n(opsional) Foto")])
            #expect(ok.status == .seeOther)
            #expect(try await Setting.get(LetterNumbering.settingKey, on: app.db) == "{class}/{seq:3}/{unit}/{year}")
            #expect(try await Checklist.load(on: app.db).required == ["Surat permohonan"])
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "settings.change").count() == 1)

            _ = try await admin.get("/admin/settings")
            #expect(try await admin.post("/admin/settings", [("letter.unit_code", "Kominfo")]).status == .seeOther)
            #expect(try await Setting.get(LetterNumbering.settingKey, on: app.db) == nil)
            #expect(try await Checklist.load(on: app.db) == .standard)
        }
    }
}
