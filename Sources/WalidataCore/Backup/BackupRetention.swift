import Foundation

/// Which backup archives to keep: the newest archive of each of the last `daily` days that have
/// a backup, and the newest of each of the last `weekly` ISO weeks that have one, in the
/// office's zone. Days and weeks are counted among those that *have* archives (as restic and
/// borg do), so a server that was off for a month does not wake up and delete every old
/// backup because none of them falls in "the last 7 calendar days".
public struct BackupRetention: Sendable, Equatable {
    public var daily: Int
    public var weekly: Int

    public init(daily: Int = 7, weekly: Int = 4) {
        self.daily = daily
        self.weekly = weekly
    }

    /// The names of the archives to keep. Everything not returned may be deleted. Ties on the
    /// same instant are broken by name so the result does not depend on the input order.
    public func keep<Name: Hashable & Comparable>(_ archives: [(name: Name, date: Date)], zone: TimeZone) -> Set<Name> {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = zone
        let newestFirst = archives.sorted { $0.date != $1.date ? $0.date > $1.date : $0.name > $1.name }
        var kept = Set<Name>()
        var days = Set<DateComponents>()
        var weeks = Set<DateComponents>()
        for archive in newestFirst {
            let day = calendar.dateComponents([.year, .month, .day], from: archive.date)
            if days.count < daily, days.insert(day).inserted { kept.insert(archive.name) }
            let week = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: archive.date)
            if weeks.count < weekly, weeks.insert(week).inserted { kept.insert(archive.name) }
        }
        return kept
    }
}
