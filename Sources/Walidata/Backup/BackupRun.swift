import Fluent
import Foundation

/// One row per day on which a server took on the daily backup. The day is unique, so when
/// several Walidata processes share PostgreSQL exactly one of them wins the insert and makes
/// the backup; the others see the conflict and skip.
final class BackupRun: Model, @unchecked Sendable {
    static let schema = "backup_runs"

    @ID(key: .id) var id: UUID?
    /// `YYYY-MM-DD` in WIB.
    @Field(key: "day") var day: String
    /// Host name and process id, for whoever wonders which server made it.
    @Field(key: "claimed_by") var claimedBy: String
    @Field(key: "claimed_at") var claimedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    @Field(key: "archive") var archive: String

    init() {}

    init(day: String, claimedBy: String, at date: Date) {
        self.day = day
        self.claimedBy = claimedBy
        claimedAt = date
        archive = ""
    }
}
