import Vapor

/// Every state-changing form carries the session's token in `_csrf` (or the header
/// `X-CSRF-Token`). A request without the right one gets 403 and changes nothing.
/// The JSON API authenticates by bearer token, not cookie, so it is not covered here.
struct CSRF: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    static func newToken() -> String {
        [UInt8].random(count: 24).map { String(format: "%02x", $0) }.joined()
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch request.method {
        case .GET, .HEAD, .OPTIONS:
            return try await next.respond(to: request)
        default:
            let expected = request.session.data[Self.sessionKey]
            var sent = request.headers.first(name: Self.headerName) ?? request.query[String.self, at: Self.fieldName]
            if sent == nil && !Self.streamsBody(request) {
                // Forms are small: read the whole body now so the field can be checked before
                // the handler runs, however the body arrived over the network.
                if request.body.data == nil { _ = try await request.body.collect(max: Self.maxFormBytes).get() }
                sent = try? request.content.get(String.self, at: Self.fieldName)
            }
            guard let expected, let sent, Self.constantTimeEqual(expected, sent) else {
                throw UserError(.forbidden, "error.csrf")
            }
            return try await next.respond(to: request)
        }
    }

    /// Uploads stream their body to disk; their token comes in the header or the query.
    static func streamsBody(_ request: Request) -> Bool {
        request.url.path.hasSuffix("/upload")
    }

    static let maxFormBytes = 4 * 1024 * 1024

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

extension Request {
    /// The session's CSRF token, made on first use.
    var csrfToken: String {
        if let token = session.data[CSRF.sessionKey] { return token }
        let token = CSRF.newToken()
        session.data[CSRF.sessionKey] = token
        return token
    }
}
