import Vapor

/// A method the API does not serve on a path it does serve is 405 with an `Allow` header (RFC
/// 9110 §15.5.6), not 404: a script that sent `PATCH` where `PUT` is meant learns which methods
/// exist instead of concluding the case is gone. Only under `/api/v1`; pages keep their 404 page.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as any AbortError where error.status == .notFound && request.url.path.hasPrefix("/api/v1/") {
            let allowed = Self.methods(serving: request.url.path, in: request.application.routes.all)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .allow, value: allowed.sorted().joined(separator: ", "))
            throw Abort(.methodNotAllowed, headers: headers)
        }
    }

    /// The methods of the routes whose path matches `path` (parameters match any one segment).
    static func methods(serving path: String, in routes: [Route]) -> Set<String> {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var methods = Set<String>()
        for route in routes where matches(route.path, segments) { methods.insert(route.method.rawValue) }
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        for (index, component) in pattern.enumerated() {
            switch component {
            case .catchall: return segments.count > index
            case .constant(let value): guard index < segments.count, segments[index] == value else { return false }
            case .parameter, .anything: guard index < segments.count else { return false }
            }
        }
        return pattern.count == segments.count
    }
}
