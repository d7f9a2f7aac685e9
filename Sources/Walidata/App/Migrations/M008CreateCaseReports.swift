import Fluent

/// The outputs of SOP steps 5–8: one row per report round. Rows are added, never removed, so
/// every submission, note and decision of the check loop stays in the history.
struct M008CreateCaseReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_reports")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("round", .int, .required)
            .field("facts", .string, .required)
            .field("narrative", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("submitted_at", .datetime)
            .field("submitted_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("decision", .string)
            .field("decision_note", .string)
            .field("decided_at", .datetime)
            .field("decided_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("finalized_at", .datetime)
            .field("finalized_by", .uuid, .references("users", "id", onDelete: .setNull))
            .unique(on: "case_id", "round")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_reports").delete()
    }
}
