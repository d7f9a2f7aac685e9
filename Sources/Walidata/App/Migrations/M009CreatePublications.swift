import Fluent
import SQLKit

/// SOP step 9: the announcement of a case, the datasets it concerns, and the outbox of its
/// deliveries per channel and recipient.
struct M009CreatePublications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("announcements")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("channels", .string, .required)
            .field("created_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("updated_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("updated_at", .datetime, .required)
            .field("published_at", .datetime)
            .field("published_by", .uuid, .references("users", "id", onDelete: .setNull))
            .unique(on: "case_id")
            .create()
        try await database.schema("announcement_datasets")
            .id()
            .field("announcement_id", .uuid, .required, .references("announcements", "id", onDelete: .cascade))
            .field("dataset_id", .uuid, .required, .references("datasets", "id", onDelete: .cascade))
            .unique(on: "announcement_id", "dataset_id")
            .create()
        try await database.schema("deliveries")
            .id()
            .field("announcement_id", .uuid, .required, .references("announcements", "id", onDelete: .cascade))
            .field("channel", .string, .required)
            .field("recipient", .string, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime)
            .field("last_attempt_at", .datetime)
            .field("answer", .string, .required)
            .field("claimed_by", .string)
            .field("claimed_at", .datetime)
            .field("delivered_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "announcement_id", "channel", "recipient")
            .create()
        // The sender worker's query: due rows by state and time.
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "deliveries_due").on("deliveries").column("state").column("next_attempt_at").run()
            try await sql.create(index: "announcements_published").on("announcements").column("published_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("deliveries").delete()
        try await database.schema("announcement_datasets").delete()
        try await database.schema("announcements").delete()
    }
}
