import Vapor
import WalidataCore

/// What the open step's card holds besides its completion form: the thing the step works on
/// (`main`) and, for steps whose output is written on the page, the editor placed above the
/// completion form (`side`). Step 1 the request's files (its checklist is in the form), step 2
/// the letter, steps 3–4 the data, step 5 the facts beside the narrative, step 6 the round to
/// hand in, step 7 the round to judge, step 8 the final concept, step 9 the announcement.
enum CaseStepCards {
    struct Work {
        var main: HTML = .empty
        var side: HTML = .empty
        /// Wide content (tables) goes above the form instead of beside it.
        var stacked = false
    }

    static func work(_ req: Request, user: User, detail: CaseDetail, finalRetry: CaseViews.FinalRetry?) -> Work {
        guard let open = detail.openStep else { return Work() }
        switch open.step {
        case 1:
            return Work(main: CaseAttachmentViews.card(req, user: user, detail: detail), stacked: true)
        case 2:
            return letter(req, user: user, detail: detail)
        case 3, 4:
            return Work(main: CaseAttachmentViews.card(req, user: user, detail: detail) + CaseDataViews.card(req, user: user, detail: detail), stacked: true)
        case 5:
            return Work(main: CaseReportViews.draftFacts(req.t, detail: detail), side: CaseReportViews.editor(req, user: user, detail: detail))
        case 6:
            return Work(main: CaseReportViews.current(req.t, detail: detail))
        case 7:
            return Work(main: CaseReportViews.current(req.t, detail: detail))
        case 8:
            return Work(main: CaseReportViews.finalConcept(req.t, detail: detail), side: CaseReportViews.finalEditor(req, user: user, detail: detail, retry: finalRetry))
        case 9:
            return Work(main: PublicationViews.card(req, user: user, detail: detail) + finalConceptLink(req.t, detail: detail), stacked: true)
        default:
            return Work()
        }
    }

    /// Step 2: the letter itself. Until it is saved the editor is open in the card (the office
    /// reads and corrects the draft before the step can be completed); once saved, its text is
    /// shown as it will print, with the editor folded below it.
    private static func letter(_ req: Request, user: User, detail: CaseDetail) -> Work {
        let t = req.t
        let id = detail.record.id!
        let canEdit = CasePolicy.may(.editLetter, user, detail.record)
        let links: HTML = """
        <p class="no-print"><a id="letter-preview-print" href="\(SiteURL.caseLetterPrint(id).path)">\(t("letters.print"))</a>\
        \(HTML.when(canEdit, " · <a id=\"letter-edit-link\" href=\"\(SiteURL.caseLetter(id).path)\">\(t("casePage.letter_full_editor"))</a>"))</p>
        """
        let preview: HTML = detail.letter.map { letter in
            """
            <div class="letter-preview" id="letter-preview">
            <p class="muted">\(t("casePage.letter_saved", DateText.dateTime(letter.updatedAt, t: t)))</p>
            <p><strong>\(t("letters.subject")):</strong> \(letter.subject)</p>
            <p><strong>\(t("letters.recipient")):</strong> \(letter.recipient)</p>
            \(CaseReportViews.paragraphs(letter.body))
            <p>\(letter.signerTitle) · \(letter.signerName)</p>
            </div>
            """
        } ?? "<p class=\"warn\" id=\"letter-unsaved\">\(t(canEdit ? "casePage.letter_unsaved" : "casePage.letter_unsaved_other"))</p>"
        guard canEdit, let fields = detail.letterFields else { return Work(main: preview + links) }
        let editor: HTML = """
        <form method="post" action="\(SiteURL.caseLetter(id).path)" id="letter-form">
        \(Layout.csrfField(req))
        \(LetterViews.formFields(t, fields: fields, calendar: detail.calendar))
        <p><button type="submit" id="letter-save">\(t("letters.save"))</button></p>
        </form>
        """
        let folded: HTML = detail.letter == nil ? editor
            : "<details class=\"no-print\" id=\"letter-editor\"><summary>\(t("letters.edit"))</summary>\(editor)</details>"
        return Work(main: preview + links + folded)
    }

    private static func finalConceptLink(_ t: Translator, detail: CaseDetail) -> HTML {
        guard detail.reports.contains(where: { $0.finalizedAt != nil }) else { return .empty }
        return "<p><a href=\"\(SiteURL.caseReportPrint(detail.record.id!, "final").path)\">\(t("caseReport.print_final"))</a></p>"
    }
}
