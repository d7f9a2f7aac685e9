import Fluent
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Administering users and organisations")
struct UserAdminTests {
    func admin(_ app: Application) async throws -> TestBrowser {
        try await app.makeUser("admin1", role: .admin)
        let browser = TestBrowser(app)
        try await browser.login("admin1")
        try await browser.get("/admin/users/new")
        return browser
    }

    @Test("an admin creates a user who can then sign in; the password is stored as bcrypt", arguments: TestDatabase.all)
    func createUser(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let browser = try await admin(app)
            let response = try await browser.post("/admin/users/new", [
                ("username", "Kasi1"), ("fullName", "Maria Sakerebau"), ("nip", "198303072009022002"),
                ("email", ""), ("role", "kasi"), ("organizationID", ""), ("password", "Rahasia-Kasi-1"),
            ])
            #expect(response.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "kasi1").first())
            #expect(user.role == .kasi)
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(!user.passwordHash.contains("Rahasia"))
            let list = try await browser.get("/admin/users")
            #expect(list.body.string.contains("Pengguna kasi1 telah dibuat."))
            #expect(try await TestBrowser(app).login("kasi1", "Rahasia-Kasi-1").status == .seeOther)
        }
    }

    @Test("bad input is listed in words, the form keeps what was typed, nothing is saved", arguments: TestDatabase.all)
    func invalidUser(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let browser = try await admin(app)
            let response = try await browser.post("/admin/users/new", [
                ("username", "a b"), ("fullName", "<script>alert(1)</script>"), ("nip", "123"),
                ("role", "produsen"), ("organizationID", ""), ("password", "short"),
            ])
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            #expect(body.contains("Nama pengguna harus 3–40 karakter"))
            #expect(body.contains("NIP harus 18 angka"))
            #expect(body.contains("Produsen Data harus terhubung ke satu Perangkat Daerah"))
            #expect(body.contains("Kata sandi paling sedikit 8 karakter"))
            #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!body.contains("<script>"))
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    @Test("a taken username is refused", arguments: TestDatabase.all)
    func duplicateUsername(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let browser = try await admin(app)
            let response = try await browser.post("/admin/users/new", [
                ("username", "ADMIN1"), ("fullName", "X"), ("role", "kasi"), ("password", "rahasia-123"),
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("sudah dipakai"))
        }
    }

    @Test("a produsen belongs to one organisation", arguments: TestDatabase.all)
    func produsenOrganization(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let org = try await app.makeOrganization("DINKES")
            let browser = try await admin(app)
            let response = try await browser.post("/admin/users/new", [
                ("username", "siska"), ("fullName", "Siska"), ("role", "produsen"), ("organizationID", org.id!.uuidString), ("password", "rahasia-123"),
            ])
            #expect(response.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "siska").first())
            #expect(user.$organization.id == org.id)
        }
    }

    @Test("edit, reset password and deactivate", arguments: TestDatabase.all)
    func editResetDeactivate(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let target = try await app.makeUser("kabid1", role: .kabid)
            let browser = try await admin(app)
            let id = target.id!.uuidString
            try await browser.get("/admin/users/\(id)")
            let edit = try await browser.post("/admin/users/\(id)", [
                ("username", "kabid1"), ("fullName", "Paulus Satoko"), ("nip", ""), ("email", "paulus@example.go.id"), ("role", "kasi"), ("organizationID", ""),
            ])
            #expect(edit.status == .seeOther)
            var stored = try #require(try await User.find(target.id, on: app.db))
            #expect(stored.fullName == "Paulus Satoko")
            #expect(stored.role == .kasi)

            try await browser.get("/admin/users/\(id)")
            #expect(try await browser.post("/admin/users/\(id)/password", [("password", "Baru-Sekali-9")]).status == .seeOther)
            #expect(try await TestBrowser(app).login("kabid1", "Baru-Sekali-9").status == .seeOther)

            try await browser.get("/admin/users/\(id)")
            #expect(try await browser.post("/admin/users/\(id)/active", [("active", "false")]).status == .seeOther)
            stored = try #require(try await User.find(target.id, on: app.db))
            #expect(!stored.active)
            #expect(try await TestBrowser(app).login("kabid1", "Baru-Sekali-9").status == .unauthorized)
        }
    }

    @Test("the last active admin cannot be deactivated or demoted", arguments: TestDatabase.all)
    func lastAdmin(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let browser = try await admin(app)
            let me = try #require(try await User.query(on: app.db).filter(\.$username == "admin1").first())
            let demote = try await browser.post("/admin/users/\(me.id!)", [("username", "admin1"), ("fullName", "A"), ("role", "kasi")])
            #expect(demote.status == .conflict)
            #expect(demote.body.string.contains("administrator aktif terakhir"))
            let other = try await app.makeUser("admin2", role: .admin)
            try await browser.get("/")
            let self_ = try await browser.post("/admin/users/\(me.id!)/active", [("active", "false")])
            #expect(self_.status == .conflict)
            let deactivateOther = try await browser.post("/admin/users/\(other.id!)/active", [("active", "false")])
            #expect(deactivateOther.status == .seeOther)
        }
    }

    @Test("organisations: create, duplicate code refused, edit", arguments: TestDatabase.all)
    func organizations(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let browser = try await admin(app)
            try await browser.get("/admin/organizations/new")
            let created = try await browser.post("/admin/organizations/new", [
                ("name", "Dinas Kesehatan"), ("code", "dinkes"), ("contactName", "Sekretariat"), ("phone", "0759-123"), ("email", ""), ("address", "Tuapeijat"),
            ])
            #expect(created.status == .seeOther)
            let org = try #require(try await Organization.query(on: app.db).filter(\.$code == "DINKES").first())
            try await browser.get("/admin/organizations/new")
            let duplicate = try await browser.post("/admin/organizations/new", [("name", "Dinas Lain"), ("code", "DINKES")])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.string.contains("sudah dipakai"))
            try await browser.get("/admin/organizations/\(org.id!)")
            let edited = try await browser.post("/admin/organizations/\(org.id!)", [("name", "Dinas Kesehatan Kab. Kep. Mentawai"), ("code", "DINKES"), ("active", "on")])
            #expect(edited.status == .seeOther)
            #expect(try await Organization.find(org.id, on: app.db)?.name == "Dinas Kesehatan Kab. Kep. Mentawai")
            let list = try await browser.get("/admin/organizations")
            #expect(list.body.string.contains("Dinas Kesehatan Kab. Kep. Mentawai"))
        }
    }

    @Test("the command line creates the first admin and demo accounts", arguments: TestDatabase.all)
    func demoData(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let created = try await DemoData.load(on: app.db, hasher: app.password)
            #expect(created.count == DemoData.accounts.count)
            for role in Role.allCases {
                #expect(try await User.query(on: app.db).filter(\.$roleRaw == role.rawValue).count() == 1, "\(role)")
            }
            #expect(try await DemoData.load(on: app.db, hasher: app.password).isEmpty)
            #expect(try await TestBrowser(app).login("kasi", DemoData.password).status == .seeOther)
        }
    }
}

@Suite("The audit trail")
struct AuditTrailTests {
    @Test("account, agency, SOP and calendar changes are in the hash-chained log, and only an admin reads the trail", arguments: TestDatabase.all)
    func audited(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let admin = TestBrowser(app)
            try await admin.login("admin1")
            try await admin.get("/admin/users/new")
            try await admin.post("/admin/users/new", [("username", "budi"), ("fullName", "Budi"), ("role", "kasi"), ("password", "rahasia-123")])
            try await admin.get("/admin/organizations/new")
            try await admin.post("/admin/organizations/new", [("name", "Dinas Sosial"), ("code", "DINSOS")])
            try await admin.get("/calendar")
            try await admin.post("/calendar/days", [("date", "2026-12-31"), ("kind", "penutupan_kantor"), ("description", "Tutup buku")])
            try await admin.get("/sop/revisions")
            try await admin.post("/sop/revisions/new", [("changeNote", "Uji")])
            let actions = try await EventRecord.query(on: app.db).sort(\.$sequence).all().map(\.action)
            #expect(actions == ["user.create", "organization.create", "calendar.day_add", "sop.draft_open"])
            #expect(try await EventLog.verify(on: app.db).breaks.isEmpty)
            let trail = try await admin.get("/admin/audit").body.string
            #expect(trail.contains("Membuat akun pengguna"))
            #expect(trail.contains("Tutup buku"))
            try await app.makeUser("kasi1", role: .kasi)
            let kasi = TestBrowser(app)
            try await kasi.login("kasi1")
            #expect(try await kasi.get("/admin/audit").status == .forbidden)
        }
    }
}
