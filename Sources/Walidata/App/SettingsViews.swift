import Vapor

/// The settings form: one field per key, the built-in default shown as the placeholder.
enum SettingsViews {
    static func page(_ req: Request, keys: [SettingsController.Key], values: [String: String], problems: [Problem]) async -> HTML {
        let t = req.t
        let fields = keys.map { key -> HTML in
            let value = values[key.key] ?? ""
            let label = t("settings.key." + key.key) + " (" + key.key + ")"
            let hint = key.placeholder.isEmpty ? t("settings.hint_none") : t("settings.hint_default", key.placeholder.replacingOccurrences(of: "\n", with: " · "))
            return key.multiline
                ? FormField.textarea(key.key, label: label, value: value, rows: 5, hint: hint)
                : FormField.text(key.key, label: label, value: value, hint: hint)
        }
        let body: HTML = """
        <h1>\(t("settings.title"))</h1>
        <p class="muted">\(t("settings.intro"))</p>
        \(FormField.errors(problems, t: t))
        <form method="post" action="\(SiteURL.settings.path)" class="card" id="settings-form">
        \(Layout.csrfField(req))
        \(fields)
        <p><button type="submit">\(t("settings.save"))</button></p>
        </form>
        """
        return await Layout.render(req, title: t("settings.title"), body: body)
    }
}
