import Vapor
import WalidataCore

enum CalendarViews {
    struct CalculatorResult {
        var start: Date
        var standard: TimeStandard
        var due: Date
    }

    static func page(
        _ req: Request, hours: [WorkingHoursRow], days: [NonWorkingDayRow], years: [Int], shownYear: Int,
        calculator: CalendarController.CalculatorQuery?, result: CalculatorResult?, errors: [Problem],
        calculatorErrors: [Problem] = [], submitted: [String: String]? = nil
    ) async -> HTML {
        let t = req.t
        let isAdmin = req.currentUser?.role == .admin
        let byWeekday = Dictionary(hours.map { ($0.weekday, $0) }, uniquingKeysWith: { a, _ in a })
        let hourRows = (1...7).map { weekday -> HTML in
            let row = byWeekday[weekday]
            let start = row?.startMinute.map(DateText.clock) ?? ""
            let end = row?.endMinute.map(DateText.clock) ?? ""
            let day = DateText.weekday(weekday, lang: t.lang)
            let opens = submitted?["start\(weekday)"] ?? start, closes = submitted?["end\(weekday)"] ?? end
            let cells: HTML = isAdmin
                ? """
                  <td><input type="text" name="start\(weekday)" value="\(opens)"\(FormField.timeAttributes(t)) aria-label="\(t("calendar.opens")) \(day)"></td>\
                  <td><input type="text" name="end\(weekday)" value="\(closes)"\(FormField.timeAttributes(t)) aria-label="\(t("calendar.closes")) \(day)"></td>
                  """
                : (start.isEmpty ? "<td colspan=\"2\" class=\"muted\">\(t("calendar.closed"))</td>" : "<td>\(start)</td><td>\(end)</td>")
            return "<tr><th scope=\"row\">\(DateText.weekday(weekday, lang: t.lang))</th>\(cells)</tr>"
        }
        let hoursTable: HTML = """
        <div class="table-wrap"><table class="list" id="hours-table">
        <thead><tr><th>\(t("calendar.weekday"))</th><th>\(t("calendar.opens"))</th><th>\(t("calendar.closes"))</th></tr></thead>
        <tbody>\(hourRows)</tbody></table></div>
        """
        let hoursSection: HTML = isAdmin
            ? "<form class=\"card\" method=\"post\" action=\"\(SiteURL.calendarHours.path)\">\(Layout.csrfField(req))\(hoursTable)<p class=\"hint\">\(t("input.time_hint")) \(t("calendar.hours_hint"))</p><div class=\"actions\"><button type=\"submit\" id=\"save-hours\">\(t("form.save"))</button></div></form>"
            : "<div class=\"card\">\(hoursTable)</div>"

        let dayRows = days.map { row -> HTML in
            let date = LocalDate(iso: row.date)
            let label = date.map { "\(DateText.weekday($0.weekday, lang: t.lang)), \(DateText.longDate(year: $0.year, month: $0.month, day: $0.day, lang: t.lang))" } ?? row.date
            let delete: HTML = isAdmin
                ? "<td><form class=\"inline\" method=\"post\" action=\"\(SiteURL.calendarDayDelete(row.id!).path)\">\(Layout.csrfField(req))<button class=\"link\" type=\"submit\">\(t("form.delete"))</button></form></td>"
                : .empty
            return "<tr><td>\(label)</td><td>\(t("calendar.kind." + row.kind))</td><td>\(row.description)</td>\(delete)</tr>"
        }
        let yearLinks = years.map { year -> HTML in
            year == shownYear ? "<strong>\(year)</strong>" : "<a href=\"\(SiteURL.calendar.path)?year=\(year)\">\(year)</a>"
        }
        let kindOptions = NonWorkingKind.allCases.map { (value: $0.rawValue, label: t("calendar.kind." + $0.rawValue)) }
        let addForm: HTML = HTML.when(isAdmin, """
        <h2>\(t("calendar.add_day"))</h2>
        <form class="card" method="post" action="\(SiteURL.calendarDays.path)">
        \(Layout.csrfField(req))
        <div class="grid2">
        <div>\(FormField.date("date", label: t("calendar.date"), value: submitted?["date"] ?? "", required: true, t: t))</div>
        <div>\(FormField.select("kind", label: t("calendar.kind"), options: kindOptions, selected: NonWorkingKind.penutupanKantor.rawValue))</div>
        </div>
        \(FormField.text("description", label: t("calendar.description"), required: true))
        <div class="actions"><button type="submit" id="add-day">\(t("calendar.add_day"))</button></div>
        </form>
        <h2>\(t("calendar.import"))</h2>
        <form class="card" method="post" action="\(SiteURL.calendarImport.path)" enctype="multipart/form-data">
        \(Layout.csrfField(req))
        \(FormField.text("file", label: t("calendar.import_file"), type: "file", required: true, hint: t("calendar.import_hint"), extra: " accept=\".csv,text/csv\""))
        <div class="actions"><button type="submit" id="import-days">\(t("calendar.import"))</button></div>
        </form>
        """)
        let calc: HTML = """
        <h2 id="calculator">\(t("calendar.calculator"))</h2>
        <form class="card" method="get" action="\(SiteURL.calendar.path)#calculator">
        <p class="hint">\(t("calendar.calculator_hint"))</p>
        \(FormField.errors(calculatorErrors, t: t))
        <div class="grid3">
        <div>\(FormField.date("start", label: t("calendar.start_date"), value: calculator?.start ?? "", required: true, t: t))</div>
        <div>\(FormField.time("time", label: t("calendar.start_time"), value: calculator?.time ?? "", required: true, t: t))</div>
        <div>\(FormField.text("standard", label: t("calendar.standard"), value: calculator?.standard ?? t("duration.hari.one", "1"), required: true, hint: t("calendar.standard_hint")))</div>
        </div>
        <div class="actions"><button type="submit" class="secondary" id="calculate">\(t("calendar.calculate"))</button></div>
        \(result.map { r -> HTML in "<p id=\"due-result\"><strong>\(t("calendar.due_result", DateText.dateTime(r.start, t: t), DurationText.standard(r.standard, t: t), DateText.dateTime(r.due, t: t)))</strong></p>" })
        </form>
        """
        let body: HTML = """
        <h1>\(t("calendar.title"))</h1>
        <p class="muted">\(t("calendar.intro"))</p>
        \(FormField.errors(errors, t: t))
        <h2>\(t("calendar.hours"))</h2>
        \(hoursSection)
        <h2>\(t("calendar.days")) \(shownYear)</h2>
        <p>\(HTML.join(yearLinks, separator: " · "))</p>
        <div class="table-wrap"><table class="list" id="days-table">
        <thead><tr><th>\(t("calendar.date"))</th><th>\(t("calendar.kind"))</th><th>\(t("calendar.description"))</th>\(HTML.when(isAdmin, "<th></th>"))</tr></thead>
        <tbody>\(dayRows)</tbody></table></div>
        \(HTML.when(days.isEmpty, "<p class=\"muted\">\(t("calendar.no_days"))</p>"))
        \(addForm)
        \(calc)
        """
        return await Layout.render(req, title: t("calendar.title"), body: body)
    }
}
