import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Sessions, passwords and tokens")
struct SessionSecurityTests {
    func bearer(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)"] }

    func sessions(of user: User, on db: any Database) async throws -> Int {
        try await SessionRecord.query(on: db).all().filter { $0.data[SessionUserMiddleware.userKey] == user.id?.uuidString }.count
    }

    @Test("an admin's password reset ends every session of the user and revokes its API tokens", arguments: TestDatabase.all)
    func adminResetEndsEverything(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let kasi = try await app.makeUser("kasi1", role: .kasi)
            let office = TestBrowser(app), phone = TestBrowser(app)
            try await office.login("kasi1")
            try await phone.login("kasi1")
            let (_, secret) = try await AccountController.issueToken(for: kasi, name: "Skrip", on: app.db)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(secret)).status == .ok)
            #expect(try await sessions(of: kasi, on: app.db) == 2)

            let admin = TestBrowser(app)
            try await admin.login("admin1")
            try await admin.get("/admin/users/\(kasi.id!)")
            #expect(try await admin.post("/admin/users/\(kasi.id!)/password", [("password", "Baru-Sekali-9")]).status == .seeOther)

            for browser in [office, phone] {
                let page = try await browser.get("/")
                #expect(page.status == .seeOther)
                #expect(page.headers.first(name: .location)?.hasPrefix("/login") == true)
            }
            #expect(try await sessions(of: kasi, on: app.db) == 0)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(secret)).status == .unauthorized)
            #expect(try await APIToken.query(on: app.db).filter(\.$revokedAt == nil).count() == 0)
            // The admin's own session is untouched, and the new password works.
            #expect(try await admin.get("/").status == .ok)
            #expect(try await TestBrowser(app).login("kasi1", "Baru-Sekali-9").status == .seeOther)
        }
    }

    @Test("changing one's own password ends the other sessions and keeps this one", arguments: TestDatabase.all)
    func ownChangeEndsOthers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let kasi = try await app.makeUser("kasi1", role: .kasi)
            let here = TestBrowser(app), elsewhere = TestBrowser(app)
            try await here.login("kasi1")
            try await elsewhere.login("kasi1")
            try await here.get("/account")
            let changed = try await here.post("/account/password", [("current", "rahasia-123"), ("password", "Baru-Sekali-9"), ("confirm", "Baru-Sekali-9")])
            #expect(changed.status == .seeOther)
            #expect(try await here.get("/").status == .ok)
            #expect(try await elsewhere.get("/").status == .seeOther)
            #expect(try await sessions(of: kasi, on: app.db) == 1)
        }
    }

    @Test("a refused password change ends no session", arguments: TestDatabase.all)
    func refusedChangeEndsNothing(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let kasi = try await app.makeUser("kasi1", role: .kasi)
            let here = TestBrowser(app), elsewhere = TestBrowser(app)
            try await here.login("kasi1")
            try await elsewhere.login("kasi1")
            try await here.get("/account")
            let refused = try await here.post("/account/password", [("current", "salah-sekali"), ("password", "Baru-Sekali-9"), ("confirm", "Baru-Sekali-9")])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await elsewhere.get("/").status == .ok)
            #expect(try await sessions(of: kasi, on: app.db) == 2)
        }
    }

    @Test("visiting /login stores no session row; its form still signs in, with a signed token in cookie and field", arguments: TestDatabase.all)
    func loginPageStoresNothing(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            for _ in 0..<3 {
                let page = try await browser.get("/login")
                #expect(page.status == .ok)
                #expect(!page.headers[.setCookie].contains { $0.hasPrefix("walidata_session=") })
            }
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
            let cookie = try #require(browser.cookies[CSRF.anonymousCookie])
            #expect(browser.csrf == cookie)
            // A wrong password re-shows the form, still without a session row.
            #expect(try await browser.post("/login", [("username", "kasi1"), ("password", "salah-sekali")]).status == .unauthorized)
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
            #expect(try await browser.post("/login", [("username", "kasi1"), ("password", "rahasia-123")]).status == .seeOther)
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
        }
    }

    @Test("an anonymous token is refused when forged, altered, from another server, expired, or not matching the cookie", arguments: TestDatabase.all)
    func anonymousTokenChecked(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let secret = app.serverSecret
            let good = CSRF.anonymousToken(secret: secret)
            #expect(CSRF.isValidAnonymous(good, secret: secret))
            let flipped = String(good.dropLast()) + (good.hasSuffix("0") ? "1" : "0")
            #expect(!CSRF.isValidAnonymous(flipped, secret: secret))
            let other = try ServerSecret.load(dataDirectory: "/nonexistent", environment: [ServerSecret.environmentVariable: String(repeating: "k", count: 40)])
            #expect(!CSRF.isValidAnonymous(CSRF.anonymousToken(secret: other), secret: secret))
            #expect(!CSRF.isValidAnonymous(good, secret: secret, now: Date().addingTimeInterval(CSRF.anonymousLifetime + 60)))
            #expect(!CSRF.isValidAnonymous(CSRF.newToken(), secret: secret))

            func post(cookie: String, field: String) async throws -> HTTPStatus {
                let browser = TestBrowser(app)
                browser.cookies[CSRF.anonymousCookie] = cookie
                return try await browser.post("/login", [("username", "kasi1"), ("password", "rahasia-123"), ("_csrf", field)], csrf: false).status
            }
            #expect(try await post(cookie: flipped, field: flipped) == .forbidden)
            #expect(try await post(cookie: CSRF.anonymousToken(secret: secret), field: good) == .forbidden)
            #expect(try await post(cookie: "", field: good) == .forbidden)
            #expect(try await post(cookie: good, field: good) == .seeOther)
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
        }
    }

    @Test("signed in, a form needs the session's token: an anonymous token is not enough", arguments: TestDatabase.all)
    func signedInNeedsSessionToken(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            try await browser.login("kasi1")
            let anonymous = CSRF.anonymousToken(secret: app.serverSecret)
            browser.cookies[CSRF.anonymousCookie] = anonymous
            let response = try await browser.post("/account/tokens", [("name", "Skrip"), ("_csrf", anonymous)], csrf: false)
            #expect(response.status == .forbidden)
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }

    @Test("30 wrong passwords at once: exactly 5 are counted, the other 25 are answered as locked", arguments: TestDatabase.all)
    func lockoutExactUnderConcurrency(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let token = CSRF.anonymousToken(secret: app.serverSecret)
            let headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "\(CSRF.anonymousCookie)=\(token)"]
            let body = "username=kasi1&password=salah-sekali&_csrf=\(token)"
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<30 {
                    group.addTask { try await app.testing().sendRequest(.POST, "/login", headers: headers, body: ByteBuffer(string: body)).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 25)
            #expect(try await LoginFailure.query(on: app.db).count() == 5)
            #expect(try await TestBrowser(app).login("kasi1").status == .tooManyRequests)
        }
    }
}
