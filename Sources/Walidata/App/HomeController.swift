import Fluent
import Vapor
import WalidataCore

/// The first page after signing in: what this role does in the SOP and where to go.
enum HomeController {
    @Sendable static func show(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let revision = try await SOPStore.inForce(on: req.db)
        let definition = try revision.definition()
        let mySteps = definition.steps.filter { $0.lane == user.roleRaw }
        let draft = try await SOPRevision.query(on: req.db).filter(\.$statusRaw == SOPRevision.Status.draft.rawValue).first()
        let tasks = Role.executors.contains(user.role)
            ? try await CaseTask.tasks(for: user, window: PageWindow(limit: HomeView.taskLimit), on: req.db) : nil
        let deliveries = DeliveryAttention.roles.contains(user.role) ? try await DeliveryAttention.items(on: req.db) : []
        return await HomeView.render(req, user: user, revision: revision, mySteps: mySteps, draft: draft, tasks: tasks, deliveries: deliveries)
    }
}

enum HomeView {
    /// The home page shows the most urgent tasks; "Tugas saya" has them all, paged.
    static let taskLimit = 10

    static func render(_ req: Request, user: User, revision: SOPRevision, mySteps: [SOPStep], draft: SOPRevision?,
                       tasks: (items: [CaseTask], total: Int)? = nil, deliveries: [DeliveryAttention.Item] = []) async -> HTML {
        let t = req.t
        let steps = mySteps.map { step -> HTML in
            "<li><strong>\(t("sop.step_n", String(step.number)))</strong> \(CaseStepViews.stepName(t, step)) <span class=\"muted\">(\(DurationText.standard(step.time, t: t)) · \(step.output))</span></li>"
        }
        var links: [HTML] = ["<li><a href=\"\(SiteURL.sop.path)\">\(t("home.read_sop"))</a></li>", "<li><a href=\"\(SiteURL.calendar.path)\">\(t("home.calendar"))</a></li>"]
        if user.role == .admin {
            links.append("<li><a href=\"\(SiteURL.users.path)\">\(t("nav.users"))</a></li>")
            links.append("<li><a href=\"\(SiteURL.organizations.path)\">\(t("nav.organizations"))</a></li>")
            links.append("<li><a href=\"\(SiteURL.sopRevisions.path)\">\(t("sop.revisions"))</a></li>")
        }
        let approval: HTML = HTML.when(user.role == .kepalaDinas && draft != nil, """
        <div class="warn" id="draft-waiting"><p>\(t("home.draft_waiting", String(draft?.number ?? 0)))</p>
        <p><a class="button" href="\(SiteURL.sopRevision(draft?.number ?? 0).path)">\(t("home.review_draft"))</a></p></div>
        """)
        let body: HTML = """
        <h1>\(t("home.welcome", user.fullName))</h1>
        \(approval)
        \(tasks.map { tasks in
            let more: HTML = HTML.when(tasks.total > tasks.items.count,
                "<p id=\"all-tasks\"><a href=\"\(SiteURL.tasks.path)\">\(t("tasks.see_all", NumberText.format(Int64(tasks.total), lang: t.lang)))</a></p>")
            return "<div class=\"card\" id=\"my-tasks\"><h2>\(t("tasks.title"))</h2>\(CaseStepViews.tasks(t, tasks.items))\(more)</div>" as HTML
        })
        \(deliveryCard(t, deliveries))
        <div class="card">
        <p>\(t("home.role_intro", t("role." + user.roleRaw)))</p>
        \(mySteps.isEmpty ? "<p class=\"muted\">\(t("home.no_steps"))</p>" as HTML : "<h2>\(t("home.your_steps", String(revision.number)))</h2><ul id=\"my-steps\">\(steps)</ul>")
        </div>
        <div class="card"><h2>\(t("home.links"))</h2><ul>\(links)</ul></div>
        """
        return await Layout.render(req, title: t("nav.home"), body: body)
    }

    /// Step-9 channels that have not gone out, with a link to each case (where the reason and
    /// *Kirim ulang sekarang* are); nothing when all went out.
    static func deliveryCard(_ t: Translator, _ items: [DeliveryAttention.Item]) -> HTML {
        guard !items.isEmpty else { return .empty }
        let rows = items.map { item -> HTML in
            """
            <tr><td><a href="\(SiteURL.caseDetail(item.record.id!).path)#announcement">\(item.record.number)</a></td>\
            <td>\(t("publication.channel." + item.outcome.channel.rawValue))</td><td>\(DeliveryViews.badge(t, item.outcome.status))</td>\
            <td>\(DeliveryViews.details(t, item.outcome))</td></tr>
            """
        }
        return """
        <div class="card" id="delivery-attention"><h2>\(t("delivery.attention_title"))</h2>
        <div class="table-wrap"><table class="list"><thead><tr><th>\(t("delivery.col.case"))</th><th>\(t("publication.col.channel"))</th>\
        <th>\(t("publication.col.state"))</th><th>\(t("publication.col.answer"))</th></tr></thead><tbody>\(rows)</tbody></table></div></div>
        """
    }
}
