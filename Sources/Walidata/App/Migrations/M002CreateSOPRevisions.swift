import Fluent

struct M002CreateSOPRevisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sop_revisions")
            .id()
            .field("number", .int, .required)
            .field("status", .string, .required)
            .field("definition", .string, .required)
            .field("change_note", .string, .required)
            .field("created_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .field("approved_at", .datetime)
            .field("approved_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("approver_name", .string)
            .field("approver_nip", .string)
            .unique(on: "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sop_revisions").delete()
    }
}
