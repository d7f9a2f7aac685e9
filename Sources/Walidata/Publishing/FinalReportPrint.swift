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
    </style>
    """

    /// `baseURL` makes the portal addresses on paper complete, so a reader can type them.
    static func body(detail: CaseDetail, report: CaseReport, view: PublicationStore.View, issued: Issued, baseURL: String) -> HTML {
        let signer = issued.signer
        let t = Translator(lang: .id)
        let announcement = view.announcement
        let published = announcement.publishedAt ?? Date()
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        // The concept's facts as the kasi approved them, but with the time of every step,
        // 9 included, now that the work is done.
        let times = CaseReportDraft.facts(for: detail, at: published).last
        let facts = report.facts.map { section in section.title == times?.title ? times ?? section : section }
        let datasetRows = issued.datasets.map { dataset -> HTML in
            """
            <tr><td>\(dataset.title)</td><td>\(t("datasets.access." + dataset.access))</td>\
            <td>\(dataset.shown ? t("publication.print.dataset_shown", base + SiteURL.publicDataset(dataset.slug).path) : t("publication.print.dataset_not_shown"))</td></tr>
            """
        }
        let deliveryRows = view.deliveries.map { delivery -> HTML in
            """
            <tr id="print-delivery-\(delivery.channel.rawValue)"><td>\(t("publication.channel." + delivery.channel.rawValue))</td>\
            <td>\(t("publication.state." + delivery.state.rawValue))</td>\
            <td>\(delivery.deliveredAt.map { dateTime($0, detail.calendar) } ?? "–")</td>\
            <td>\(delivery.state == .notConfigured ? t("publication.not_configured_note") : delivery.answer.hasPrefix("/") ? base + delivery.answer : delivery.answer)</td></tr>
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
        <table class="doc-table" id="print-deliveries"><thead><tr><th>\(t("publication.col.channel"))</th><th>\(t("publication.col.state"))</th><th>\(t("publication.col.at"))</th><th>\(t("publication.col.answer"))</th></tr></thead>
        <tbody>\(deliveryRows)</tbody></table>
        <div class="sign" id="signer"><p>\(signer.place), \(longDate(published, detail.calendar))</p><p>\(signer.title),</p><div class="space"></div>
        <p class="name">\(signer.name)</p>\(HTML.when(!signer.nip.isEmpty, "<p>NIP. \(signer.nip)</p>"))</div>
        </div>
        """
    }

    private static func longDate(_ instant: Date, _ calendar: WorkingCalendar) -> String {
        let day = calendar.localDate(of: instant)
        return DateText.longDate(year: day.year, month: day.month, day: day.day, lang: .id)
    }

    /// "26 November 2026 pukul 14.05 WIB", in office time.
    private static func dateTime(_ instant: Date, _ calendar: WorkingCalendar) -> String {
        let minutes = Int(instant.timeIntervalSince(calendar.instant(on: calendar.localDate(of: instant), minute: 0)) / 60)
        return longDate(instant, calendar) + " pukul " + String(format: "%02d.%02d", minutes / 60, minutes % 60) + " WIB"
    }
}
