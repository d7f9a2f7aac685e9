import Vapor
import WalidataCore

/// The report on the case page: the facts and the narrative editor of step 5, the round handed
/// in or judged at steps 6–7, the final concept of step 8, and the earlier rounds for the history.
enum CaseReportViews {
    /// Step 5: the facts the system drafts from the case, shown from the moment the step opens
    /// (they are drafted again, the same way, when the round is saved and handed in). After a
    /// return, the section the kasi's note is about is marked and the note stands beside it.
    static func draftFacts(_ t: Translator, detail: CaseDetail) -> HTML {
        let drafted = CaseReportDraft.facts(for: detail, at: detail.now)
        let returned = detail.reports.last { $0.submitted }.flatMap { $0.returned ? $0 : nil }
        let marked = returned?.decisionSection?.factIndex != nil
        let body = facts(drafted, marking: marked ? returned?.decisionSection : nil, note: marked ? noteBeside(t, returned) : .empty)
        return """
        <h3>\(t("casePage.facts"))</h3>
        <p class="hint">\(t("casePage.facts_hint"))</p>
        \(marked ? "<div id=\"revision-target\">\(body)</div>" as HTML : body)
        """
    }

    /// Step 5: the narrative editor (for those who write it), with the kasi's return note above it.
    static func editor(_ req: Request, user: User, detail: CaseDetail) -> HTML {
        let t = req.t
        let editing = detail.reports.last.flatMap { $0.submitted ? nil : $0 }
        let previous = detail.reports.last { $0.submitted }
        let text = editing?.narrative ?? previous?.narrative ?? ""
        let note: HTML = HTML.when(previous?.returned == true, """
        <p class="flash flash-error" id="report-return-note">\(t("caseReport.returned_note", String(previous?.round ?? 0), previous?.decisionNote ?? ""))\(previous.map { sectionLabel(t, $0) } ?? "")</p>
        """)
        guard CasePolicy.may(.editReport, user, detail.record) else {
            return note + "<h3>\(t("caseReport.narrative"))</h3><div class=\"narrative\">\(paragraphs(text))</div>"
        }
        return """
        \(note)
        <form method="post" action="\(SiteURL.caseReport(detail.record.id!).path)" id="report-form">
        \(Layout.csrfField(req))
        \(HTML.when(previous?.returned == true && previous?.decisionSection == .narrative, noteBeside(t, previous)))
        \(FormField.textarea("narrative", label: t("caseReport.narrative"), value: text, rows: 10, hint: t("caseReport.narrative_hint")))
        <p><button type="submit" id="report-save">\(t("caseReport.save"))</button>\
        \(HTML.when(editing != nil, " <span class=\"muted\" id=\"report-saved\">\(t("casePage.report_saved_at", DateText.dateTime(editing?.updatedAt, t: t)))</span>"))</p>
        </form>
        """
    }

    /// Steps 6 and 7: the round being handed in or judged, with what changed since the round before.
    static func current(_ t: Translator, detail: CaseDetail) -> HTML {
        guard let report = detail.reports.last else { return "<p class=\"muted\">–</p>" }
        let before = detail.reports.last { $0.round < report.round }
        return round(t, caseID: detail.record.id!, report: report, previous: before, names: detail, anchor: true)
    }

    /// Step 8: the approved round as the final concept will print it, and what the kasi changed.
    static func finalConcept(_ t: Translator, detail: CaseDetail) -> HTML {
        guard let report = detail.reports.last(where: \.approved) else { return "<p class=\"muted\">–</p>" }
        let caseID = detail.record.id!
        let adjusted = report.finalNarrative != nil
        let diff: HTML = adjusted ? """
        <details id="final-diff" open><summary>\(t("casePage.final_diff", String(report.round)))</summary>
        <pre class="diff">\(report.finalDiff.map(diffLine))</pre></details>
        """ : "<p class=\"muted\" id=\"final-unchanged\">\(t("casePage.final_unchanged", String(report.round)))</p>"
        return """
        <section class="report-round" id="final-concept">
        <h3>\(t("casePage.final_title")) · \(t("caseReport.round_n", String(report.round)))</h3>
        \(facts(report.facts))
        <h4>\(t("caseReport.narrative"))</h4>
        <div class="narrative">\(paragraphs(report.finalText))</div>
        \(diff)
        <p><a href="\(SiteURL.caseReportPrint(caseID, String(report.round)).path)">\(t("casePage.print_approved", String(report.round)))</a></p>
        </section>
        """
    }

    /// Step 8: the kasi's editor of the final concept's narrative.
    static func finalEditor(_ req: Request, user: User, detail: CaseDetail, retry: CaseViews.FinalRetry?) -> HTML {
        let t = req.t
        guard CasePolicy.may(.adjustFinalReport, user, detail.record), let report = detail.reports.last(where: \.approved) else { return .empty }
        let refusal: HTML = retry.map { "<p class=\"flash flash-error\" role=\"alert\" id=\"final-error\">\($0.message)</p>" } ?? .empty
        return """
        <form method="post" action="\(SiteURL.caseReportFinal(detail.record.id!).path)" id="final-form">
        \(Layout.csrfField(req))
        \(refusal)
        \(FormField.textarea("narrative", label: t("casePage.final_narrative"), value: retry?.text ?? report.finalText, rows: 10, hint: t("casePage.final_hint")))
        <p><button type="submit" class="secondary" id="final-save">\(t("casePage.final_save"))</button></p>
        </form>
        """
    }

    /// Every round not shown in the open step's card, newest first, for the folded history.
    static func history(_ t: Translator, detail: CaseDetail, except shown: Int?) -> HTML {
        let rounds = detail.reports.filter { $0.round != shown && ($0.submitted || detail.openStep?.step != 5) }
        guard !rounds.isEmpty else { return .empty }
        let items = rounds.reversed().map { report -> HTML in
            round(t, caseID: detail.record.id!, report: report, previous: detail.reports.last { $0.round < report.round }, names: detail, anchor: false)
        }
        return """
        <details id="history-reports"><summary>\(t("casePage.history_reports", String(rounds.count)))</summary>
        \(items)
        </details>
        """
    }

    private static func round(_ t: Translator, caseID: UUID, report: CaseReport, previous: CaseReport?, names: CaseDetail, anchor: Bool) -> HTML {
        let state: String = if report.finalizedAt != nil { t("caseReport.state.final") }
            else if report.approved { t("caseReport.state.approved") }
            else if report.returned { t("caseReport.state.returned") }
            else if report.submitted { t("caseReport.state.submitted") }
            else { t("caseReport.state.draft") }
        let decision: HTML = HTML.when(report.decision != nil, """
        <p id="report-decision-\(report.round)">\(t("caseReport.decided", names.name(report.decidedBy) ?? "", DateText.dateTime(report.decidedAt, t: t)))\(report.decisionNote.map { ": " + $0 })\(sectionLabel(t, report))</p>
        """)
        let diff: HTML = if let previous {
            """
            <details id="report-diff-\(report.round)"\(HTML.when(anchor, " open"))><summary>\(t("caseReport.diff", String(previous.round)))</summary>
            <pre class="diff">\(CaseReportDiff.lines(from: previous.narrative, to: report.narrative).map(diffLine))</pre></details>
            """
        } else { "" }
        return """
        <section class="report-round" id="report-round-\(report.round)">
        <h3>\(t("caseReport.round_n", String(report.round))) · \(state)\(report.submittedAt.map { " · " + t("caseReport.submitted_at", DateText.dateTime($0, t: t)) })</h3>
        \(facts(report.facts, marking: report.returned ? report.decisionSection : nil, note: noteBeside(t, report), anchor: anchor))
        <h4\(HTML.when(report.returned && report.decisionSection == .narrative, " class=\"note-target\""))>\(t("caseReport.narrative"))</h4>
        \(HTML.when(report.returned && report.decisionSection == .narrative, noteBeside(t, report)))
        <div class="narrative">\(paragraphs(report.narrative))</div>
        \(decision)
        \(diff)
        <p><a href="\(SiteURL.caseReportPrint(caseID, String(report.round)).path)">\(t("caseReport.print"))</a>\
        \(DocumentDownload.links(t, path: SiteURL.caseReportPrint(caseID, String(report.round)).path))\
        \(HTML.when(report.finalizedAt != nil, " · <a href=\"\(SiteURL.caseReportPrint(caseID, "final").path)\">\(t("caseReport.print_final"))</a>"))</p>
        </section>
        """
    }

    static func diffLine(_ line: CaseReportDiff.Line) -> HTML {
        switch line {
        case .same(let text): "<span>  \(text)</span>\n"
        case .added(let text): "<ins>+ \(text)</ins>\n"
        case .removed(let text): "<del>- \(text)</del>\n"
        }
    }

    /// The drafted sections, shared by the case page and the print views. `marking` is the
    /// section a return note is about: its heading is highlighted and `note` follows it.
    static func facts(_ sections: [CaseReport.Section], marking: ReportSection? = nil, note: HTML = .empty, anchor: Bool = true) -> HTML {
        let parts = sections.enumerated().map { index, section -> HTML in
            let marked = marking?.factIndex == index
            return """
            <h4\(HTML.when(marked, " class=\"note-target\"" + (anchor ? " id=\"note-target\"" : "")))>\(section.title)</h4>\(HTML.when(marked, note))\
            <ul>\(section.lines.map { "<li>\($0)</li>" as HTML })</ul>
            """
        }
        return "<div class=\"facts\">\(parts)</div>"
    }

    /// " · Bagian: Data …" after a return note; nothing for an approval or a note on no section.
    static func sectionLabel(_ t: Translator, _ report: CaseReport) -> String {
        guard report.returned, let section = report.decisionSection else { return "" }
        return " · " + t("record.note_section", t("record.section." + section.rawValue))
    }

    /// The kasi's note placed next to the section it is about.
    static func noteBeside(_ t: Translator, _ report: CaseReport?) -> HTML {
        guard let report, report.returned else { return .empty }
        return "<p class=\"note-beside\">\(t("record.note_for_section", String(report.round), report.decisionNote ?? ""))</p>"
    }

    /// Narrative paragraphs, separated by blank lines; empty shows a dash.
    static func paragraphs(_ text: String) -> HTML {
        let parts = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return "<p>–</p>" }
        return "\(parts.map { part -> HTML in "<p>\(HTML(raw: part.components(separatedBy: "\n").map(HTML.escape).joined(separator: "<br>")))</p>" })"
    }
}
