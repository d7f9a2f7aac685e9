import Fluent
import Vapor

/// `Authorization: Bearer wld_…` for the JSON API. Only the token's hash is looked up; a
/// revoked token or a deactivated user is refused like an unknown token.
struct APITokenAuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            guard bearer.token.hasPrefix(APIToken.marker),
                  let token = try await APIToken.query(on: request.db)
                      .filter(\.$tokenHash == APIToken.hash(bearer.token))
                      .filter(\.$revokedAt == nil)
                      .with(\.$user)
                      .first(),
                  token.user.active
            else {
                throw UserError(.unauthorized, "api.error.token")
            }
            request.currentUser = token.user
            // Recording use at most every five minutes keeps reads from turning into writes.
            if (token.lastUsedAt?.timeIntervalSinceNow ?? -.infinity) < -300 {
                token.lastUsedAt = Date()
                try await token.save(on: request.db)
            }
        }
        return try await next.respond(to: request)
    }
}
