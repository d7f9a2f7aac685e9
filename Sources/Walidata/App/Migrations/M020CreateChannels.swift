import Fluent

/// Issue 10: the WhatsApp recipient list with its opt-in record, and what a delivery learned
/// from its channel (the post ID or `wamid`, the message status, the Graph error's code and
/// trace ID). SQLite adds one column per ALTER, hence one `update()` each.
struct M020CreateChannels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("whatsapp_recipients")
            .id()
            .field("name", .string, .required)
            .field("phone", .string, .required)
            .field("organization_id", .uuid, .references("organizations", "id", onDelete: .setNull))
            .field("opt_in_at", .datetime)
            .field("opt_in_method", .string, .required)
            .field("opted_out_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "phone")
            .create()
        for (name, type) in [("external_id", DatabaseSchema.DataType.string), ("message_status", .string), ("error_code", .int),
                             ("fbtrace_id", .string), ("ambiguous_at", .datetime)] {
            try await database.schema("deliveries").field(.string(name), type).update()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("whatsapp_recipients").delete()
    }
}
