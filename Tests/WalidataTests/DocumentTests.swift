import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore
import ZIPFoundation

@Suite("Official documents: Indonesian always, signed, numbered, issued once; the kop surat is the office's own")
struct DocumentTests {
    /// An 8 × 8 PNG, made with zlib: a real picture a browser draws.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00,
        0x00, 0x08, 0x08, 0x02, 0x00, 0x00, 0x00, 0x4B, 0x6D, 0x29, 0xDC, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63,
        0x50, 0x70, 0x98, 0x80, 0x15, 0x31, 0x0C, 0x2D, 0x09, 0x00, 0x56, 0x21, 0x3C, 0x01, 0xC8, 0x7C, 0xB1, 0x44, 0x00, 0x00, 0x00, 0x00,
        0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    /// A case walked through all nine steps, its dataset made from the case page and a CSV stored for it.
    static func closedCase(_ f: CaseFixture) async throws -> (UUID, Dataset) {
        let id = try await CaseDataTests.caseAtStep3(f, kind: "update", title: "Data stunting")
        let officer = TestBrowser(f.app)
        try await officer.login("pengelolati")
        _ = try await officer.get("/cases/\(id)")
        #expect(try await officer.post("/cases/\(id)/datasets", [
            ("title", "Stunting 2026"), ("topic", "Kesehatan"), ("source", "Dinas Kesehatan"), ("unit", "anak"), ("period", "2026"), ("access", "terbuka"),
        ]).status == .seeOther)
        let dataset = try #require(try await Dataset.query(on: f.app.db).filter(\.$title == "Stunting 2026").first())
        _ = try await officer.get("/cases/\(id)")
        #expect(try await CaseDataTests.upload(officer, caseID: id, slug: dataset.slug, filename: "stunting.csv", bytes: CaseDataTests.good).status == .seeOther)
        for step in 3...9 {
            if step == 5 {
                let saved = try await f.send(.PUT, "/api/v1/cases/\(id)/report", as: "pengelola_ti", json: ["narrative": "Data stunting diperbarui.\n\nSemua kecamatan lengkap."])
                #expect(saved.status == .ok, "\(saved.body.string)")
            }
            let done = try await f.complete(id, step: step, as: CaseFixture.executor[step]!, step == 3 ? ["ownData": true] : step == 7 ? ["decision": "ya"] : [:])
            #expect(done.status == .created, "step \(step): \(done.body.string)")
        }
        return (id, dataset)
    }

    /// A print with what may differ between two requests a moment apart taken out: the screen
    /// hint (the reader's language on purpose, never printed), digits (the time printed) and
    /// long signatures.
    static func normalized(_ html: String) -> String {
        html.replacingOccurrences(of: #"<p class="screen-hint"[^>]*>[^<]*</p>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"[A-Za-z0-9+/=_-]{40,}"#, with: "S", options: .regularExpression)
            .replacingOccurrences(of: #"[0-9]"#, with: "0", options: .regularExpression)
    }

    @Test("every print reads the same in English mode as in Indonesian: the document is Indonesian, not the reader's language", arguments: TestDatabase.all)
    func printsAreIndonesian(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let (id, dataset) = try await Self.closedCase(f)
            let prints = [
                "/cases/\(id)/receipt", "/cases/\(id)/letter/print", "/cases/\(id)/report/1", "/cases/\(id)/report/final",
                "/cases/\(id)/final-report", "/cases/\(id)/record", "/cases/\(id)/storage-log?print=1", "/storage-log/print",
                "/datasets/\(dataset.slug)/log?print=1", "/admin/audit?print=1", "/sop/print",
            ]
            let admin = TestBrowser(app)
            try await admin.login("admin")
            var indonesian: [String: String] = [:]
            for path in prints {
                let page = try await admin.get(path)
                #expect(page.status == .ok, "\(path): \(page.status)")
                indonesian[path] = page.body.string
            }
            _ = try await admin.get("/account")
            #expect(try await admin.post("/account/language", [("language", "en"), ("next", "/")]).status == .seeOther)
            #expect(try await admin.get("/").body.string.contains("Log out"), "the interface itself is English now")
            let english = ["Printed from", "Store new data", "STANDARD OPERATING PROCEDURE", "Record of data storage", "Page ", "Printed by", "Acknowledged"]
            for path in prints {
                let body = try await admin.get(path).body.string
                #expect(body.contains("<html lang=\"id\">"), "\(path)")
                for phrase in english { #expect(!body.contains(phrase), "\(path) says \"\(phrase)\" in English mode") }
                #expect(Self.normalized(body) == Self.normalized(indonesian[path] ?? ""), "\(path) differs between the languages")
            }
        }
    }

    @Test("the case's storage log numbers its entries from 1 beside the log's number and is signed; the record lists every entry naming the case", arguments: TestDatabase.all)
    func numberedAndComplete(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let (id, dataset) = try await Self.closedCase(f)
            let admin = TestBrowser(app)
            try await admin.login("admin")

            let created = try #require(try await EventRecord.query(on: app.db).filter(\.$action == "dataset.create").filter(\.$datasetID == dataset.id!.uuidString).first())
            #expect(created.caseID == id.uuidString, "a dataset made for the case names it")
            let naming = try await EventRecord.query(on: app.db).filter(\.$caseID == id.uuidString).sort(\.$sequence).all()
            let record = try await admin.get("/cases/\(id)/record").body.string
            for event in naming { #expect(record.contains(String(event.hash.prefix(16))), "entry \(event.sequence) (\(event.action)) is in the record") }
            #expect(record.contains(String(created.hash.prefix(16))))

            let log = try await admin.get("/cases/\(id)/storage-log?print=1").body.string
            let first = try #require(try await CaseFiles.log(caseID: id, on: app.db).first)
            #expect(first.sequence > 1, "the case's first storage entry is not the log's first")
            #expect(log.contains("<tr><td class=\"num\">1</td><td class=\"num\">\(first.sequence)</td>"))
            #expect(log.contains("id=\"log-signers\""))
            #expect(log.contains("Dicetak oleh,") && log.contains("Mengetahui,") && log.contains("NIP."))
            #expect(try await admin.get("/storage-log/print").body.string.contains("id=\"log-signers\""))
        }
    }

    @Test("a receipt once issued prints the same later, after a dataset is attached and the agency renamed", arguments: TestDatabase.all)
    func receiptIsASnapshot(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await CaseDataTests.caseAtStep3(f, kind: "update", title: "Data gizi")
            let clerk = TestBrowser(app)
            try await clerk.login("administrasi")
            let before = try await clerk.get("/cases/\(id)/receipt").body.string
            #expect(before.contains("id=\"receipt-datasets\">–"))
            #expect(before.contains("Dinas Kesehatan"))

            let dataset = try await app.makeDataset("Gizi balita", organization: f.organization, by: f.users["pengelola_ti"]!)
            try await CaseDataset(caseID: id, datasetID: dataset.requireID()).create(on: app.db)
            f.organization.name = "Dinas Kesehatan dan KB"
            try await f.organization.save(on: app.db)

            let after = try await clerk.get("/cases/\(id)/receipt").body.string
            #expect(Self.normalized(after) == Self.normalized(before))
            #expect(!after.contains("Gizi balita"))
            // The two signers stand level: the same number of lines above each name.
            let signers = try #require(after.range(of: #"<div class="doc-signs" id="receipt-signers">.*?</div></div>"#, options: .regularExpression))
            let blocks = after[signers].components(separatedBy: "<div class=\"sign\"").dropFirst()
            #expect(blocks.count == 2)
            let above = blocks.map { $0.components(separatedBy: "<div class=\"space\">")[0].components(separatedBy: "<p>").count }
            #expect(Set(above).count == 1, "\(above)")
        }
    }

    @Test("the laporan akhir once issued prints the same after its dataset is renamed and the kabid's NIP corrected", arguments: TestDatabase.all)
    func finalReportIsASnapshot(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let (id, dataset) = try await Self.closedCase(f)
            #expect(try await Announcement.query(on: app.db).filter(\.$caseRecord.$id == id).first()?.finalReport != nil, "issued at step 9")
            let kabid = TestBrowser(app)
            try await kabid.login("kabid")
            let before = try await kabid.get("/cases/\(id)/final-report").body.string
            #expect(before.contains("Stunting 2026"))

            dataset.title = "Stunting 2026 (revisi judul)"
            try await dataset.save(on: app.db)
            let signer = f.users["kabid"]!
            signer.nip = "198001012005011001"
            try await signer.save(on: app.db)

            let after = try await kabid.get("/cases/\(id)/final-report").body.string
            #expect(Self.normalized(after) == Self.normalized(before))
            #expect(!after.contains("revisi judul") && !after.contains("198001012005011001"))
        }
    }

    @Test("the arms: a PNG is accepted and printed from this server; a non-image or an oversized file is refused in words and changes nothing; a backup carries it", arguments: TestDatabase.all)
    func arms(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await CaseDataTests.caseAtStep3(f, kind: "update", title: "Data gizi")
            let admin = TestBrowser(app)
            try await admin.login("admin")
            let file = LetterheadArms.path(dataDirectory: app.walidata.dataDirectory)
            #expect(!(try await admin.get("/cases/\(id)/receipt").body.string.contains("kop-arms")), "the generic emblem until uploaded")

            func upload(_ bytes: [UInt8], filename: String) async throws -> TestingHTTPResponse {
                _ = try await admin.get("/admin/settings")
                let boundary = "----walidata-arms"
                var body = ByteBuffer()
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(admin.csrf ?? "")\r\n")
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"arms\"; filename=\"\(filename)\"\r\nContent-Type: image/png\r\n\r\n")
                body.writeBytes(bytes)
                body.writeString("\r\n--\(boundary)--\r\n")
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                return try await admin.send(.POST, "/admin/settings/arms", headers: headers, body: body)
            }

            let text = try await upload(Array("bukan gambar".utf8), filename: "lambang.png")
            #expect(text.status == .unprocessableEntity)
            #expect(text.body.string.contains("bukan gambar PNG atau JPEG"))
            let huge = try await upload(Self.png + [UInt8](repeating: 0, count: LetterheadArms.maxBytes), filename: "lambang.png")
            #expect(huge.status == .payloadTooLarge)
            #expect(huge.body.string.contains("terlalu besar"))
            let cut = try await upload(Array(Self.png.prefix(40)), filename: "lambang.png")
            #expect(cut.status == .unprocessableEntity, "a cut-off PNG is not a picture")
            #expect(try await Setting.get(Letterhead.keys.arms, on: app.db) == nil)
            #expect(!FileManager.default.fileExists(atPath: file))

            #expect(try await upload(Self.png, filename: "lambang.png").status == .seeOther)
            let hash = try #require(try await Setting.get(Letterhead.keys.arms, on: app.db))
            #expect(FileManager.default.contents(atPath: file) == Data(Self.png))
            let receipt = try await admin.get("/cases/\(id)/receipt").body.string
            #expect(receipt.contains("<img id=\"kop-arms\" src=\"/kop/lambang?v=\(hash.prefix(16))\""))
            let image = try await admin.get("/kop/lambang?v=\(hash.prefix(16))")
            #expect(image.headers.contentType == HTTPMediaType(type: "image", subType: "png"))
            #expect(Array(image.body.readableBytesView) == Self.png)

            let created = try await BackupWriter(app: app).create(by: .system)
            let archive = try Archive(url: URL(fileURLWithPath: created.path), accessMode: .read)
            var copied = Data()
            _ = try archive.extract(try #require(archive[BackupLayout.letterheadArms])) { copied.append($0) }
            #expect(copied == Data(Self.png))
            #expect(BackupLayout.restorePath(of: BackupLayout.letterheadArms, database: .sqlite) == LetterheadArms.fileName)

            _ = try await admin.get("/admin/settings")
            #expect(try await admin.post("/admin/settings/arms/remove", []).status == .seeOther)
            #expect(try await Setting.get(Letterhead.keys.arms, on: app.db) == nil)
            #expect(!FileManager.default.fileExists(atPath: file))
        }
    }

    @Test("settings show every value in force under a human label; a changed one can be reset; the kop's contacts print", arguments: TestDatabase.all)
    func settingsShowValues(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await CaseDataTests.caseAtStep3(f, kind: "update", title: "Data gizi")
            let admin = TestBrowser(app)
            try await admin.login("admin")
            let page = try await admin.get("/admin/settings").body.string
            #expect(!page.contains("(checklist.step1)"))
            let firstItem = try #require(Checklist.standard.items.first?.text)
            #expect(page.contains(">\(HTML.escape(Checklist.standardText))</textarea>") || page.contains(HTML.escape(firstItem)))
            #expect(page.contains("value=\"\(LetterNumbering.defaultPattern)\""))
            #expect(!page.contains("name=\"reset.checklist.step1\""), "nothing to reset while the default is in force")

            let edited = Checklist.standardText.replacingOccurrences(of: firstItem, with: "Surat permohonan resmi")
            let saved = try await admin.post("/admin/settings", SettingsController.keys.map { ($0.key, $0.defaultValue) }.filter { $0.0 != Checklist.settingKey }
                + [(Checklist.settingKey, edited.replacingOccurrences(of: "\n", with: "\r\n")), (Letterhead.keys.phone, "(0759) 320000"), (Letterhead.keys.postalCode, "25392")])
            #expect(saved.status == .seeOther)
            #expect(try await Setting.get(Checklist.settingKey, on: app.db) == edited)
            #expect(try await Setting.get(LetterNumbering.settingKey, on: app.db) == nil, "a default sent back is not stored")
            let again = try await admin.get("/admin/settings").body.string
            #expect(again.contains("Surat permohonan resmi"))
            #expect(again.contains("name=\"reset.checklist.step1\""))
            let receipt = try await admin.get("/cases/\(id)/receipt").body.string
            #expect(receipt.contains("Telepon (0759) 320000"))
            #expect(receipt.contains("Kode Pos 25392"))

            _ = try await admin.get("/admin/settings")
            let bad = try await admin.post("/admin/settings", [(Letterhead.keys.email, "diskominfo mentawai")])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await Setting.get(Letterhead.keys.phone, on: app.db) == "(0759) 320000", "nothing saved on a refusal")

            _ = try await admin.get("/admin/settings")
            let reset = try await admin.post("/admin/settings", [(Checklist.settingKey, edited), ("reset.checklist.step1", "1")])
            #expect(reset.status == .seeOther)
            #expect(try await Setting.get(Checklist.settingKey, on: app.db) == nil)
            #expect(try await Checklist.load(on: app.db) == .standard)
        }
    }
}
