import Fluent
import Foundation
import SQLKit
import WalidataCore

/// Each step instance keeps the role that executes it (its lane in the case's pinned revision),
/// so "Tugas saya" is one indexed read of the open steps of a lane, soonest due first, instead
/// of every open step joined to its case and filtered by revision: at 10,000 open cases that
/// took 70 ms a page. A revision's lanes never change once cases are pinned to it, so the
/// copy cannot go stale. Rows written before are filled from each revision's definition.
struct M018AddStepLane: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_steps").field("lane", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await Self.backfill(on: sql)
        try await sql.raw("CREATE INDEX case_steps_open_lane ON case_steps (lane, due_at) WHERE completed_at IS NULL").run()
    }

    /// Fills `lane` where it is empty from the revision each case is pinned to.
    static func backfill(on sql: any SQLDatabase) async throws {
        for revision in try await sql.raw("SELECT id, definition FROM sop_revisions").all() {
            let id = try revision.decode(column: "id", as: UUID.self)
            let json = try revision.decode(column: "definition", as: String.self)
            let definition = try JSONDecoder().decode(SOPDefinition.self, from: Data(json.utf8))
            for step in definition.steps {
                try await sql.raw("""
                    UPDATE case_steps SET lane = \(bind: step.lane)
                    WHERE lane IS NULL AND step = \(bind: step.number)
                      AND case_id IN (SELECT id FROM cases WHERE sop_revision_id = \(bind: id))
                    """).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.raw("DROP INDEX case_steps_open_lane").run()
        }
        try await database.schema("case_steps").deleteField("lane").update()
    }
}
