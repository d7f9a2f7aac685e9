import Vapor
import WalidataCore
import WalidataTables

/// The portal's pages: light, no script, the same frame as the office pages with the
/// visitor's navigation (see `Layout`).
enum PortalViews {

    static func home(_ req: Request, announcements: [Announcement], datasets: [Dataset], total: Int) async -> HTML {
        let t = req.t
        let body: HTML = """
        <h1>\(t("portal.title"))</h1>
        <p class="muted">\(t("portal.intro"))</p>
        <div class="card" id="portal-announcements"><h2>\(t("portal.latest"))</h2>
        \(announcements.isEmpty ? "<p class=\"muted\">\(t("portal.no_announcements"))</p>" as HTML : announcementList(t, announcements))
        </div>
        <div class="card" id="portal-datasets"><h2>\(t("portal.open_data"))</h2>
        \(datasetTable(t, datasets))
        \(HTML.when(total > datasets.count, "<p><a href=\"\(SiteURL.publicDatasets.path)\">\(t("portal.all_datasets", String(total)))</a></p>"))
        </div>
        """
        return await Layout.render(req, title: t("portal.title"), body: body)
    }

    static func announcementList(_ t: Translator, _ announcements: [Announcement]) -> HTML {
        let items = announcements.map { a -> HTML in
            let excerpt = a.body.count > 240 ? String(a.body.prefix(240)) + "…" : a.body
            return """
            <li class="announcement-item"><a href="\(SiteURL.publicAnnouncement(a.id!).path)"><strong>\(a.title)</strong></a> \
            <span class="muted">\(DateText.date(a.publishedAt, t: t))</span><br>\(excerpt)</li>
            """
        }
        return "<ul class=\"plain\">\(items)</ul>"
    }

    static func datasetTable(_ t: Translator, _ datasets: [Dataset]) -> HTML {
        guard !datasets.isEmpty else { return "<p class=\"muted\">\(t("portal.no_datasets"))</p>" }
        let rows = datasets.map { d -> HTML in
            """
            <tr><td><a href="\(SiteURL.publicDataset(d.slug).path)">\(d.title)</a></td><td>\(d.organization.name)</td>\
            <td>\(d.topic.isEmpty ? "–" : d.topic)</td><td>\(DateText.date(d.updatedAt, t: t))</td></tr>
            """
        }
        return """
        <div class="table-wrap"><table class="list" id="public-datasets">
        <thead><tr><th>\(t("datasets.field.title"))</th><th>\(t("datasets.field.organization"))</th><th>\(t("datasets.field.topic"))</th><th>\(t("portal.updated"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    static func announcement(_ req: Request, announcement: Announcement, datasets: [Dataset], image: ShareImage.Custom? = nil) async -> HTML {
        let t = req.t
        let links = datasets.map { "<li><a href=\"\(SiteURL.publicDataset($0.slug).path)\">\($0.title)</a> <span class=\"muted\">(\($0.organization.name))</span></li>" as HTML }
        let body: HTML = """
        <p><a href="\(SiteURL.publicHome.path)">← \(t("portal.back"))</a></p>
        <article class="card" id="public-announcement">
        <h1>\(announcement.title)</h1>
        <p class="muted">\(t("portal.published_on", DateText.date(announcement.publishedAt, t: t)))</p>
        <div class="narrative">\(CaseReportViews.paragraphs(announcement.body))</div>
        \(HTML.when(!links.isEmpty, "<h2>\(t("portal.related_data"))</h2><ul id=\"announcement-datasets\">\(links)</ul>"))
        </article>
        """
        return await Layout.render(req, title: announcement.title, head: ShareImage.openGraph(req, announcement: announcement, image: image), body: body)
    }

    /// A public dataset: its explorer (`ExplorerViews`) when its current version is a table,
    /// then its metadata and the announcements about it.
    static func dataset(_ req: Request, dataset: Dataset, explorer: ExplorerViews.Model?, announcements: [Announcement]) async -> HTML {
        let t = req.t
        let rows = DatasetViews.metadataRows(t, dataset)
        let table: HTML = if let explorer {
            ExplorerViews.versionLine(explorer, t: t) + ExplorerViews.explorer(explorer, t: t)
        } else {
            "<div class=\"card\"><h2>\(t("portal.download"))</h2><p class=\"muted\" id=\"no-download\">\(t("portal.error.no_table"))</p></div>"
        }
        let news = announcements.map { "<li><a href=\"\(SiteURL.publicAnnouncement($0.id!).path)\">\($0.title)</a> <span class=\"muted\">\(DateText.date($0.publishedAt, t: t))</span></li>" as HTML }
        let body: HTML = """
        <p><a href="\(SiteURL.publicDatasets.path)">← \(t("portal.open_data"))</a></p>
        <h1>\(dataset.title)</h1>
        \(HTML.when(!dataset.description.isEmpty, "<p>\(dataset.description)</p>"))
        \(table)
        <div class="card"><h2>\(t("portal.metadata"))</h2><table class="meta stack" id="dataset-meta">\(rows)</table></div>
        \(HTML.when(!news.isEmpty, "<div class=\"card\"><h2>\(t("portal.announcements"))</h2><ul>\(news)</ul></div>"))
        """
        let head = explorer.map(ExplorerViews.head) ?? ExplorerViews.jsonLink(SiteURL.publicExplorer(dataset.slug, .table(version: nil, json: true)).path)
        let title = explorer.map { $0.current ? dataset.title : "\(dataset.title) · \(t("versions.number", String($0.version.number)))" } ?? dataset.title
        return await Layout.render(req, title: title, head: head, body: body)
    }
}
