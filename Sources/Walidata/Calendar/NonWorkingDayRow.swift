import Fluent
import Foundation

/// A national holiday, cuti bersama or one-off office closure. `date` is `YYYY-MM-DD` in the
/// office's zone, so it is the same on SQLite and PostgreSQL.
final class NonWorkingDayRow: Model, @unchecked Sendable {
    static let schema = "non_working_days"

    @ID(key: .id) var id: UUID?
    @Field(key: "date") var date: String
    @Field(key: "kind") var kind: String
    @Field(key: "description") var description: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(date: String, kind: String, description: String) {
        self.date = date
        self.kind = kind
        self.description = description
    }
}
