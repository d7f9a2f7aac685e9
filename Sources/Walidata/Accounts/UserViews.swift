import Vapor
import WalidataCore

enum UserViews {
    static func list(_ req: Request, users: [User], page: Pager) async -> HTML {
        let t = req.t
        let rows = users.map { user -> HTML in
            """
            <tr>
            <td><a href="\(SiteURL.user(user.id!).path)">\(user.username)</a></td>
            <td>\(user.fullName)</td>
            <td>\(t("role." + user.roleRaw))</td>
            <td>\(user.organization?.name ?? "–")</td>
            <td>\(user.active ? "<span class=\"badge ok\">\(t("status.active"))</span>" as HTML : "<span class=\"badge off\">\(t("status.inactive"))</span>")</td>
            </tr>
            """
        }
        let body: HTML = """
        <h1>\(t("users.title"))</h1>
        <div class="actions"><a class="button" id="new-user" href="\(SiteURL.userNew.path)">\(t("users.new"))</a></div>
        <div class="table-wrap"><table class="list" id="users-table">
        <thead><tr><th>\(t("users.username"))</th><th>\(t("users.full_name"))</th><th>\(t("users.role"))</th><th>\(t("users.organization"))</th><th>\(t("users.status"))</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        \(page.html(req, id: "users-pager"))
        """
        return await Layout.render(req, title: t("users.title"), body: body)
    }

    static func form(_ req: Request, form: UserForm, user: User?, organizations: [Organization], errors: [Problem]) async -> HTML {
        let t = req.t
        let roleOptions = Role.allCases.map { (value: $0.rawValue, label: t("role." + $0.rawValue)) }
        let orgOptions = [(value: "", label: t("users.no_organization"))] + organizations.map { (value: $0.id!.uuidString, label: "\($0.name) (\($0.code))") }
        let action = user.map { SiteURL.user($0.id!).path } ?? SiteURL.userNew.path
        let title = user == nil ? t("users.new") : t("users.edit", user!.username)
        var body: HTML = """
        <h1>\(title)</h1>
        \(FormField.errors(errors, t: t))
        <form class="card" method="post" action="\(action)">
        \(Layout.csrfField(req))
        <div class="grid2">
        <div>\(FormField.text("username", label: t("users.username"), value: form.username, required: true, hint: t("users.username_hint"), extra: " autocapitalize=\"none\""))</div>
        <div>\(FormField.text("fullName", label: t("users.full_name"), value: form.fullName, required: true))</div>
        <div>\(FormField.text("nip", label: t("users.nip"), value: form.nip ?? "", hint: t("users.nip_hint")))</div>
        <div>\(FormField.text("email", label: t("users.email"), value: form.email ?? "", type: "email"))</div>
        <div>\(FormField.select("role", label: t("users.role"), options: roleOptions, selected: form.role, hint: t("users.role_hint")))</div>
        <div>\(FormField.select("organizationID", label: t("users.organization"), options: orgOptions, selected: form.organizationID ?? "", hint: t("users.organization_hint")))</div>
        </div>
        \(HTML.when(user == nil, FormField.text("password", label: t("users.password"), type: "password", required: true, hint: t("users.password_hint", String(User.minimumPasswordLength)), extra: " autocomplete=\"new-password\"")))
        <div class="actions"><button type="submit" id="save">\(t("form.save"))</button><a href="\(SiteURL.users.path)">\(t("form.cancel"))</a></div>
        </form>
        """
        if let user, let id = user.id {
            body = body + """
            <h2>\(t("users.reset_password"))</h2>
            <form class="card" method="post" action="\(SiteURL.userPassword(id).path)">
            \(Layout.csrfField(req))
            \(FormField.text("password", label: t("users.new_password"), type: "password", required: true, hint: t("users.password_hint", String(User.minimumPasswordLength)), extra: " autocomplete=\"new-password\""))
            <div class="actions"><button type="submit" id="reset-password">\(t("users.reset_password"))</button></div>
            </form>
            <h2>\(t("users.status"))</h2>
            <form class="card" method="post" action="\(SiteURL.userActive(id).path)">
            \(Layout.csrfField(req))
            <input type="hidden" name="active" value="\(user.active ? "false" : "true")">
            <p>\(user.active ? t("users.is_active") : t("users.is_inactive"))</p>
            <div class="actions"><button type="submit" id="toggle-active" class="\(user.active ? "danger" : "")">\(user.active ? t("users.deactivate") : t("users.activate"))</button></div>
            </form>
            """
        }
        return await Layout.render(req, title: title, body: body)
    }
}
