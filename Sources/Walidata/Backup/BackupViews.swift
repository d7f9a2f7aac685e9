import Vapor

enum BackupViews {
    static func page(_ req: Request, rows: [BackupController.Row], verification: BackupVerifier.Report?) async -> HTML {
        let t = req.t
        let settings = req.application.backupSettings
        let folder = BackupFolder(dataDirectory: req.application.walidata.dataDirectory).root
        let schedule = settings.hour.map {
            t("backup.schedule", String(format: "%02d.00", $0), String(settings.retention.daily), String(settings.retention.weekly))
        } ?? t("backup.schedule_off")
        let body: HTML = """
        <h1>\(t("backup.title"))</h1>
        <p class="muted">\(t("backup.intro"))</p>
        \(verification.map { result($0, t: t) })
        <div class="card">
        <p>\(schedule)</p>
        <p class="muted">\(t("backup.folder", folder))</p>
        <form method="post" action="\(BackupRoutes.createPath)" class="actions">\(Layout.csrfField(req))<button type="submit" id="backup-now">\(t("backup.create"))</button><span class="hint">\(t("backup.create_hint"))</span></form>
        </div>
        \(table(req, rows: rows, t: t))
        <h2>\(t("backup.restore.title"))</h2>
        <div class="card" id="restore-help">
        <ol>
        <li>\(t("backup.restore.step1"))</li>
        <li>\(t("backup.restore.step2"))<br><code>walidata backup verify walidata-….zip</code></li>
        <li>\(t("backup.restore.step3"))<br><code>walidata backup restore walidata-….zip --data-dir /srv/walidata-pulih</code></li>
        <li>\(t("backup.restore.step4"))<br><code>WALIDATA_DATA_DIR=/srv/walidata-pulih walidata serve</code></li>
        </ol>
        <p class="muted">\(t("backup.restore.postgres"))</p>
        </div>
        """
        return await Layout.render(req, title: t("backup.title"), body: body)
    }

    private static func table(_ req: Request, rows: [BackupController.Row], t: Translator) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"muted\" id=\"no-backups\">\(t("backup.empty"))</p>" }
        let items = rows.map { row -> HTML in
            let archive = row.archive
            return """
            <tr>
            <td><a href="\(BackupRoutes.downloadPath(archive.name))" title="\(t("backup.download"))">\(archive.name)</a></td>
            <td>\(DateText.dateTime(archive.date, t: t))</td>
            <td class="num">\(ByteCountText.format(archive.size, lang: t.lang))</td>
            <td>\(lastVerified(row.lastVerified, t: t))</td>
            <td><form method="post" action="\(BackupRoutes.verifyPath)" class="inline">\(Layout.csrfField(req))<input type="hidden" name="name" value="\(archive.name)"><button type="submit" class="secondary">\(t("backup.verify"))</button></form></td>
            </tr>
            """
        }
        return """
        <div class="table-wrap"><table class="list" id="backups-table">
        <thead><tr><th>\(t("backup.col.name"))</th><th>\(t("backup.col.date"))</th><th>\(t("backup.col.size"))</th><th>\(t("backup.col.verified"))</th><th></th></tr></thead>
        <tbody>\(items)</tbody>
        </table></div>
        """
    }

    private static func lastVerified(_ event: EventRecord?, t: Translator) -> HTML {
        guard let event else { return "<span class=\"muted\">\(t("backup.never_verified"))</span>" }
        let ok = event.detail("result") == "OK"
        let badge: HTML = ok
            ? "<span class=\"badge ok\">\(t("backup.result.ok"))</span>"
            : "<span class=\"badge off\">\(t("backup.result.mismatch", event.detail("problems") ?? "?"))</span>"
        return "\(badge) <span class=\"muted\">\(DateText.dateTime(event.at, t: t)) · \(event.actorName)</span>"
    }

    private static func result(_ report: BackupVerifier.Report, t: Translator) -> HTML {
        if report.isOK {
            return "<p class=\"flash flash-ok\" role=\"status\" id=\"verify-result\">\(t("backup.verify_ok", report.name, String(report.manifest?.files.count ?? 0)))</p>"
        }
        let items = report.problems.prefix(50).map { "<li>\($0.text(t))</li>" as HTML }
        let more: HTML = report.problems.count > 50 ? "<li>…</li>" : .empty
        return """
        <div class="flash flash-error" role="alert" id="verify-result"><strong>\(t("backup.verify_failed", report.name, String(report.problems.count)))</strong><ul>\(items)\(more)</ul></div>
        """
    }
}
