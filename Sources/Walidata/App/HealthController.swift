import Fluent
import SQLKit
import Vapor

enum HealthController {
    /// 200 when the database answers, 503 when it does not: for load balancers and monitors.
    @Sendable static func check(_ req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.serviceUnavailable) }
            try await sql.raw("SELECT 1").run()
            return Response(status: .ok, body: .init(string: "{\"status\":\"ok\"}\n"))
        } catch {
            req.logger.error("health check failed: \(String(describing: error))")
            return Response(status: .serviceUnavailable, body: .init(string: "{\"status\":\"unavailable\"}\n"))
        }
    }
}
