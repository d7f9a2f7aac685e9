import Vapor

/// Every state-changing form carries a CSRF token in `_csrf` (or the header `X-CSRF-Token`).
/// A request without the right one gets 403 and changes nothing.
///
/// Signed in, the token is the session's (made at sign-in) and must match it. Anonymous forms
/// (the login page) use a signed double-submit token instead, so that showing them stores
/// nothing on the server: the same token goes in a cookie and in the form, and it carries its
/// own expiry and an HMAC under `app.serverSecret` (purpose `csrf-anon`). A cross-site page can
/// neither read the cookie nor forge a token the server would accept.
/// The JSON API authenticates by bearer token, not cookie, so it is not covered here.
struct CSRF: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"
    static let anonymousCookie = "walidata_csrf"
    static let anonymousPurpose = "csrf-anon"
    /// As long as an idle login may last, so a login page left open still works when it is used.
    static let anonymousLifetime: TimeInterval = Sessions.idleSeconds

    static func newToken() -> String {
        [UInt8].random(count: 24).map { String(format: "%02x", $0) }.joined()
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch request.method {
        case .GET, .HEAD, .OPTIONS:
            break
        default:
            // `hasSession` first: touching `request.session` without one would make a session row.
            let expected = request.hasSession ? request.session.data[Self.sessionKey] : nil
            var sent = request.headers.first(name: Self.headerName) ?? request.query[String.self, at: Self.fieldName]
            if sent == nil && !Self.streamsBody(request) {
                // Forms are small: read the whole body now so the field can be checked before
                // the handler runs, however the body arrived over the network.
                if request.body.data == nil { _ = try await request.body.collect(max: Self.maxFormBytes).get() }
                do {
                    sent = try request.content.get(String.self, at: Self.fieldName)
                } catch let refusal as StoredText.Refusal {
                    // Text that may not be stored elsewhere in the form is the handler's to refuse (it
                    // shows the form again); the token itself is read without that check.
                    guard request.headers.contentType == .urlEncodedForm, let body = request.body.data else { throw refusal }
                    sent = StoredText.formPairs(String(buffer: body)).first { $0.0 == Self.fieldName }?.1
                } catch {
                    sent = nil
                }
            }
            guard let sent else { throw UserError(.forbidden, "error.csrf") }
            if let expected {
                guard Self.constantTimeEqual(expected, sent) else { throw UserError(.forbidden, "error.csrf") }
            } else {
                let cookie = request.cookies[Self.anonymousCookie]?.string ?? ""
                guard Self.constantTimeEqual(cookie, sent), Self.isValidAnonymous(sent, secret: request.application.serverSecret) else {
                    throw UserError(.forbidden, "error.csrf")
                }
            }
        }
        let response = try await next.respond(to: request)
        // A page that rendered an anonymous token hands it over in the cookie, unless the browser has it.
        if let token = request.storage[AnonymousTokenKey.self], request.cookies[Self.anonymousCookie]?.string != token {
            response.cookies[Self.anonymousCookie] = HTTPCookies.Value(
                string: token, maxAge: Int(Self.anonymousLifetime), path: "/",
                isSecure: request.application.walidata.secureCookies, isHTTPOnly: true, sameSite: .lax
            )
        }
        return response
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

    struct AnonymousTokenKey: StorageKey { typealias Value = String }

    /// An anonymous token: 32 hex digits of nonce, the expiry (Unix seconds) as 16 hex digits, and
    /// the HMAC of both (64 hex digits). All hex, so it travels in a cookie, a field or a URL as is.
    static func anonymousToken(secret: ServerSecret, now: Date = Date()) -> String {
        let nonce = [UInt8].random(count: 16).map { String(format: "%02x", $0) }.joined()
        let expiry = String(format: "%016llx", UInt64(now.addingTimeInterval(anonymousLifetime).timeIntervalSince1970))
        return nonce + expiry + secret.sign(nonce + expiry, for: anonymousPurpose)
    }

    /// Whether `token` was made by `anonymousToken` with this server's secret and has not expired.
    static func isValidAnonymous(_ token: String, secret: ServerSecret, now: Date = Date()) -> Bool {
        let scalars = Array(token.unicodeScalars)
        guard scalars.count == 32 + 16 + 64 else { return false }
        let message = String(String.UnicodeScalarView(scalars[0..<48]))
        let signature = String(String.UnicodeScalarView(scalars[48...]))
        guard secret.verify(signature, of: message, for: anonymousPurpose),
              let expiry = UInt64(String(String.UnicodeScalarView(scalars[32..<48])), radix: 16) else { return false }
        return Double(expiry) > now.timeIntervalSince1970
    }
}

extension Request {
    /// The CSRF token for this request's forms: the session's when there is a session with one
    /// (signed in), else an anonymous signed token (the browser's own while it is valid).
    var csrfToken: String {
        if hasSession, let token = session.data[CSRF.sessionKey] { return token }
        if let token = storage[CSRF.AnonymousTokenKey.self] { return token }
        let secret = application.serverSecret
        // The browser's token is reused while it has an hour left, so forms in several tabs all work.
        let cookie = cookies[CSRF.anonymousCookie]?.string
        let token: String
        if let cookie, CSRF.isValidAnonymous(cookie, secret: secret, now: Date().addingTimeInterval(3600)) {
            token = cookie
        } else {
            token = CSRF.anonymousToken(secret: secret)
        }
        storage[CSRF.AnonymousTokenKey.self] = token
        return token
    }
}
