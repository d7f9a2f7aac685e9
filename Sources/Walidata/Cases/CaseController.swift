import Fluent
import Vapor
import WalidataCore

/// The case pages: list, new request, one case, completing its open step, and "Tugas saya".
enum CaseController {
    /// `?state=open|closed`; absent means all. Another value is a 400, not a silently full list.
    static func stateFilter(_ req: Request) throws -> Case.State? {
        guard let raw = req.query[String.self, at: "state"], !raw.isEmpty else { return nil }
        guard let state = Case.State(rawValue: raw) else { throw UserError(.badRequest, "cases.error.state_filter") }
        return state
    }

    @Sendable static func list(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let window = try req.pageWindow()
        let state = try stateFilter(req)
        let (cases, total) = try await CaseStore.visible(for: user, state: state, window: window, on: req.db)
        return await CaseViews.list(req, user: user, cases: cases, state: state, page: Pager(window: window, total: total))
    }

    @Sendable static func newForm(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        return try await formPage(req, user: user, form: CaseForm(), problems: [])
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (form, refused) = try req.decodeForm(CaseForm.self)
        switch refused.isEmpty ? try await form.validate(for: user, on: req.db) : .failure(ValidationFailure(problems: refused)) {
        case .failure(let failure):
            let page = try await formPage(req, user: user, form: form, problems: failure.problems)
            return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
        case .success(let new):
            let record = try await CaseStore.create(new, by: user, on: req.db)
            // Whoever registers a request is the one holding its files: invite them to attach.
            req.flash(.ok, "attachments.created_invite", record.number)
            return req.redirect(to: SiteURL.caseDetail(try record.requireID()).path)
        }
    }

    private static func formPage(_ req: Request, user: User, form: CaseForm, problems: [Problem]) async throws -> HTML {
        let organizations = try await DatasetController.organizations(for: user, on: req.db)
        let datasets = try await DatasetController.visibleDatasets(for: user, query: .init(), on: req.db)
        return await CaseViews.form(req, user: user, form: form, organizations: organizations, datasets: datasets, problems: problems)
    }

    @Sendable static func show(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        return await CaseViews.detail(req, user: user, detail: try await CaseDetail.load(record, on: req.db))
    }

    /// The completion payload, from the page's form or the API's JSON.
    struct CompleteForm: Content {
        var note: String?
        var decision: String?
        var overrideReason: String?
        /// Step 1: the checklist items ticked (the form sends `checklist[]`) and what was conveyed.
        var checklist: [String]?
        var conveyed: String?
        /// Step 9: the announcement's fields (`datasetIDs[]`, `channels[]` from the form).
        var title: String?
        var body: String?
        var datasetIDs: [String]?
        var channels: [String]?

        var announcement: AnnouncementInput? {
            let input = AnnouncementInput(title: title, body: body, datasetIDs: datasetIDs, channels: channels)
            return input.isEmpty ? nil : input
        }
        /// Step 7, returning: the section of the round the note is about (`ReportSection` code).
        var section: String?

        /// "ya"/"tidak" as the form sends them; "yes"/"no" as API clients may.
        func parsedDecision() throws -> CaseDecision? {
            switch decision?.trimmingCharacters(in: .whitespaces).lowercased() ?? "" {
            case "": nil
            case "ya", "yes": .yes
            case "tidak", "no": .no
            default: throw UserError(.unprocessableEntity, "cases.error.decision_value")
            }
        }
    }

    /// Completes the step named in the path; the case and step come from the URL so a stale
    /// page cannot complete a different step than the one it shows.
    static func completeStep(_ req: Request, form: CompleteForm? = nil) async throws -> (Case, CaseTransition) {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let step = try req.intParameter("step")
        let form = try form ?? sentForm(req)
        let transition = try await CaseStore.complete(
            caseID: caseID, step: step, by: user, decision: try form.parsedDecision(), note: form.note,
            overrideReason: form.overrideReason, output: StepOutputInput(checklist: form.checklist, conveyed: form.conveyed, section: form.section, announcement: step == 9 ? form.announcement : nil), lang: req.preferredLanguage, on: req.db)
        return (try await CaseStore.find(caseID, for: user, on: req.db), transition)
    }

    @Sendable static func complete(_ req: Request) async throws -> Response {
        // Step 9 from the page: what the kabid typed is kept as the draft first, so a refused
        // publication (say, no channel ticked) does not lose a long text on a slow connection.
        // Publishing itself stays all-or-nothing in the completing transaction.
        let (form, textProblems) = try sentPageForm(req)
        // Text that may not be stored: the page again with the message and what was typed; nothing saved.
        if let problem = textProblems.first {
            return try await CaseRefusal.page(req, status: .unprocessableEntity, message: req.t(problem.key, problem.arguments), form: form)
        }
        let record: Case, transition: CaseTransition
        do {
            if req.parameters.get("step") == "9", let user = req.currentUser, CasePolicy.announcementEditors.contains(user.role),
               let input = form.announcement {
                try await PublicationStore.saveDraft(input, caseID: try req.uuidParameter("caseID"), by: user, on: req.db)
            }
            (record, transition) = try await completeStep(req, form: form)
        } catch {
            // A refused completion shows the case page again with the reason and what the
            // person entered still in the form; nothing was changed.
            guard let refusal = CaseRefusal.message(error, req.t) else { throw error }
            return try await CaseRefusal.page(req, status: refusal.status, message: refusal.text, form: form)
        }
        if transition.returned {
            req.flash(.ok, "cases.returned", String(transition.completed.step), String(transition.opened?.step ?? 0))
        } else if transition.closedCase {
            req.flash(.ok, "cases.closed_flash", record.number)
        } else {
            req.flash(.ok, "cases.completed", String(transition.completed.step))
        }
        return req.redirect(to: SiteURL.caseDetail(try record.requireID()).path)
    }

    /// What a refused completion sent, and why it was refused, for the form shown again.
    struct Retry {
        var form: CompleteForm
        var message: String
    }

    /// The completion payload as sent; an empty one when the body is not a form or JSON object.
    private static func sentForm(_ req: Request) throws -> CompleteForm {
        try req.decodeIfPresent(CompleteForm.self) ?? CompleteForm()
    }

    /// The page's completion form as typed, with any text that may not be stored as a problem.
    private static func sentPageForm(_ req: Request) throws -> (CompleteForm, [Problem]) {
        do {
            return try req.decodeForm(CompleteForm.self)
        } catch let refusal as StoredText.Refusal {
            throw refusal
        } catch {
            return (CompleteForm(), [])
        }
    }

    @Sendable static func tasks(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let t = req.t
        let window = try req.pageWindow()
        let tasks = try await CaseTask.tasks(for: user, window: window, on: req.db)
        // The kabid's step 9 is not over while a channel has not gone out: the same card as on
        // the home page, above the steps.
        let deliveries = DeliveryAttention.roles.contains(user.role) ? try await DeliveryAttention.items(on: req.db) : []
        let body: HTML = """
        <h1>\(t("tasks.title"))</h1>
        <p class="muted">\(t("tasks.intro"))</p>
        \(HomeView.deliveryCard(t, deliveries))
        \(CaseStepViews.tasks(t, tasks.items))
        \(Pager(window: window, total: tasks.total).html(req, id: "tasks-pager"))
        """
        return await Layout.render(req, title: t("tasks.title"), body: body)
    }
}
