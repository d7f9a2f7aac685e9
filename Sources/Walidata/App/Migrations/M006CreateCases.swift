import Fluent

/// Cases (permohonan pengelolaan data), their step instances, the datasets they concern, and
/// the counters registration numbers are drawn from.
struct M006CreateCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cases")
            .id()
            .field("number", .string, .required)
            .field("kind", .string, .required)
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .restrict))
            .field("requested_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("registered_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("requester_name", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("sop_revision_id", .uuid, .required, .references("sop_revisions", "id", onDelete: .restrict))
            .field("state", .string, .required)
            .field("created_at", .datetime, .required)
            .field("closed_at", .datetime)
            .unique(on: "number")
            .create()
        try await database.schema("case_datasets")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("dataset_id", .uuid, .required, .references("datasets", "id", onDelete: .cascade))
            .unique(on: "case_id", "dataset_id")
            .create()
        try await database.schema("case_steps")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("step", .int, .required)
            .field("round", .int, .required)
            .field("opened_at", .datetime, .required)
            .field("due_at", .datetime, .required)
            .field("completed_at", .datetime)
            .field("completed_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("completed_role", .string)
            .field("outcome", .string)
            .field("note", .string)
            .field("override_reason", .string)
            .unique(on: "case_id", "step", "round")
            .unique(on: "case_id", "position")
            .create()
        try await database.schema("counters")
            .field("key", .string, .identifier(auto: false))
            .field("value", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("counters").delete()
        try await database.schema("case_steps").delete()
        try await database.schema("case_datasets").delete()
        try await database.schema("cases").delete()
    }
}
