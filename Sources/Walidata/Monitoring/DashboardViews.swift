import Vapor
import WalidataCore

/// The monitoring dashboard: open cases by step, late steps now, and each step's working time
/// over a period against its time standard.
enum DashboardViews {
    static func navItems(for user: User) -> [(id: String, url: SiteURL, key: String)] {
        OfficePolicy.may(.dashboard, user) ? [("nav-dashboard", .dashboard, "nav.dashboard")] : []
    }

    static func page(_ req: Request, _ d: Dashboard, query: DashboardController.PeriodQuery, problem: Problem?) async -> HTML {
        let t = req.t
        let body: HTML = """
        <h1>\(t("dashboard.title"))</h1>
        <p class="muted">\(t("dashboard.intro", DurationText.working(d.dayLength, dayLength: 86_400, t: t), DateText.dateTime(d.now, t: t)))</p>
        <div class="tiles">
        <p class="tile" id="open-count"><strong>\(d.openCaseCount)</strong> \(t("dashboard.tile.open"))</p>
        <p class="tile\(d.late.isEmpty ? "" : " tile-late")" id="late-count"><strong>\(d.late.count)</strong> \(t("dashboard.tile.late"))</p>
        </div>
        \(openSection(t, d))
        \(lateSection(t, d))
        \(periodSection(req, d, query: query, problem: problem))
        <p><a class="button secondary" id="sop-forms-link" href="\(SiteURL.sopForms.path)">\(t("nav.sop_forms"))</a> <span class="hint">\(t("sopform.monitoring.list")) · \(t("sopform.evaluation.list"))</span></p>
        """
        return await Layout.render(req, title: t("dashboard.title"), body: body)
    }

    private static func openSection(_ t: Translator, _ d: Dashboard) -> HTML {
        let rows = d.openByStep.map { entry -> HTML in
            let links = entry.cases.map { "<a href=\"\(SiteURL.caseDetail($0.id).path)\">\($0.number)</a>" as HTML }
            return """
            <tr>\(cell(t("dashboard.col.step"), "\(entry.step)"))\(cell(t("dashboard.col.activity"), "\(CaseStepViews.stepName(t, entry.sopStep))"))\
            \(cell(t("dashboard.col.cases"), "\(entry.cases.count)", "num"))\
            \(cell(t("dashboard.col.which"), "<details><summary>\(t("dashboard.show_cases"))</summary>\(HTML.join(links, separator: ", "))</details>"))</tr>
            """
        }
        guard !d.openByStep.isEmpty else {
            return "<h2>\(t("dashboard.open.title"))</h2><p class=\"muted\" id=\"open-empty\">\(t("dashboard.open.empty"))</p>"
        }
        return """
        <h2>\(t("dashboard.open.title"))</h2>
        <div class="table-wrap"><table class="list stack" id="open-by-step">
        <thead><tr><th>\(t("dashboard.col.step"))</th><th>\(t("dashboard.col.activity"))</th><th class="num">\(t("dashboard.col.cases"))</th><th>\(t("dashboard.col.which"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    private static func lateSection(_ t: Translator, _ d: Dashboard) -> HTML {
        guard !d.late.isEmpty else {
            return "<h2>\(t("dashboard.late.title"))</h2><p class=\"muted\" id=\"late-empty\">\(t("dashboard.late.empty"))</p>"
        }
        let rows = d.late.map { late -> HTML in
            """
            <tr>\(cell(t("cases.number"), "<a href=\"\(SiteURL.caseDetail(late.caseID).path)\">\(late.number)</a> <span class=\"muted\">\(late.title)</span>", "case"))\
            \(cell(t("dashboard.col.step"), "\(t("sop.step_n", String(late.step)))\(late.round > 1 ? " (" + t("cases.round_n", String(late.round)) + ")" : ""): \(CaseStepViews.stepName(t, late.sopStep))"))\
            \(cell(t("dashboard.col.executor"), "\(late.laneName)"))\(cell(t("cases.col.due"), "\(DateText.dateTime(late.dueAt, t: t))"))\
            \(cell(t("dashboard.col.late_by"), "\(DurationText.working(late.late, dayLength: d.dayLength, t: t))", "late-by"))</tr>
            """
        }
        return """
        <h2>\(t("dashboard.late.title"))</h2>
        <div class="table-wrap"><table class="list stack" id="late-steps">
        <thead><tr><th>\(t("cases.number"))</th><th>\(t("dashboard.col.step"))</th><th>\(t("dashboard.col.executor"))</th><th>\(t("cases.col.due"))</th><th>\(t("dashboard.col.late_by"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    private static func periodSection(_ req: Request, _ d: Dashboard, query: DashboardController.PeriodQuery, problem: Problem?) -> HTML {
        let t = req.t
        let from = problem == nil ? d.period.from.iso : query.from ?? ""
        let to = problem == nil ? d.period.to.iso : query.to ?? ""
        let form: HTML = """
        <form method="get" action="\(SiteURL.dashboard.path)" class="card period" id="period-form">
        <div><label for="from">\(t("dashboard.from"))</label><input type="text" id="from" name="from" value="\(from)"\(FormField.dateAttributes(t))></div>
        <div><label for="to">\(t("dashboard.to"))</label><input type="text" id="to" name="to" value="\(to)"\(FormField.dateAttributes(t))></div>
        <div><button type="submit">\(t("dashboard.show"))</button></div>
        <p class="hint">\(t("dashboard.period_hint"))</p>
        </form>
        """
        guard problem == nil else {
            return """
            <h2 id="period">\(t("dashboard.steps.title"))</h2>
            \(FormField.errors(problem.map { [$0] } ?? [], t: t))
            \(form)
            """
        }
        let csvURL = SiteURL.dashboardCSV.path + "?from=\(d.period.from.iso)&to=\(d.period.to.iso)"
        let rows = d.steps.map { row -> HTML in
            let s = row.statistics
            return """
            <tr id="step-row-\(row.step.number)">\(cell(t("dashboard.col.step"), "\(row.step.number)"))\(cell(t("dashboard.col.activity"), "\(CaseStepViews.stepName(t, row.step))"))\
            \(cell(t("dashboard.col.standard"), "\(DurationText.standard(row.step.time, t: t))", "dur"))\(cell(t("dashboard.col.completed"), "\(s.count)", "num"))\
            \(cell(t("dashboard.col.median"), "\(duration(s.median, d, t))", "dur"))\(cell(t("dashboard.col.p90"), "\(duration(s.percentile90, d, t))", "dur"))\
            \(cell(t("dashboard.col.on_time"), "\(s.onTimeShare.map { t("dashboard.percent", String(DashboardCSV.percent($0))) } ?? "–")", "num"))</tr>
            """
        }
        return """
        <h2 id="period">\(t("dashboard.steps.title"))</h2>
        \(form)
        <p id="period-text">\(t("dashboard.period", DateText.longDate(year: d.period.from.year, month: d.period.from.month, day: d.period.from.day, lang: t.lang), DateText.longDate(year: d.period.to.year, month: d.period.to.month, day: d.period.to.day, lang: t.lang)))</p>
        <div class="table-wrap"><table class="list stack" id="step-times">
        <thead><tr><th>\(t("dashboard.col.step"))</th><th>\(t("dashboard.col.activity"))</th><th>\(t("dashboard.col.standard"))</th><th class="num">\(t("dashboard.col.completed"))</th><th>\(t("dashboard.col.median"))</th><th>\(t("dashboard.col.p90"))</th><th class="num">\(t("dashboard.col.on_time"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        <p class="hint">\(t("dashboard.steps.hint"))</p>
        <p><a class="button secondary" id="download-csv" href="\(csvURL)">\(t("dashboard.download_csv"))</a>
        <a class="button secondary" id="download-xlsx" href="\(SiteURL.dashboardXlsx.path)?from=\(d.period.from.iso)&to=\(d.period.to.iso)">\(t("xlsxout.download"))</a></p>
        """
    }

    /// A cell that carries its column's name, so on a phone each row reads as a small card.
    private static func cell(_ label: String, _ content: HTML, _ kind: String? = nil) -> HTML {
        "<td data-label=\"\(label)\"\(kind.map { " class=\"\($0)\"" as HTML })>\(content)</td>"
    }

    private static func duration(_ seconds: TimeInterval?, _ d: Dashboard, _ t: Translator) -> String {
        seconds.map { DurationText.working($0, dayLength: d.dayLength, t: t) } ?? "–"
    }
}
