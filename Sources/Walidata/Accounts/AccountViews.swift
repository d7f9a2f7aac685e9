import Vapor

enum AccountViews {
    static func account(_ req: Request, user: User, errors: [Problem]) async -> HTML {
        let t = req.t
        let languageOptions = Lang.allCases.map { (value: $0.rawValue, label: t("lang.name." + $0.rawValue)) }
        let body: HTML = """
        <h1>\(t("account.title"))</h1>
        <div class="card">
        <p><strong>\(user.fullName)</strong> (\(user.username))<br>\(t("role." + user.roleRaw))\(user.organization.map { " · \($0.name)" as HTML })</p>
        <p><a href="\(SiteURL.tokens.path)" id="tokens-link">\(t("tokens.title"))</a></p>
        </div>
        <h2>\(t("account.language"))</h2>
        <form class="card" method="post" action="\(SiteURL.accountLanguage.path)">
        \(Layout.csrfField(req))
        \(FormField.select("language", label: t("account.language"), options: languageOptions, selected: user.language))
        <div class="actions"><button type="submit" id="save-language">\(t("form.save"))</button></div>
        </form>
        <h2>\(t("account.change_password"))</h2>
        \(FormField.errors(errors, t: t))
        <form class="card" method="post" action="\(SiteURL.accountPassword.path)">
        \(Layout.csrfField(req))
        \(FormField.text("current", label: t("account.current_password"), type: "password", required: true, extra: " autocomplete=\"current-password\""))
        \(FormField.text("password", label: t("users.new_password"), type: "password", required: true, hint: t("users.password_hint", String(User.minimumPasswordLength)), extra: " autocomplete=\"new-password\""))
        \(FormField.text("confirm", label: t("account.confirm_password"), type: "password", required: true, extra: " autocomplete=\"new-password\""))
        <div class="actions"><button type="submit" id="change-password">\(t("account.change_password"))</button></div>
        </form>
        """
        return await Layout.render(req, title: t("account.title"), body: body)
    }

    static func tokens(_ req: Request, tokens: [APIToken], newToken: String?, errors: [Problem]) async -> HTML {
        let t = req.t
        let rows = tokens.map { token -> HTML in
            let state: HTML = token.revokedAt == nil
                ? "<span class=\"badge ok\">\(t("status.active"))</span>"
                : "<span class=\"badge off\">\(t("tokens.revoked_state"))</span>"
            let revoke: HTML = token.revokedAt == nil
                ? "<form class=\"inline\" method=\"post\" action=\"\(SiteURL.tokenRevoke(token.id!).path)\">\(Layout.csrfField(req))<button class=\"link\" type=\"submit\">\(t("tokens.revoke"))</button></form>"
                : .empty
            return "<tr><td>\(token.name)</td><td><code>\(token.prefix)…</code></td><td>\(DateText.dateTime(token.createdAt, t: t))</td><td>\(DateText.dateTime(token.lastUsedAt, t: t))</td><td>\(state)</td><td>\(revoke)</td></tr>"
        }
        let body: HTML = """
        <h1>\(t("tokens.title"))</h1>
        <p class="muted">\(t("tokens.intro"))</p>
        \(newToken.map { token -> HTML in
            "<div class=\"card\" id=\"new-token\"><p><strong>\(t("tokens.copy_now"))</strong></p><p class=\"token\" id=\"token-value\">\(token)</p><p class=\"hint\">\(t("tokens.usage"))</p></div>"
        })
        \(FormField.errors(errors, t: t))
        <form class="card" method="post" action="\(SiteURL.tokens.path)">
        \(Layout.csrfField(req))
        \(FormField.text("name", label: t("tokens.name"), required: true, hint: t("tokens.name_hint")))
        <div class="actions"><button type="submit" id="create-token">\(t("tokens.create"))</button></div>
        </form>
        <div class="table-wrap"><table class="list" id="tokens-table">
        <thead><tr><th>\(t("tokens.name"))</th><th>\(t("tokens.prefix"))</th><th>\(t("tokens.created"))</th><th>\(t("tokens.last_used"))</th><th>\(t("users.status"))</th><th></th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        """
        return await Layout.render(req, title: t("tokens.title"), body: body)
    }
}
