import Vapor
import WalidataCore

/// The case pages: the list, the request form, and one case with its steps and history.
enum CaseViews {
    /// "Permohonan" for everyone; "Tugas saya" for the roles that execute steps.
    static func navItems(for user: User) -> [(id: String, url: SiteURL, key: String)] {
        var items: [(id: String, url: SiteURL, key: String)] = [("nav-cases", .cases, "nav.cases")]
        if Role.executors.contains(user.role) { items.append(("nav-tasks", .tasks, "nav.tasks")) }
        return items
    }

    static func list(_ req: Request, user: User, cases: [Case], state: Case.State?, page: Pager) async -> HTML {
        let t = req.t
        let rows = cases.map { record -> HTML in
            """
            <tr><td><a href="\(SiteURL.caseDetail(record.id!).path)">\(record.number)</a></td><td>\(record.title)</td>\
            <td>\(record.organization.name)</td><td>\(t("cases.kind." + record.kindRaw))</td>\
            <td>\(t("cases.state." + record.stateRaw))</td><td>\(DateText.dateTime(record.createdAt, t: t))</td></tr>
            """
        }
        let filters = [(nil, "cases.filter.all"), (Case.State.open, "cases.filter.open"), (Case.State.closed, "cases.filter.closed")].map { option -> HTML in
            let url = SiteURL.cases.path + (option.0.map { "?state=" + $0.rawValue } ?? "")
            return "<a href=\"\(url)\"\(HTML.when(option.0 == state, " aria-current=\"true\""))>\(t(option.1))</a>"
        }
        let canStart = CasePolicy.mayStart(user)
        let body: HTML = """
        <h1>\(t("cases.title"))</h1>
        <p class="muted">\(t(user.role == .produsen ? "cases.intro_produsen" : "cases.intro_office"))</p>
        \(HTML.when(canStart, "<p><a class=\"button\" id=\"new-case\" href=\"\(SiteURL.caseNew.path)\">\(t("cases.new"))</a></p>"))
        <p id="case-filter">\(HTML.join(filters, separator: " · "))</p>
        <div class="table-wrap"><table class="list" id="cases-table">
        <thead><tr><th>\(t("cases.number"))</th><th>\(t("cases.field.title"))</th><th>\(t("users.organization"))</th><th>\(t("cases.field.kind"))</th><th>\(t("cases.state"))</th><th>\(t("cases.col.created_at"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(page.html(req, id: "cases-pager"))
        \(HTML.when(cases.isEmpty, "<p class=\"muted\">\(t("cases.empty"))</p>"))
        """
        return await Layout.render(req, title: t("cases.title"), body: body)
    }

    static func form(_ req: Request, user: User, form: CaseForm, organizations: [Organization], datasets: [Dataset], problems: [Problem]) async -> HTML {
        let t = req.t
        let kinds = Case.Kind.allCases.map { (value: $0.rawValue, label: t("cases.kind." + $0.rawValue)) }
        let office: HTML = HTML.when(user.role != .produsen, """
        \(FormField.select("organizationID", label: t("users.organization"), options: organizations.map { (value: $0.id!.uuidString, label: $0.name) }, selected: form.organizationID))
        \(FormField.text("requesterName", label: t("cases.field.requester"), value: form.requesterName ?? "", required: true, hint: t("cases.field.requester_hint")))
        """)
        let chosen = Set(form.datasetIDs ?? [])
        let boxes = datasets.map { dataset -> HTML in
            let id = dataset.id!.uuidString
            return "<label class=\"check\"><input type=\"checkbox\" name=\"datasetIDs[]\" value=\"\(id)\"\(HTML.when(chosen.contains(id), " checked"))> \(dataset.title) <span class=\"muted\">(\(dataset.organization.code))</span></label>"
        }
        let body: HTML = """
        <h1>\(t("cases.new"))</h1>
        \(FormField.errors(problems, t: t))
        <form method="post" action="\(SiteURL.caseNew.path)" class="card" id="case-form">
        \(Layout.csrfField(req))
        \(office)
        \(FormField.select("kind", label: t("cases.field.kind"), options: kinds, selected: form.kind))
        \(FormField.text("title", label: t("cases.field.title"), value: form.title ?? "", required: true))
        \(FormField.textarea("description", label: t("cases.field.description"), value: form.description ?? "", rows: 4))
        <fieldset><legend>\(t("cases.field.datasets"))</legend>\(boxes)\(HTML.when(datasets.isEmpty, "<p class=\"muted\">\(t("cases.no_datasets"))</p>"))</fieldset>
        <p><button type="submit">\(t(user.role == .produsen ? "cases.submit" : "cases.register"))</button></p>
        </form>
        """
        return await Layout.render(req, title: t("cases.new"), body: body)
    }

    /// A refused step-8 save: the text typed and why it was refused, shown again in the card.
    struct FinalRetry {
        var text: String
        var message: String
    }

    /// One case: its summary, the open step's card holding what that step needs and produces,
    /// and the completed steps folded into a short history. Without script, printable.
    static func detail(
        _ req: Request, user: User, detail: CaseDetail, retry: CaseController.Retry? = nil, finalRetry: FinalRetry? = nil
    ) async -> HTML {
        let t = req.t
        let record = detail.record
        let datasets = detail.datasets.map { "<li><a href=\"\(SiteURL.dataset($0.slug).path)\">\($0.title)</a></li>" as HTML }
        let summary: HTML = """
        <div class="card" id="case-summary-card"><table class="meta stack" id="case-summary">
        <tr><th>\(t("cases.number"))</th><td id="case-number">\(record.number)</td></tr>
        <tr><th>\(t("cases.field.kind"))</th><td>\(t("cases.kind." + record.kindRaw))</td></tr>
        <tr><th>\(t("users.organization"))</th><td>\(detail.organization.name)</td></tr>
        <tr><th>\(t("cases.field.requester"))</th><td>\(record.requesterName)\(detail.name(record.registeredBy).map { " · " + t("cases.registered_by", $0) })</td></tr>
        <tr><th>\(t("cases.field.description"))</th><td>\(record.description.isEmpty ? "–" : record.description)</td></tr>
        <tr><th>\(t("cases.field.datasets"))</th><td>\(datasets.isEmpty ? "–" : "<ul>\(datasets)</ul>" as HTML)</td></tr>
        <tr><th>\(t("cases.state"))</th><td id="case-state">\(t("cases.state." + record.stateRaw))\(record.closedAt.map { " · " + DateText.dateTime($0, t: t) })</td></tr>
        <tr><th>\(t("cases.revision"))</th><td><a href="\(SiteURL.sopRevision(detail.revisionNumber).path)">\(t("cases.revision_n", String(detail.revisionNumber)))</a></td></tr>
        </table></div>
        """
        // Steps 6–7 show the last round in the card; the history folds the others.
        let shownRound = [6, 7].contains(detail.openStep?.step ?? 0) ? detail.reports.last?.round : nil
        let body: HTML = """
        <h1>\(t("cases.case_title", record.number)): \(record.title)</h1>
        \(current(req, user: user, detail: detail, retry: retry, finalRetry: finalRetry))
        \(HTML.when(detail.openStep == nil, PublicationViews.card(req, user: user, detail: detail)))
        \(summary)
        \(CaseHistoryViews.card(req, user: user, detail: detail, shownRound: shownRound))
        """
        return await Layout.render(req, title: record.number, body: body)
    }

    /// The open step's card: who does it and by when, what it works on, and (for them) the
    /// form that completes it, beside the work or, for wide tables, below it.
    private static func current(_ req: Request, user: User, detail: CaseDetail, retry: CaseController.Retry?, finalRetry: FinalRetry?) -> HTML {
        let t = req.t
        guard let open = detail.openStep, let step = detail.definition.step(open.step) else {
            return "<div class=\"card\" id=\"current-step\"><p>\(t("cases.closed_note"))</p></div>"
        }
        let lane = detail.definition.lane(step.lane)?.name ?? step.lane
        let work = CaseStepCards.work(req, user: user, detail: detail, finalRetry: finalRetry)
        let action: HTML = detail.canAct(user)
            ? work.side + CaseStepViews.completeForm(req, user: user, detail: detail, step: step, lane: lane, retry: retry)
            : work.side + "<p class=\"muted\" id=\"step-waiting\">\(t("casePage.waiting_for", lane))</p>"
        return """
        <div class="card current-step" id="current-step">
        <h2>\(t("cases.current_step", String(step.number))): \(t.lang == .en && !step.activityEnglish.isEmpty ? step.activityEnglish : step.activity)</h2>
        <p>\(t("cases.executor", lane)) · \(t("cases.output", step.output)) · \(t("cases.time_standard", DurationText.standard(step.time, t: t)))</p>
        <p>\(t("cases.due", DateText.dateTime(open.dueAt, t: t))) \(CaseStepViews.badge(t, detail.status(of: open)))</p>
        <div class="step-work\(work.stacked ? " stacked" : "")">
        <div class="step-main" id="step-main">\(work.main)</div>
        <div class="step-action" id="step-action">\(action)</div>
        </div>
        </div>
        """
    }
}
