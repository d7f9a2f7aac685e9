import Fluent
import Foundation
import Vapor

/// What a password change takes away from the old password: the sessions signed in with it and,
/// on an admin's reset, the API tokens made while someone else may have known it.
enum UserSessions {
    /// Deletes every session signed in as `userID` except `keeping` (the caller's own); returns how many.
    /// Sessions keep the user id inside their data, so they are read and picked here rather than by a
    /// column: the table is small (idle sessions go every hour) and a password change is rare.
    @discardableResult
    static func end(of userID: UUID, keeping: SessionID? = nil, on db: any Database) async throws -> Int {
        let uid = userID.uuidString
        let ids = try await SessionRecord.query(on: db).all()
            .filter { $0.data[SessionUserMiddleware.userKey] == uid && $0.key != keeping }
            .compactMap(\.id)
        for slice in stride(from: 0, to: ids.count, by: 500) {
            try await SessionRecord.query(on: db).filter(\.$id ~~ Array(ids[slice..<min(slice + 500, ids.count)])).delete()
        }
        return ids.count
    }

    /// Revokes the user's API tokens that are still live; returns how many.
    @discardableResult
    static func revokeTokens(of userID: UUID, at now: Date = Date(), on db: any Database) async throws -> Int {
        let live = try await APIToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).all()
        for token in live {
            token.revokedAt = now
            try await token.save(on: db)
        }
        return live.count
    }
}
