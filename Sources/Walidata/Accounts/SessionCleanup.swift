import Fluent
import Foundation
import Vapor

/// Sessions end by idleness (`Sessions.idleSeconds`): a signed-in one is signed out on its next
/// request, but a session nobody comes back to (a login page opened and left, a browser closed)
/// would stay in the table for ever. Every hour the server deletes the sessions whose last sign
/// of life — "seen" for a signed-in one, "made" for any — is older than the idle limit.
enum SessionCleanup {
    static let madeKey = "made"

    /// The last time the session was used, as far as its data says; 0 when it says nothing
    /// (sessions made before this rule existed).
    static func lastActivity(_ data: SessionData) -> Double {
        [data[SessionUserMiddleware.seenKey], data[madeKey]].compactMap { $0.flatMap(Double.init) }.max() ?? 0
    }

    /// Deletes the idle sessions; returns how many.
    @discardableResult
    static func run(at now: Date, on db: any Database) async throws -> Int {
        let limit = now.timeIntervalSince1970 - Sessions.idleSeconds
        let idle = try await SessionRecord.query(on: db).all().filter { lastActivity($0.data) < limit }.compactMap(\.id)
        // In slices, so a long-neglected table does not make one enormous statement.
        for slice in stride(from: 0, to: idle.count, by: 500) {
            try await SessionRecord.query(on: db).filter(\.$id ~~ Array(idle[slice..<min(slice + 500, idle.count)])).delete()
        }
        return idle.count
    }
}

/// The hourly session cleanup inside `walidata serve`. Several processes may run it at once:
/// deleting a row twice is harmless.
final class SessionCleanupScheduler: LifecycleHandler, Sendable {
    private let background = BackgroundTask()

    func didBootAsync(_ app: Application) async throws {
        background.start { [app] in
            while !Task.isCancelled {
                do {
                    let removed = try await SessionCleanup.run(at: Date(), on: app.db)
                    if removed > 0 { app.logger.info("Sessions: \(removed) idle session(s) removed") }
                } catch {
                    app.logger.error("Session cleanup failed: \(String(describing: error))")
                }
                do { try await Task.sleep(for: .seconds(3600)) } catch { return }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        await background.stop()
    }
}
