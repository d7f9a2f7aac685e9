import Foundation
import Vapor
import WalidataCore

/// The printed case record (Catatan Kasus) inside the A4 `PrintDocument` frame: the summary,
/// every step instance against its time standard, the report rounds with the kasi's decisions,
/// the history, the case's event-log entries with their hashes, and a signature block. Always
/// Indonesian, as the other official documents are.
enum CaseRecordPrint {
    static let style: HTML = """
    <style>
    .record{font-size:10px}
    .record h2{font-size:12px;margin:14px 0 4px;break-after:avoid}
    .record table.meta{border-collapse:collapse;margin-bottom:4px}
    .record table.meta th,.record table.meta td{text-align:left;vertical-align:top;padding:1px 6px 1px 0}
    .record table.meta th{font-weight:400;white-space:nowrap;width:46mm}
    .record table.doc-table{font-size:9px;table-layout:fixed}
    .record table.doc-table td,.record table.doc-table th{overflow-wrap:anywhere}
    .record table.doc-table th{font-weight:700;overflow-wrap:normal;hyphens:manual}
    .record .late{font-weight:700}
    .record .intro{margin:0 0 4px}
    .record code{font-size:8px}
    .record .signs{display:flex;justify-content:space-between;margin-top:18px;break-inside:avoid;break-before:avoid}
    .record .sign{width:80mm}
    .record .sign p{margin:0}
    .record .sign .space{height:20mm}
    .record .sign .name{font-weight:700;text-decoration:underline}
    </style>
    """

    static func render(_ record: CaseRecord, printedBy: User, at instant: Date) -> HTML {
        let t = Translator(lang: .id)
        let detail = record.detail
        return """
        \(style)
        <div class="record" id="case-record">
        <h1>\(t("record.title"))</h1>
        <p class="sub">\(t("record.subtitle", detail.record.number))</p>
        \(summary(t, detail))
        \(steps(t, detail))
        \(rounds(t, detail))
        \(history(t, detail))
        \(log(t, record.events))
        \(signatures(t, record, printedBy: printedBy, at: instant))
        </div>
        """
    }

    /// Office time, compact enough for a table cell: 26-11-2026 08.00.
    static func short(_ date: Date?) -> String {
        guard let date else { return "–" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkingCalendar.jakarta
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d-%02d-%04d %02d.%02d", c.day!, c.month!, c.year!, c.hour!, c.minute!)
    }

    private static func summary(_ t: Translator, _ detail: CaseDetail) -> HTML {
        let r = detail.record
        let registered = [short(r.createdAt), detail.name(r.registeredBy) ?? detail.name(r.requestedBy)].compactMap { $0 }.joined(separator: " · ")
        let datasets = detail.datasets.map(\.title).joined(separator: "; ")
        let state = detail.openStep.map { t("record.state.open", String($0.step)) } ?? t("record.state.closed", short(r.closedAt))
        let rows: [(String, String)] = [
            ("record.field.number", r.number), ("record.field.title", r.title), ("record.field.kind", t("cases.kind." + r.kindRaw)),
            ("record.field.organization", detail.organization.name), ("record.field.requester", r.requesterName),
            ("record.field.registered", registered), ("record.field.datasets", datasets.isEmpty ? t("record.none") : datasets),
            ("record.field.letter", detail.letter?.number ?? t("record.no_letter")),
            ("record.field.sop", t("record.field.sop_value", String(detail.revisionNumber))), ("record.field.state", state),
        ]
        return """
        <h2>\(t("record.summary"))</h2>
        <table class="meta" id="record-summary">\(rows.map { "<tr><th>\(t($0.0))</th><td>:</td><td>\($0.1)</td></tr>" as HTML })</table>
        """
    }

    private static func steps(_ t: Translator, _ detail: CaseDetail) -> HTML {
        let rows = detail.steps.map { row -> HTML in
            let step = detail.definition.step(row.step)
            let instance = row.instance
            let took = CaseRecord.durationText(t, instance.workingDuration(until: detail.now, calendar: detail.calendar))
            let standard = step?.time.text ?? CaseRecord.durationText(t, instance.allowedDuration(calendar: detail.calendar))
            let who = [detail.name(row.completedBy), row.completedRole.map { "(" + t("role." + $0) + ")" }].compactMap { $0 }.joined(separator: " ")
            let status = detail.status(of: row)
            let outcome = [row.outcome.map { t("cases.outcome." + $0) }, row.note, row.overrideReason.map { t("cases.override_reason_shown", $0) }]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return """
            <tr><td class="num">\(row.step)</td><td>\(step?.activity ?? "")</td><td class="num">\(row.round)</td>\
            <td>\(short(row.openedAt))</td><td>\(short(row.dueAt))</td><td>\(short(row.completedAt))</td><td>\(who.isEmpty ? "–" : who)</td>\
            <td>\(t("record.time_value", took, standard))</td>\
            <td\(HTML.when(status == .late || status == .doneLate, " class=\"late\""))>\(t("cases.status." + status.rawValue))</td><td>\(outcome.isEmpty ? "–" : outcome)</td></tr>
            """
        }
        return """
        <h2>\(t("record.steps"))</h2>
        <table class="doc-table" id="record-steps">
        <colgroup><col style="width:5%"><col style="width:22%"><col style="width:5%"><col style="width:7.5%"><col style="width:7.5%"><col style="width:7.5%"><col style="width:14%"><col style="width:8.5%"><col style="width:7.5%"><col style="width:15.5%"></colgroup>
        <thead><tr><th>\(t("record.col.step"))</th><th>\(t("cases.col.activity"))</th><th>\(t("record.col.round"))</th><th>\(t("record.col.opened"))</th>\
        <th>\(t("record.col.due"))</th><th>\(t("record.col.completed"))</th><th>\(t("record.col.by"))</th><th>\(t("record.col.time"))</th>\
        <th>\(t("record.col.status"))</th><th>\(t("record.col.outcome"))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }

    static func decisionText(_ t: Translator, _ report: CaseReport) -> String {
        if report.finalizedAt != nil { return t("record.decision.final") }
        if report.approved { return t("record.decision.approved") }
        if report.returned { return t("record.decision.returned") }
        return t(report.submitted ? "record.decision.none" : "record.decision.draft")
    }

    private static func rounds(_ t: Translator, _ detail: CaseDetail) -> HTML {
        let submitted = detail.reports.filter(\.submitted)
        guard !submitted.isEmpty else { return "<h2>\(t("record.rounds"))</h2><p id=\"record-rounds\">\(t("record.no_rounds"))</p>" }
        let rows = submitted.map { report -> HTML in
            let decided = [detail.name(report.decidedBy), report.decidedAt.map(short)].compactMap { $0 }.joined(separator: " · ")
            return """
            <tr id="record-round-\(report.round)"><td class="num">\(report.round)</td><td>\(short(report.submittedAt))\(detail.name(report.submittedBy).map { " · " + $0 })</td>\
            <td\(HTML.when(report.returned, " class=\"late\""))>\(decisionText(t, report))</td><td>\(decided.isEmpty ? "–" : decided)</td>\
            <td>\(report.returned ? t("record.section." + (report.decisionSectionRaw ?? ReportSection.general.rawValue)) : "–")</td><td>\(report.decisionNote ?? "–")</td></tr>
            """
        }
        let returned = submitted.filter(\.returned).count
        return """
        <h2>\(t("record.rounds"))</h2>
        <p class="intro">\(t("record.returned_count", String(returned)))</p>
        <table class="doc-table" id="record-rounds">
        <colgroup><col style="width:8%"><col style="width:18%"><col style="width:15%"><col style="width:17%"><col style="width:15%"><col style="width:27%"></colgroup>
        <thead><tr><th>\(t("record.col.round"))</th><th>\(t("record.col.submitted"))</th><th>\(t("record.col.decision"))</th><th>\(t("record.col.by"))</th><th>\(t("record.col.section"))</th><th>\(t("record.col.note"))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }

    private static func history(_ t: Translator, _ detail: CaseDetail) -> HTML {
        let rows = detail.timeline.map { entry -> HTML in
            let who = [entry.actor, entry.role.map { "(" + t("role." + $0.rawValue) + ")" }].compactMap { $0 }.joined(separator: " ")
            let note = [entry.section.map { t("record.note_section", t("record.section." + $0)) }, entry.note, entry.overrideReason.map { t("cases.override_reason_shown", $0) }]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — ")
            return """
            <tr><td>\(short(entry.at))</td><td>\(t("cases.timeline." + entry.kind.rawValue, String(entry.step), String(entry.round)))</td>\
            <td>\(who.isEmpty ? "–" : who)</td><td>\(note.isEmpty ? "–" : note)</td></tr>
            """
        }
        return """
        <h2>\(t("record.history"))</h2>
        <table class="doc-table" id="record-history">
        <colgroup><col style="width:15%"><col style="width:33%"><col style="width:24%"><col style="width:28%"></colgroup>
        <thead><tr><th>\(t("record.col.when"))</th><th>\(t("record.col.what"))</th><th>\(t("record.col.by"))</th><th>\(t("record.col.note"))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }

    private static func log(_ t: Translator, _ events: [EventRecord]) -> HTML {
        let rows = events.map { event -> HTML in
            """
            <tr><td class="num">\(event.sequence)</td><td>\(short(event.at))</td><td>\(CaseRecord.actionText(t, event.action))</td>\
            <td>\(event.actorName)\(event.actorRole.isEmpty ? "" : " (" + t("role." + event.actorRole) + ")")</td>\
            <td>\(CaseRecord.detailText(t, event))</td><td><code>\(String(event.hash.prefix(16)))</code></td></tr>
            """
        }
        return """
        <h2>\(t("record.log"))</h2>
        <p class="intro">\(t("record.log_intro"))</p>
        <table class="doc-table" id="record-log">
        <colgroup><col style="width:7%"><col style="width:13%"><col style="width:20%"><col style="width:20%"><col style="width:25%"><col style="width:15%"></colgroup>
        <thead><tr><th>\(t("record.col.seq"))</th><th>\(t("record.col.when"))</th><th>\(t("record.col.action"))</th><th>\(t("record.col.by"))</th><th>\(t("record.col.detail"))</th><th>\(t("record.col.hash"))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }

    private static func signatures(_ t: Translator, _ record: CaseRecord, printedBy: User, at instant: Date) -> HTML {
        let detail = record.detail
        let day = detail.calendar.localDate(of: instant)
        let date = DateText.longDate(year: day.year, month: day.month, day: day.day, lang: .id)
        let kasiTitle = detail.definition.lane("kasi")?.name ?? t("role.kasi")
        let checker = record.checker
        return """
        <div class="signs" id="record-signers">
        <div class="sign"><p>&nbsp;</p><p>\(t("record.sign.printed_by"))</p><p>\(t("role." + printedBy.roleRaw))</p><div class="space"></div>
        <p class="name">\(printedBy.fullName)</p>\(HTML.when(!printedBy.nip.isEmpty, "<p>\(t("record.sign.nip", printedBy.nip))</p>"))</div>
        <div class="sign" id="signer"><p>\(t("record.sign.place_date", "Tuapeijat", date))</p><p>\(t("record.sign.acknowledged"))</p><p>\(kasiTitle)</p><div class="space"></div>
        <p class="name">\(checker?.fullName ?? String(repeating: ".", count: 40))</p><p>\(t("record.sign.nip", checker.map(\.nip).flatMap { $0.isEmpty ? nil : $0 } ?? String(repeating: ".", count: 30)))</p></div>
        </div>
        """
    }
}
