import Fluent

struct M003CreateCalendar: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("working_hours")
            .id()
            .field("weekday", .int, .required)
            .field("start_minute", .int)
            .field("end_minute", .int)
            .unique(on: "weekday")
            .create()
        try await database.schema("non_working_days")
            .id()
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "date")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("non_working_days").delete()
        try await database.schema("working_hours").delete()
    }
}
