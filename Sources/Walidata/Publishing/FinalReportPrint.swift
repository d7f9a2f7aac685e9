import Foundation
import Vapor
import WalidataCore

/// The output of step 9, "Laporan akhir penyelesaian pekerjaan": the final concept of step 8,
/// then what was published, where and when, signed by the kabid. Always Indonesian, as
/// official documents are.
enum FinalReportPrint {
    struct Signer: Codable, Sendable, Equatable {
        var place: String
        var title: String
        var name: String
        var nip: String
    }

    static let style: HTML = """
    <style>
    .report table.doc-table{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10px;margin:4px 0 8px}
    .report table.doc-table td{overflow-wrap:anywhere}
    .report .announcement{border:.75px solid #000;padding:4px 8px;margin:4px 0 8px;break-inside:avoid}
    .report .announcement p{margin:0 0 6px}
    .report #print-deliveries td:nth-child(2){white-space:nowrap}
    .report #print-deliveries-as-of{margin:4px 0 0;font-size:11px}
    </style>
    """

    /// `config.publicURL` makes the portal addresses on paper complete, so a reader can type them.
    /// The channels' outcomes are records that still move (a WhatsApp message read days later),
    /// so they print as they stand at `now`, and the paper says so.
    static func body(detail: CaseDetail, report: CaseReport, view: PublicationStore.View, issued: Issued, config: AppConfig, now: Date = Date()) -> HTML {
        let signer = issued.signer
        let t = Translator(lang: .id)
        let announcement = view.announcement
        let published = announcement.publishedAt ?? Date()
        // The concept's facts as the kasi approved them, but with the time of every step,
        // 9 included, now that the work is done.
        let times = CaseReportDraft.facts(for: detail, at: published).last
        let facts = report.facts.map { section in section.title == times?.title ? times ?? section : section }
        let datasetRows = issued.datasets.map { dataset -> HTML in
            """
            <tr><td>\(dataset.title)</td><td>\(t("datasets.access." + dataset.access))</td>\
            <td>\(dataset.shown ? t("publication.print.dataset_shown", config.publicURL(SiteURL.publicDataset(dataset.slug).path)) : t("publication.print.dataset_not_shown"))</td></tr>
            """
        }
        let deliveryRows = ChannelOutcome.of(view.deliveries).map { outcome -> HTML in
            """
            <tr id="print-delivery-\(outcome.channel.rawValue)"><td>\(t("publication.channel." + outcome.channel.rawValue))</td>\
            <td>\(t("delivery.status." + outcome.status.rawValue))</td>\
            <td>\(outcome.deliveredAt.map { dateTime($0, detail.calendar) } ?? "–")</td><td>\(printed(t, outcome, config: config, calendar: detail.calendar))</td></tr>
            """
        }
        return """
        \(CaseReportPrint.style)
        \(style)
        <div class="report" id="report">
        <h1>\(t("publication.final_report_title"))</h1>
        <p class="sub">\(t("publication.print.sub", detail.record.number, String(report.round)))</p>
        \(CaseReportViews.facts(facts))
        <h4>\(t("caseReport.narrative"))</h4>
        <div class="narrative">\(CaseReportViews.paragraphs(report.finalText))</div>
        <h4>\(t("publication.print.publication"))</h4>
        <div class="announcement" id="print-announcement">
        <p><strong>\(announcement.title)</strong></p>
        \(CaseReportViews.paragraphs(announcement.body))
        <p>\(t("publication.print.published_at", dateTime(published, detail.calendar)))</p>
        </div>
        <table class="doc-table" id="print-datasets"><thead><tr><th>\(t("publication.print.col.dataset"))</th><th>\(t("datasets.field.access"))</th><th>\(t("publication.print.col.portal"))</th></tr></thead>
        <tbody>\(datasetRows.isEmpty ? "<tr><td colspan=\"3\">–</td></tr>" as HTML : HTML.join(datasetRows))</tbody></table>
        <p class="muted" id="print-deliveries-as-of">\(t("delivery.print.as_of", dateTime(now, detail.calendar)))</p>
        <table class="doc-table" id="print-deliveries"><thead><tr><th>\(t("publication.col.channel"))</th><th>\(t("publication.col.state"))</th><th>\(t("publication.col.at"))</th><th>\(t("publication.col.answer"))</th></tr></thead>
        <tbody>\(deliveryRows)</tbody></table>
        <div class="sign" id="signer"><p>\(signer.place), \(longDate(published, detail.calendar))</p><p>\(signer.title),</p><div class="space"></div>
        <p class="name">\(signer.name)</p>\(HTML.when(!signer.nip.isEmpty, "<p>NIP. \(signer.nip)</p>"))</div>
        </div>
        """
    }

    /// A channel's outcome on paper: the website's address, the Facebook post ID, the WhatsApp
    /// recipients' counts, or the reason in words.
    static func printed(_ t: Translator, _ outcome: ChannelOutcome, config: AppConfig, calendar: WorkingCalendar) -> String {
        var parts: [String] = []
        switch outcome.channel {
        case .website:
            if let path = outcome.externalID, path.hasPrefix("/") { parts.append(config.publicURL(path)) }
        case .facebook:
            if let id = outcome.externalID, !id.isEmpty { parts.append(t("delivery.post_id", id)) }
        case .whatsapp:
            let c = outcome.counts
            if c.recipients > 0 { parts.append(t("delivery.wa_counts", String(c.recipients), String(c.sent), String(c.delivered), String(c.read), String(c.failed))) }
        }
        switch outcome.status {
        case .sent, .waiting:
            break
        case .rescheduled:
            parts.append(t("delivery.rescheduled", String(outcome.attempts), outcome.nextAttemptAt.map { dateTime($0, calendar) } ?? "–"))
        case .failed, .needsLogin:
            if let p = outcome.problem {
                let key = p.state == .needsLogin ? "delivery.words.token" : GraphFailure.wordsKey(code: p.errorCode)
                parts.append((p.errorCode.map { t("delivery.code", String($0)) + ": " } ?? "") + t(key))
            }
        case .notConfigured:
            let why = outcome.problem?.answer ?? ""
            parts.append(why.isEmpty ? t("publication.not_configured_note") : why)
        }
        return parts.isEmpty ? "–" : parts.joined(separator: ". ")
    }

    private static func longDate(_ instant: Date, _ calendar: WorkingCalendar) -> String {
        let day = calendar.localDate(of: instant)
        return DateText.longDate(year: day.year, month: day.month, day: day.day, lang: .id)
    }

    /// "26 November 2026 pukul 14.05 WIB", in office time.
    static func dateTime(_ instant: Date, _ calendar: WorkingCalendar) -> String {
        let minutes = Int(instant.timeIntervalSince(calendar.instant(on: calendar.localDate(of: instant), minute: 0)) / 60)
        return longDate(instant, calendar) + " pukul " + String(format: "%02d.%02d", minutes / 60, minutes % 60) + " WIB"
    }
}
