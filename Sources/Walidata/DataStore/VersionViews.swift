import Vapor
import WalidataCore
import WalidataTables

enum VersionViews {
    static func statusBadge(_ version: DatasetVersion, t: Translator) -> HTML {
        let cls = switch version.state { case .accepted: "ok"; case .stored: ""; case .rejected: "off" }
        return "<span class=\"badge \(cls)\">\(t("versions.status." + version.status))</span>"
    }

    static func detail(_ req: Request, user: User, dataset: Dataset, version: DatasetVersion, page: TablePage?, params: TableQueryParams,
                       columns: ReportViews.ColumnNotes = .init()) async -> HTML {
        let t = req.t
        let facts: [(String, HTML)] = [
            ("versions.file", "\(version.filename)"),
            ("versions.size", "\(ByteCountText.format(version.size, lang: t.lang))"),
            ("versions.hash", "<code>\(version.blobHash)</code>"),
            ("versions.when", "\(DateText.dateTime(version.createdAt, t: t))"),
            ("versions.note", "\(version.changeNote.isEmpty ? "–" : version.changeNote)"),
        ]
        let rows = facts.map { key, value -> HTML in "<tr><th>\(t(key))</th><td>\(value)</td></tr>" }
        let body: HTML = """
        <p class="muted"><a href="\(SiteURL.dataset(dataset.slug).path)">\(dataset.title)</a></p>
        <h1>\(t("versions.number", String(version.number))) \(statusBadge(version, t: t))</h1>
        \(HTML.when(version.isRecovery, "<p class=\"warn\">\(t("versions.is_recovery"))</p>"))
        <div class="card"><table class="meta" id="version-meta">\(rows)</table>
        <div class="actions"><a class="button secondary" href="\(SiteURL.versionDownload(dataset.slug, version.number).path)" id="download-original">\(t("versions.download_original"))</a></div></div>
        \(ReportViews.report(req, dataset: dataset, version: version, t: t, columns: columns))
        \(WorkbookReadingViews.form(req, user: user, dataset: dataset, version: version, t: t))
        \(page.map { TableViews.data(req, dataset: dataset, version: version, page: $0, params: params, t: t) })
        """
        return await Layout.render(req, title: "\(dataset.title) · \(t("versions.number", String(version.number)))", body: body)
    }
}

