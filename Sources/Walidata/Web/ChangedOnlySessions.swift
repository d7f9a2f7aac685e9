import Vapor

/// Fluent's session driver writes the session row back on every request that has one. This
/// wrapper writes only when the data changed (sign-in, a CSRF token made, a message set, the
/// "last seen" time moved on, at most once a minute), so reading pages costs no database write.
struct ChangedOnlySessions: SessionDriver {
    let base: any SessionDriver

    private struct ReadKey: StorageKey { typealias Value = [String: String] }

    /// A new session notes when it was made, so `SessionCleanup` can remove it once idle.
    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        var data = data
        data[SessionCleanup.madeKey] = String(Int(Date().timeIntervalSince1970))
        return base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        base.readSession(sessionID, for: request).map { data in
            if let data { request.storage[ReadKey.self] = data.snapshot }
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[ReadKey.self] == data.snapshot {
            return request.eventLoop.makeSucceededFuture(sessionID)
        }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
