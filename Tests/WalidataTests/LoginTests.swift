import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Signing in and out")
struct LoginTests {
    @Test("right password signs in; session cookie is HttpOnly and SameSite=Lax", arguments: TestDatabase.all)
    func signsIn(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            let response = try await browser.login("kasi1")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("walidata_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Nama kasi1"))
        }
    }

    @Test("a visitor of the public pages gets no session cookie and no session row; signing in makes one", arguments: TestDatabase.all)
    func sessionsOnlyWhenNeeded(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            for path in ["/publik", "/publik/data", "/nowhere"] {
                let page = try await app.testing().sendRequest(.GET, path)
                #expect(page.headers[.setCookie].isEmpty, "\(path) set a cookie")
            }
            #expect(try await SessionRecord.query(on: app.db).count() == 0)

            // Signing in makes the one session; the login page itself stores none (see SessionSecurityTests).
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            try await browser.login("kasi1")
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
            for _ in 0..<3 { #expect(try await browser.get("/").status == .ok) }
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
        }
    }

    @Test("idle sessions are removed: a left login page after 12 hours, a signed-in one 12 hours after it was last seen", arguments: TestDatabase.all)
    func idleSessionsRemoved(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // A session made by the server notes when.
            try await app.makeUser("kasi1", role: .kasi)
            try await TestBrowser(app).login("kasi1")
            let made = try #require(try await SessionRecord.query(on: app.db).first()).data[SessionCleanup.madeKey].flatMap(Double.init)
            #expect(made.map { abs($0 - Date().timeIntervalSince1970) < 60 } == true)
            try await SessionRecord.query(on: app.db).delete()

            let now = Date()
            func ago(_ hours: Double) -> String { String(Int(now.timeIntervalSince1970 - hours * 3600)) }
            let rows: [(String, [String: String])] = [
                ("left-login", ["csrf": "x", "made": ago(13)]),
                ("fresh-login", ["csrf": "x", "made": ago(1)]),
                ("idle-user", ["uid": UUID().uuidString, "made": ago(30), "seen": ago(12.5)]),
                ("busy-user", ["uid": UUID().uuidString, "made": ago(30), "seen": ago(0.2)]),
                ("from-before", ["csrf": "x"]),
            ]
            for (key, data) in rows {
                try await SessionRecord(key: SessionID(string: key), data: SessionData(initialData: data)).create(on: app.db)
            }
            #expect(try await SessionCleanup.run(at: now, on: app.db) == 3)
            let kept = try await SessionRecord.query(on: app.db).all().map(\.key.string).sorted()
            #expect(kept == ["busy-user", "fresh-login"])
            #expect(try await SessionCleanup.run(at: now, on: app.db) == 0)
        }
    }

    @Test("cookies are Secure when the base URL is https", arguments: TestDatabase.all)
    func secureOnHTTPS(_ db: TestDatabase) async throws {
        try await withTestApp(db, baseURL: "https://data.mentawaikab.go.id") { app in
            try await app.makeUser("kasi1", role: .kasi)
            let response = try await TestBrowser(app).login("kasi1")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("walidata_session=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test("wrong password is refused with a message in words", arguments: TestDatabase.all)
    func wrongPassword(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            let response = try await browser.login("kasi1", "salah-sekali")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("Nama pengguna atau kata sandi salah"))
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("five failures lock the account for 15 minutes, even for the right password", arguments: TestDatabase.all)
    func lockout(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            for _ in 0..<5 { try await browser.login("kasi1", "salah-sekali") }
            let locked = try await browser.login("kasi1")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("dikunci sementara"))
            #expect(locked.body.string.contains("15 menit"))
            // Another account is not affected.
            try await app.makeUser("kabid1", role: .kabid)
            #expect(try await TestBrowser(app).login("kabid1").status == .seeOther)
        }
    }

    @Test("the lock ends 15 minutes after the fifth failure", arguments: TestDatabase.all)
    func lockExpires(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let start = Date()
            for i in 0..<5 {
                _ = try await LoginController.attempt(username: "kasi1", password: "x", on: app.db, hasher: app.password, now: start.addingTimeInterval(Double(i)))
            }
            let during = try await LoginController.attempt(username: "kasi1", password: "rahasia-123", on: app.db, hasher: app.password, now: start.addingTimeInterval(14 * 60))
            guard case .failure(let key, _) = during else { Issue.record("not locked"); return }
            #expect(key == "login.locked")
            let after = try await LoginController.attempt(username: "kasi1", password: "rahasia-123", on: app.db, hasher: app.password, now: start.addingTimeInterval(15 * 60 + 5))
            guard case .success = after else { Issue.record("still locked after 15 minutes"); return }
        }
    }

    @Test("five failures spread over 20 minutes do not lock", arguments: TestDatabase.all)
    func oldFailuresDoNotCount(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let start = Date()
            for i in 0..<5 {
                _ = try await LoginController.attempt(username: "kasi1", password: "x", on: app.db, hasher: app.password, now: start.addingTimeInterval(Double(i) * 300))
            }
            // Failures at 0, 5, 10, 15, 20 min: at +20 min only three fall inside the last 15 minutes.
            let result = try await LoginController.attempt(username: "kasi1", password: "rahasia-123", on: app.db, hasher: app.password, now: start.addingTimeInterval(20 * 60))
            guard case .success = result else { Issue.record("locked by failures older than 15 minutes"); return }
        }
    }

    @Test("a deactivated account cannot sign in, and its open session ends", arguments: TestDatabase.all)
    func deactivated(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let user = try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            try await browser.login("kasi1")
            user.active = false
            try await user.save(on: app.db)
            #expect(try await browser.get("/").status == .seeOther)
            let again = try await TestBrowser(app).login("kasi1")
            #expect(again.status == .unauthorized)
            #expect(again.body.string.contains("dinonaktifkan"))
        }
    }

    @Test("log out ends the session", arguments: TestDatabase.all)
    func logout(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            try await browser.login("kasi1")
            try await browser.get("/")
            let out = try await browser.post("/logout", [])
            #expect(out.status == .seeOther)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("the session id changes at sign-in (no fixation)", arguments: TestDatabase.all)
    func newSessionAtLogin(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            // A session id planted in the browser before sign-in (the login page itself makes none).
            let planted = SessionData(initialData: [CSRF.sessionKey: CSRF.newToken(), SessionCleanup.madeKey: String(Int(Date().timeIntervalSince1970))])
            try await SessionRecord(key: SessionID(string: "planted"), data: planted).create(on: app.db)
            let browser = TestBrowser(app)
            browser.cookies["walidata_session"] = "planted"
            try await browser.get("/login")
            #expect(try await browser.post("/login", [("username", "kasi1"), ("password", "rahasia-123")]).status == .seeOther)
            let after = try #require(browser.cookies["walidata_session"])
            #expect(after != "planted")
            #expect(try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: "planted")).count() == 0)
        }
    }

    @Test("after login only local paths are followed")
    func safeNext() {
        #expect(LoginController.safeNext("/sop") == "/sop")
        #expect(LoginController.safeNext("https://evil.example/") == "/")
        #expect(LoginController.safeNext("//evil.example/") == "/")
        #expect(LoginController.safeNext("/\\evil.example") == "/")
        #expect(LoginController.safeNext("/login?next=/x") == "/")
        #expect(LoginController.safeNext(nil) == "/")
    }

    @Test("the login page's language switch changes the page language", arguments: TestDatabase.all)
    func languageSwitch(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let browser = TestBrowser(app)
            let id = try await browser.get("/login")
            #expect(id.body.string.contains("<html lang=\"id\">"))
            #expect(id.body.string.contains("Masuk"))
            let switched = try await browser.get("/lang/en?next=%2Flogin")
            #expect(switched.status == .seeOther)
            #expect(switched.headers.first(name: .location) == "/login")
            let en = try await browser.get("/login")
            #expect(en.body.string.contains("<html lang=\"en\">"))
            #expect(en.body.string.contains("Log in"))
        }
    }
}

@Suite("Language choice")
struct LanguageChoiceTests {
    @Test("English chosen on the login page becomes the user's language after signing in", arguments: TestDatabase.all)
    func loginPageChoiceSticks(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let user = try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            try await browser.get("/lang/en?next=%2Flogin")
            try await browser.login("kasi1")
            let home = try await browser.get("/")
            #expect(home.body.string.contains("<html lang=\"en\">"))
            #expect(home.body.string.contains("Log out"))
            #expect(try await User.find(user.id, on: app.db)?.language == "en")
        }
    }

    @Test("the signed-in switch saves the choice for the user", arguments: TestDatabase.all)
    func signedInSwitch(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let user = try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            try await browser.login("kasi1")
            try await browser.get("/sop")
            let switched = try await browser.post("/account/language", [("language", "en"), ("next", "/sop")])
            #expect(switched.headers.first(name: .location) == "/sop")
            #expect(try await User.find(user.id, on: app.db)?.language == "en")
            #expect(try await browser.get("/sop").body.string.contains("Executors"))
            let bad = try await browser.post("/account/language", [("language", "fr")])
            #expect(bad.status == .unprocessableEntity)
        }
    }
}
