import Vapor
import WalidataCore

/// The screens of the monitoring and evaluation forms. What a user may do is asked of
/// `SOPFormPolicy`, so a page never offers what the server would refuse.
enum SOPFormViews {
    static func list(_ req: Request, monitorings: [SOPMonitoringForm], evaluations: [SOPEvaluation], lanes: [SOPLane]) async -> HTML {
        let t = req.t
        let user = req.currentUser
        let laneNames = Dictionary(lanes.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let openForms: HTML = HTML.when(SOPFormPolicy.may(.create, user), """
        <div class="tiles">
        <form method="post" action="\(SiteURL.sopMonitoringNew.path)" class="card period" id="open-monitoring">\(Layout.csrfField(req))
        <h2>\(t("sopform.monitoring.open"))</h2>
        <div><label for="m-from">\(t("dashboard.from"))</label><input type="text" id="m-from" name="from" value=""\(FormField.dateAttributes(t))></div>
        <div><label for="m-to">\(t("dashboard.to"))</label><input type="text" id="m-to" name="to" value=""\(FormField.dateAttributes(t))></div>
        <div><label for="m-lane">\(t("sopform.executor"))</label><select id="m-lane" name="lane"><option value="">\(t("sopform.all_executors"))</option>\
        \(lanes.map { "<option value=\"\($0.code)\">\($0.name)</option>" as HTML })</select></div>
        <p class="hint">\(t("sopform.period_hint"))</p>
        <div><button type="submit">\(t("sopform.monitoring.open_button"))</button></div>
        </form>
        <form method="post" action="\(SiteURL.sopEvaluationNew.path)" class="card period" id="open-evaluation">\(Layout.csrfField(req))
        <h2>\(t("sopform.evaluation.open"))</h2>
        <div><label for="e-from">\(t("dashboard.from"))</label><input type="text" id="e-from" name="from" value=""\(FormField.dateAttributes(t))></div>
        <div><label for="e-to">\(t("dashboard.to"))</label><input type="text" id="e-to" name="to" value=""\(FormField.dateAttributes(t))></div>
        <p class="hint">\(t("sopform.period_hint"))</p>
        <div><button type="submit">\(t("sopform.evaluation.open_button"))</button></div>
        </form>
        </div>
        """)
        let monitoringRows = monitorings.map { form -> HTML in
            """
            <tr>\(cell(t("sopform.col.period"), "<a href=\"\(SiteURL.sopMonitoring(form.id!).path)\">\(SOPFormStore.periodText(form.periodFrom, form.periodTo, lang: t.lang))</a>"))\
            \(cell(t("sopform.executor"), "\(form.lane.isEmpty ? t("sopform.all_executors") : laneNames[form.lane] ?? form.lane)"))\
            \(cell(t("sopform.col.status"), status(t, form.status)))\(cell(t("sopform.col.completed_by"), "\(form.monitorName ?? "–")"))</tr>
            """
        }
        let evaluationRows = evaluations.map { evaluation -> HTML in
            """
            <tr>\(cell(t("sopform.col.period"), "<a href=\"\(SiteURL.sopEvaluation(evaluation.id!).path)\">\(SOPFormStore.periodText(evaluation.periodFrom, evaluation.periodTo, lang: t.lang))</a>"))\
            \(cell(t("sopform.col.status"), status(t, evaluation.status)))\(cell(t("sopform.col.completed_by"), "\(evaluation.evaluatorName ?? "–")"))\
            \(cell(t("sopform.col.revision"), evaluation.revisionDraft.map { "<a href=\"\(SiteURL.sopRevision($0).path)\">\(t("sop.revision_n", String($0)))</a>" as HTML } ?? "–"))</tr>
            """
        }
        let body: HTML = """
        <h1>\(t("sopform.title"))</h1>
        <p class="muted">\(t("sopform.intro"))</p>
        \(openForms)
        <h2>\(t("sopform.monitoring.list"))</h2>
        \(monitorings.isEmpty ? "<p class=\"muted\" id=\"monitoring-empty\">\(t("sopform.monitoring.empty"))</p>" as HTML : """
        <div class="table-wrap"><table class="list stack" id="monitoring-forms"><thead><tr><th>\(t("sopform.col.period"))</th><th>\(t("sopform.executor"))</th>\
        <th>\(t("sopform.col.status"))</th><th>\(t("sopform.col.completed_by"))</th></tr></thead><tbody>\(monitoringRows)</tbody></table></div>
        """)
        <h2>\(t("sopform.evaluation.list"))</h2>
        \(evaluations.isEmpty ? "<p class=\"muted\" id=\"evaluation-empty\">\(t("sopform.evaluation.empty"))</p>" as HTML : """
        <div class="table-wrap"><table class="list stack" id="evaluations"><thead><tr><th>\(t("sopform.col.period"))</th><th>\(t("sopform.col.status"))</th>\
        <th>\(t("sopform.col.completed_by"))</th><th>\(t("sopform.col.revision"))</th></tr></thead><tbody>\(evaluationRows)</tbody></table></div>
        """)
        """
        return await Layout.render(req, title: t("sopform.title"), body: body)
    }

    static func monitoring(_ req: Request, form: SOPMonitoringForm, lines: SOPMonitoringSnapshot, problems: [Problem] = []) async -> HTML {
        let t = req.t
        let editable = SOPFormPolicy.may(.edit, req.currentUser, status: form.status)
        let id = form.id!
        let rows = lines.rows.map { row -> HTML in
            let entry = form.entry(row.step)
            let judged: HTML = editable ? """
            <select name="a\(row.step)" id="a\(row.step)" aria-label="\(t("sopform.col.assessment"))">\
            \(SOPStepAssessment.allCases.map { option in "<option value=\"\(option.rawValue)\"\(HTML.when(entry.assessment == option.rawValue, " selected"))>\(t("sopform.assessment." + option.rawValue))</option>" as HTML })</select>\
            \(HTML.when(entry.assessment != row.suggested.rawValue, "<br><span class=\"hint\">\(t("sopform.suggested", t("sopform.assessment." + row.suggested.rawValue)))</span>"))
            """ : "\(entry.assessment.isEmpty ? "–" : t("sopform.assessment." + entry.assessment))"
            let note: HTML = editable
                ? "<textarea name=\"n\(row.step)\" rows=\"2\" aria-label=\"\(t("sopform.col.note"))\">\(entry.note)</textarea>"
                : "\(entry.note)"
            let action: HTML = editable
                ? "<textarea name=\"x\(row.step)\" rows=\"2\" aria-label=\"\(t("sopform.col.action"))\">\(entry.action)</textarea>"
                : "\(entry.action)"
            return """
            <tr id="line-\(row.step)">\(cell(t("dashboard.col.step"), "\(row.step)"))\(cell(t("dashboard.col.activity"), "\(row.activity)<br><span class=\"muted\">\(row.laneName)</span>"))\
            \(cell(t("dashboard.col.standard"), "\(DurationText.standard(row.standard, t: t))", "dur"))\(cell(t("dashboard.col.completed"), "\(row.completed)", "num"))\
            \(cell(t("dashboard.col.median"), "\(duration(row.median, lines, t))", "dur"))\(cell(t("dashboard.col.p90"), "\(duration(row.percentile90, lines, t))", "dur"))\
            \(cell(t("dashboard.col.on_time"), "\(percent(row.onTimeShare, t))", "num"))\
            \(cell(t("sopform.col.output"), "\(row.output)<br><span class=\"muted\">\(t("sopform.output_counts", String(row.completed), String(row.overdue)))</span>"))\
            \(cell(t("sopform.col.assessment"), judged))\(cell(t("sopform.col.note"), note))\(cell(t("sopform.col.action"), action))</tr>
            """
        }
        let table: HTML = """
        <div class="table-wrap"><table class="list stack" id="monitoring-lines">
        <thead><tr><th>\(t("dashboard.col.step"))</th><th>\(t("dashboard.col.activity"))</th><th>\(t("dashboard.col.standard"))</th><th class="num">\(t("dashboard.col.completed"))</th>\
        <th>\(t("dashboard.col.median"))</th><th>\(t("dashboard.col.p90"))</th><th class="num">\(t("dashboard.col.on_time"))</th><th>\(t("sopform.col.output"))</th>\
        <th>\(t("sopform.col.assessment"))</th><th>\(t("sopform.col.note"))</th><th>\(t("sopform.col.action"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
        let content: HTML = editable ? """
        <form method="post" action="\(SiteURL.sopMonitoring(id).path)" id="monitoring-form">\(Layout.csrfField(req))
        \(table)
        <p class="hint">\(t("sopform.monitoring.complete_hint"))</p>
        <div class="actions"><button type="submit" id="save-form">\(t("form.save"))</button>\
        <button type="submit" class="secondary" name="complete" value="1" id="complete-form">\(t("sopform.complete_button"))</button></div>
        </form>
        """ : table
        let body: HTML = """
        <p><a href="\(SiteURL.sopForms.path)">← \(t("sopform.title"))</a></p>
        <h1>\(t("sopform.monitoring.title"))</h1>
        \(FormField.errors(problems, t: t))
        <dl class="meta" id="form-meta">
        <dt>\(t("sopform.sop_name"))</dt><dd>\(lines.sopName) · \(t("sop.revision_n", String(form.sopRevision)))</dd>
        <dt>\(t("sopform.col.period"))</dt><dd>\(SOPFormStore.periodText(form.periodFrom, form.periodTo, lang: t.lang))</dd>
        <dt>\(t("sopform.executor"))</dt><dd>\(form.lane.isEmpty ? t("sopform.all_executors") : lines.rows.first?.laneName ?? form.lane)</dd>
        <dt>\(t("sopform.col.status"))</dt><dd id="form-status">\(status(t, form.status))\(form.completedAt.map { " · " + DateText.dateTime($0, t: t) + " · " + (form.monitorName ?? "") } ?? "")</dd>
        </dl>
        <p class="muted">\(form.status == .completed ? t("sopform.monitoring.frozen", DateText.dateTime(lines.measuredAt, t: t)) : t("sopform.monitoring.live"))</p>
        \(content)
        <p class="actions"><a class="button secondary" id="print-form" href="\(SiteURL.sopMonitoringPrint(id).path)">\(t("sopform.print"))</a>\
        <a class="button secondary" id="xlsx-form" href="\(SiteURL.sopMonitoringXlsx(id).path)">\(t("sopform.xlsx"))</a></p>
        """
        return await Layout.render(req, title: t("sopform.monitoring.title"), body: body)
    }

    static func evaluation(_ req: Request, evaluation: SOPEvaluation, problems: [Problem] = []) async -> HTML {
        let t = req.t
        let user = req.currentUser
        let editable = SOPFormPolicy.may(.edit, user, status: evaluation.status)
        let id = evaluation.id!
        let rows = SOPEvaluationCriterion.allCases.map { criterion -> HTML in
            let answer = evaluation.answer(criterion)
            let n = criterion.rawValue
            let choice: HTML = editable ? """
            <select name="a\(n)" id="a\(n)" aria-label="\(t("sopform.col.answer"))"><option value="">–</option>\
            \(["ya", "tidak"].map { "<option value=\"\($0)\"\(HTML.when(answer.answer == $0, " selected"))>\(t("sopform.answer." + $0))</option>" as HTML })</select>
            """ : "\(answer.answer.isEmpty ? "–" : t("sopform.answer." + answer.answer))"
            let note: HTML = editable
                ? "<textarea name=\"n\(n)\" rows=\"2\" aria-label=\"\(t("sopform.col.note"))\">\(answer.note)</textarea>" : "\(answer.note)"
            return """
            <tr id="criterion-\(n)">\(cell(t("sopform.col.no"), "\(n)"))\(cell(t("sopform.col.criterion"), "\(t.lang == .id ? criterion.indonesian : criterion.english)"))\
            \(cell(t("sopform.col.answer"), choice))\(cell(t("sopform.col.note"), note))</tr>
            """
        }
        let table: HTML = """
        <div class="table-wrap"><table class="list stack" id="evaluation-criteria">
        <thead><tr><th>\(t("sopform.col.no"))</th><th>\(t("sopform.col.criterion"))</th><th>\(t("sopform.col.answer"))</th><th>\(t("sopform.col.note"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
        let content: HTML = editable ? """
        <form method="post" action="\(SiteURL.sopEvaluation(id).path)" id="evaluation-form">\(Layout.csrfField(req))
        \(table)
        <div class="fields"><label for="recommendation">\(t("sopform.recommendation"))</label>\
        <textarea id="recommendation" name="recommendation" rows="4">\(evaluation.recommendation)</textarea>\
        <p class="hint">\(t("sopform.recommendation_hint"))</p></div>
        <p class="hint">\(t("sopform.evaluation.complete_hint"))</p>
        <div class="actions"><button type="submit" id="save-form">\(t("form.save"))</button>\
        <button type="submit" class="secondary" name="complete" value="1" id="complete-form">\(t("sopform.complete_button"))</button></div>
        </form>
        """ : """
        \(table)
        <h2>\(t("sopform.recommendation"))</h2><p id="recommendation-text">\(evaluation.recommendation.isEmpty ? t("sopform.no_recommendation") : evaluation.recommendation)</p>
        """
        let revision: HTML
        if let draft = evaluation.revisionDraft {
            revision = "<p id=\"revision-link\">\(t("sopform.revision_started")) <a href=\"\(SiteURL.sopRevision(draft).path)\">\(t("sop.revision_n", String(draft)))</a></p>"
        } else if SOPFormPolicy.may(.startRevision, user, status: evaluation.status) {
            revision = """
            <form method="post" action="\(SiteURL.sopEvaluationRevision(id).path)" class="card" id="start-revision">\(Layout.csrfField(req))
            <p>\(t("sopform.revision_explain"))</p><button type="submit">\(t("sopform.revision_button"))</button></form>
            """
        } else { revision = .empty }
        let body: HTML = """
        <p><a href="\(SiteURL.sopForms.path)">← \(t("sopform.title"))</a></p>
        <h1>\(t("sopform.evaluation.title"))</h1>
        \(FormField.errors(problems, t: t))
        <dl class="meta" id="form-meta">
        <dt>\(t("sopform.col.period"))</dt><dd>\(SOPFormStore.periodText(evaluation.periodFrom, evaluation.periodTo, lang: t.lang))</dd>
        <dt>\(t("sopform.sop_revision"))</dt><dd>\(t("sop.revision_n", String(evaluation.sopRevision)))</dd>
        <dt>\(t("sopform.col.status"))</dt><dd id="form-status">\(status(t, evaluation.status))\(evaluation.completedAt.map { " · " + DateText.dateTime($0, t: t) + " · " + (evaluation.evaluatorName ?? "") } ?? "")</dd>
        </dl>
        \(content)
        \(revision)
        <p class="actions"><a class="button secondary" id="print-form" href="\(SiteURL.sopEvaluationPrint(id).path)">\(t("sopform.print"))</a>\
        <a class="button secondary" id="xlsx-form" href="\(SiteURL.sopEvaluationXlsx(id).path)">\(t("sopform.xlsx"))</a></p>
        """
        return await Layout.render(req, title: t("sopform.evaluation.title"), body: body)
    }

    static func status(_ t: Translator, _ status: SOPFormStatus) -> HTML {
        "<span class=\"badge\(status == .completed ? " ok" : "")\">\(t("sopform.status." + status.rawValue))</span>"
    }

    static func percent(_ share: Double?, _ t: Translator) -> String {
        share.map { t("dashboard.percent", String(DashboardCSV.percent($0))) } ?? "–"
    }

    static func duration(_ seconds: Double?, _ lines: SOPMonitoringSnapshot, _ t: Translator) -> String {
        seconds.map { DurationText.working($0, dayLength: lines.dayLength, t: t) } ?? "–"
    }

    private static func cell(_ label: String, _ content: HTML, _ kind: String? = nil) -> HTML {
        "<td data-label=\"\(label)\"\(kind.map { " class=\"\($0)\"" as HTML })>\(content)</td>"
    }
}
