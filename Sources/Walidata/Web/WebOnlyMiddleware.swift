import Vapor

/// Runs the web stack (session, signed-in user, CSRF check) for pages, and skips it for the
/// JSON API, the stylesheet, the icon and the health check, which never use cookies. Being global, it
/// also covers 404 pages, so they show the user's navigation.
struct WebOnlyMiddleware: AsyncMiddleware {
    let chain: [any Middleware]

    init(_ chain: [any Middleware]) { self.chain = chain }

    static func isWebPath(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path.hasPrefix("/static/") || path.hasPrefix("/webhooks/") || path == "/healthz" || path == "/favicon.ico")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.isWebPath(request.url.path) else {
            return try await next.respond(to: request)
        }
        request.hasWebSession = true
        return try await chain.makeResponder(chainingTo: next).respond(to: request).get()
    }
}

extension Array where Element == any Middleware {
    fileprivate func makeResponder(chainingTo responder: any AsyncResponder) -> any Responder {
        var responder: any Responder = responder
        for middleware in reversed() {
            responder = middleware.makeResponder(chainingTo: responder)
        }
        return responder
    }
}

extension Request {
    private struct WebSessionKey: StorageKey { typealias Value = Bool }

    /// Whether the session middleware runs for this request, so `session` may be used.
    var hasWebSession: Bool {
        get { storage[WebSessionKey.self] ?? false }
        set { storage[WebSessionKey.self] = newValue }
    }
}
