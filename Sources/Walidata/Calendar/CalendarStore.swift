import Fluent
import Vapor
import WalidataCore

/// Reads and changes the office's working calendar. Everything that computes a deadline
/// asks `load` for the calendar as it is now.
enum CalendarStore {
    static let timeZoneKey = "calendar.time_zone"
    static let defaultTimeZone = "Asia/Jakarta"

    static func load(on db: any Database) async throws -> WorkingCalendar {
        let zoneID = try await Setting.get(timeZoneKey, on: db) ?? defaultTimeZone
        var calendar = WorkingCalendar.standard(nonWorkingDays: try await nonWorkingDays(on: db).compactMap(\.day))
        calendar.timeZone = TimeZone(identifier: zoneID) ?? DateText.officeZone
        var hours: [Int: WorkingHours] = [:]
        for row in try await WorkingHoursRow.query(on: db).all() {
            if let start = row.startMinute, let end = row.endMinute, end > start {
                hours[row.weekday] = WorkingHours(start: start, end: end)
            }
        }
        calendar.hours = hours
        return calendar
    }

    static func hoursRows(on db: any Database) async throws -> [WorkingHoursRow] {
        try await WorkingHoursRow.query(on: db).sort(\.$weekday).all()
    }

    static func nonWorkingDays(on db: any Database) async throws -> [NonWorkingDayRow] {
        try await NonWorkingDayRow.query(on: db).sort(\.$date).all()
    }

    /// Adds or replaces the entry for that date.
    static func upsert(_ day: NonWorkingDay, on db: any Database) async throws {
        if let row = try await NonWorkingDayRow.query(on: db).filter(\.$date == day.date.iso).first() {
            row.kind = day.kind.rawValue
            row.description = day.description
            try await row.save(on: db)
        } else {
            try await NonWorkingDayRow(date: day.date.iso, kind: day.kind.rawValue, description: day.description).create(on: db)
        }
    }
}

extension NonWorkingDayRow {
    var day: NonWorkingDay? {
        guard let date = LocalDate(iso: date), let kind = NonWorkingKind(rawValue: kind) else { return nil }
        return NonWorkingDay(date: date, kind: kind, description: description)
    }
}
