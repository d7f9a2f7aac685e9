import Fluent
import Vapor
import WalidataCore

/// `/api/v1/notifications` and `/api/v1/dashboard`: the same as the pages, as JSON. Durations
/// are working seconds; dates ISO 8601.
enum MonitoringAPI {
    struct NotificationOut: Content {
        var id: UUID
        var kind: String
        var caseID: UUID
        var caseNumber: String
        var caseTitle: String
        var step: Int
        var round: Int
        var activity: String
        var lane: String
        /// The step instance's due instant now.
        var dueAt: Date
        var completedAt: Date?
        /// Working seconds past the due instant (until completion, or until now).
        var lateSeconds: Double
        var late: Bool
        var createdAt: Date
        var readAt: Date?

        init(_ item: NotificationStore.Item) throws {
            let n = item.notification
            id = try n.requireID()
            kind = n.kindRaw
            caseID = item.caseID
            caseNumber = n.caseNumber
            caseTitle = item.caseTitle
            step = n.step
            round = n.round
            activity = item.step?.activity ?? ""
            lane = item.step?.lane ?? ""
            dueAt = item.dueAt
            completedAt = item.completedAt
            lateSeconds = item.late
            late = item.isLate
            createdAt = n.createdAt
            readAt = n.readAt
        }
    }

    /// A page of notifications (`?limit=&offset=`, like every list) and the unread count.
    struct NotificationList: Content {
        var items: [NotificationOut]
        var count: Int
        var total: Int
        var limit: Int
        var offset: Int
        var unread: Int
    }

    struct ReadAllOut: Content {
        var marked: Int
    }

    struct DashboardOut: Content {
        struct OpenStep: Content {
            var step: Int
            var activity: String
            var count: Int
            var cases: [String]
        }
        struct LateStep: Content {
            var caseID: UUID
            var number: String
            var title: String
            var step: Int
            var round: Int
            var activity: String
            var lane: String
            var dueAt: Date
            var lateSeconds: Double
        }
        struct StepTime: Content {
            var step: Int
            var activity: String
            var standard: String
            var completed: Int
            var medianSeconds: Double?
            var percentile90Seconds: Double?
            var onTimeShare: Double?
        }
        var from: String
        var to: String
        var generatedAt: Date
        var openByStep: [OpenStep]
        var late: [LateStep]
        var steps: [StepTime]

        init(_ d: Dashboard) {
            from = d.period.from.iso
            to = d.period.to.iso
            generatedAt = d.now
            openByStep = d.openByStep.map { .init(step: $0.step, activity: $0.sopStep?.activity ?? "", count: $0.cases.count, cases: $0.cases.map(\.number)) }
            late = d.late.map {
                .init(caseID: $0.caseID, number: $0.number, title: $0.title, step: $0.step, round: $0.round, activity: $0.sopStep?.activity ?? "",
                      lane: $0.lane, dueAt: $0.dueAt, lateSeconds: $0.late)
            }
            steps = d.steps.map {
                .init(step: $0.step.number, activity: $0.step.activity, standard: $0.step.time.text, completed: $0.statistics.count,
                      medianSeconds: $0.statistics.median, percentile90Seconds: $0.statistics.percentile90, onTimeShare: $0.statistics.onTimeShare)
            }
        }
    }

    @Sendable static func notifications(_ req: Request) async throws -> NotificationList {
        let user = try req.requireUser()
        let window = try req.pageWindow()
        let items = try await NotificationStore.items(for: user, limit: window.limit, offset: window.offset, on: req.db).map(NotificationOut.init)
        let userID = try user.requireID()
        return NotificationList(
            items: items, count: items.count, total: try await NotificationStore.totalCount(for: userID, on: req.db),
            limit: window.limit, offset: window.offset, unread: try await NotificationStore.unreadCount(for: userID, on: req.db))
    }

    @Sendable static func markRead(_ req: Request) async throws -> NotificationOut {
        let user = try req.requireUser()
        let id = try req.uuidParameter("notificationID")
        try await NotificationStore.markRead(id, for: user, on: req.db)
        guard let item = try await NotificationStore.items(for: user, only: id, on: req.db).first else {
            throw UserError(.notFound, "error.404")
        }
        return try NotificationOut(item)
    }

    @Sendable static func markAllRead(_ req: Request) async throws -> ReadAllOut {
        ReadAllOut(marked: try await NotificationStore.markAllRead(for: try req.requireUser(), on: req.db))
    }

    @Sendable static func dashboard(_ req: Request) async throws -> DashboardOut {
        let query = try req.query.decode(DashboardController.PeriodQuery.self)
        let now = Date()
        let period = try DashboardPeriod.parse(from: query.from, to: query.to, now: now, calendar: try await CalendarStore.load(on: req.db))
        return DashboardOut(try await Dashboard.load(period: period, now: now, on: req.db))
    }
}
