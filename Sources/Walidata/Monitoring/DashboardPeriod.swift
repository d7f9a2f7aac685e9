import Foundation
import WalidataCore

/// The days a dashboard's step table covers, both ends included, in office time. Read from
/// `from` and `to` (`YYYY-MM-DD`, what a date input sends); without them, the current month in
/// the calendar's zone (WIB).
struct DashboardPeriod: Sendable, Equatable {
    var from: LocalDate
    var to: LocalDate

    /// The longest period asked for at once; the table reads every completion in it.
    static let maxDays = 3660

    /// The month `now` falls in, on the office's calendar.
    static func month(of now: Date, calendar: WorkingCalendar) -> DashboardPeriod {
        let today = calendar.localDate(of: now)
        return DashboardPeriod(
            from: LocalDate(year: today.year, month: today.month, day: 1)!,
            to: LocalDate(year: today.year, month: today.month, day: LocalDate.daysInMonth(year: today.year, month: today.month))!)
    }

    /// A date that cannot be read is a 400 naming it; a period that ends before it starts, or
    /// is longer than ten years, is a 422. An empty or missing end takes the current month's.
    static func parse(from rawFrom: String?, to rawTo: String?, now: Date, calendar: WorkingCalendar) throws -> DashboardPeriod {
        let month = month(of: now, calendar: calendar)
        func date(_ raw: String?, default value: LocalDate) throws -> LocalDate {
            let text = raw?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !text.isEmpty else { return value }
            guard let date = LocalDate(iso: text) else { throw UserError(.badRequest, "dashboard.error.date", text) }
            return date
        }
        let period = DashboardPeriod(from: try date(rawFrom, default: month.from), to: try date(rawTo, default: month.to))
        guard period.from <= period.to else {
            throw UserError(.unprocessableEntity, "dashboard.error.order", period.from.iso, period.to.iso)
        }
        guard period.from.days(to: period.to) < maxDays else { throw UserError(.unprocessableEntity, "dashboard.error.too_long") }
        return period
    }

    /// `[from 00:00, day after to 00:00)` in the calendar's zone.
    func interval(calendar: WorkingCalendar) -> (start: Date, end: Date) {
        (calendar.instant(on: from, minute: 0), calendar.instant(on: to.adding(days: 1), minute: 0))
    }
}
