import Fluent

struct M005CreateBackupRuns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("backup_runs")
            .id()
            .field("day", .string, .required)
            .field("claimed_by", .string, .required)
            .field("claimed_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("archive", .string, .required)
            .unique(on: "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("backup_runs").delete()
    }
}
