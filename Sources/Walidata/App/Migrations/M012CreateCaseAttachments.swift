import Fluent

/// Files a requester hands over with a request (lampiran permohonan). The file itself lives in
/// the blob store like every upload; the row says whose case it belongs to, who brought it, and,
/// once the IT officer took it in at step 3 or 4, which dataset version it became.
struct M012CreateCaseAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_attachments")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("blob_hash", .string, .required)
            .field("filename", .string, .required)
            .field("media_type", .string, .required)
            .field("size", .int64, .required)
            .field("note", .string, .required)
            .field("uploaded_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("uploaded_at", .datetime, .required)
            // Purging a dataset (admin, after the trash period) removes its versions; the
            // attachment then simply reads as not stored.
            .field("version_id", .uuid, .references("dataset_versions", "id", onDelete: .setNull))
            .field("stored_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("stored_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_attachments").delete()
    }
}
