import Vapor

/// `/notifications`: the signed-in user's own notifications, newest first, and marking them read.
enum NotificationController {
    @Sendable static func list(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let window = try req.pageWindow()
        let items = try await NotificationStore.items(for: user, limit: window.limit, offset: window.offset, on: req.db)
        let userID = try user.requireID()
        let unread = try await NotificationStore.unreadCount(for: userID, on: req.db)
        let total = window.offset == 0 && items.count < window.limit ? items.count : try await NotificationStore.totalCount(for: userID, on: req.db)
        let dayLength = try await CalendarStore.load(on: req.db).usualDayLength
        return await NotificationViews.page(req, items: items, unread: unread, total: total, window: window, dayLength: dayLength)
    }

    @Sendable static func markRead(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await NotificationStore.markRead(try req.uuidParameter("notificationID"), for: user, on: req.db)
        return req.redirect(to: SiteURL.notifications.path)
    }

    @Sendable static func markAllRead(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let count = try await NotificationStore.markAllRead(for: user, on: req.db)
        req.flash(.ok, "notifications.all_read", String(count))
        return req.redirect(to: SiteURL.notifications.path)
    }
}
