import Fluent
import SQLKit
import Vapor
import WalidataCore

/// One line of "Tugas saya": an open step of a case that this user's role executes.
struct CaseTask: Sendable {
    var caseID: UUID
    var number: String
    var title: String
    var step: SOPStep
    var round: Int
    var openedAt: Date
    var dueAt: Date
    var status: DeadlineStatus

    /// One window of the open steps whose lane is the user's role, the soonest due first, and
    /// how many there are in all. A produsen or an admin executes no lane, so has none.
    ///
    /// Each step row carries its lane from the case's pinned revision (M018), so this is one
    /// read of the partial index of open steps (`case_steps_open_lane`) however many cases are
    /// open: reading every open step and filtering by revision cost 70 ms at 10,000 open cases.
    static func tasks(for user: User, window: PageWindow = PageWindow(), now: Date = Date(),
                      on db: any Database) async throws -> (items: [CaseTask], total: Int) {
        guard Role.executors.contains(user.role) else { return ([], 0) }
        let total = try await openCount(lane: user.roleRaw, on: db)
        let rows = total <= window.offset ? [] : try await CaseStep.query(on: db)
            .filter(\.$completedAt == nil)
            .filter(\.$lane == user.roleRaw)
            .join(Case.self, on: \CaseStep.$caseRecord.$id == \Case.$id)
            .sort(\.$dueAt)
            .sort(Case.self, \.$number)
            .range(window.range)
            .all()
        guard !rows.isEmpty else { return ([], total) }
        let calendar = try await CalendarStore.load(on: db)
        var definitions = DefinitionCache()
        var items: [CaseTask] = []
        for row in rows {
            let record = try row.joined(Case.self)
            guard let step = try await definitions.definition(record.sopRevisionID, on: db).step(row.step) else {
                throw Abort(.internalServerError, reason: "case \(record.number) has a step its revision lacks")
            }
            items.append(CaseTask(
                caseID: try record.requireID(), number: record.number, title: record.title,
                step: step, round: row.round, openedAt: row.openedAt, dueAt: row.dueAt,
                status: DeadlineStatus(of: row.instance, at: now, calendar: calendar)))
        }
        return (items, total)
    }

    /// How many steps of `lane` are open, counted from the partial index alone (`COUNT(*)`, no
    /// join: every step row has its case), where Fluent's `count()` would read each row's id.
    static func openCount(lane: String, on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else {
            return try await CaseStep.query(on: db).filter(\.$completedAt == nil).filter(\.$lane == lane).count()
        }
        let row = try await sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(CaseStep.schema)
            .where("completed_at", .is, SQLLiteral.null)
            .where("lane", .equal, lane)
            .first()
        return try row?.decode(column: "total", as: Int.self) ?? 0
    }
}
