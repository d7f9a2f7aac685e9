import Fluent
import Vapor
import WalidataCore

/// A person's notifications, callable without HTTP. A person only ever reads and marks their
/// own: another person's notification is "not found", so its existence is not revealed.
enum NotificationStore {
    /// One notification with the current state of its step, as the page and the API show it.
    struct Item: Sendable {
        var notification: UserNotification
        var caseID: UUID
        var caseTitle: String
        /// The step in the case's pinned SOP revision.
        var step: SOPStep?
        var laneName: String
        /// The step instance's due instant now (a calendar change may have moved it).
        var dueAt: Date
        var completedAt: Date?
        /// Working time past the due instant: until completion, or until now while open.
        var late: TimeInterval
        /// False when the deadline has since moved past the completion (or past now).
        var isLate: Bool
    }

    static func unreadCount(for userID: UUID, on db: any Database) async throws -> Int {
        try await UserNotification.query(on: db).filter(\.$user.$id == userID).filter(\.$readAt == nil).count()
    }

    static func totalCount(for userID: UUID, on db: any Database) async throws -> Int {
        try await UserNotification.query(on: db).filter(\.$user.$id == userID).count()
    }

    /// The user's newest notifications first (or just the one with id `only`).
    static func items(for user: User, now: Date = Date(), limit: Int = PageWindow.defaultLimit, offset: Int = 0, only: UUID? = nil, on db: any Database) async throws -> [Item] {
        var query = UserNotification.query(on: db).filter(\.$user.$id == (try user.requireID()))
        if let only { query = query.filter(\.$id == only) }
        let rows = try await query
            .with(\.$caseRecord)
            .with(\.$caseStep)
            .sort(\.$createdAt, .descending)
            .sort(\.$caseNumber, .descending)
            .sort(\.$step, .descending)
            .range(offset..<(offset + limit))
            .all()
        guard !rows.isEmpty else { return [] }
        let calendar = try await CalendarStore.load(on: db)
        var definitions = DefinitionCache()
        var items: [Item] = []
        for row in rows {
            let definition = try await definitions.definition(row.caseRecord.sopRevisionID, on: db)
            let step = definition.step(row.step)
            let instance = row.caseStep
            let end = instance.completedAt ?? now
            items.append(Item(
                notification: row, caseID: try row.caseRecord.requireID(), caseTitle: row.caseRecord.title, step: step,
                laneName: step.flatMap { definition.lane($0.lane)?.name } ?? step?.lane ?? "",
                dueAt: instance.dueAt, completedAt: instance.completedAt,
                late: calendar.workingTime(from: instance.dueAt, to: end), isLate: end > instance.dueAt))
        }
        return items
    }

    /// Marks one of the user's notifications read (again is fine); 404 for anyone else's.
    @discardableResult
    static func markRead(_ id: UUID, for user: User, at instant: Date = Date(), on db: any Database) async throws -> UserNotification {
        guard let row = try await UserNotification.query(on: db)
            .filter(\.$id == id)
            .filter(\.$user.$id == user.requireID())
            .first()
        else {
            throw UserError(.notFound, "error.404")
        }
        if row.readAt == nil {
            row.readAt = instant
            try await row.save(on: db)
        }
        return row
    }

    /// Marks every unread notification of the user read; returns how many.
    @discardableResult
    static func markAllRead(for user: User, at instant: Date = Date(), on db: any Database) async throws -> Int {
        let userID = try user.requireID()
        let unread = try await unreadCount(for: userID, on: db)
        guard unread > 0 else { return 0 }
        try await UserNotification.query(on: db)
            .filter(\.$user.$id == userID)
            .filter(\.$readAt == nil)
            .set(\.$readAt, to: instant)
            .update()
        return unread
    }
}
