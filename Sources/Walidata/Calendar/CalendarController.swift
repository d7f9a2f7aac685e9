import Fluent
import Vapor
import WalidataCore

/// The working calendar: office hours per weekday and the non-working days. Everyone signed
/// in reads it; the admin changes it.
enum CalendarController {
    @Sendable static func show(_ req: Request) async throws -> HTML {
        let year = req.query[Int.self, at: "year"]
        let calculator = try? req.query.decode(CalculatorQuery.self)
        return try await page(req, year: year, calculator: calculator, errors: [])
    }

    static func page(_ req: Request, year: Int?, calculator: CalculatorQuery?, errors: [Problem], status: HTTPResponseStatus = .ok) async throws -> HTML {
        let hours = try await CalendarStore.hoursRows(on: req.db)
        let days = try await CalendarStore.nonWorkingDays(on: req.db)
        let years = Set(days.compactMap { Int($0.date.prefix(4)) }).sorted()
        let shownYear = year ?? years.last(where: { $0 <= currentYear() }) ?? years.last ?? currentYear()
        var result: CalendarViews.CalculatorResult?
        if let calculator, let start = calculator.startDate, let standard = TimeStandard(parsing: calculator.standard ?? "") {
            let calendar = try await CalendarStore.load(on: req.db)
            result = .init(start: start, standard: standard, due: calendar.due(from: start, adding: standard))
        }
        return await CalendarViews.page(
            req, hours: hours, days: days.filter { $0.date.hasPrefix(String(shownYear)) }, years: years,
            shownYear: shownYear, calculator: calculator, result: result, errors: errors
        )
    }

    private static func currentYear() -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DateText.officeZone
        return calendar.component(.year, from: Date())
    }

    /// `start` as `YYYY-MM-DDTHH:MM` (an `<input type=datetime-local>`), read in WIB.
    struct CalculatorQuery: Content {
        var start: String?
        var standard: String?

        var startDate: Date? {
            guard let start else { return nil }
            let parts = start.split(separator: "T")
            guard parts.count == 2, let date = LocalDate(iso: String(parts[0])) else { return nil }
            let clock = parts[1].split(separator: ":").compactMap { Int($0) }
            guard clock.count >= 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]) else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = DateText.officeZone
            return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: clock[0], minute: clock[1]))
        }
    }

    @Sendable static func updateHours(_ req: Request) async throws -> Response {
        var errors: [Problem] = []
        var parsed: [Int: (Int?, Int?)] = [:]
        for weekday in 1...7 {
            let open = (try? req.content.get(String.self, at: "start\(weekday)"))?.trimmingCharacters(in: .whitespaces) ?? ""
            let close = (try? req.content.get(String.self, at: "end\(weekday)"))?.trimmingCharacters(in: .whitespaces) ?? ""
            if open.isEmpty && close.isEmpty { parsed[weekday] = (nil, nil); continue }
            guard let hours = WorkingHours(parsing: open, close) else {
                errors.append("calendar.error.hours")
                continue
            }
            parsed[weekday] = (hours.start, hours.end)
        }
        if parsed.values.allSatisfy({ $0.0 == nil }) && errors.isEmpty { errors.append("calendar.error.no_working_day") }
        guard errors.isEmpty else {
            let html = try await page(req, year: nil, calculator: nil, errors: errors)
            return try await HTMLPage(status: .unprocessableEntity, html).encodeResponse(for: req)
        }
        let hours = parsed
        // E.g. "1 07:30-16:00; 6 -": what the week looks like after the change.
        let summary = hours.keys.sorted().map { day -> String in
            guard let open = hours[day]?.0, let close = hours[day]?.1 else { return "\(day) -" }
            return "\(day) \(DateText.clock(open))-\(DateText.clock(close))"
        }.joined(separator: "; ")
        try await EventLog.record(.init(action: "calendar.hours", note: summary), by: .init(try req.requireUser()), on: req.db) { tx in
            for (weekday, value) in hours {
                if let row = try await WorkingHoursRow.query(on: tx).filter(\.$weekday == weekday).first() {
                    row.startMinute = value.0
                    row.endMinute = value.1
                    try await row.save(on: tx)
                } else {
                    try await WorkingHoursRow(weekday: weekday, startMinute: value.0, endMinute: value.1).create(on: tx)
                }
            }
            try await CaseStore.recomputeDeadlines(on: tx)
        }
        req.flash(.ok, "calendar.hours_saved")
        return req.redirect(to: SiteURL.calendar.path)
    }

    struct DayForm: Content {
        var date: String
        var kind: String
        var description: String
    }

    @Sendable static func addDay(_ req: Request) async throws -> Response {
        let form = try req.content.decode(DayForm.self)
        var errors: [Problem] = []
        let date = LocalDate(iso: form.date.trimmingCharacters(in: .whitespaces))
        if date == nil { errors.append("calendar.error.date") }
        let kind = NonWorkingKind(rawValue: form.kind)
        if kind == nil { errors.append("calendar.error.kind") }
        let description = form.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if description.isEmpty || description.count > 200 { errors.append("calendar.error.description") }
        guard errors.isEmpty, let date, let kind else {
            let html = try await page(req, year: date?.year, calculator: nil, errors: errors)
            return try await HTMLPage(status: .unprocessableEntity, html).encodeResponse(for: req)
        }
        try await EventLog.record(.init(action: "calendar.day_add", note: description, details: ["date": date.iso, "kind": kind.rawValue]), by: .init(try req.requireUser()), on: req.db) { tx in
            try await CalendarStore.upsert(NonWorkingDay(date: date, kind: kind, description: description), on: tx)
            try await CaseStore.recomputeDeadlines(on: tx)
        }
        req.flash(.ok, "calendar.day_saved", date.iso)
        return req.redirect(to: SiteURL.calendar.path + "?year=\(date.year)")
    }

    @Sendable static func deleteDay(_ req: Request) async throws -> Response {
        guard let row = try await NonWorkingDayRow.find(try req.uuidParameter("dayID"), on: req.db) else {
            throw UserError(.notFound, "error.404")
        }
        try await EventLog.record(.init(action: "calendar.day_delete", note: row.description, details: ["date": row.date, "kind": row.kind]), by: .init(try req.requireUser()), on: req.db) { tx in
            try await row.delete(on: tx)
            try await CaseStore.recomputeDeadlines(on: tx)
        }
        req.flash(.ok, "calendar.day_deleted", row.date)
        return req.redirect(to: SiteURL.calendar.path + "?year=\(row.date.prefix(4))")
    }

    struct ImportForm: Content { var file: File }

    /// Replaces nothing: each line of the CSV adds or updates the day it names. A file with any
    /// bad line changes nothing and says which line.
    @Sendable static func importCSV(_ req: Request) async throws -> Response {
        guard let form = try? req.content.decode(ImportForm.self), form.file.data.readableBytes > 0 else {
            throw UserError(.badRequest, "calendar.error.import_empty")
        }
        let text = String(decoding: Data(buffer: form.file.data), as: UTF8.self)
        let days: [NonWorkingDay]
        do {
            days = try HolidayCSV.parse(text)
        } catch {
            throw UserError(.unprocessableEntity, "calendar.error.import", String(describing: error))
        }
        try await EventLog.record(.init(action: "calendar.import", note: String(days.count)), by: .init(try req.requireUser()), on: req.db) { tx in
            for day in days { try await CalendarStore.upsert(day, on: tx) }
            try await CaseStore.recomputeDeadlines(on: tx)
        }
        req.flash(.ok, "calendar.imported", String(days.count))
        return req.redirect(to: SiteURL.calendar.path)
    }
}
