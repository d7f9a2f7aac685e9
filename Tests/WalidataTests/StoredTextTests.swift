import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Text that is stored: control characters and lengths, in forms, queries and the API")
struct StoredTextTests {
    func fixture(_ app: Application) async throws -> (TestBrowser, Organization, String) {
        let org = try await app.makeOrganization("DINKES", name: "Dinas Kesehatan")
        let user = try await app.makeUser("pengelola", role: .pengelolaTI)
        let browser = TestBrowser(app)
        try await browser.login("pengelola")
        let (_, token) = try await AccountController.issueToken(for: user, name: "skrip", on: app.db)
        return (browser, org, token)
    }

    func datasetForm(_ org: Organization, title: String, description: String = "Per puskesmas") -> [(String, String)] {
        [("title", title), ("description", description), ("organizationID", org.id!.uuidString), ("frequency", "tahunan"), ("access", "terbuka")]
    }

    func bearer(_ token: String, json: Bool = true) -> HTTPHeaders {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        if json { headers.contentType = .json }
        return headers
    }

    @Test("an upload note with a NUL (?note=catatan%00x) is refused with 422 naming the field; nothing is stored and verify stays clean", arguments: TestDatabase.all)
    func nulNoteRefused(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (browser, org, token) = try await fixture(app)
            try await browser.get("/datasets/new")
            #expect(try await browser.post("/datasets/new", datasetForm(org, title: "Data Puskesmas")).status == .seeOther)
            let dataset = try #require(try await Dataset.query(on: app.db).first())
            let eventsBefore = try await EventRecord.query(on: app.db).count()

            // The page's upload (script), the API, and the multipart form without script.
            try await browser.get("/datasets/\(dataset.slug)")
            let page = try await browser.uploadRaw(dataset.slug, filename: "a.csv", bytes: Array("a,b\n1,2\n".utf8), note: "catatan\u{0}x", json: true)
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains("U+0000"))
            #expect(page.body.string.contains("Catatan"))
            let api = try await app.testing().sendRequest(.POST, "/api/v1/datasets/\(dataset.slug)/versions?filename=a.csv&note=catatan%00x", headers: bearer(token, json: false), body: ByteBuffer(string: "a,b\n1,2\n"))
            #expect(api.status == .unprocessableEntity)
            #expect(try api.content.decode(APIErrorBody.self).error.message.contains("“note”"))
            try await browser.get("/datasets/\(dataset.slug)")
            let form = try await browser.uploadForm(dataset.slug, filename: "a.csv", bytes: Array("a,b\n1,2\n".utf8), note: "catatan\u{0}x")
            #expect(form.status == .unprocessableEntity)
            #expect(form.body.string.contains("Catatan"))

            #expect(try await DatasetVersion.query(on: app.db).count() == 0)
            #expect(try await EventRecord.query(on: app.db).count() == eventsBefore)
            // A note with a tab and line breaks is fine, and read back whole.
            try await browser.get("/datasets/\(dataset.slug)")
            let fine = try await browser.uploadRaw(dataset.slug, filename: "a.csv", bytes: Array("a,b\n1,2\n".utf8), note: "catatan\tx", json: true)
            #expect(fine.status == .created)
            let event = try #require(try await EventRecord.query(on: app.db).sort(\.$sequence, .descending).first())
            #expect(event.note == "catatan\tx")
            let report = try await Verifier.run(on: app.db, blobs: app.blobs, threadPool: app.threadPool, record: false)
            #expect(report.isClean)
        }
    }

    @Test("a title of one letter and 150,000 combining marks is refused, on the page and through the API; nothing is made", arguments: TestDatabase.all)
    func combiningMarksTitleRefused(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (browser, org, token) = try await fixture(app)
            let title = "a" + String(repeating: "\u{0301}", count: 150_000)
            try await browser.get("/datasets/new")
            let page = try await browser.post("/datasets/new", datasetForm(org, title: title))
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains("Judul"))
            #expect(page.body.string.contains("paling banyak 200 karakter, yang dikirim 150001"))

            let json = String(decoding: try JSONSerialization.data(withJSONObject: ["title": title, "organizationID": org.id!.uuidString, "frequency": "tahunan", "access": "terbuka"]), as: UTF8.self)
            let api = try await app.testing().sendRequest(.POST, "/api/v1/datasets", headers: bearer(token), body: ByteBuffer(string: json))
            #expect(api.status == .unprocessableEntity)
            #expect(try api.content.decode(APIErrorBody.self).error.code == "text.error.too_long")
            #expect(try await Dataset.query(on: app.db).count() == 0)

            // 200 scalars is the limit for a title, and it is kept whole.
            let longest = String(repeating: "é", count: 200)
            try await browser.get("/datasets/new")
            #expect(try await browser.post("/datasets/new", datasetForm(org, title: longest)).status == .seeOther)
            #expect(try await Dataset.query(on: app.db).first()?.title == longest)
        }
    }

    @Test("control characters in a page form are refused with 422 and a message in words; a line break only where the field has lines", arguments: TestDatabase.all)
    func formControls(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (browser, org, token) = try await fixture(app)
            for bad in ["Data\u{1B}[31m", "Data\u{7F}", "Data\u{85}", "Data\u{2028}x"] {
                try await browser.get("/datasets/new")
                let response = try await browser.post("/datasets/new", datasetForm(org, title: bad))
                #expect(response.status == .unprocessableEntity, "\(bad.unicodeScalars.map(\.value)) accepted")
                #expect(response.body.string.contains("karakter kendali"))
            }
            try await browser.get("/datasets/new")
            #expect(try await browser.post("/datasets/new", datasetForm(org, title: "Judul\nkedua")).status == .unprocessableEntity)
            #expect(try await Dataset.query(on: app.db).count() == 0)

            // The description has lines; a title through the API may not.
            try await browser.get("/datasets/new")
            #expect(try await browser.post("/datasets/new", datasetForm(org, title: "Data Sekolah", description: "Baris satu\r\nBaris dua")).status == .seeOther)
            #expect(try await Dataset.query(on: app.db).first()?.description.contains("Baris dua") == true)
            let json = #"{"title":"Data\nGuru","organizationID":"\#(org.id!.uuidString)","frequency":"tahunan","access":"terbuka"}"#
            let api = try await app.testing().sendRequest(.POST, "/api/v1/datasets", headers: bearer(token), body: ByteBuffer(string: json))
            #expect(api.status == .unprocessableEntity)
            #expect(try api.content.decode(APIErrorBody.self).error.code == "text.error.line_break")
            #expect(try await Dataset.query(on: app.db).count() == 1)
        }
    }

    @Test("the dataset form is shown again with the message and what was typed; nothing is saved", arguments: TestDatabase.all)
    func datasetFormShownAgain(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (browser, org, _) = try await fixture(app)
            try await browser.get("/datasets/new")
            let response = try await browser.post("/datasets/new", datasetForm(org, title: "Data\u{0}Sekolah", description: "Deskripsi yang panjang dan diketik dengan susah payah"))
            #expect(response.status == .unprocessableEntity)
            let page = response.body.string
            #expect(page.contains("id=\"dataset-form\"") || page.contains("<form"))
            #expect(page.contains("Isian “Judul” memuat karakter kendali"))
            #expect(page.contains("Deskripsi yang panjang dan diketik dengan susah payah"))
            #expect(try await Dataset.query(on: app.db).count() == 0)
        }
    }

    @Test("account, user and organisation forms show the refusal beside what was typed", arguments: TestDatabase.all)
    func adminFormsShownAgain(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let admin = TestBrowser(app)
            try await admin.login("admin1")
            try await admin.get("/admin/users/new")
            let user = try await admin.post("/admin/users/new", [("username", "budi"), ("fullName", "Budi\u{1B}Santoso"), ("role", "kasi"), ("password", "rahasia-123")])
            #expect(user.status == .unprocessableEntity)
            #expect(user.body.string.contains("Isian “Nama lengkap” memuat karakter kendali yang tidak dapat disimpan (U+001B"))
            #expect(user.body.string.contains("value=\"budi\""))
            #expect(try await User.query(on: app.db).filter(\.$username == "budi").count() == 0)

            try await admin.get("/admin/organizations/new")
            let org = try await admin.post("/admin/organizations/new", [("name", String(repeating: "n", count: 201)), ("code", "DISDIK")])
            #expect(org.status == .unprocessableEntity)
            #expect(org.body.string.contains("Isian “Nama” terlalu panjang: paling banyak 200 karakter, yang dikirim 201"))
            #expect(org.body.string.contains("DISDIK"))
            #expect(try await Organization.query(on: app.db).count() == 0)

            try await admin.get("/account/tokens")
            let token = try await admin.post("/account/tokens", [("name", "Skrip\u{0}laporan")])
            #expect(token.status == .unprocessableEntity)
            #expect(token.body.string.contains("U+0000"))
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }

    @Test("a step completed from the case page with a NUL in its note is refused beside the form; the step stays open", arguments: TestDatabase.all)
    func stepNoteRefused(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.submit()
            let officer = TestBrowser(app)
            try await officer.login("administrasi")
            try await officer.get("/cases/\(created.id)")
            let form = [("note", "Berkas\u{0}lengkap"), ("conveyed", "Sudah disampaikan")] + Checklist.standard.required.map { ("checklist[]", $0) }
            let refused = try await officer.post("/cases/\(created.id)/steps/1/complete", form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("id=\"complete-error\""))
            #expect(refused.body.string.contains("Sudah disampaikan"))
            #expect(try await f.read(created.id).currentStep?.step == 1)
            // Through the API, the same note is a JSON 422.
            let api = try await f.complete(created.id, step: 1, as: "administrasi", ["note": "Berkas\u{0}lengkap"])
            #expect(api.status == .unprocessableEntity)
            #expect(try api.content.decode(APIErrorBody.self).error.code == "text.error.forbidden")
            #expect(try await f.read(created.id).currentStep?.step == 1)
            #expect(try await EventLog.verify(on: app.db).breaks.isEmpty)
        }
    }

    @Test("the refusal is in the reader's language: English names the field in English")
    func englishMessage() {
        let refusal = StoredText.Refusal(field: "title", problem: .tooLong(count: 150_001, limit: 200))
        let t = Translator(lang: .en)
        let (key, arguments) = refusal.message(t)
        #expect(t(key, arguments) == "The field “Title” is too long: at most 200 characters, 150001 were sent. Shorten it and send again.")
    }

    @Test("field names come from form keys and JSON keys; unknown fields are documents")
    func fieldKinds() {
        #expect(StoredText.fieldName("steps[3][activity]") == "activity")
        #expect(StoredText.fieldName("lanes[0][name]") == "name")
        #expect(StoredText.kind(of: "title") == .line)
        #expect(StoredText.kind(of: "note") == .note)
        #expect(StoredText.kind(of: "overrideReason") == .note)
        #expect(StoredText.kind(of: "narrative") == .long)
        #expect(StoredText.formPairs("a=x%00y&b=c+d&e") .map { $0.1 } == ["x\u{0}y", "c d", ""])
    }
}
