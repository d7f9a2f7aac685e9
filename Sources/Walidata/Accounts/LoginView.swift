import Vapor

enum LoginView {
    static func render(_ req: Request, username: String, error: String?, needsSetup: Bool, next: String?) async -> HTML {
        let t = req.t
        let body: HTML = """
        <div class="card narrow">
        <h1 id="login-title">\(t("login.title"))</h1>
        <p class="muted">\(t("login.intro"))</p>
        \(error.map { "<p class=\"flash flash-error\" role=\"alert\">\($0)</p>" as HTML })
        \(HTML.when(needsSetup, "<div class=\"warn\" id=\"setup-hint\"><p>\(t("login.setup"))</p><pre>walidata user add --username admin --name \"…\" --role admin</pre></div>"))
        <form id="login-form" method="post" action="\(SiteURL.login(next: nil).path)">
        \(Layout.csrfField(req))
        <input type="hidden" name="next" value="\(next ?? "")">
        <label for="username">\(t("login.username"))</label>
        <input type="text" id="username" name="username" value="\(username)" autocomplete="username" autocapitalize="none" required autofocus>
        <label for="password">\(t("login.password"))</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required>
        <div class="actions"><button type="submit" id="login-submit">\(t("login.submit"))</button></div>
        </form>
        </div>
        """
        return await Layout.render(req, title: t("login.title"), body: body)
    }
}
