import Fluent
import Vapor
import WalidataCore

/// The working calendar: office hours per weekday and the non-working days. Everyone signed
/// in reads it; the admin changes it.
enum CalendarController {
    @Sendable static func show(_ req: Request) async throws -> HTML {
        let year = req.query[Int.self, at: "year"]
        // Any of the calculator's fields makes it a question to answer, or to explain.
        let calculator = (try? req.query.decode(CalculatorQuery.self)).flatMap { q in
            [q.start, q.time, q.standard].contains { $0 != nil } ? q : nil
        }
        return try await page(req, year: year, calculator: calculator, errors: [])
    }

    static func page(_ req: Request, year: Int?, calculator: CalculatorQuery?, errors: [Problem], submitted: [String: String]? = nil) async throws -> HTML {
        let hours = try await CalendarStore.hoursRows(on: req.db)
        let days = try await CalendarStore.nonWorkingDays(on: req.db)
        let years = Set(days.compactMap { Int($0.date.prefix(4)) }).sorted()
        let shownYear = year ?? years.last(where: { $0 <= currentYear() }) ?? years.last ?? currentYear()
        var result: CalendarViews.CalculatorResult?
        var calculatorErrors: [Problem] = []
        if let calculator {
            switch calculator.read() {
            case .success(let (start, standard)):
                let calendar = try await CalendarStore.load(on: req.db)
                result = .init(start: start, standard: standard, due: calendar.due(from: start, adding: standard))
            case .failure(let problems):
                calculatorErrors = problems.problems
            }
        }
        return await CalendarViews.page(
            req, hours: hours, days: days.filter { $0.date.hasPrefix(String(shownYear)) }, years: years,
            shownYear: shownYear, calculator: calculator, result: result, errors: errors,
            calculatorErrors: calculatorErrors, submitted: submitted
        )
    }

    private static func currentYear() -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DateText.officeZone
        return calendar.component(.year, from: Date())
    }

    /// The deadline calculator's question: `start` a day as `YYYY-MM-DD`, `time` as `HH:MM`
    /// (both read in WIB), `standard` as a time standard (`2 hari`, `3 hours`).
    struct CalculatorQuery: Content {
        var start: String?
        var time: String?
        var standard: String?

        struct Problems: Error { var problems: [Problem] }

        /// The start instant and the standard, or every field that cannot be read, each with a
        /// message naming the format it needs.
        func read() -> Result<(Date, TimeStandard), Problems> {
            var problems: [Problem] = []
            let dateText = (start ?? "").trimmingCharacters(in: .whitespaces)
            let timeText = (time ?? "").trimmingCharacters(in: .whitespaces)
            let standardText = (standard ?? "").trimmingCharacters(in: .whitespaces)
            if dateText.isEmpty || timeText.isEmpty { problems.append("calendar.error.start_missing") }
            let date = DateTimeInput.date(dateText)
            if !dateText.isEmpty && date == nil { problems.append(Problem("input.error.date", dateText)) }
            let minute = DateTimeInput.minute(timeText)
            if !timeText.isEmpty && minute == nil { problems.append(Problem("input.error.time", timeText)) }
            let parsed = TimeStandard(parsing: standardText)
            if parsed == nil { problems.append(Problem("calendar.error.standard", standardText)) }
            guard problems.isEmpty, let date, let minute, let parsed else { return .failure(Problems(problems: problems)) }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = DateText.officeZone
            let instant = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: minute / 60, minute: minute % 60))!
            return .success((instant, parsed))
        }
    }

    @Sendable static func updateHours(_ req: Request) async throws -> Response {
        var errors: [Problem] = []
        var parsed: [Int: (Int?, Int?)] = [:]
        var submitted: [String: String] = [:]
        for weekday in 1...7 {
            let open = (try? req.content.get(String.self, at: "start\(weekday)"))?.trimmingCharacters(in: .whitespaces) ?? ""
            let close = (try? req.content.get(String.self, at: "end\(weekday)"))?.trimmingCharacters(in: .whitespaces) ?? ""
            submitted["start\(weekday)"] = open
            submitted["end\(weekday)"] = close
            if open.isEmpty && close.isEmpty { parsed[weekday] = (nil, nil); continue }
            // Exactly HH:MM, as the fields show; a bad time is named, not lumped with the rest.
            let start = DateTimeInput.minute(open), end = DateTimeInput.minute(close, allowMidnightEnd: true)
            for (text, minute) in [(open, start), (close, end)] where minute == nil {
                let problem = Problem("input.error.time", text)
                if !errors.contains(problem) { errors.append(problem) }
            }
            guard let start, let end else { continue }
            guard let hours = WorkingHours(start: start, end: end) else {
                if !errors.contains("calendar.error.hours") { errors.append("calendar.error.hours") }
                continue
            }
            parsed[weekday] = (hours.start, hours.end)
        }
        if parsed.values.allSatisfy({ $0.0 == nil }) && errors.isEmpty { errors.append("calendar.error.no_working_day") }
        guard errors.isEmpty else {
            let html = try await page(req, year: nil, calculator: nil, errors: errors, submitted: submitted)
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
        let date = DateTimeInput.date(form.date)
        if date == nil { errors.append(Problem("input.error.date", form.date.trimmingCharacters(in: .whitespaces))) }
        let kind = NonWorkingKind(rawValue: form.kind)
        if kind == nil { errors.append("calendar.error.kind") }
        let description = form.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if description.isEmpty || description.count > 200 { errors.append("calendar.error.description") }
        guard errors.isEmpty, let date, let kind else {
            let html = try await page(req, year: date?.year, calculator: nil, errors: errors, submitted: ["date": form.date])
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
