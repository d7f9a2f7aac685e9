import Fluent

/// Issue 12: the SOP's own monitoring and evaluation forms (Permenpan RB 35/2012). A form's
/// answers are JSON (one entry per step, or per criterion); a completed monitoring form also
/// keeps the figures it was completed with (`snapshot`), so its print never changes.
struct M024CreateSOPForms: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sop_monitoring_forms")
            .id()
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("lane", .string, .required)
            .field("sop_revision", .int, .required)
            .field("status", .string, .required)
            .field("entries", .string, .required)
            .field("snapshot", .string)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("completed_by", .uuid, .references("users", "id"))
            .field("completed_at", .datetime)
            .field("monitor_name", .string)
            .field("monitor_nip", .string)
            .field("monitor_role", .string)
            .create()
        try await database.schema("sop_evaluations")
            .id()
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("sop_revision", .int, .required)
            .field("status", .string, .required)
            .field("answers", .string, .required)
            .field("recommendation", .string, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("completed_by", .uuid, .references("users", "id"))
            .field("completed_at", .datetime)
            .field("evaluator_name", .string)
            .field("evaluator_nip", .string)
            .field("evaluator_role", .string)
            .field("revision_draft", .int)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sop_evaluations").delete()
        try await database.schema("sop_monitoring_forms").delete()
    }
}
