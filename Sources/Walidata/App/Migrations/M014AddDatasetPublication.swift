import Fluent
import SQLKit

/// A dataset reaches the public portal only through a publication act (step 9, or a kabid or
/// admin publishing it with a reason); its access class *terbuka* only makes it eligible.
/// Until now every terbuka dataset was public. On upgrade, those that a published announcement
/// named keep their place (that was a publication act); the others wait for one.
struct M014AddDatasetPublication: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("datasets")
            .field("published_at", .datetime)
            .update()
        try await database.schema("datasets")
            .field("published_by", .uuid)
            .update()
        guard let sql = database as? any SQLDatabase else { return }
        try await Self.keepAnnounced(on: sql)
    }

    /// Datasets that a published announcement named (and that are terbuka, not in the trash)
    /// are published as of that announcement.
    static func keepAnnounced(on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE datasets SET published_at = (
                SELECT MIN(a.published_at) FROM announcements a
                JOIN announcement_datasets ad ON ad.announcement_id = a.id
                WHERE ad.dataset_id = datasets.id AND a.published_at IS NOT NULL)
            WHERE access = 'terbuka' AND deleted_at IS NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("datasets").deleteField("published_by").update()
        try await database.schema("datasets").deleteField("published_at").update()
    }
}
