import Foundation
import Vapor
import WalidataCore

extension OfficialDocuments {
    /// The laporan akhir as `FinalReportPrint.body` sets it: from the `Issued` snapshot kept at
    /// publication, the portal addresses from the configured public URL, and the channels'
    /// outcomes as they stand at `now` (the paper says so).
    static func finalReport(detail: CaseDetail, report: CaseReport, view: PublicationStore.View, issued: FinalReportPrint.Issued,
                            config: AppConfig, kop: OfficialDocument.Kop, now: Date = Date()) -> OfficialDocument {
        let t = Translator.official
        let announcement = view.announcement
        let published = announcement.publishedAt ?? now
        let times = CaseReportDraft.facts(for: detail, at: published).last
        let sections = report.facts.map { section in section.title == times?.title ? times ?? section : section }
        var blocks: [Block] = [
            .title(t("publication.final_report_title")),
            .subtitle(t("publication.print.sub", detail.record.number, String(report.round))),
        ]
        blocks += sections.flatMap(facts) + [.heading(t("caseReport.narrative"))] + narrative(report.finalText)
        blocks.append(.heading(t("publication.print.publication")))
        blocks.append(.paragraph([Run(announcement.title, bold: true)], align: .left, indent: false))
        blocks += narrative(announcement.body)
        blocks.append(.paragraph([Run(t("publication.print.published_at", FinalReportPrint.dateTime(published, detail.calendar)))], align: .left, indent: false))
        let datasets = issued.datasets.map { dataset in
            [dataset.title, t("datasets.access." + dataset.access),
             dataset.shown ? t("publication.print.dataset_shown", config.publicURL(SiteURL.publicDataset(dataset.slug).path)) : t("publication.print.dataset_not_shown")]
        }
        blocks.append(.table(.init(columns: [3, 1.2, 3], header: [t("publication.print.col.dataset"), t("datasets.field.access"), t("publication.print.col.portal")],
                                   rows: datasets.isEmpty ? [["–", "", ""]] : datasets)))
        blocks.append(.paragraph([Run(t("delivery.print.as_of", FinalReportPrint.dateTime(now, detail.calendar)))], align: .left, indent: false))
        let deliveries = ChannelOutcome.of(view.deliveries).map { outcome in
            [t("publication.channel." + outcome.channel.rawValue), t("delivery.status." + outcome.status.rawValue),
             outcome.deliveredAt.map { FinalReportPrint.dateTime($0, detail.calendar) } ?? "–",
             FinalReportPrint.printed(t, outcome, config: config, calendar: detail.calendar)]
        }
        blocks.append(.table(.init(columns: [1.2, 1.2, 1.6, 4], header: [t("publication.col.channel"), t("publication.col.state"), t("publication.col.at"), t("publication.col.answer")],
                                   rows: deliveries)))
        let signer = issued.signer
        blocks.append(.signatures([.init(placeDate: "\(signer.place), \(longDate(published, detail.calendar))", lines: ["\(signer.title),"],
                                         name: signer.name, under: signer.nip.isEmpty ? nil : "NIP. \(signer.nip)")]))
        return OfficialDocument(title: "Laporan Akhir \(detail.record.number)", kop: kop, blocks: blocks, pageNumbers: pageNumbers, footer: footer(now))
    }
}
