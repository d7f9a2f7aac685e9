import Vapor
import WalidataCore

/// The case page's "Lampiran permohonan" card: the files the requester handed over, the upload
/// form while they may still add some (steps 1–3), and for the IT officer at steps 3–4 a
/// "store into a dataset" form on each file not yet stored. Works without script.
enum CaseAttachmentViews {
    static func card(_ req: Request, user: User, detail: CaseDetail) -> HTML {
        let t = req.t
        let record = detail.record
        let caseID = record.id!
        let canAttach = CasePolicy.may(.attach, user, record) && detail.acceptsAttachments
        let canStore = CasePolicy.may(.workData, user, record) && detail.atDataSteps
        guard canAttach || !detail.attachments.isEmpty else { return .empty }
        let targets = detail.files.items.map(\.dataset).filter { $0.deletedAt == nil }
        let rows = detail.attachments.map { item -> HTML in
            let a = item.attachment
            let id = a.id!
            let action: HTML = HTML.when(canStore && a.versionID == nil, storeForm(req, caseID: caseID, attachmentID: id, targets: targets))
            return """
            <tr id="attachment-\(id.uuidString)"><td data-label="\(t("attachments.col.file"))"><a href="\(SiteURL.caseAttachment(caseID, id).path)" download>\(a.filename)</a>\(HTML.when(!a.note.isEmpty, "<span class=\"muted attachment-note\">\(a.note)</span>"))</td>\
            <td class="num" data-label="\(t("attachments.col.size"))">\(ByteCountText.format(a.size, lang: t.lang))</td>\
            <td data-label="\(t("attachments.col.uploaded"))">\(detail.name(a.uploadedBy) ?? "–")<span class="muted when">\(DateText.dateTime(a.uploadedAt, t: t))</span></td>\
            <td data-label="\(t("attachments.col.state"))" class="attachment-state">\(state(t, item, detail: detail))\(action)</td></tr>
            """
        }
        let intro: HTML = if canAttach && detail.attachments.isEmpty {
            "<p class=\"warn\" id=\"attachments-invite\">\(t("attachments.invite"))</p>"
        } else {
            "<p class=\"muted\">\(t(canStore ? "attachments.intro_officer" : "attachments.intro"))</p>"
        }
        let table: HTML = HTML.when(!detail.attachments.isEmpty, """
        <div class="table-wrap"><table class="list stack" id="attachments-table">
        <thead><tr><th>\(t("attachments.col.file"))</th><th class="num">\(t("attachments.col.size"))</th><th>\(t("attachments.col.uploaded"))</th><th>\(t("attachments.col.state"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """)
        return """
        <div class="card" id="case-attachments">
        <h2>\(t("attachments.title"))</h2>
        \(intro)
        \(table)
        \(HTML.when(canAttach, uploadForm(req, caseID: caseID)))
        </div>
        """
    }

    /// Waiting, or "disimpan sebagai {dataset} versi n" with the dataset linked.
    private static func state(_ t: Translator, _ item: CaseAttachmentStore.Item, detail: CaseDetail) -> HTML {
        guard let version = item.version, let dataset = item.dataset else {
            return "<span class=\"muted\">\(t("attachments.state.waiting"))</span>"
        }
        let marker = "@@DATASET@@"
        let text = HTML.escape(t("attachments.state.stored", marker, String(version.number)))
        let link: HTML = "<a href=\"\(SiteURL.version(dataset.slug, version.number).path)\">\(dataset.title)</a>"
        let rejected: HTML = HTML.when(version.state == .rejected, " <span class=\"badge off\">\(t("attachments.state.rejected"))</span>")
        let by: HTML = HTML.when(item.attachment.storedAt != nil,
            "<span class=\"muted\">\(detail.name(item.attachment.storedBy) ?? "–") · \(DateText.dateTime(item.attachment.storedAt, t: t))</span>")
        return HTML(raw: text.replacingOccurrences(of: marker, with: link.raw)) + rejected + by
    }

    /// A plain multipart form: the server streams it (the CSRF token rides in the address,
    /// since the body is not read before the check).
    private static func uploadForm(_ req: Request, caseID: UUID) -> HTML {
        let t = req.t
        let limit = ByteCountText.format(req.application.walidata.maxUploadBytes, lang: t.lang)
        return """
        <form method="post" enctype="multipart/form-data" id="attachment-form" class="no-print"
          action="\(SiteURL.caseAttachmentUpload(caseID).path)?_csrf=\(req.csrfToken)">
        <h3>\(t("attachments.upload_title"))</h3>
        <p class="hint">\(t("attachments.upload_hint", limit))</p>
        <label for="attachment-file">\(t("attachments.file"))</label>
        <input type="file" id="attachment-file" name="file" required>
        <label for="attachment-note">\(t("attachments.note"))</label>
        <input type="text" id="attachment-note" name="note" maxlength="500">
        <p class="hint">\(t("attachments.note_hint"))</p>
        <div class="actions"><button type="submit" id="attachment-submit">\(t("attachments.upload_submit"))</button></div>
        </form>
        """
    }

    /// Step 3–4: one of the case's datasets, or the title of a new one in the agency.
    private static func storeForm(_ req: Request, caseID: UUID, attachmentID: UUID, targets: [Dataset]) -> HTML {
        let t = req.t
        let key = attachmentID.uuidString
        let options = targets.map { d -> HTML in
            "<option value=\"\(d.id!.uuidString)\"\(HTML.when(targets.count == 1, " selected"))>\(d.title)</option>"
        }
        return """
        <form method="post" class="store-attachment no-print" id="store-\(key)" action="\(SiteURL.caseAttachmentStore(caseID, attachmentID).path)">
        \(Layout.csrfField(req))
        <div><label for="store-dataset-\(key)">\(t("attachments.store_dataset"))</label>
        <select id="store-dataset-\(key)" name="dataset"><option value="">\(t("attachments.store_new_option"))</option>\(options)</select></div>
        <div><label for="store-title-\(key)">\(t("attachments.store_title"))</label>
        <input type="text" id="store-title-\(key)" name="title"></div>
        \(CaseDataViews.newDatasetFields(t, key: key))
        <div><button type="submit" id="store-submit-\(key)">\(t("attachments.store_submit"))</button></div>
        </form>
        """
    }
}
