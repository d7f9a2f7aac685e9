import Foundation
import Vapor
import WalidataCore

/// The screen parts of steps 1 and 2: the checklist in the step-1 form, the card linking the
/// receipt and the letter, and the letter's edit form.
enum LetterViews {
    static func checklistFields(_ t: Translator, _ checklist: Checklist, ticked: Set<String> = [], conveyed: String = "") -> HTML {
        let boxes = checklist.items.map { item -> HTML in
            """
            <label class="check"><input type="checkbox" name="checklist[]" value="\(item.text)"\(HTML.when(!item.optional, " data-required=\"true\""))\(HTML.when(ticked.contains(item.text), " checked"))> \
            \(item.text)\(HTML.when(item.optional, " <span class=\"muted\">(\(t("letters.optional")))</span>"))</label>
            """
        }
        return """
        <fieldset id="step1-checklist"><legend>\(t("letters.checklist"))</legend>
        <p class="hint">\(t("letters.checklist_hint"))</p>\(boxes)</fieldset>
        \(FormField.textarea("conveyed", label: t("letters.conveyed"), value: conveyed, rows: 2, hint: t("letters.conveyed_hint")))
        """
    }

    /// Links to the outputs the case has so far.
    static func outputsCard(_ t: Translator, user: User, detail: CaseDetail) -> HTML {
        let id = detail.record.id!
        var items: [HTML] = []
        if detail.receipt != nil {
            items.append("<li><a id=\"receipt-link\" href=\"\(SiteURL.caseReceipt(id).path)\">\(t("letters.receipt_title"))</a></li>")
        }
        if detail.reachedLetter {
            let number = detail.letter?.number ?? t("letters.unnumbered")
            let canEdit = CasePolicy.may(.editLetter, user, detail.record) && detail.record.state == .open
            items.append("""
            <li>\(t("letters.letter_title")): <strong id="letter-number">\(number)</strong> · \
            <a id="letter-print-link" href="\(SiteURL.caseLetterPrint(id).path)">\(t("letters.print"))</a>\
            \(DocumentDownload.links(t, path: SiteURL.caseLetterPrint(id).path, id: "letter-download"))\
            \(HTML.when(canEdit, " · <a id=\"letter-edit-link\" href=\"\(SiteURL.caseLetter(id).path)\">\(t("letters.edit"))</a>"))</li>
            """)
        }
        if detail.steps.contains(where: { $0.step == 4 && $0.completedAt != nil }) {
            items.append("<li><a id=\"storage-log-link\" href=\"\(SiteURL.caseStorageLog(id).path)?print=1\">\(t("steps34.log_title"))</a></li>")
        }
        if detail.reports.contains(where: { $0.finalizedAt != nil }) {
            let path = SiteURL.caseReportPrint(id, "final").path
            items.append("<li><a id=\"final-concept-link\" href=\"\(path)\">\(t("caseReport.print_final"))</a>\(DocumentDownload.links(t, path: path, id: "final-concept-download"))</li>")
        }
        if let announcement = detail.publication?.announcement, announcement.published {
            let path = SiteURL.caseFinalReport(id).path
            items.append("<li><a id=\"final-report-link\" href=\"\(path)\">\(t("publication.final_report"))</a>\(DocumentDownload.links(t, path: path, id: "final-report-download"))</li>")
        }
        // The case record (timeline) exists from the first step on.
        items.append("<li><a id=\"record-output-link\" href=\"\(SiteURL.caseRecord(id).path)\">\(t("record.link"))</a></li>")
        return "<div class=\"card\" id=\"case-outputs\"><h2>\(t("letters.outputs"))</h2><ul>\(items)</ul></div>"
    }

    static func editForm(_ req: Request, record: Case, fields: LetterFields, number: String?, calendar: WorkingCalendar, problems: [Problem]) async -> HTML {
        let t = req.t
        let id = record.id!
        let body: HTML = """
        <h1>\(t("letters.letter_title")): \(record.number)</h1>
        <p class="muted">\(t("letters.edit_intro"))</p>
        \(FormField.errors(problems, t: t))
        <p>\(t("letters.number")): <strong id="letter-number">\(number ?? t("letters.unnumbered"))</strong></p>
        <form method="post" action="\(SiteURL.caseLetter(id).path)" class="card" id="letter-form">
        \(Layout.csrfField(req))
        \(formFields(t, fields: fields, calendar: calendar))
        <p><button type="submit">\(t("letters.save"))</button> <a href="\(SiteURL.caseLetterPrint(id).path)">\(t("letters.print"))</a> · <a href="\(SiteURL.caseDetail(id).path)">\(t("letters.back"))</a></p>
        </form>
        """
        return await Layout.render(req, title: t("letters.letter_title"), body: body)
    }

    /// The letter's fields, shared by the editor page and the editor in step 2's card.
    static func formFields(_ t: Translator, fields: LetterFields, calendar: WorkingCalendar) -> HTML {
        let day = calendar.localDate(of: fields.date)
        return """
        \(FormField.text("place", label: t("letters.place"), value: fields.place, required: true))
        \(FormField.date("date", label: t("letters.date"), value: day.description, required: true, t: t))
        \(FormField.text("nature", label: t("letters.nature"), value: fields.nature, required: true))
        \(FormField.text("attachment", label: t("letters.attachment"), value: fields.attachment))
        \(FormField.text("subject", label: t("letters.subject"), value: fields.subject, required: true))
        \(FormField.textarea("recipient", label: t("letters.recipient"), value: fields.recipient, rows: 3))
        \(FormField.textarea("body", label: t("letters.body"), value: fields.body, rows: 12, hint: t("letters.body_hint")))
        \(FormField.text("signerTitle", label: t("letters.signer_title"), value: fields.signerTitle, required: true))
        \(FormField.text("signerName", label: t("letters.signer_name"), value: fields.signerName, required: true))
        \(FormField.text("signerNIP", label: t("letters.signer_nip"), value: fields.signerNIP))
        \(FormField.textarea("copies", label: t("letters.copies"), value: fields.copies, rows: 3, hint: t("letters.copies_hint")))
        """
    }
}
