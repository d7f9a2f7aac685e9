import Fluent

/// The outputs of SOP steps 1 and 2: the receipt of the berkas and the registration letter.
struct M007CreateLetters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_receipts")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("items", .string, .required)
            .field("conveyed", .string, .required)
            .field("recorded_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("recorded_at", .datetime, .required)
            .unique(on: "case_id")
            .create()
        try await database.schema("letters")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("number", .string)
            .field("place", .string, .required)
            .field("date", .datetime, .required)
            .field("nature", .string, .required)
            .field("attachment", .string, .required)
            .field("subject", .string, .required)
            .field("recipient", .string, .required)
            .field("body", .string, .required)
            .field("signer_title", .string, .required)
            .field("signer_name", .string, .required)
            .field("signer_nip", .string, .required)
            .field("copies", .string, .required)
            .field("numbered_at", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "case_id")
            .unique(on: "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("letters").delete()
        try await database.schema("case_receipts").delete()
    }
}
