import Vapor

/// The settings form: the fields in groups, each with its value in force, a human label, and a
/// "kembalikan ke bawaan" box where the value differs from the built-in one; then the arms.
enum SettingsViews {
    static func page(_ req: Request, keys: [SettingsController.Key], values: [String: String], stored: [String: String],
                     letterhead: Letterhead, problems: [Problem]) async -> HTML {
        let t = req.t
        let groups = SettingsController.Key.Group.allCases.map { group -> HTML in
            let fields = keys.filter { $0.group == group }.map { field(t, $0, value: values[$0.key] ?? $0.defaultValue, changed: stored[$0.key] != nil) }
            return "<fieldset class=\"settings-group\" id=\"settings-\(group.rawValue)\"><legend>\(t("settings.group." + group.rawValue))</legend>\(fields)</fieldset>"
        }
        let body: HTML = """
        <style>
        .settings-group{border:1px solid var(--line);border-radius:6px;margin:0 0 1rem;padding:.3rem 1rem .8rem;min-width:0}
        .settings-group legend{font-weight:700;padding:0 .3rem}.settings-field{margin-bottom:.7rem}
        .arms-preview svg,.arms-preview img{max-height:96px;max-width:120px;width:auto;height:auto}
        </style>
        <h1>\(t("settings.title"))</h1>
        <p class="muted">\(t("settings.intro"))</p>
        \(FormField.errors(problems, t: t))
        <form method="post" action="\(SiteURL.settings.path)" class="card" id="settings-form">
        \(Layout.csrfField(req))
        \(groups)
        <p><button type="submit">\(t("settings.save"))</button></p>
        </form>
        \(arms(req, letterhead: letterhead))
        """
        return await Layout.render(req, title: t("settings.title"), body: body)
    }

    private static func field(_ t: Translator, _ key: SettingsController.Key, value: String, changed: Bool) -> HTML {
        let label = t("settings.key." + key.key)
        let hint: String = if changed {
            key.defaultValue.isEmpty ? t("settings.changed_no_default") : t("settings.changed", key.defaultValue.replacingOccurrences(of: "\n", with: " · "))
        } else {
            t(key.defaultValue.isEmpty ? "settings.empty_hint." + key.group.rawValue : "settings.is_default")
        }
        let input = key.multiline
            ? FormField.textarea(key.key, label: label, value: value, rows: max(3, value.split(separator: "\n").count + 1), hint: hint)
            : FormField.text(key.key, label: label, value: value, hint: hint)
        let resetID = "reset-" + key.key.replacingOccurrences(of: ".", with: "-")
        let reset: HTML = HTML.when(changed, """
        <label class="check" for="\(resetID)"><input type="checkbox" id="\(resetID)" name="\(SettingsController.resetName(key.key))" value="1"> \
        \(t("settings.reset"))</label>
        """)
        return """
        <div class="settings-field">\(input)\
        \(reset)</div>
        """
    }

    /// The arms: what the kop shows now, the upload, and the way back to the generic emblem.
    private static func arms(_ req: Request, letterhead: Letterhead) -> HTML {
        let t = req.t
        let limit = ByteCountText.format(Int64(LetterheadArms.maxBytes), lang: t.lang)
        let remove: HTML = HTML.when(letterhead.armsHash != nil, """
        <form method="post" action="\(SiteURL.settingsArmsRemove.path)" id="arms-remove-form">\(Layout.csrfField(req))\
        <button type="submit" class="secondary" id="arms-remove">\(t("settings.arms.remove"))</button></form>
        """)
        return """
        <section class="card" id="arms">
        <h2>\(t("settings.arms.title"))</h2>
        <div class="arms-preview" id="arms-preview">\(PrintDocument.arms(letterhead))</div>
        <p class="muted">\(t(letterhead.armsHash == nil ? "settings.arms.generic" : "settings.arms.uploaded"))</p>
        <form method="post" enctype="multipart/form-data" id="arms-form" action="\(SiteURL.settingsArms.path)">
        \(Layout.csrfField(req))
        <label for="arms-file">\(t("settings.arms.file"))</label>
        <input type="file" id="arms-file" name="arms" accept="image/png,image/jpeg" required>
        <p class="hint">\(t("settings.arms.hint", limit))</p>
        <div class="actions"><button type="submit" id="arms-submit">\(t("settings.arms.upload"))</button></div>
        </form>
        \(remove)
        </section>
        """
    }
}
