import Vapor
import WalidataCore

/// The two forms as A4 official documents (Bahasa Indonesia whatever the reader's language).
/// A completed form prints what it was completed with; a draft prints with "DRAF" in its title.
enum SOPFormPrint {
    static func monitoring(_ req: Request, form: SOPMonitoringForm, lines: SOPMonitoringSnapshot, letterhead: Letterhead) async -> HTML {
        let t = Translator.official
        let rows = lines.rows.map { row -> HTML in
            let entry = form.entry(row.step)
            return """
            <tr><td class="num">\(row.step)</td><td>\(row.activity)</td><td>\(row.laneName)</td><td>\(DurationText.standard(row.standard, t: t))</td>\
            <td class="num">\(row.completed)</td><td>\(SOPFormViews.duration(row.median, lines, t))</td><td>\(SOPFormViews.duration(row.percentile90, lines, t))</td>\
            <td class="num">\(SOPFormViews.percent(row.onTimeShare, t))</td><td>\(row.output)<br>\(t("sopform.output_counts", String(row.completed), String(row.overdue)))</td>\
            <td>\(entry.assessment.isEmpty ? "–" : t("sopform.assessment." + entry.assessment))</td><td>\(entry.note)</td><td>\(entry.action)</td></tr>
            """
        }
        let executor = form.lane.isEmpty ? t("sopform.all_executors") : lines.rows.first?.laneName ?? form.lane
        let body: HTML = """
        <h1>\(t("sopform.monitoring.title"))\(HTML.when(form.status == .draft, " (\(t("sopform.draft_mark")))"))</h1>
        <p class="sub">\(t("sopform.print.period", SOPFormStore.periodText(form.periodFrom, form.periodTo)))</p>
        \(identity(t, [(t("sopform.sop_name"), lines.sopName), (t("sopform.sop_revision"), t("sop.revision_n", String(form.sopRevision))),
                       (t("sopform.executor"), executor), (t("sopform.print.measured"), DateText.dateTime(lines.measuredAt, t: t))]))
        <table class="doc-table" id="print-lines">
        <colgroup><col style="width:3%"><col style="width:15%"><col style="width:9%"><col style="width:6%"><col style="width:5%"><col style="width:7%"><col style="width:7%">\
        <col style="width:5%"><col style="width:12%"><col style="width:8%"><col style="width:12%"><col style="width:11%"></colgroup>
        <thead><tr><th>No</th><th>\(t("sopform.print.activity"))</th><th>\(t("sopform.executor"))</th><th>\(t("dashboard.col.standard"))</th>\
        <th>\(t("dashboard.col.completed"))</th><th>\(t("dashboard.col.median"))</th><th>\(t("dashboard.col.p90"))</th><th>\(t("dashboard.col.on_time"))</th>\
        <th>\(t("sopform.col.output"))</th><th>\(t("sopform.col.assessment"))</th><th>\(t("sopform.col.note"))</th><th>\(t("sopform.col.action"))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        <p class="foot">\(t("sopform.print.basis"))</p>
        \(await signatures(req, t: t, completedAt: form.completedAt, who: (form.monitorName, form.monitorNIP, form.monitorRole), role: t("sopform.print.monitor")))
        """
        return PrintDocument.render(req, title: t("sopform.monitoring.title"), orientation: .landscape, letterhead: letterhead, body: body)
    }

    static func evaluation(_ req: Request, evaluation: SOPEvaluation, letterhead: Letterhead) async -> HTML {
        let t = Translator.official
        let rows = SOPEvaluationCriterion.allCases.map { criterion -> HTML in
            let answer = evaluation.answer(criterion)
            return "<tr><td class=\"num\">\(criterion.rawValue)</td><td>\(criterion.indonesian)</td><td>\(answer.answer.isEmpty ? "–" : t("sopform.answer." + answer.answer))</td><td>\(answer.note)</td></tr>"
        }
        let body: HTML = """
        <h1>\(t("sopform.evaluation.title"))\(HTML.when(evaluation.status == .draft, " (\(t("sopform.draft_mark")))"))</h1>
        <p class="sub">\(t("sopform.print.period", SOPFormStore.periodText(evaluation.periodFrom, evaluation.periodTo)))</p>
        \(identity(t, [(t("sopform.sop_revision"), t("sop.revision_n", String(evaluation.sopRevision)))]))
        <table class="doc-table" id="print-criteria">
        <colgroup><col style="width:5%"><col style="width:45%"><col style="width:12%"><col style="width:38%"></colgroup>
        <thead><tr><th>No</th><th>\(t("sopform.col.criterion"))</th><th>\(t("sopform.col.answer"))</th><th>\(t("sopform.col.note"))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        <h3>\(t("sopform.recommendation"))</h3>
        <p id="print-recommendation">\(evaluation.recommendation.isEmpty ? t("sopform.no_recommendation") : evaluation.recommendation)</p>
        \(HTML.when(evaluation.revisionDraft != nil, "<p id=\"print-revision\">\(t("sopform.print.revision", String(evaluation.revisionDraft ?? 0)))</p>"))
        <p class="foot">\(t("sopform.print.basis"))</p>
        \(await signatures(req, t: t, completedAt: evaluation.completedAt, who: (evaluation.evaluatorName, evaluation.evaluatorNIP, evaluation.evaluatorRole), role: t("sopform.print.evaluator")))
        """
        return PrintDocument.render(req, title: t("sopform.evaluation.title"), orientation: .portrait, letterhead: letterhead, body: body)
    }

    private static func identity(_ t: Translator, _ pairs: [(String, String)]) -> HTML {
        let rows = pairs.map { "<tr><th style=\"width:28%\">\($0.0)</th><td>\($0.1)</td></tr>" as HTML }
        return "<table class=\"doc-table\" id=\"print-identity\" style=\"margin-bottom:8px\"><tbody>\(rows)</tbody></table>"
    }

    /// Left: the head of office who acknowledges; right: the one who filled the form, dated the
    /// day it was completed (a draft has dotted lines to fill by hand).
    private static func signatures(_ req: Request, t: Translator, completedAt: Date?, who: (name: String?, nip: String?, role: String?), role: String) async -> HTML {
        let place = ((try? await Setting.get(LetterDraft.keys.place, on: req.db)) ?? nil).flatMap { $0.isEmpty ? nil : $0 } ?? LetterDraft.defaultPlace
        let dateText: String = if let completedAt {
            { let day = WorkingCalendar.standard().localDate(of: completedAt); return DateText.longDate(year: day.year, month: day.month, day: day.day, lang: .id) }()
        } else { String(repeating: ".", count: 20) }
        let head = PrintDocument.Signer(lines: [t("record.sign.acknowledged"), t("role.kepala_dinas")], name: nil, nip: "")
        let monitor = PrintDocument.Signer(placeDate: t("record.sign.place_date", place, dateText), lines: [role, who.role.map { t("role." + $0) } ?? "\u{00A0}"],
                                           name: who.name, nip: who.nip ?? "", id: "signer")
        return PrintDocument.signatures(head, monitor, id: "form-signers")
    }
}
