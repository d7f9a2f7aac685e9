import Fluent
import SQLKit

/// Events get the case they name as a column of their own, indexed, so a case's timeline,
/// record and storage log are an index lookup instead of a `LIKE` over every entry's JSON.
/// The column is not part of the hash: it repeats `details.case`, which the chain covers, and
/// is filled from it here for the entries written before.
struct M013AddEventCaseID: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("events").field("case_id", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await Self.backfill(on: sql)
        try await sql.raw("CREATE INDEX events_case_id ON events (case_id, seq)").run()
        // The case list's order (newest first), so a page is read from the index, not sorted.
        try await sql.raw("CREATE INDEX cases_created_at ON cases (created_at, number)").run()
    }

    /// Fills `case_id` from `details.case` where it is empty. Details are JSON with sorted keys (or
    /// empty), so `"case":"` only appears in entries that name a case; the JSON functions then
    /// read the value itself.
    static func backfill(on sql: any SQLDatabase) async throws {
        let value = sql.dialect.name == "postgresql" ? "(details::jsonb)->>'case'" : "json_extract(details, '$.case')"
        try await sql.raw("UPDATE events SET case_id = \(unsafeRaw: value) WHERE case_id IS NULL AND details LIKE '%\"case\":\"%'").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.raw("DROP INDEX cases_created_at").run()
            try await sql.raw("DROP INDEX events_case_id").run()
        }
        try await database.schema("events").deleteField("case_id").update()
    }
}
