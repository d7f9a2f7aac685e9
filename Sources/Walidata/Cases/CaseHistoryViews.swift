import Vapor
import WalidataCore

/// The case page's history: one line per completed step (who, when, on time or late, what it
/// produced, linked), then, folded, the earlier report rounds, the request's files once they are
/// no longer worked on, and the full step table and timeline.
enum CaseHistoryViews {
    static func card(_ req: Request, user: User, detail: CaseDetail, shownRound: Int?) -> HTML {
        let t = req.t
        let done = detail.steps.filter { $0.completedAt != nil }
        // Each output's link (and its id) goes on the last instance of its step only.
        let lastRound = Dictionary(done.map { ($0.step, $0.round) }, uniquingKeysWith: max)
        let lines = done.map { row -> HTML in
            line(t, detail: detail, row: row, outputs: lastRound[row.step] == row.round)
        }
        let attachments: HTML = HTML.when(!showsAttachments(detail), folded(
            "history-attachments", t("attachments.title"), CaseAttachmentViews.card(req, user: user, detail: detail)))
        return """
        <div class="card" id="case-history">
        <h2>\(t("casePage.history"))</h2>
        \(done.isEmpty ? "<p class=\"muted\">\(t("casePage.history_empty"))</p>" as HTML : "<ol class=\"history\" id=\"step-history\">\(lines)</ol>")
        <p class="no-print"><a id="record-output-link" href="\(SiteURL.caseRecord(detail.record.id!).path)">\(t("record.link"))</a> \
        <span class="muted">\(t("record.link_hint"))</span></p>
        \(CaseReportViews.history(t, detail: detail, except: shownRound))
        \(attachments)
        <details id="history-full"><summary>\(t("casePage.history_full"))</summary>
        \(CaseStepViews.stepTable(t, detail: detail))
        \(CaseStepViews.timeline(t, detail: detail))
        </details>
        </div>
        """
    }

    /// Whether the open step's card shows the request's files (steps 1–4), so the history doesn't.
    static func showsAttachments(_ detail: CaseDetail) -> Bool {
        guard let step = detail.openStep?.step else { return false }
        return (1...4).contains(step)
    }

    private static func folded(_ id: String, _ title: String, _ body: HTML) -> HTML {
        body == .empty ? .empty : "<details id=\"\(id)\"><summary>\(title)</summary>\(body)</details>"
    }

    /// "3 · Menerima data — Budi (Pengelola TI), 30-11-2026 10:12 · Tepat waktu · Laporan …"
    private static func line(_ t: Translator, detail: CaseDetail, row: CaseStep, outputs: Bool) -> HTML {
        let step = detail.definition.step(row.step)
        let who = [detail.name(row.completedBy), row.completedRole.map { t("role." + $0) }].compactMap { $0 }
        let round: HTML = HTML.when(row.round > 1, " <span class=\"muted\">(\(t("cases.round_n", String(row.round))))</span>")
        // A decision is named ("Tidak, dikembalikan: …"); a plain completion shows only its note.
        let outcome: HTML = if let raw = row.outcome, raw != StepOutcome.done.rawValue {
            " · \(t("cases.outcome." + raw))\(row.note.map { ": " + $0 })"
        } else {
            HTML.when(row.note != nil, " · \(row.note ?? "")")
        }
        let links = output(t, detail: detail, row: row, ids: outputs)
        return """
        <li id="history-\(row.step)-\(row.round)"><strong>\(row.step) · \(CaseStepViews.stepName(t, step))</strong>\(round) — \
        \(who.first ?? "–")\(who.count > 1 ? " (" + who[1] + ")" : ""), \(DateText.dateTime(row.completedAt, t: t)) \
        \(CaseStepViews.badge(t, detail.status(of: row)))\(outcome)\(HTML.when(links != .empty, " · " + links))</li>
        """
    }

    /// The document a step produced, linked.
    private static func output(_ t: Translator, detail: CaseDetail, row: CaseStep, ids: Bool) -> HTML {
        let id = detail.record.id!
        func anchor(_ name: String) -> HTML { ids ? " id=\"\(name)\"" : .empty }
        switch row.step {
        case 1 where detail.receipt != nil:
            return "<a\(anchor("receipt-link")) href=\"\(SiteURL.caseReceipt(id).path)\">\(t("letters.receipt_title"))</a>"
        case 2 where detail.letter != nil:
            return """
            \(t("letters.letter_title")) <strong\(anchor("letter-number"))>\(detail.letter?.number ?? t("letters.unnumbered"))</strong> \
            <a\(anchor("letter-print-link")) href="\(SiteURL.caseLetterPrint(id).path)">\(t("letters.print"))</a>\
            \(DocumentDownload.links(t, path: SiteURL.caseLetterPrint(id).path))
            """
        case 4:
            return "<a\(anchor("storage-log-link")) href=\"\(SiteURL.caseStorageLog(id).path)?print=1\">\(t("steps34.log_title"))</a>"
        case 6, 7 where detail.reports.contains { $0.round == row.round }:
            let path = SiteURL.caseReportPrint(id, String(row.round)).path
            return "<a href=\"\(path)\">\(t("caseReport.round_n", String(row.round)))</a>\(DocumentDownload.links(t, path: path))"
        case 8 where detail.reports.contains { $0.finalizedAt != nil }:
            let path = SiteURL.caseReportPrint(id, "final").path
            return "<a\(anchor("final-concept-link")) href=\"\(path)\">\(t("caseReport.print_final"))</a>\(DocumentDownload.links(t, path: path))"
        case 9 where detail.publication?.announcement.published == true:
            let path = SiteURL.caseFinalReport(id).path
            return "<a\(anchor("final-report-link")) href=\"\(path)\">\(t("publication.final_report"))</a>\(DocumentDownload.links(t, path: path))"
        default:
            return .empty
        }
    }
}
