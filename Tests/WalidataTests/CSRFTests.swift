import Fluent
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("CSRF protection")
struct CSRFTests {
    @Test("a form post without the token is refused with 403 and changes nothing", arguments: TestDatabase.all)
    func missingTokenRefused(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let browser = TestBrowser(app)
            try await browser.login("admin1")
            let response = try await browser.post("/admin/users/new", [
                ("username", "budi"), ("fullName", "Budi"), ("role", "kasi"), ("password", "rahasia-123"),
            ], csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("kedaluwarsa"))
            #expect(try await User.query(on: app.db).filter(\.$username == "budi").count() == 0)
        }
    }

    @Test("a wrong token is refused too", arguments: TestDatabase.all)
    func wrongTokenRefused(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let browser = TestBrowser(app)
            try await browser.login("admin1")
            let response = try await browser.post("/admin/users/new", [
                ("username", "budi"), ("fullName", "Budi"), ("role", "kasi"), ("password", "rahasia-123"), ("_csrf", String(repeating: "0", count: 48)),
            ], csrf: false)
            #expect(response.status == .forbidden)
            #expect(try await User.query(on: app.db).filter(\.$username == "budi").count() == 0)
        }
    }

    @Test("login itself needs the token", arguments: TestDatabase.all)
    func loginNeedsToken(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            try await browser.get("/login")
            let response = try await browser.post("/login", [("username", "kasi1"), ("password", "rahasia-123")], csrf: false)
            #expect(response.status == .forbidden)
        }
    }
}
