import Vapor

enum OrganizationViews {
    static func list(_ req: Request, organizations: [Organization], members: [UUID: Int]) async -> HTML {
        let t = req.t
        let rows = organizations.map { org -> HTML in
            """
            <tr>
            <td><a href="\(SiteURL.organization(org.id!).path)">\(org.name)</a></td>
            <td>\(org.code)</td>
            <td>\(org.contactName)\(HTML.when(!org.phone.isEmpty, "<br><span class=\"muted\">\(org.phone)</span>"))\(HTML.when(!org.email.isEmpty, "<br><span class=\"muted\">\(org.email)</span>"))</td>
            <td>\(members[org.id!] ?? 0)</td>
            <td>\(org.active ? "<span class=\"badge ok\">\(t("status.active"))</span>" as HTML : "<span class=\"badge off\">\(t("status.inactive"))</span>")</td>
            </tr>
            """
        }
        let body: HTML = """
        <h1>\(t("organizations.title"))</h1>
        <p class="muted">\(t("organizations.intro"))</p>
        <div class="actions"><a class="button" id="new-organization" href="\(SiteURL.organizationNew.path)">\(t("organizations.new"))</a></div>
        <div class="table-wrap"><table class="list" id="organizations-table">
        <thead><tr><th>\(t("organizations.name"))</th><th>\(t("organizations.code"))</th><th>\(t("organizations.contact"))</th><th>\(t("organizations.members"))</th><th>\(t("users.status"))</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        \(HTML.when(organizations.isEmpty, "<p class=\"muted\">\(t("organizations.empty"))</p>"))
        """
        return await Layout.render(req, title: t("organizations.title"), body: body)
    }

    static func form(_ req: Request, form: OrganizationController.Form, organization: Organization?, errors: [Problem]) async -> HTML {
        let t = req.t
        let action = organization.map { SiteURL.organization($0.id!).path } ?? SiteURL.organizationNew.path
        let title = organization == nil ? t("organizations.new") : organization!.name
        let body: HTML = """
        <h1>\(title)</h1>
        \(FormField.errors(errors, t: t))
        <form class="card" method="post" action="\(action)">
        \(Layout.csrfField(req))
        <div class="grid2">
        <div>\(FormField.text("name", label: t("organizations.name"), value: form.name, required: true, hint: t("organizations.name_hint")))</div>
        <div>\(FormField.text("code", label: t("organizations.code"), value: form.code, required: true, hint: t("organizations.code_hint")))</div>
        <div>\(FormField.text("contactName", label: t("organizations.contact_name"), value: form.contactName ?? ""))</div>
        <div>\(FormField.text("phone", label: t("organizations.phone"), value: form.phone ?? "", type: "text"))</div>
        <div>\(FormField.text("email", label: t("users.email"), value: form.email ?? "", type: "email"))</div>
        <div>\(FormField.text("address", label: t("organizations.address"), value: form.address ?? ""))</div>
        </div>
        \(HTML.when(organization != nil, "<label><input type=\"checkbox\" name=\"active\"\(HTML.when(form.active != nil, " checked"))> \(t("status.active"))</label>"))
        <div class="actions"><button type="submit" id="save">\(t("form.save"))</button><a href="\(SiteURL.organizations.path)">\(t("form.cancel"))</a></div>
        </form>
        """
        return await Layout.render(req, title: title, body: body)
    }
}
