import Vapor
import WalidataCore

enum StorageLogViews {
    /// `judul: "A" → "B"; akses: terbatas → terbuka`, each value cut to 60 characters.
    static func changeText(_ changed: String, _ details: [String: String], t: Translator) -> String {
        func short(_ value: String) -> String { value.count > 60 ? String(value.prefix(59)) + "…" : value }
        return changed.split(separator: ",").map { field -> String in
            let name = t("datasets.change." + field)
            return "\(name): \(short(details["old." + field] ?? "")) → \(short(details["new." + field] ?? ""))"
        }.joined(separator: "; ")
    }

    /// What an entry did, and to which dataset, version or case: the log's two text columns,
    /// on the page, the print and the `.xlsx` alike.
    static func describe(_ e: EventRecord, page: StorageLogController.Page, t: Translator) -> (what: String, subject: String) {
        let dataset = page.datasets[e.datasetID]
        let details = e.detailValues
        // Case events keep the registration number under "number"; version events the version's.
        let isCaseEvent = e.action.hasPrefix("case.") || e.action.hasPrefix("step") || e.action.hasPrefix("letter.")
        let version = isCaseEvent || e.versionID.isEmpty ? nil : details["number"]
        let caseNumber = details["case_number"] ?? (isCaseEvent ? details["number"] : nil)
        var what = t("log.action." + e.action)
        if let source = details["source_number"] { what += " " + t("log.from_version", source) }
        if e.action.hasPrefix("step."), let step = details["step"] { what += " (" + t("sop.step_n", step) + ")" }
        if let changed = details["changed"] { what += ": " + changeText(changed, details, t: t) }
        let subject = (dataset?.title ?? details["slug"] ?? (caseNumber == nil ? "–" : ""))
            + (version.map { " · " + t("versions.number", $0) } ?? "")
            + (caseNumber.map { (dataset == nil ? "" : " · ") + t("log.case_number", $0) } ?? "")
        return (what, subject)
    }

    static func page(_ req: Request, page: StorageLogController.Page, printable: Bool) async -> HTML {
        // The print is an official document: Indonesian whatever the reader's language.
        let t = printable ? Translator.official : req.t
        // On screen a window of the range at a time; the print is the whole range, as a
        // document must be.
        let window = printable ? nil : ((try? req.pageWindow()) ?? PageWindow())
        let shown = window.map { Array(page.events.dropFirst($0.offset).prefix($0.limit)) } ?? page.events
        let rows = shown.map { e -> HTML in
            let (what, subject) = describe(e, page: page, t: t)
            return """
            <tr><td class="num">\(e.sequence)</td><td>\(DateText.dateTime(e.at, t: t))</td>
            <td>\(e.actorName)<br><span class="muted">\(t("role." + e.actorRole))</span></td>
            <td>\(what)</td>
            <td>\(subject)</td>
            <td>\(e.blobHash.isEmpty ? "–" : "") \(HTML.when(!e.blobHash.isEmpty, "<code title=\"\(e.blobHash)\">\(String(e.blobHash.prefix(12)))</code>"))</td>
            <td class="num">\(e.size > 0 ? ByteCountText.format(e.size, lang: t.lang) : "–")</td>
            <td class="num">\(e.rowCount > 0 ? NumberText.format(e.rowCount, lang: t.lang) : "–")</td>
            <td>\(e.note)</td></tr>
            """
        }
        let table: HTML = """
        <table class="\(printable ? "doc-table" : "list")" id="storage-log">
        <thead><tr><th>\(t("log.seq"))</th><th>\(t("log.when"))</th><th>\(t("log.who"))</th><th>\(t("log.what"))</th><th>\(t("log.dataset_version"))</th><th>\(t("log.hash"))</th><th>\(t("versions.size"))</th><th>\(t("versions.rows_header"))</th><th>\(t("versions.note"))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        \(HTML.when(page.events.isEmpty, "<p class=\"muted\">\(t("log.empty"))</p>"))
        """
        let range = t("log.range", DateText.longDate(year: page.from.year, month: page.from.month, day: page.from.day, lang: t.lang), DateText.longDate(year: page.to.year, month: page.to.month, day: page.to.day, lang: t.lang))
        let heading = page.audit ? t("log.audit_title") : page.dataset.map { t("log.title_dataset", $0.title) } ?? t("log.title")
        let query = "from=\(page.from.iso)&to=\(page.to.iso)"
        if printable {
            let letterhead = (try? await Letterhead.load(on: req.db)) ?? .standard
            let checkpoint: HTML = page.head.map { head -> HTML in
                """
                <p class="sub" id="log-checkpoint">\(t("log.checkpoint", String(head.sequence))) <code class="sha">\(head.hash)</code>,
                \(t("log.checkpoint_signature")) <code class="sha">\(head.signature)</code>. \(t("log.checkpoint_hint"))</p>
                """
            } ?? ""
            let signers = await PrintDocument.printedAndAcknowledged(req, id: "log-signers")
            let body: HTML = "<h1>\(page.audit ? t("log.audit_title") : t("log.document_title"))</h1><p class=\"sub\">\(heading) · \(range)</p>\(table)\(checkpoint)\(signers)"
            return PrintDocument.render(req, title: heading, orientation: .landscape, letterhead: letterhead, body: body)
        }
        let action = page.audit ? SiteURL.audit.path : page.dataset.map { SiteURL.datasetLog($0.slug).path } ?? SiteURL.storageLog.path
        let printURL = page.dataset == nil && !page.audit ? SiteURL.storageLogPrint.path + "?" + query : action + "?print=1&" + query
        let xlsxURL = (page.dataset.map { SiteURL.datasetLogXlsx($0.slug) } ?? .storageLogXlsx).path + "?" + query
        let body: HTML = """
        \(page.dataset.map { d -> HTML in "<p class=\"muted\"><a href=\"\(SiteURL.dataset(d.slug).path)\">\(d.title)</a></p>" })
        <h1>\(heading)</h1>
        <p class="muted">\(t("log.intro"))</p>
        <form class="card no-print" method="get" action="\(action)">
        <div class="grid2">
        <div>\(FormField.date("from", label: t("log.from"), value: page.from.iso, t: t))</div>
        <div>\(FormField.date("to", label: t("log.to"), value: page.to.iso, t: t))</div>
        </div>
        <div class="actions"><button type="submit" class="secondary">\(t("datasets.filter"))</button><a class="button secondary" id="print-log" href="\(printURL)">\(t("log.print"))</a>\
        \(HTML.when(!page.audit, "<a class=\"button secondary\" id=\"download-log-xlsx\" href=\"\(xlsxURL)\">\(t("xlsxout.download"))</a>"))</div>
        </form>
        <p>\(range)</p>
        <div class="table-wrap">\(table)</div>
        \(window.map { Pager(window: $0, total: page.events.count).html(req, id: "log-pager") })
        """
        return await Layout.render(req, title: heading, body: body)
    }
}
