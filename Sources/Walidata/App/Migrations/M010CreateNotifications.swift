import Fluent

/// In-app notifications. One row per person per thing they are told about; the unique index on
/// (user, kind, step instance) is what makes a late step notify each person once, even when two
/// server processes scan at the same moment (the losing insert is simply dropped).
struct M010CreateNotifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notifications")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("case_step_id", .uuid, .required, .references("case_steps", "id", onDelete: .cascade))
            .field("case_number", .string, .required)
            .field("step", .int, .required)
            .field("round", .int, .required)
            .field("due_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .unique(on: "user_id", "kind", "case_step_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notifications").delete()
    }
}
