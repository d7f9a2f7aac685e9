import Fluent
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

    /// The open steps whose lane (in each case's pinned revision) is the user's role, the
    /// soonest due first. A produsen or an admin executes no lane, so has none.
    static func tasks(for user: User, now: Date = Date(), on db: any Database) async throws -> [CaseTask] {
        guard Role.executors.contains(user.role) else { return [] }
        let rows = try await CaseStep.query(on: db).filter(\.$completedAt == nil).with(\.$caseRecord).sort(\.$dueAt).all()
        guard !rows.isEmpty else { return [] }
        let calendar = try await CalendarStore.load(on: db)
        var definitions = DefinitionCache()
        var tasks: [CaseTask] = []
        for row in rows {
            let definition = try await definitions.definition(row.caseRecord.sopRevisionID, on: db)
            guard let step = definition.step(row.step), step.lane == user.roleRaw else { continue }
            tasks.append(CaseTask(
                caseID: try row.caseRecord.requireID(), number: row.caseRecord.number, title: row.caseRecord.title,
                step: step, round: row.round, openedAt: row.openedAt, dueAt: row.dueAt,
                status: DeadlineStatus(of: row.instance, at: now, calendar: calendar)))
        }
        return tasks
    }
}
