import Vapor
import WalidataCore

enum DatasetViews {
    static func accessBadge(_ dataset: Dataset, t: Translator) -> HTML {
        let cls = switch dataset.accessClass { case .terbuka: "ok"; case .terbatas: "draft"; case .dikecualikan: "off" }
        return "<span class=\"badge \(cls)\">\(t("datasets.access." + dataset.access))</span>"
    }

    static func list(_ req: Request, hits: [CatalogSearch.Hit], organizations: [Organization], query: CatalogSearch.Query,
                     result: CatalogSearch.Result, page: Pager) async -> HTML {
        let t = req.t
        let user = req.currentUser
        let rows = hits.map { hit -> HTML in
            let (d, version) = (hit.dataset, hit.current)
            return """
            <tr><td><a href="\(SiteURL.dataset(d.slug).path)">\(d.title)</a><br><span class="muted">\(d.topic)</span></td>
            <td>\(d.organization.name)</td><td>\(accessBadge(d, t: t))\(HTML.when(d.isPublic, " <span class=\"badge ok\">\(t("publish.badge"))</span>"))</td>
            <td>\(version.map { v -> HTML in "\(t("versions.number", String(v.number))) · \(t("versions.rows", NumberText.format(v.rowCount, lang: t.lang)))" } ?? "<span class=\"muted\">\(t("datasets.no_data"))</span>")</td>
            <td>\(DateText.date(d.updatedAt, t: t))</td></tr>
            """
        }
        // By the agency's code, the value its facet links use.
        let orgOptions = [(value: "", label: t("datasets.all_organizations"))] + organizations.map { (value: $0.code, label: $0.name) }
        let body: HTML = """
        <h1>\(t("datasets.title"))</h1>
        <p class="muted">\(t("datasets.intro"))</p>
        <div class="actions">
        \(HTML.when(DatasetPolicy.mayCreate(user), "<a class=\"button\" id=\"new-dataset\" href=\"\(SiteURL.datasetNew.path)\">\(t("datasets.new"))</a>"))
        \(HTML.when(DatasetPolicy.mayViewTrash(user), "<a href=\"\(SiteURL.trash.path)\">\(t("trash.title"))</a>"))
        <a href="\(SiteURL.storageLog.path)">\(t("log.title"))</a>
        </div>
        <form class="card" method="get" action="\(SiteURL.datasets.path)">
        <div class="grid2">
        <div>\(FormField.text("q", label: t("datasets.search"), value: query.text))</div>
        \(HTML.when(!organizations.isEmpty, "<div>\(FormField.select("organization", label: t("users.organization"), options: orgOptions, selected: query.filters[.organization]?.first ?? ""))</div>"))
        </div>
        <div class="actions"><button type="submit" class="secondary">\(t("datasets.filter"))</button></div>
        </form>
        \(CatalogFacetViews.facets(req, query: query, result: result, path: SiteURL.datasets.path))
        <div class="table-wrap"><table class="list" id="datasets-table">
        <thead><tr><th>\(t("datasets.field.title"))</th><th>\(t("users.organization"))</th><th>\(t("datasets.field.access"))</th><th>\(t("datasets.current_version"))</th><th>\(t("datasets.updated"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(page.html(req, id: "datasets-pager"))
        \(HTML.when(hits.isEmpty, "<p class=\"muted\">\(t("datasets.empty"))</p>"))
        """
        return await Layout.render(req, title: t("datasets.title"), body: body)
    }

    static func form(_ req: Request, form: DatasetForm, dataset: Dataset?, organizations: [Organization], problems: [Problem]) async -> HTML {
        let t = req.t
        let title = dataset.map { t("datasets.edit", $0.title) } ?? t("datasets.new")
        let action = dataset.map { SiteURL.datasetEdit($0.slug).path } ?? SiteURL.datasetNew.path
        let orgOptions = organizations.map { (value: $0.id!.uuidString, label: "\($0.name) (\($0.code))") }
        let frequencies = Dataset.Frequency.allCases.map { (value: $0.rawValue, label: t("datasets.frequency." + $0.rawValue)) }
        let accesses = Dataset.Access.allCases.map { (value: $0.rawValue, label: t("datasets.access." + $0.rawValue)) }
        let licenses = DatasetForm.licenses.map { (value: $0, label: $0 == "lainnya" ? t("datasets.license_other") : $0) }
        // Editing, the agency and the access class are fields only for who may change them
        // (DatasetPolicy.classify); others see them as text, and their form does not carry them.
        let classifies = dataset.map { DatasetPolicy.may(.classify, req.currentUser, $0) } ?? true
        let organizationField: HTML = classifies
            ? FormField.select("organizationID", label: t("datasets.field.organization"), options: orgOptions, selected: form.organizationID)
            : "<p class=\"field\" id=\"organization-fixed\"><span class=\"label\">\(t("datasets.field.organization"))</span><br>\(dataset?.organization.name ?? "")</p>"
        let accessField: HTML = classifies
            ? FormField.select("access", label: t("datasets.field.access"), options: accesses, selected: form.access, hint: t("datasets.hint.access"))
            : "<p class=\"field\" id=\"access-fixed\"><span class=\"label\">\(t("datasets.field.access"))</span><br>\(dataset.map { accessBadge($0, t: t) } ?? "")<br><span class=\"hint\">\(t("datasets.hint.access_curators"))</span></p>"
        let body: HTML = """
        <h1>\(title)</h1>
        \(FormField.errors(problems, t: t))
        <form class="card" method="post" action="\(action)">
        \(Layout.csrfField(req))
        \(FormField.text("title", label: t("datasets.field.title"), value: form.title, required: true, hint: t("datasets.hint.title")))
        \(FormField.textarea("description", label: t("datasets.field.description"), value: form.description ?? "", rows: 4))
        <div class="grid2">
        <div>\(organizationField)</div>
        <div>\(FormField.text("topic", label: t("datasets.field.topic"), value: form.topic ?? "", hint: t("datasets.hint.topic")))</div>
        <div>\(FormField.text("tags", label: t("datasets.field.tags"), value: form.tags ?? "", hint: t("datasets.hint.tags")))</div>
        <div>\(FormField.select("frequency", label: t("datasets.field.frequency"), options: frequencies, selected: form.frequency))</div>
        <div>\(FormField.text("coverage", label: t("datasets.field.coverage"), value: form.coverage ?? ""))</div>
        <div>\(FormField.text("period", label: t("datasets.field.period"), value: form.period ?? "", hint: t("datasets.hint.period")))</div>
        <div>\(FormField.text("unit", label: t("datasets.field.unit"), value: form.unit ?? "", hint: t("datasets.hint.unit")))</div>
        <div>\(FormField.text("source", label: t("datasets.field.source"), value: form.source ?? ""))</div>
        <div>\(FormField.select("license", label: t("datasets.field.license"), options: licenses, selected: form.license))</div>
        <div>\(FormField.text("contact", label: t("datasets.field.contact"), value: form.contact ?? ""))</div>
        <div>\(accessField)</div>
        </div>
        <div class="actions"><button type="submit" id="save">\(t("form.save"))</button><a href="\(dataset.map { SiteURL.dataset($0.slug).path } ?? SiteURL.datasets.path)">\(t("form.cancel"))</a></div>
        </form>
        """
        return await Layout.render(req, title: title, body: body)
    }

    /// What a refused comparison asked for, so its form comes back filled in with the reason.
    struct CompareRequest {
        var from: Int
        var to: Int
        var key: String
        var problem: Problem
    }

    static func detail(_ req: Request, user: User, dataset: Dataset, versions: [DatasetVersion], compareRequest: CompareRequest? = nil) async -> HTML {
        let t = req.t
        let canSubmit = DatasetPolicy.may(.submitVersion, user, dataset)
        let canRestore = DatasetPolicy.may(.restoreVersion, user, dataset)
        let canTrash = DatasetPolicy.may(.trash, user, dataset)
        let canEdit = DatasetPolicy.may(.editMetadata, user, dataset)
        let current = versions.first { $0.id == dataset.currentVersionID }
        let metaRows = metadataRows(t, dataset)
        let versionRows = versions.map { v -> HTML in
            let isCurrent = v.id == dataset.currentVersionID
            let restore: HTML = (canRestore && !isCurrent && v.state != .rejected)
                ? "<form class=\"inline\" method=\"post\" action=\"\(SiteURL.versionRestore(dataset.slug, v.number).path)\">\(Layout.csrfField(req))<button class=\"link\" type=\"submit\" id=\"restore-\(v.number)\">\(t("versions.restore"))</button></form>"
                : .empty
            return """
            <tr\(HTML.when(isCurrent, " class=\"current\"")) id="version-\(v.number)">
            <td><a href="\(SiteURL.version(dataset.slug, v.number).path)">\(t("versions.number", String(v.number)))</a>\(HTML.when(isCurrent, " <span class=\"badge ok\">\(t("versions.current"))</span>"))</td>
            <td>\(VersionViews.statusBadge(v, t: t))\(HTML.when(v.isRecovery, " <span class=\"badge\">\(t("versions.recovery"))</span>"))</td>
            <td>\(v.filename)<br><span class="muted">\(ByteCountText.format(v.size, lang: t.lang)) · <code title="SHA-256 \(v.blobHash)">\(String(v.blobHash.prefix(12)))</code></span></td>
            <td>\(v.state == .accepted ? NumberText.format(v.rowCount, lang: t.lang) : "–")</td>
            <td>\(v.changeNote)</td><td>\(DateText.dateTime(v.createdAt, t: t))</td>
            <td><a href="\(SiteURL.versionDownload(dataset.slug, v.number).path)">\(t("versions.download"))</a> \(restore)</td>
            </tr>
            """
        }
        let accepted = versions.filter { $0.state == .accepted }
        let versionOptions = accepted.map { (value: String($0.number), label: t("versions.number", String($0.number))) }
        // The key is chosen from the columns, so it cannot be mistyped; the newest table's come first.
        let keyColumns = accepted.flatMap { TableController.columnNames(of: $0) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let keyOptions = [(value: "", label: t("compare.no_key"))] + keyColumns.map { (value: $0, label: $0) }
        let compare: HTML = accepted.count >= 2 ? """
        <form class="card no-print" method="get" action="\(SiteURL.datasetCompare(dataset.slug).path)" id="compare-form">
        <h2>\(t("compare.title"))</h2>
        \(FormField.errors(compareRequest.map { [$0.problem] } ?? [], t: t))
        <div class="grid2">
        <div>\(FormField.select("from", label: t("compare.from"), options: versionOptions, selected: String(compareRequest?.from ?? accepted[1].number)))</div>
        <div>\(FormField.select("to", label: t("compare.to"), options: versionOptions, selected: String(compareRequest?.to ?? accepted[0].number)))</div>
        </div>
        \(FormField.select("key", label: t("compare.key"), options: keyOptions, selected: compareRequest?.key ?? "", hint: t("compare.key_hint")))
        <div class="actions"><button type="submit" class="secondary" id="compare">\(t("compare.submit"))</button></div>
        </form>
        """ : .empty
        let upload: HTML = HTML.when(canSubmit, uploadForm(req, dataset: dataset, t: t))
        let curate: HTML = HTML.when(canTrash, """
        <details class="card no-print"><summary>\(t("datasets.delete"))</summary>
        <form method="post" action="\(SiteURL.datasetDelete(dataset.slug).path)">\(Layout.csrfField(req))
        <p class="hint">\(t("datasets.delete_hint", String(DatasetStore.retentionDays)))</p>
        \(FormField.text("note", label: t("datasets.delete_reason"), required: true))
        <div class="actions"><button type="submit" class="danger" id="delete-dataset">\(t("datasets.delete"))</button></div></form></details>
        """)
        let body: HTML = """
        <h1>\(dataset.title) \(accessBadge(dataset, t: t))</h1>
        \(HTML.when(!dataset.description.isEmpty, "<p>\(dataset.description)</p>"))
        <div class="actions no-print">
        \(HTML.when(canEdit, "<a class=\"button secondary\" href=\"\(SiteURL.datasetEdit(dataset.slug).path)\" id=\"edit-dataset\">\(t("datasets.edit_metadata"))</a>"))
        \(current.map { v -> HTML in "<a class=\"button secondary\" href=\"\(SiteURL.version(dataset.slug, v.number).path)\">\(t("datasets.view_current"))</a>" })
        <a href="\(SiteURL.datasetLog(dataset.slug).path)" id="dataset-log">\(t("log.dataset"))</a>
        </div>
        <div class="card"><table class="meta" id="dataset-meta">\(metaRows)</table></div>
        \(publicationCard(req, user: user, dataset: dataset))
        \(upload)
        <h2>\(t("versions.title"))</h2>
        <div class="table-wrap"><table class="list" id="versions-table">
        <thead><tr><th>\(t("versions.version"))</th><th>\(t("users.status"))</th><th>\(t("versions.file"))</th><th>\(t("versions.rows_header"))</th><th>\(t("versions.note"))</th><th>\(t("versions.when"))</th><th></th></tr></thead>
        <tbody>\(versionRows)</tbody></table></div>
        \(HTML.when(versions.isEmpty, "<p class=\"muted\">\(t("versions.none"))</p>"))
        \(compare)
        \(curate)
        """
        return await Layout.render(req, title: dataset.title, body: body)
    }

    /// Whether the dataset is on the public portal, why not, and (for a kabid or the admin) the
    /// form to publish or withdraw it with a reason.
    static func publicationCard(_ req: Request, user: User, dataset: Dataset) -> HTML {
        let t = req.t
        let state: HTML
        if dataset.isPublic {
            state = """
            <p id="publication-state"><span class="badge ok">\(t("publish.badge"))</span> \(t("publish.state.public", DateText.dateTime(dataset.publishedAt, t: t))) \
            <a href="\(SiteURL.publicDataset(dataset.slug).path)">\(t("publish.public_page"))</a></p>
            """
        } else if dataset.eligibleForPortal {
            state = "<p id=\"publication-state\">\(t("publish.state.eligible"))</p>"
        } else {
            state = "<p id=\"publication-state\">\(t("publish.state.not_eligible", t("datasets.access." + dataset.access)))</p>"
        }
        var form: HTML = .empty
        if dataset.isPublic && DatasetPolicy.may(.withdraw, user, dataset) {
            form = """
            <form method="post" action="\(SiteURL.datasetWithdraw(dataset.slug).path)" id="withdraw-form">\(Layout.csrfField(req))
            \(FormField.text("reason", label: t("publish.withdraw_reason"), required: true))
            <div class="actions"><button type="submit" class="danger" id="withdraw-dataset">\(t("publish.withdraw"))</button></div></form>
            """
        } else if dataset.eligibleForPortal && DatasetPolicy.may(.publish, user, dataset) {
            form = """
            <form method="post" action="\(SiteURL.datasetPublish(dataset.slug).path)" id="publish-form">\(Layout.csrfField(req))
            \(FormField.text("reason", label: t("publish.reason"), required: true, hint: t("publish.reason_hint")))
            <div class="actions"><button type="submit" id="publish-dataset">\(t("publish.submit"))</button></div></form>
            """
        }
        return """
        <div class="card no-print" id="publication-card"><h2>\(t("publish.title"))</h2>\(state)\(form)</div>
        """
    }

    /// The upload form works without script (a multipart post, streamed by the server); with
    /// the page's small script it sends the file as the body and shows a progress bar.
    static func uploadForm(_ req: Request, dataset: Dataset, t: Translator) -> HTML {
        let limit = ByteCountText.format(req.application.walidata.maxUploadBytes, lang: t.lang)
        return """
        <form class="card no-print" id="upload-form" method="post" enctype="multipart/form-data"
          action="\(SiteURL.datasetUpload(dataset.slug).path)?_csrf=\(req.csrfToken)" data-csrf="\(req.csrfToken)" data-network-error="\(t("upload.error.network"))">
        <h2>\(t("upload.title"))</h2>
        <p class="hint">\(t("upload.hint", limit))</p>
        \(FormField.text("note", label: t("upload.note"), hint: t("upload.note_hint")))
        \(FormField.text("file", label: t("upload.file"), type: "file", required: true))
        <progress id="upload-progress" max="100" value="0" hidden></progress>
        <p id="upload-status" class="hint" role="status" aria-live="polite"></p>
        <div class="actions"><button type="submit" id="upload-submit">\(t("upload.submit"))</button></div>
        </form>
        <script src="\(SiteURL.uploadScript.path)" defer></script>
        """
    }

    static func trash(_ req: Request, datasets: [Dataset]) async -> HTML {
        let t = req.t
        let isAdmin = req.currentUser?.role == .admin
        let rows = datasets.map { d -> HTML in
            let purgeFrom = d.deletedAt.map { $0.addingTimeInterval(Double(DatasetStore.retentionDays) * 86400) }
            let purge: HTML = isAdmin
                ? "<form class=\"inline\" method=\"post\" action=\"\(SiteURL.trashPurge(d.slug).path)\">\(Layout.csrfField(req))<button class=\"link\" type=\"submit\">\(t("trash.purge"))</button></form>"
                : .empty
            return """
            <tr><td>\(d.title)</td><td>\(d.organization.name)</td><td>\(DateText.dateTime(d.deletedAt, t: t))</td><td>\(DateText.date(purgeFrom, t: t))</td>
            <td><form class="inline" method="post" action="\(SiteURL.trashRestore(d.slug).path)">\(Layout.csrfField(req))<button class="link" type="submit" id="untrash-\(d.slug)">\(t("trash.restore"))</button></form> \(purge)</td></tr>
            """
        }
        let body: HTML = """
        <h1>\(t("trash.title"))</h1>
        <p class="muted">\(t("trash.intro", String(DatasetStore.retentionDays)))</p>
        <div class="table-wrap"><table class="list" id="trash-table">
        <thead><tr><th>\(t("datasets.field.title"))</th><th>\(t("users.organization"))</th><th>\(t("trash.deleted_at"))</th><th>\(t("trash.purge_from"))</th><th></th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(HTML.when(datasets.isEmpty, "<p class=\"muted\">\(t("trash.empty"))</p>"))
        """
        return await Layout.render(req, title: t("trash.title"), body: body)
    }

    /// The Satu Data metadata as table rows: on the office's dataset page and the public one.
    static func metadataRows(_ t: Translator, _ dataset: Dataset) -> [HTML] {
        let meta: [(String, String)] = [
            ("datasets.field.organization", dataset.organization.name),
            ("datasets.field.topic", dataset.topic),
            ("datasets.field.tags", dataset.tagList.joined(separator: ", ")),
            ("datasets.field.frequency", t("datasets.frequency." + dataset.frequency)),
            ("datasets.field.coverage", dataset.coverage),
            ("datasets.field.period", dataset.period),
            ("datasets.field.unit", dataset.unit),
            ("datasets.field.source", dataset.source),
            ("datasets.field.license", dataset.license),
            ("datasets.field.contact", dataset.contact),
        ]
        return meta.map { key, value -> HTML in "<tr><th>\(t(key))</th><td>\(value.isEmpty ? "–" : value)</td></tr>" }
    }
}
