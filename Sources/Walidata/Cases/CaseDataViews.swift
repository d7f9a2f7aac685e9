import Vapor
import WalidataCore

/// The case page's data card (steps 3–4) and the case's storage log, screen and A4 print.
enum CaseDataViews {
    /// The SOP's warning, word for word; shown with what is missing while steps 3–4 are open.
    static let warningKey = "steps34.warning"

    static func card(_ req: Request, user: User, detail: CaseDetail) -> HTML {
        let t = req.t
        let files = detail.files
        let caseID = detail.record.id!
        let logLink: HTML = HTML.when(!files.events.isEmpty || detail.atDataSteps,
            "<p><a class=\"button secondary\" id=\"case-storage-log\" href=\"\(SiteURL.caseStorageLog(caseID).path)\">\(t("steps34.log_title"))</a></p>")
        guard detail.atDataSteps else {
            return files.events.isEmpty ? .empty : "<div class=\"card\" id=\"case-data\"><h2>\(t("steps34.title"))</h2>\(logLink)</div>"
        }
        let canWork = CasePolicy.may(.workData, user, detail.record)
        let rows = files.items.map { item -> HTML in
            let current = item.current.map { t("versions.number", String($0.number)) + " · " + t("steps34.status." + $0.status) } ?? "–"
            let state = item.rejected ? t("steps34.state.rejected") : item.received ? t("steps34.state.received") : t("steps34.state.missing")
            let trashed = item.dataset.deletedAt != nil
            var actions: [HTML] = []
            if canWork && trashed {
                actions.append("""
                <form class="inline" method="post" action="\(SiteURL.caseUntrash(caseID, item.dataset.slug).path)">\(Layout.csrfField(req))<button type="submit" class="secondary" id="untrash-\(item.dataset.slug)">\(t("steps34.untrash"))</button></form>
                """)
            }
            if canWork && !trashed {
                if detail.record.kind == .recovery, !item.versions.isEmpty {
                    let options = item.versions.filter { $0.state != .rejected }.map { v -> HTML in
                        "<option value=\"\(v.number)\">\(t("versions.number", String(v.number))) · \(v.filename)</option>"
                    }
                    actions.append("""
                    <form class="inline" method="post" action="\(SiteURL.caseRecover(caseID, item.dataset.slug).path)">\(Layout.csrfField(req))<select name="version" aria-label="\(t("steps34.recover"))">\(options)</select> <button type="submit" class="secondary" id="recover-\(item.dataset.slug)">\(t("steps34.recover"))</button></form>
                    """)
                }
                actions.append(uploadForm(req, caseID: caseID, dataset: item.dataset))
            }
            return """
            <tr><td><a href="\(SiteURL.dataset(item.dataset.slug).path)">\(item.dataset.title)</a>\(HTML.when(trashed, " <span class=\"muted\">(\(t("steps34.in_trash")))</span>"))\
            \(metadataNote(t, item.dataset))</td>\
            <td>\(current)</td><td class="data-state">\(state)</td><td>\(HTML.join(actions, separator: " "))</td></tr>
            """
        }
        let waiting = detail.attachments.filter { $0.attachment.versionID == nil }.count
        let warning: HTML = HTML.when(files.incomplete, warningBox(t, files))
            + HTML.when(canWork && waiting > 0, "<p class=\"warn\" id=\"attachments-waiting\">\(t("attachments.waiting_hint", String(waiting)))</p>")
        let attach: HTML = HTML.when(canWork, attachForm(req, detail: detail))
        return """
        <div class="card" id="case-data">
        <h2>\(t("steps34.title"))</h2>
        <p class="muted">\(t("steps34.intro." + detail.record.kindRaw))</p>
        \(warning)
        <div class="table-wrap"><table class="list" id="case-datasets">
        <thead><tr><th>\(t("datasets.field.title"))</th><th>\(t("steps34.current"))</th><th>\(t("steps34.check"))</th><th></th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(attach)
        \(logLink)
        </div>
        """
    }

    static func warningBox(_ t: Translator, _ files: CaseFiles) -> HTML {
        var lines: [HTML] = []
        if files.items.isEmpty { lines.append("<li>\(t("steps34.missing_none"))</li>") }
        for item in files.missing { lines.append("<li>\(t("steps34.missing_item", item.dataset.title))</li>") }
        for item in files.rejectedItems { lines.append("<li>\(t("steps34.rejected_item", item.dataset.title))</li>") }
        return """
        <div class="flash flash-error" role="alert" id="data-warning"><p><strong>\(t(warningKey))</strong></p><ul>\(lines)</ul></div>
        """
    }

    /// The dataset's upload endpoint, told which case the file is for.
    static func uploadForm(_ req: Request, caseID: UUID, dataset: Dataset) -> HTML {
        let t = req.t
        return """
        <form class="inline case-upload" method="post" enctype="multipart/form-data" id="upload-\(dataset.slug)"
          action="\(SiteURL.datasetUpload(dataset.slug).path)?case=\(caseID.uuidString)&amp;_csrf=\(req.csrfToken)">
        <input type="hidden" name="note" value="\(t("steps34.upload_note"))">
        <input type="file" name="file" required aria-label="\(t("upload.file"))">
        <button type="submit">\(t("upload.submit"))</button>
        </form>
        """
    }

    static func attachForm(_ req: Request, detail: CaseDetail) -> HTML {
        let t = req.t
        return """
        <form method="post" action="\(SiteURL.caseAttach(detail.record.id!).path)" id="attach-dataset" class="no-print">
        \(Layout.csrfField(req))
        <h3>\(t("steps34.attach"))</h3>
        \(HTML.when(!detail.attachable.isEmpty, FormField.select("dataset", label: t("steps34.attach_existing"),
            options: [(value: "", label: "–")] + detail.attachable.map { d in
                (value: d.id!.uuidString, label: d.title + (d.deletedAt == nil ? "" : " (" + t("steps34.in_trash") + ")"))
            }, selected: nil)))
        \(FormField.text("title", label: t("steps34.attach_new"), hint: t("steps34.attach_hint")))
        \(newDatasetFields(t, key: "attach"))
        <p><button type="submit" class="secondary">\(t("steps34.attach_submit"))</button></p>
        </form>
        """
    }

    /// The Satu Data metadata asked for when steps 3–4 make a new dataset (a new title here, or
    /// a handed-over file stored into a new dataset); used only when no existing one is chosen.
    /// Access starts at terbatas: nothing made from a file is open until someone decides so.
    static func newDatasetFields(_ t: Translator, key: String) -> HTML {
        let fields = PublicationMetadata.required.map { f -> HTML in
            "<div><label for=\"\(f.field)-\(key)\">\(t(f.label))</label><input type=\"text\" id=\"\(f.field)-\(key)\" name=\"\(f.field)\"></div>"
        }
        let access = Dataset.Access.allCases.map { a -> HTML in
            "<option value=\"\(a.rawValue)\"\(HTML.when(a == .terbatas, " selected"))>\(t("datasets.access." + a.rawValue))</option>"
        }
        return """
        <fieldset class="new-dataset" id="new-dataset-\(key)"><legend>\(t("steps.metadata_title"))</legend>
        <p class="hint">\(t("steps.metadata_hint"))</p>
        <div class="fields">\(fields)<div><label for="access-\(key)">\(t("datasets.field.access"))</label><select id="access-\(key)" name="access">\(access)</select></div></div>
        </fieldset>
        """
    }

    /// "Metadata belum lengkap: Topik, Satuan" under a linked dataset, with the way to fill it in.
    static func metadataNote(_ t: Translator, _ dataset: Dataset) -> HTML {
        let missing = PublicationMetadata.missing(in: dataset)
        guard !missing.isEmpty else { return .empty }
        return """
        <br><span class="metadata-missing">\(t("steps.metadata_missing", PublicationMetadata.labels(missing, t).joined(separator: ", "))) \
        <a href="\(SiteURL.datasetEdit(dataset.slug).path)">\(t("datasets.edit_metadata"))</a></span>
        """
    }

    static func storageLog(_ req: Request, record: Case, events: [EventRecord], datasets: [String: Dataset], printable: Bool) async -> HTML {
        // The print is an official document: Indonesian whatever the reader's language.
        let t = printable ? Translator.official : req.t
        // The case's own entries are numbered from 1; the log's number stands beside, to find
        // the entry in the whole chain.
        let rows = events.enumerated().map { index, e -> HTML in
            let version = e.detail("number")
            var what = t("log.action." + e.action)
            if let source = e.detail("source_number") { what += " " + t("log.from_version", source) }
            return """
            <tr><td class="num">\(index + 1)</td><td class="num">\(e.sequence)</td><td>\(DateText.dateTime(e.at, t: t))</td>
            <td>\(e.actorName)<br><span class="muted">\(t("role." + e.actorRole))</span></td>
            <td>\(what)</td>
            <td>\(datasets[e.datasetID]?.title ?? "–")\(version.map { " · " + t("versions.number", $0) } ?? "")</td>
            <td>\(e.blobHash.isEmpty ? "–" : "<code class=\"sha\">\(e.blobHash)</code>" as HTML)</td>
            <td class="num">\(e.size > 0 ? ByteCountText.format(e.size, lang: t.lang) : "–")</td>
            <td class="num">\(e.rowCount > 0 ? NumberText.format(e.rowCount, lang: t.lang) : "–")</td></tr>
            """
        }
        let table: HTML = """
        <table class="\(printable ? "doc-table" : "list")" id="case-storage-log-table">
        <thead><tr><th>\(t("docs.log.case_seq"))</th><th>\(t("docs.log.global_seq"))</th><th>\(t("log.when"))</th><th>\(t("log.who"))</th><th>\(t("log.what"))</th><th>\(t("log.dataset_version"))</th><th>SHA-256</th><th>\(t("versions.size"))</th><th>\(t("versions.rows_header"))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        \(HTML.when(events.isEmpty, "<p class=\"muted\">\(t("log.empty"))</p>"))
        """
        let heading = t("steps34.log_heading", record.number)
        if printable {
            let letterhead = (try? await Letterhead.load(on: req.db)) ?? .standard
            let signers = await PrintDocument.printedAndAcknowledged(req, id: "log-signers")
            let body: HTML = "<h1>\(t("log.document_title"))</h1><p class=\"sub\">\(heading) · \(record.title)</p>\(table)\(signers)"
            return PrintDocument.render(req, title: heading, orientation: .landscape, letterhead: letterhead, body: body)
        }
        let body: HTML = """
        <p class="muted"><a href="\(SiteURL.caseDetail(record.id!).path)">\(record.number): \(record.title)</a></p>
        <h1>\(heading)</h1>
        <p class="muted">\(t("steps34.log_intro"))</p>
        <p class="no-print"><a class="button secondary" id="print-case-log" href="\(SiteURL.caseStorageLog(record.id!).path)?print=1">\(t("log.print"))</a></p>
        <div class="table-wrap">\(table)</div>
        """
        return await Layout.render(req, title: heading, body: body)
    }
}
