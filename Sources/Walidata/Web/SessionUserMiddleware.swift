import Fluent
import Vapor

/// Loads the signed-in user from the session into the request. A deactivated account or an
/// idle session is signed out here, on its next request.
struct SessionUserMiddleware: AsyncMiddleware {
    static let userKey = "uid"
    static let seenKey = "seen"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Without a session cookie there is nobody to load, and touching `request.session`
        // would make a new session row for every visitor of the public pages.
        if request.hasSession, let raw = request.session.data[Self.userKey], let id = UUID(uuidString: raw) {
            let now = Date()
            let seen = request.session.data[Self.seenKey].flatMap(Double.init) ?? 0
            if now.timeIntervalSince1970 - seen > Sessions.idleSeconds {
                request.session.destroy()
            } else if let user = try await User.find(id, on: request.db), user.active {
                request.currentUser = user
                // Write the session back at most once a minute, not on every request.
                if now.timeIntervalSince1970 - seen > 60 {
                    request.session.data[Self.seenKey] = String(Int(now.timeIntervalSince1970))
                }
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    private struct CurrentUserKey: StorageKey { typealias Value = User }

    /// The signed-in user (web session or API token), if any.
    var currentUser: User? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    func requireUser() throws -> User {
        guard let user = currentUser else { throw UserError(.unauthorized, "error.401") }
        return user
    }

    func signIn(_ user: User) async throws {
        // A new session id at sign-in, so an id planted before it is worthless.
        if let old = session.id {
            try await application.sessions.driver.deleteSession(old, for: self).get()
            session.id = nil
        }
        var data = SessionData()
        data[SessionUserMiddleware.userKey] = try user.requireID().uuidString
        data[SessionUserMiddleware.seenKey] = String(Int(Date().timeIntervalSince1970))
        data[CSRF.sessionKey] = CSRF.newToken()
        session.data = data
        currentUser = user
    }
}
