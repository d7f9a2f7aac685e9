import Vapor
import WalidataCore

/// The report card of the case page: every round with its facts, narrative, decision and what
/// changed since the previous round, and the narrative form while step 5 is open.
enum CaseReportViews {
    static func card(_ req: Request, user: User, detail: CaseDetail, rounds: [CaseReport]) -> HTML {
        let t = req.t
        let caseID = detail.record.id!
        let atStep5 = detail.openStep?.step == 5
        guard atStep5 || !rounds.isEmpty else { return "" }
        let editing = rounds.last.flatMap { $0.submitted ? nil : $0 }
        let previous = rounds.last { $0.submitted }
        let form: HTML = HTML.when(atStep5 && CasePolicy.may(.editReport, user, detail.record), """
        \(HTML.when(previous?.returned == true, "<p class=\"flash flash-error\" id=\"report-return-note\">\(t("caseReport.returned_note", String(previous?.round ?? 0), previous?.decisionNote ?? ""))\(previous.map { sectionLabel(t, $0) } ?? "")</p>"))
        \(HTML.when(previous?.returned == true, factsForRevision(t, previous)))
        <form method="post" action="\(SiteURL.caseReport(caseID).path)" id="report-form">
        \(Layout.csrfField(req))
        \(HTML.when(previous?.returned == true && previous?.decisionSection == .narrative, noteBeside(t, previous)))
        \(FormField.textarea("narrative", label: t("caseReport.narrative"), value: editing?.narrative ?? previous?.narrative ?? "", rows: 8, hint: t("caseReport.narrative_hint")))
        <p><button type="submit">\(t("caseReport.save"))</button></p>
        </form>
        """)
        let items = rounds.reversed().map { report -> HTML in
            let before = rounds.last { $0.round < report.round }
            return round(t, caseID: caseID, report: report, previous: before, names: detail)
        }
        return """
        <div class="card" id="case-report">
        <h2>\(t("caseReport.title"))</h2>
        \(form)
        \(items)
        </div>
        """
    }

    private static func round(_ t: Translator, caseID: UUID, report: CaseReport, previous: CaseReport?, names: CaseDetail) -> HTML {
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
            <details id="report-diff-\(report.round)" open><summary>\(t("caseReport.diff", String(previous.round)))</summary>
            <pre class="diff">\(CaseReportDiff.lines(from: previous.narrative, to: report.narrative).map(diffLine))</pre></details>
            """
        } else { "" }
        return """
        <section class="report-round" id="report-round-\(report.round)">
        <h3>\(t("caseReport.round_n", String(report.round))) · \(state)\(report.submittedAt.map { " · " + t("caseReport.submitted_at", DateText.dateTime($0, t: t)) })</h3>
        \(facts(report.facts, marking: report.returned ? report.decisionSection : nil, note: noteBeside(t, report)))
        <h4\(HTML.when(report.returned && report.decisionSection == .narrative, " class=\"note-target\""))>\(t("caseReport.narrative"))</h4>
        \(HTML.when(report.returned && report.decisionSection == .narrative, noteBeside(t, report)))
        <div class="narrative">\(paragraphs(report.narrative))</div>
        \(decision)
        \(diff)
        <p><a href="\(SiteURL.caseReportPrint(caseID, String(report.round)).path)">\(t("caseReport.print"))</a>\
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
    static func facts(_ sections: [CaseReport.Section], marking: ReportSection? = nil, note: HTML = .empty) -> HTML {
        let parts = sections.enumerated().map { index, section -> HTML in
            let marked = marking?.factIndex == index
            return """
            <h4\(HTML.when(marked, " class=\"note-target\" id=\"note-target\""))>\(section.title)</h4>\(HTML.when(marked, note))\
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

    /// While revising: the returned round's facts with the section the note names highlighted,
    /// so the officer sees at once what to correct (the facts are redrafted on submission).
    static func factsForRevision(_ t: Translator, _ report: CaseReport?) -> HTML {
        guard let report, let section = report.decisionSection, section.factIndex != nil else { return .empty }
        let chosen = report.facts.enumerated().filter { $0.offset == section.factIndex }.map(\.element)
        return "<div id=\"revision-target\">\(facts(chosen))</div>"
    }

    /// Narrative paragraphs, separated by blank lines; empty shows a dash.
    static func paragraphs(_ text: String) -> HTML {
        let parts = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return "<p>–</p>" }
        return "\(parts.map { part -> HTML in "<p>\(HTML(raw: part.components(separatedBy: "\n").map(HTML.escape).joined(separator: "<br>")))</p>" })"
    }
}
