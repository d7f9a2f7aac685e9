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
    ///
    /// The database finds the missing (person, late step) pairs itself (`NOT EXISTS` on the
    /// unique index), so a scan that has nothing new to say reads no rows: the first version
    /// read every late step and every notice already sent, each minute, which at 10,000 open
    /// cases cost the server about a second of work a scan.
    @discardableResult
    static func notify(at now: Date = Date(), on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let kind = UserNotification.Kind.stepLate.rawValue
        let missing = try await sql.raw("""
            SELECT s.id AS step_id, s.case_id, c.number, s.step, s.round, s.due_at, u.id AS user_id
            FROM case_steps s
            JOIN cases c ON c.id = s.case_id
            JOIN users u ON u.role IN (\(binds: watchers.map(\.rawValue))) AND u.active = \(bind: true)
            WHERE s.completed_at IS NULL AND s.due_at < \(bind: now)
              AND NOT EXISTS (SELECT 1 FROM notifications n
                              WHERE n.user_id = u.id AND n.kind = \(bind: kind) AND n.case_step_id = s.id)
            """).all()
        guard !missing.isEmpty else { return 0 }
        let rows: [[any SQLExpression]] = try missing.map { row in
            [
                SQLBind(UUID()), SQLBind(try row.decode(column: "user_id", as: UUID.self)), SQLBind(kind),
                SQLBind(try row.decode(column: "case_id", as: UUID.self)), SQLBind(try row.decode(column: "step_id", as: UUID.self)),
                SQLBind(try row.decode(column: "number", as: String.self)), SQLBind(try row.decode(column: "step", as: Int.self)),
                SQLBind(try row.decode(column: "round", as: Int.self)), SQLBind(try row.decode(column: "due_at", as: Date.self)),
                SQLBind(now),
            ]
        }
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
}
