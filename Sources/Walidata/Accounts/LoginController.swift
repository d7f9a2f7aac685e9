import Fluent
import SQLKit
import Vapor
import WalidataCore

/// Sign in and out, and the lock after repeated failures.
enum LoginController {
    static let maxFailures = 5
    static let lockWindow: TimeInterval = 15 * 60

    struct LoginForm: Content {
        var username: String
        var password: String
        var next: String?
    }

    @Sendable static func show(_ req: Request) async throws -> HTML {
        if req.currentUser != nil { throw Abort.redirect(to: SiteURL.home.path) }
        let needsSetup = try await User.query(on: req.db).count() == 0
        return await LoginView.render(req, username: "", error: nil, needsSetup: needsSetup, next: req.query[String.self, at: "next"])
    }

    @Sendable static func submit(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let username = User.normalize(username: form.username)
        let outcome = try await attempt(username: username, password: form.password, on: req.db, hasher: req.password)
        switch outcome {
        case .success(let user):
            // A language chosen on the login page becomes the user's own choice.
            if let raw = req.cookies[Request.languageCookie]?.string, let lang = Lang(rawValue: raw), lang.rawValue != user.language {
                user.language = lang.rawValue
                try await user.save(on: req.db)
            }
            try await req.signIn(user)
            return req.redirect(to: safeNext(form.next))
        case .failure(let key, let arguments):
            let page = await LoginView.render(req, username: form.username, error: req.t(key, arguments), needsSetup: false, next: form.next)
            return try await HTMLPage(status: key == "login.locked" ? .tooManyRequests : .unauthorized, page).encodeResponse(for: req)
        }
    }

    @Sendable static func logout(_ req: Request) async throws -> Response {
        req.session.destroy()
        req.currentUser = nil
        return req.redirect(to: SiteURL.login(next: nil).path)
    }

    enum Outcome {
        case success(User)
        case failure(key: String, arguments: [String])
    }

    /// The sign-in rule, testable without HTTP: five failures for one account within 15 minutes
    /// lock it for 15 minutes from the fifth, even for the right password. Exactly five count,
    /// however many wrong passwords arrive at once: a failure is only written while fewer than five
    /// are on record (`recordFailure`), and one that finds five already is answered as locked.
    static func attempt(username: String, password: String, on db: any Database, hasher: any PasswordHasher, now: Date = Date()) async throws -> Outcome {
        if let minutes = try await lockedMinutes(username: username, on: db, now: now) {
            return .failure(key: "login.locked", arguments: [String(minutes)])
        }
        let user = try await User.query(on: db).filter(\.$username == username).first()
        // Verify against a dummy hash when the user is unknown, so timing does not reveal names.
        let hash = user?.passwordHash ?? dummyHash
        let matches = (try? hasher.verify(password, created: hash)) ?? false
        guard let user, matches else {
            if try await recordFailure(username: username, on: db, now: now) {
                return .failure(key: "login.wrong", arguments: [])
            }
            let minutes = try await lockedMinutes(username: username, on: db, now: now) ?? Int(lockWindow / 60)
            return .failure(key: "login.locked", arguments: [String(minutes)])
        }
        guard user.active else {
            return .failure(key: "login.inactive", arguments: [])
        }
        try await LoginFailure.query(on: db).filter(\.$username == username).delete()
        return .success(user)
    }

    /// The minutes left of the account's lock, or nil when it is not locked.
    static func lockedMinutes(username: String, on db: any Database, now: Date) async throws -> Int? {
        let recent = try await LoginFailure.query(on: db)
            .filter(\.$username == username)
            .filter(\.$at > now.addingTimeInterval(-lockWindow))
            .sort(\.$at, .descending)
            .all()
        guard recent.count >= maxFailures else { return nil }
        let unlock = recent[maxFailures - 1].at.addingTimeInterval(lockWindow)
        guard unlock > now else { return nil }
        return max(1, Int((unlock.timeIntervalSince(now) / 60).rounded(.up)))
    }

    /// Writes one failure if fewer than `maxFailures` are on record within the window; returns
    /// whether it was written. Count and insert are one statement, so on SQLite (one writer at a
    /// time) nothing comes between them; PostgreSQL reads a snapshot, so there the account's
    /// transaction-scoped advisory lock makes concurrent failures for one name take turns.
    static func recordFailure(username: String, on db: any Database, now: Date) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else {
            throw Abort(.internalServerError, reason: "login failures need an SQL database")
        }
        @Sendable func insert(_ sql: any SQLDatabase) async throws -> Bool {
            let written = try await sql.raw("""
                INSERT INTO \(ident: LoginFailure.schema) (id, username, at)
                SELECT \(bind: UUID()), \(bind: username), \(bind: now)
                WHERE (SELECT COUNT(*) FROM \(ident: LoginFailure.schema)
                       WHERE username = \(bind: username) AND at > \(bind: now.addingTimeInterval(-lockWindow))) < \(literal: maxFailures)
                RETURNING id
                """).all()
            return !written.isEmpty
        }
        guard sql.dialect.name == "postgresql" else { return try await insert(sql) }
        return try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError, reason: "no SQL transaction") }
            // Two-key form, first key naming this use, so it cannot meet another advisory lock.
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: advisoryLockClass), hashtext(\(bind: username)))").run()
            return try await insert(sql)
        }
    }

    /// The first key of the login lock-out's advisory locks ("LGN" in ASCII).
    static let advisoryLockClass = 0x4C474E

    /// A real bcrypt hash of a random string, made once, so an unknown name costs the same time.
    private static let dummyHash: String = (try? Bcrypt.hash(CSRF.newToken())) ?? ""

    /// Only a local path, so a crafted link cannot send a user elsewhere (`LocalPath` has the rules).
    static func localPath(_ next: String?) -> String? {
        LocalPath.safe(next)
    }

    /// Where to go after signing in: a local path other than the login page, else home.
    static func safeNext(_ next: String?) -> String {
        guard let path = localPath(next), !path.hasPrefix(SiteURL.login(next: nil).path) else { return SiteURL.home.path }
        return path
    }

    /// `GET /lang/:lang?next=…`: the language switch on the login page, kept in a cookie.
    @Sendable static func setLanguage(_ req: Request) async throws -> Response {
        guard let lang = req.parameters.get("lang").flatMap(Lang.init(rawValue:)) else { throw UserError(.notFound, "error.404") }
        let response = req.redirect(to: localPath(req.query[String.self, at: "next"]) ?? SiteURL.home.path)
        setLanguageCookie(lang, on: response, for: req)
        return response
    }

    static func setLanguageCookie(_ lang: Lang, on response: Response, for req: Request) {
        response.cookies[Request.languageCookie] = HTTPCookies.Value(
            string: lang.rawValue, maxAge: 365 * 24 * 3600, path: "/",
            isSecure: req.application.walidata.secureCookies, isHTTPOnly: true, sameSite: .lax
        )
    }
}
