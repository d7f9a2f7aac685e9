import Vapor
import WalidataCore

enum SOPViews {
    static func statusBadge(_ revision: SOPRevision, t: Translator) -> HTML {
        let cls = switch revision.status { case .inForce: "ok"; case .draft: "draft"; case .superseded: "off" }
        return "<span class=\"badge \(cls)\">\(t("sop.status." + revision.statusRaw))</span>"
    }

    static func sheetPage(_ req: Request, revision: SOPRevision, draftExists: Int?) async throws -> HTML {
        let t = req.t
        let user = try req.requireUser()
        let definition = try revision.definition()
        var actions: [HTML] = [
            "<a class=\"button secondary\" id=\"print-link\" href=\"\(revision.status == .inForce ? SiteURL.sopPrint.path : SiteURL.sopRevisionPrint(revision.number).path)\">\(t("sop.print"))</a>",
            "<a href=\"\(SiteURL.sopRevisions.path)\" id=\"revisions-link\">\(t("sop.revisions"))</a>",
        ]
        var notices: [HTML] = []
        if revision.status == .draft {
            let issues = definition.validate()
            if !issues.isEmpty {
                notices.append(issueList(issues, t: t))
            }
            if user.role == .admin {
                actions.append("<a class=\"button\" id=\"edit-draft\" href=\"\(SiteURL.sopRevisionEdit(revision.number).path)\">\(t("sop.edit_draft"))</a>")
                actions.append("<form class=\"inline\" method=\"post\" action=\"\(SiteURL.sopRevisionDiscard(revision.number).path)\">\(Layout.csrfField(req))<button type=\"submit\" class=\"danger\" id=\"discard-draft\">\(t("sop.discard_draft"))</button></form>")
            }
            if user.role == .kepalaDinas && issues.isEmpty {
                actions.append("<form class=\"inline\" method=\"post\" action=\"\(SiteURL.sopRevisionApprove(revision.number).path)\">\(Layout.csrfField(req))<button type=\"submit\" id=\"approve-draft\">\(t("sop.approve"))</button></form>")
            }
            notices.append("<p class=\"warn\">\(t("sop.draft_notice", String(revision.number)))</p>")
        } else if revision.status == .superseded {
            notices.append("<p class=\"warn\">\(t("sop.superseded_notice", String(revision.number)))</p>")
        }
        let approved: HTML = revision.approvedAt.map { date in
            "<p class=\"muted\">\(t("sop.approved_line", DateText.date(date, t: t), revision.approverName ?? "–"))</p>"
        } ?? .empty
        let body: HTML = """
        <style>\(HTML(raw: SOPSheet.css))</style>
        <h1>\(t("sop.title", definition.identity.namaSOP)) \(statusBadge(revision, t: t))</h1>
        <p class="muted">\(t("sop.revision_n", String(revision.number))) · \(revision.changeNote)</p>
        \(approved)
        \(notices)
        <div class="actions">\(actions)</div>
        <div class="card sop-doc">
        <div class="table-wrap">\(SOPSheet.identity(definition, revision: revision, t: t))</div>
        <div class="table-wrap">\(SOPSheet.flowchartTables(definition, t: t, rowsPerPage: nil))</div>
        </div>
        """
        return await Layout.render(req, title: t("sop.title", definition.identity.namaSOP), body: body)
    }

    static func issueList(_ issues: [SOPValidationIssue], t: Translator) -> HTML {
        let items = issues.map { issue -> HTML in "<li>\(t.lang == .id ? issue.indonesianDescription : issue.englishDescription)</li>" }
        return "<div class=\"flash-error errors\" role=\"alert\" id=\"sop-issues\"><strong>\(t("sop.issues"))</strong><ul>\(items)</ul></div>"
    }

    static func revisionList(_ req: Request, revisions: [SOPRevision], draftExists: Int?) async -> HTML {
        let t = req.t
        let isAdmin = req.currentUser?.role == .admin
        let rows = revisions.map { revision -> HTML in
            """
            <tr><td><a href="\(SiteURL.sopRevision(revision.number).path)">\(t("sop.revision_n", String(revision.number)))</a></td>
            <td>\(statusBadge(revision, t: t))</td><td>\(revision.changeNote)</td>
            <td>\(DateText.date(revision.createdAt, t: t))</td>
            <td>\(revision.approvedAt.map { "\(DateText.date($0, t: t)) · \(revision.approverName ?? "")" } ?? "–")</td></tr>
            """
        }
        let newDraft: HTML
        if let draft = draftExists {
            newDraft = "<p class=\"warn\">\(t("sop.draft_exists_notice", String(draft)))</p>"
        } else if isAdmin {
            newDraft = """
            <form class="card" method="post" action="\(SiteURL.sopRevisionNew.path)">
            \(Layout.csrfField(req))
            <h2>\(t("sop.new_draft"))</h2>
            <p class="hint">\(t("sop.new_draft_hint"))</p>
            \(FormField.text("changeNote", label: t("sop.change_note"), required: true))
            <div class="actions"><button type="submit" id="open-draft">\(t("sop.new_draft"))</button></div>
            </form>
            """
        } else {
            newDraft = .empty
        }
        let body: HTML = """
        <h1>\(t("sop.revisions"))</h1>
        <p class="muted">\(t("sop.revisions_intro"))</p>
        \(newDraft)
        <div class="table-wrap"><table class="list" id="revisions-table">
        <thead><tr><th>\(t("sop.revision"))</th><th>\(t("users.status"))</th><th>\(t("sop.change_note"))</th><th>\(t("sop.created"))</th><th>\(t("sop.approval"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
        return await Layout.render(req, title: t("sop.revisions"), body: body)
    }
}
