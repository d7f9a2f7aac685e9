import Fluent
import Foundation
import SQLKit
import WalidataCore

/// The late-step scan: every open step instance whose due instant has passed gets one
/// `step_late` notification for each active `kasi` and `kabid`.
///
/// Only the kasi and the kabid are told, as the SOP's issue asks: they supervise the flow. The
/// step's executors are not notified, because a lane is a role rather than a person (every
/// `pengelola_ti` account would get every step 3–6 notice), and the people doing the step already
/// see it at the top of "Tugas saya", soonest due first, marked *Terlambat*.
///
/// Safe to run as often as wanted and from several processes at once: rows that exist are
/// skipped, and the insert ignores a conflict on the unique (user, kind, step instance) index,
/// so a racing scan's duplicate is dropped instead of failing. Nothing is claimed first,
/// because running the scan twice does no harm.
enum LateSteps {
    /// The roles told about every late step.
    static let watchers: [Role] = [.kasi, .kabid]

    /// Rows per INSERT statement, far below PostgreSQL's limit of 65,535 bound parameters.
    private static let batchSize = 500

    /// Creates the notifications missing at `now`; returns how many this call created.
    @discardableResult
    static func notify(at now: Date = Date(), on db: any Database) async throws -> Int {
        let late = try await CaseStep.query(on: db)
            .filter(\.$completedAt == nil)
            .filter(\.$dueAt < now)
            .with(\.$caseRecord)
            .all()
        guard !late.isEmpty else { return 0 }
        let recipients = try await User.query(on: db)
            .filter(\.$roleRaw ~~ watchers.map(\.rawValue))
            .filter(\.$active == true)
            .all()
            .compactMap(\.id)
        guard !recipients.isEmpty else { return 0 }

        let kind = UserNotification.Kind.stepLate.rawValue
        let stepIDs = late.compactMap(\.id)
        let existing = try await UserNotification.query(on: db)
            .filter(\.$kindRaw == kind)
            .filter(\.$caseStep.$id ~~ stepIDs)
            .all()
        let told = Set(existing.map { Pair(user: $0.$user.id, step: $0.$caseStep.id) })

        var rows: [[any SQLExpression]] = []
        for row in late {
            guard let stepID = row.id else { continue }
            for user in recipients where !told.contains(Pair(user: user, step: stepID)) {
                rows.append([
                    SQLBind(UUID()), SQLBind(user), SQLBind(kind), SQLBind(row.$caseRecord.id), SQLBind(stepID),
                    SQLBind(row.caseRecord.number), SQLBind(row.step), SQLBind(row.round), SQLBind(row.dueAt), SQLBind(now),
                ])
            }
        }
        guard !rows.isEmpty, let sql = db as? any SQLDatabase else { return 0 }
        var created = 0
        for start in stride(from: 0, to: rows.count, by: batchSize) {
            let inserted = try await sql.insert(into: UserNotification.schema)
                .columns("id", "user_id", "kind", "case_id", "case_step_id", "case_number", "step", "round", "due_at", "created_at")
                .rows(rows[start..<min(start + batchSize, rows.count)])
                .ignoringConflicts(with: ["user_id", "kind", "case_step_id"])
                .returning("id")
                .all()
            created += inserted.count
        }
        return created
    }

    private struct Pair: Hashable {
        var user: UUID
        var step: UUID
    }
}
