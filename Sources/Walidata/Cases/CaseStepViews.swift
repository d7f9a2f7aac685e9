import Vapor
import WalidataCore

/// The parts of the case page about steps: the deadline badge, the table of step instances,
/// the history, and the completion form.
enum CaseStepViews {
    static func badge(_ t: Translator, _ status: DeadlineStatus) -> HTML {
        "<span class=\"badge badge-\(status.rawValue)\">\(t("cases.status." + status.rawValue))</span>"
    }

    static func stepName(_ t: Translator, _ step: SOPStep?) -> String {
        guard let step else { return "" }
        return t.lang == .en && !step.activityEnglish.isEmpty ? step.activityEnglish : step.activity
    }

    static func stepTable(_ t: Translator, detail: CaseDetail) -> HTML {
        let rows = detail.steps.map { row -> HTML in
            let step = detail.definition.step(row.step)
            let who = [detail.name(row.completedBy), row.completedRole.map { t("role." + $0) }].compactMap { $0 }.joined(separator: " · ")
            let outcome = row.outcome.map { t("cases.outcome." + $0) } ?? ""
            return """
            <tr><td>\(row.step)</td><td>\(row.round)</td><td>\(stepName(t, step))</td>\
            <td>\(DateText.dateTime(row.openedAt, t: t))</td><td>\(DateText.dateTime(row.dueAt, t: t))</td>\
            <td>\(DateText.dateTime(row.completedAt, t: t))</td><td>\(who)</td><td>\(outcome)\(row.note.map { ": " + $0 })</td>\
            <td>\(badge(t, detail.status(of: row)))</td></tr>
            """
        }
        return """
        <h2>\(t("cases.steps"))</h2>
        <div class="table-wrap"><table class="list" id="case-steps">
        <thead><tr><th>\(t("cases.col.step"))</th><th>\(t("cases.col.round"))</th><th>\(t("cases.col.activity"))</th><th>\(t("cases.col.opened"))</th><th>\(t("cases.col.due"))</th><th>\(t("cases.col.completed"))</th><th>\(t("cases.col.by"))</th><th>\(t("cases.col.outcome"))</th><th>\(t("cases.col.status"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    static func timeline(_ t: Translator, detail: CaseDetail) -> HTML {
        let items = detail.timeline.map { entry -> HTML in
            let who = [entry.actor, entry.role.map { t("role." + $0.rawValue) }].compactMap { $0 }.joined(separator: " · ")
            return """
            <li><time>\(DateText.dateTime(entry.at, t: t))</time> \(t("cases.timeline." + entry.kind.rawValue, String(entry.step), String(entry.round)))\
            \(who.isEmpty ? "" : " (" + who + ")")\(entry.section.map { " — " + t("record.note_section", t("record.section." + $0)) })\(entry.note.map { " — " + $0 })\(entry.overrideReason.map { " — " + t("cases.override_reason_shown", $0) })</li>
            """
        }
        return "<h2>\(t("cases.timeline"))</h2><ol class=\"timeline\" id=\"case-timeline\">\(items)</ol>"
    }

    static func completeForm(_ req: Request, user: User, detail: CaseDetail, step: SOPStep, lane: String, retry: CaseController.Retry? = nil) -> HTML {
        let t = req.t
        let sent = retry?.form
        let chosen = sent?.decision?.lowercased()
        let decision: HTML = HTML.when(step.kind == .decision, """
        <fieldset><legend>\(t("cases.decision"))</legend>
        <label class="check"><input type="radio" name="decision" value="ya" required\(HTML.when(chosen == "ya", " checked"))> \(t("cases.decision.ya"))</label>
        <label class="check"><input type="radio" name="decision" value="tidak"\(HTML.when(chosen == "tidak", " checked"))> \(t("cases.decision.tidak"))</label>
        </fieldset>
        """)
        let override: HTML = HTML.when(user.roleRaw != step.lane, FormField.textarea(
            "overrideReason", label: t("cases.override_reason"), value: sent?.overrideReason ?? "", rows: 2, hint: t("cases.override_hint", lane)))
        let refusal: HTML = retry.map { "<p class=\"flash flash-error\" role=\"alert\" id=\"complete-error\">\($0.message)</p>" } ?? .empty
        return """
        <form method="post" action="\(SiteURL.caseStepComplete(detail.record.id!, step.number).path)" id="complete-step">
        \(Layout.csrfField(req))
        \(refusal)
        \(decision)
        \(HTML.when(step.kind == .decision, FormField.select(
            "section", label: t("record.section_field"), options: ReportSection.allCases.map { ($0.rawValue, t("record.section." + $0.rawValue)) },
            selected: sent?.section ?? ReportSection.general.rawValue, hint: t("record.section_field_hint"))))
        \(HTML.when(step.number == 1, LetterViews.checklistFields(t, detail.checklist, ticked: Set(sent?.checklist ?? []), conveyed: sent?.conveyed ?? "")))
        \(HTML.when(step.number == 9, PublicationViews.fields(t, detail: detail)))
        \(FormField.textarea("note", label: t("cases.note"), value: sent?.note ?? "", rows: 3, hint: t(step.kind == .decision ? "cases.note_hint_decision" : "cases.note_hint")))
        \(override)
        <p>\(HTML.when(step.number == 9, PublicationViews.saveButton(t, detail: detail) + " "))<button type="submit" id="complete-button">\(t(step.number == 9 ? "publication.publish" : "cases.complete"))</button></p>
        </form>
        """
    }

    /// "Tugas saya": on the home page and at /tasks.
    static func tasks(_ t: Translator, _ tasks: [CaseTask]) -> HTML {
        let rows = tasks.map { task -> HTML in
            """
            <tr><td><a href="\(SiteURL.caseDetail(task.caseID).path)">\(task.number)</a></td><td>\(task.title)</td>\
            <td>\(t("sop.step_n", String(task.step.number)))\(task.round > 1 ? " (" + t("cases.round_n", String(task.round)) + ")" : ""): \(stepName(t, task.step))</td>\
            <td>\(DateText.dateTime(task.dueAt, t: t))</td><td>\(badge(t, task.status))</td></tr>
            """
        }
        guard !tasks.isEmpty else { return "<p class=\"muted\" id=\"no-tasks\">\(t("tasks.empty"))</p>" }
        return """
        <div class="table-wrap"><table class="list" id="tasks-table">
        <thead><tr><th>\(t("cases.number"))</th><th>\(t("cases.field.title"))</th><th>\(t("cases.col.step"))</th><th>\(t("cases.col.due"))</th><th>\(t("cases.col.status"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }
}
