import Vapor
import WalidataCore

/// Who may use a route. Every route is registered with one (see `RoutesBuilder.route`), and a
/// test checks that none is missing.
enum Access: Sendable, Equatable, CustomStringConvertible {
    /// No sign-in needed: login, health, public portal.
    case anyone
    /// Any signed-in user, whatever the role.
    case signedIn
    /// Signed in with one of these roles.
    case roles(Set<Role>)

    static func only(_ roles: Role...) -> Access { .roles(Set(roles)) }

    func permits(_ user: User?) -> Bool {
        switch self {
        case .anyone: true
        case .signedIn: user != nil
        case .roles(let roles): user.map { roles.contains($0.role) } ?? false
        }
    }

    var description: String {
        switch self {
        case .anyone: "anyone"
        case .signedIn: "signed-in"
        case .roles(let roles): roles.map(\.rawValue).sorted().joined(separator: ",")
        }
    }

    static let userInfoKey = "walidata.access"
}

extension RoutesBuilder {
    /// Registers a handler behind an access check. An anonymous visitor of a page is sent to
    /// the login page (once; the login page itself is `.anyone`); a signed-in user with the
    /// wrong role gets 403 and nothing runs.
    @discardableResult
    func route<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: [PathComponent], access: Access,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let route = self.on(method, path, body: body) { request async throws -> Vapor.Response in
            guard access.permits(request.currentUser) else {
                if request.currentUser == nil {
                    if !request.isAPI && request.method == .GET {
                        return request.redirect(to: SiteURL.login(next: request.url.string).path)
                    }
                    throw UserError(.unauthorized, "error.401")
                }
                throw UserError(.forbidden, "error.403")
            }
            return try await handler(request).encodeResponse(for: request)
        }
        route.userInfo[Access.userInfoKey] = access
        return route
    }

    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., access: Access, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        route(.GET, path, access: access, use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., access: Access, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        route(.POST, path, access: access, use: handler)
    }
}
