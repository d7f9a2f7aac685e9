import Fluent
import SQLKit
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// Who may change a dataset and who may make it public: the holes of issue 8 §1, closed.
@Suite("Dataset policy: metadata, classification and the publication act")
struct DatasetPolicyTests {
    struct World {
        var app: Application
        var agency: Organization
        var other: Organization
        var dataset: Dataset
        var users: [String: User]
    }

    func world(_ app: Application) async throws -> World {
        let agency = try await app.makeOrganization("DINKES", name: "Dinas Kesehatan")
        let other = try await app.makeOrganization("DISDIK", name: "Dinas Pendidikan")
        var users: [String: User] = [:]
        for (name, role) in [("admin", Role.admin), ("pengelola", .pengelolaTI), ("kasi", .kasi), ("kabid", .kabid), ("kadis", .kepalaDinas),
                             ("administrasi", .administrasi)] {
            users[name] = try await app.makeUser(name, role: role)
        }
        users["produsen"] = try await app.makeUser("produsen", role: .produsen, organization: agency)
        var form = DatasetForm(nil)
        form.title = "Jumlah Pasien 2025"
        form.organizationID = agency.id!.uuidString
        form.access = "terbatas"
        let dataset = try await DatasetStore.create(form, by: users["pengelola"]!, on: app.db)
        return World(app: app, agency: agency, other: other, dataset: dataset, users: users)
    }

    func reload(_ app: Application, _ dataset: Dataset) async throws -> Dataset {
        try #require(try await Dataset.query(on: app.db).filter(\.$id == dataset.id!).with(\.$organization).first())
    }

    func editFields(_ d: Dataset, access: String? = nil, description: String? = nil, organization: UUID? = nil) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("title", d.title), ("description", description ?? d.description), ("topic", d.topic), ("tags", d.tags),
            ("frequency", d.frequency), ("coverage", d.coverage), ("period", d.period), ("unit", d.unit), ("source", d.source),
            ("license", d.license), ("contact", d.contact),
        ]
        if let access { fields.append(("access", access)) }
        if let organization { fields.append(("organizationID", organization.uuidString)) }
        return fields
    }

    @Test("kasi, kabid, kepala dinas and administrasi cannot edit a dataset or open it to the public; nothing changes", arguments: TestDatabase.all)
    func readOnlyRolesCannotEdit(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await world(app)
            for name in ["kasi", "kabid", "kadis", "administrasi"] {
                let browser = TestBrowser(app)
                try await browser.login(name)
                let page = try await browser.get("/datasets/\(w.dataset.slug)")
                #expect(!page.body.string.contains("id=\"edit-dataset\""), "\(name) sees the edit button")
                #expect(try await browser.get("/datasets/\(w.dataset.slug)/edit").status == .forbidden)
                let response = try await browser.post("/datasets/\(w.dataset.slug)/edit", editFields(w.dataset, access: "terbuka", organization: w.other.id!))
                #expect(response.status == .forbidden, "\(name): \(response.status)")
            }
            let after = try await reload(app, w.dataset)
            #expect(after.access == "terbatas" && after.$organization.id == w.agency.id)
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "dataset.update").count() == 0)
            #expect(try await TestBrowser(app).get("/publik/data/\(w.dataset.slug)").status == .notFound)
        }
    }

    @Test("the owning produsen edits descriptive metadata (old and new logged) but not the access class or the agency", arguments: TestDatabase.all)
    func produsenEditsDescriptionOnly(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await world(app)
            let produsen = TestBrowser(app)
            try await produsen.login("produsen")
            let form = try await produsen.get("/datasets/\(w.dataset.slug)/edit")
            #expect(form.status == .ok)
            #expect(!form.body.string.contains("name=\"access\"") && !form.body.string.contains("name=\"organizationID\""))
            #expect(form.body.string.contains("id=\"access-fixed\""))

            let refused = try await produsen.post("/datasets/\(w.dataset.slug)/edit", editFields(w.dataset, access: "terbuka", description: "Baru"))
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("Klasifikasi akses dan instansi pemilik"))
            #expect(try await reload(app, w.dataset).description == "", "a refused edit saves nothing, not even the allowed fields")

            try await produsen.get("/datasets/\(w.dataset.slug)/edit")
            let saved = try await produsen.post("/datasets/\(w.dataset.slug)/edit", editFields(w.dataset, description: "Per puskesmas"))
            #expect(saved.status == .seeOther)
            let after = try await reload(app, w.dataset)
            #expect(after.description == "Per puskesmas" && after.access == "terbatas")
            let event = try #require(try await EventRecord.query(on: app.db).filter(\.$action == "dataset.update").first())
            #expect(event.detail("changed") == "description")
            #expect(event.detail("old.description") == "" && event.detail("new.description") == "Per puskesmas")

            // Another agency's produsen does not even learn that the dataset exists.
            try await app.makeUser("produsen2", role: .produsen, organization: w.other)
            let outsider = TestBrowser(app)
            try await outsider.login("produsen2")
            #expect(try await outsider.get("/datasets/\(w.dataset.slug)/edit").status == .notFound)
        }
    }

    @Test("terbuka makes a dataset eligible, not public; a kabid publishes with a reason, withdraws it at once; both in the audit trail", arguments: TestDatabase.all)
    func publicationAct(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await world(app)
            let pengelola = TestBrowser(app)
            try await pengelola.login("pengelola")
            try await pengelola.get("/datasets/\(w.dataset.slug)/edit")
            #expect(try await pengelola.post("/datasets/\(w.dataset.slug)/edit", editFields(w.dataset, access: "terbuka")).status == .seeOther)
            let classified = try #require(try await EventRecord.query(on: app.db).filter(\.$action == "dataset.update").first())
            #expect(classified.detail("old.access") == "terbatas" && classified.detail("new.access") == "terbuka")
            let visitor = TestBrowser(app)
            #expect(try await visitor.get("/publik/data/\(w.dataset.slug)").status == .notFound, "eligible is not public")
            #expect(!(try await visitor.get("/publik/data").body.string.contains(w.dataset.title)))
            // The curator sees why it is not on the portal, and no publish button.
            let page = try await pengelola.get("/datasets/\(w.dataset.slug)")
            #expect(page.body.string.contains("id=\"publication-state\"") && !page.body.string.contains("id=\"publish-form\""))

            let kabid = TestBrowser(app)
            try await kabid.login("kabid")
            #expect(try await kabid.get("/datasets/\(w.dataset.slug)").body.string.contains("id=\"publish-form\""))
            let noReason = try await kabid.post("/datasets/\(w.dataset.slug)/publish", [("reason", "  ")])
            #expect(noReason.status == .unprocessableEntity)
            #expect(try await visitor.get("/publik/data/\(w.dataset.slug)").status == .notFound)
            try await kabid.get("/datasets/\(w.dataset.slug)")
            #expect(try await kabid.post("/datasets/\(w.dataset.slug)/publish", [("reason", "Surat Kadis 12/2026")]).status == .seeOther)
            #expect(try await visitor.get("/publik/data/\(w.dataset.slug)").status == .ok)
            #expect(try await visitor.get("/publik/data").body.string.contains(w.dataset.title))

            let admin = TestBrowser(app)
            try await admin.login("admin")
            let audit = try await admin.get("/admin/audit")
            #expect(audit.body.string.contains("Surat Kadis 12/2026"))

            try await kabid.get("/datasets/\(w.dataset.slug)")
            #expect(try await kabid.post("/datasets/\(w.dataset.slug)/withdraw", [("reason", "Data keliru")]).status == .seeOther)
            #expect(try await visitor.get("/publik/data/\(w.dataset.slug)").status == .notFound)
            #expect(try await visitor.get("/publik/data/\(w.dataset.slug)/data.csv").status == .notFound)
            let actions = try await EventRecord.query(on: app.db).filter(\.$datasetID == w.dataset.id!.uuidString).sort(\.$sequence).all().map(\.action)
            #expect(actions.suffix(2) == ["dataset.publish", "dataset.withdraw"])
            #expect(try await admin.get("/admin/audit").body.string.contains("Data keliru"))
        }
    }

    @Test("a terbatas dataset cannot be published (409); reclassifying or trashing a public one takes it off the portal, restoring does not bring it back", arguments: TestDatabase.all)
    func publicationEnds(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await world(app)
            let kabid = w.users["kabid"]!, pengelola = w.users["pengelola"]!
            await #expect(throws: UserError.self) { try await DatasetStore.publish(w.dataset, reason: "x", by: kabid, on: app.db) }
            #expect(try await reload(app, w.dataset).publishedAt == nil)
            await #expect(throws: UserError.self) { try await DatasetStore.publish(w.dataset, reason: "x", by: pengelola, on: app.db) }

            var form = DatasetForm(w.dataset)
            form.access = "terbuka"
            try await DatasetStore.update(w.dataset, with: form, by: pengelola, on: app.db)
            try await DatasetStore.publish(w.dataset, reason: "x", by: kabid, on: app.db)
            #expect(try await reload(app, w.dataset).isPublic)
            form.access = "dikecualikan"
            try await DatasetStore.update(w.dataset, with: form, by: pengelola, on: app.db)
            #expect(try await reload(app, w.dataset).publishedAt == nil)
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "dataset.withdraw").count() == 1)
            form.access = "terbuka"
            try await DatasetStore.update(w.dataset, with: form, by: pengelola, on: app.db)
            #expect(try await reload(app, w.dataset).isPublic == false, "open again is eligible again, not public")

            try await DatasetStore.publish(w.dataset, reason: "x", by: kabid, on: app.db)
            try await DatasetStore.trash(w.dataset, note: "salah unggah", by: pengelola, on: app.db)
            let trashed = try #require(try await Dataset.find(w.dataset.id, on: app.db))
            try await DatasetStore.untrash(trashed, by: pengelola, on: app.db)
            #expect(try await reload(app, w.dataset).isPublic == false)
            #expect(try await TestBrowser(app).get("/publik/data/\(w.dataset.slug)").status == .notFound)
        }
    }

    @Test("the API follows the same policy: PATCH by a produsen may not reclassify; publish and withdraw by kabid only, with a reason", arguments: TestDatabase.all)
    func api(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await world(app)
            var tokens: [String: String] = [:]
            for name in ["produsen", "pengelola", "kabid", "kasi"] {
                tokens[name] = try await AccountController.issueToken(for: w.users[name]!, name: "t", on: app.db).1
            }
            func send(_ method: HTTPMethod, _ path: String, as who: String, _ json: String) async throws -> TestingHTTPResponse {
                var headers: HTTPHeaders = ["Authorization": "Bearer \(tokens[who]!)"]
                headers.contentType = .json
                return try await app.testing().sendRequest(method, path, headers: headers, body: ByteBuffer(string: json))
            }
            let path = "/api/v1/datasets/\(w.dataset.slug)"
            #expect(try await send(.PATCH, path, as: "produsen", #"{"access":"terbuka"}"#).status == .forbidden)
            #expect(try await send(.PATCH, path, as: "kasi", #"{"description":"x"}"#).status == .forbidden)
            let described = try await send(.PATCH, path, as: "produsen", #"{"description":"Per puskesmas"}"#)
            #expect(described.status == .ok)
            #expect(try await reload(app, w.dataset).access == "terbatas")
            #expect(try await send(.POST, path + "/publish", as: "kabid", #"{"reason":"x"}"#).status == .conflict)
            let opened = try await send(.PATCH, path, as: "pengelola", #"{"access":"terbuka"}"#)
            #expect(opened.status == .ok)
            #expect(try opened.content.decode(DatasetAPI.DatasetOut.self).published == false)
            #expect(try await send(.POST, path + "/publish", as: "pengelola", #"{"reason":"x"}"#).status == .forbidden)
            #expect(try await send(.POST, path + "/publish", as: "kabid", #"{"reason":""}"#).status == .unprocessableEntity)
            let published = try await send(.POST, path + "/publish", as: "kabid", #"{"reason":"Rapat 3 Des"}"#)
            #expect(published.status == .ok)
            #expect(try published.content.decode(DatasetAPI.DatasetOut.self).published)
            #expect(try await send(.POST, path + "/withdraw", as: "kabid", #"{"reason":"Ditinjau ulang"}"#).status == .ok)
            #expect(try await send(.POST, path + "/withdraw", as: "kabid", #"{"reason":"lagi"}"#).status == .conflict)
            #expect(try await TestBrowser(app).get("/publik/data/\(w.dataset.slug)").status == .notFound)
        }
    }
}

@Suite("Dataset page shows exactly what the policy allows")
struct DatasetPageMatchesPolicyTests {
    @Test("for every role, each control on the dataset page is there exactly when DatasetPolicy allows its action", arguments: TestDatabase.all)
    func controlsFollowPolicy(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let agency = try await app.makeOrganization("DINKES", name: "Dinas Kesehatan")
            var users: [User] = []
            for (name, role) in [("admin", Role.admin), ("pengelola", .pengelolaTI), ("kasi", .kasi), ("kabid", .kabid), ("kadis", .kepalaDinas),
                                 ("administrasi", .administrasi)] {
                users.append(try await app.makeUser(name, role: role))
            }
            users.append(try await app.makeUser("produsen", role: .produsen, organization: agency))
            let dataset = try await app.makeDataset("Jumlah Sekolah", organization: agency, by: users[1])
            let officer = TestBrowser(app)
            try await officer.login("pengelola")
            try await officer.get("/datasets/\(dataset.slug)")
            for csv in ["kode,n\n1,2\n", "kode,n\n1,3\n"] {
                #expect(try await officer.uploadRaw(dataset.slug, filename: "d.csv", bytes: Array(csv.utf8)).status == .seeOther)
                try await officer.get("/datasets/\(dataset.slug)")
            }
            let controls: [(marker: String, action: DatasetPolicy.Action)] = [
                ("id=\"edit-dataset\"", .editMetadata), ("id=\"upload-form\"", .submitVersion), ("id=\"restore-1\"", .restoreVersion),
                ("id=\"delete-dataset\"", .trash), ("id=\"publish-form\"", .publish),
            ]
            for user in users {
                let browser = TestBrowser(app)
                try await browser.login(user.username)
                let page = try await browser.get("/datasets/\(dataset.slug)").body.string
                for (marker, action) in controls {
                    #expect(page.contains(marker) == DatasetPolicy.may(action, user, dataset), "\(user.username): \(marker)")
                }
            }
        }
    }
}

@Suite("A file that is not a table never replaces the table people see")
struct NonTableUploadTests {
    @Test("a PNG sent to a CSV dataset is kept as a version beside it; the table, the portal and the downloads stay; recovery makes it current on purpose",
          arguments: TestDatabase.all)
    func pngBesideTable(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let agency = try await app.makeOrganization("DINKES", name: "Dinas Kesehatan")
            let officer = try await app.makeUser("pengelola", role: .pengelolaTI)
            let kabid = try await app.makeUser("kabid", role: .kabid)
            let dataset = try await app.makeDataset("Jumlah Bidan", organization: agency, by: officer)
            let browser = TestBrowser(app)
            try await browser.login("pengelola")
            try await browser.get("/datasets/\(dataset.slug)")
            #expect(try await browser.uploadRaw(dataset.slug, filename: "bidan.csv", bytes: Array("kecamatan,jumlah\nSiberut,12\n".utf8)).status == .seeOther)
            try await DatasetStore.publish(try #require(try await Dataset.find(dataset.id, on: app.db)), reason: "uji", by: kabid, on: app.db)
            try await browser.get("/datasets/\(dataset.slug)")
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)
            let sent = try await browser.uploadRaw(dataset.slug, filename: "foto.png", bytes: png)
            #expect(sent.status == .seeOther)
            let page = try await browser.get(sent.headers.first(name: .location) ?? "/")
            #expect(page.body.string.contains("bukan tabel"), "the page says what happened")
            let stored = try #require(try await Dataset.find(dataset.id, on: app.db))
            let current = try #require(try await DatasetVersion.find(stored.currentVersionID, on: app.db))
            #expect(current.number == 1 && current.state == .accepted)
            #expect(try await DatasetVersion.query(on: app.db).filter(\.$dataset.$id == dataset.id!).count() == 2)
            let visitor = TestBrowser(app)
            #expect(try await visitor.get("/publik/data/\(dataset.slug)/data.csv").body.string.contains("Siberut"))

            // The officer decides: recovery makes the PNG current, by name.
            let png2 = try await DatasetStore.version(2, of: stored, on: app.db)
            _ = try await DatasetStore.restore(png2, of: stored, note: "memang gambar", by: officer, on: app.db)
            let after = try #require(try await Dataset.find(dataset.id, on: app.db))
            #expect(try await DatasetVersion.find(after.currentVersionID, on: app.db)?.number == 3)
        }
    }
}

@Suite("The public address")
struct BaseURLWarningTests {
    @Test("until WALIDATA_BASE_URL is set the admin sees a warning on every page; others do not, and it goes once set")
    func warning() async throws {
        try await withTestApp(.sqlite) { app in
            try await app.makeUser("admin", role: .admin)
            try await app.makeUser("kasi", role: .kasi)
            app.walidata.baseURLConfigured = false
            let admin = TestBrowser(app)
            try await admin.login("admin")
            #expect(try await admin.get("/").body.string.contains("id=\"base-url-warning\""))
            #expect(try await admin.get("/datasets").body.string.contains("WALIDATA_BASE_URL"))
            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            #expect(!(try await kasi.get("/").body.string.contains("id=\"base-url-warning\"")))
            app.walidata.baseURLConfigured = true
            #expect(!(try await admin.get("/").body.string.contains("id=\"base-url-warning\"")))
        }
    }
}

@Suite("Upgrading to the publication act (M014)")
struct PublicationUpgradeTests {
    @Test("on upgrade, a terbuka dataset a published announcement named stays public as of it; other terbuka datasets wait for an act",
          arguments: TestDatabase.all)
    func keepAnnounced(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.submit()
            for step in 1...9 {
                let done = try await f.complete(created.id, step: step, as: CaseFixture.executor[step]!, step == 7 ? ["decision": "ya"] : [:])
                #expect(done.status == .created)
            }
            let announced = try #require(try await CaseDataset.query(on: app.db).filter(\.$caseRecord.$id == created.id).first()).$dataset.id
            let other = try await app.makeDataset("Tidak diumumkan", organization: f.organization, by: f.users["pengelola_ti"]!)
            // As the database was before M014: no dataset carries a publication.
            try await Dataset.query(on: app.db).set(\.$publishedAt, to: nil).update()
            try await M014AddDatasetPublication.keepAnnounced(on: app.db as! any SQLDatabase)
            let announcement = try #require(try await Announcement.query(on: app.db).first())
            let kept = try #require(try await Dataset.find(announced, on: app.db))
            #expect(kept.isPublic)
            #expect(abs(kept.publishedAt!.timeIntervalSince(announcement.publishedAt!)) < 1)
            #expect(try await Dataset.find(other.id, on: app.db)?.publishedAt == nil)
        }
    }
}
