import Foundation
import Vapor
import WalidataCore

/// The printed report inside the A4 `PrintDocument` frame: one round as the kasi read it, and
/// the final concept with the kasi's signer block. Always Indonesian, as official documents are.
enum CaseReportPrint {
    static let style: HTML = """
    <style>
    .report{font-family:"Times New Roman","Liberation Serif",serif;font-size:12pt;line-height:1.4}
    .report h4{font-size:12pt;margin:10px 0 2px}
    .report ul{margin:0 0 0 18px;padding:0}
    .report .narrative p{text-align:justify;margin:0 0 8px}
    .report .decision{border:.75px solid #000;padding:4px 8px;margin-top:12px;break-inside:avoid}
    .report .note-target{background:#eee;padding:1px 4px}
    .report .note-beside{border-left:3px solid #000;padding:2px 6px;margin:2px 0 4px;font-style:italic}
    .report .narrative p:last-child{break-after:avoid}
    .report .closing{break-inside:avoid;break-before:avoid}
    .report .signs{display:flex;justify-content:space-between;margin-top:14px;break-inside:avoid}
    .report .signs .sign{margin:0;width:75mm}
    .report .sign{margin:18px 0 0 auto;width:80mm;break-inside:avoid;break-before:avoid}
    .report .sign p{margin:0}
    .report .sign .space{height:22mm}
    .report .sign .name{font-weight:700;text-decoration:underline}
    </style>
    """

    static func round(detail: CaseDetail, report: CaseReport, decidedBy: User?, submittedBy: User? = nil) -> HTML {
        let t = Translator(lang: .id)
        let decision: HTML = if let value = report.decision {
            """
            <div class="decision" id="report-decision"><p><strong>Hasil pemeriksaan Kepala Seksi:</strong> \(value == "ya" ? "Disetujui" : "Dikembalikan untuk diperbaiki")\
            \(decidedBy.map { " — " + $0.fullName })\(report.decidedAt.map { ", " + longDate($0, detail.calendar) })</p>\
            \(report.decisionNote.map { "<p><strong>Catatan:</strong> \($0)</p>" as HTML })\
            \(report.returned ? report.decisionSection.map { "<p id=\"report-decision-section\"><strong>\(t("record.col.section")):</strong> \(t("record.section." + $0.rawValue))</p>" as HTML } : nil)</div>
            """
        } else {
            "<div class=\"decision\" id=\"report-decision\"><p>\(report.submitted ? "Menunggu pemeriksaan Kepala Seksi." : "Konsep, belum disampaikan.")</p></div>"
        }
        return """
        \(style)
        <div class="report" id="report">
        <h1>Laporan Pengelolaan Data</h1>
        <p class="sub">Nomor registrasi \(detail.record.number) · Putaran \(report.round)\(report.submittedAt.map { " · disampaikan " + longDate($0, detail.calendar) })</p>
        \(CaseReportViews.facts(report.facts, marking: report.returned ? report.decisionSection : nil, note: CaseReportViews.noteBeside(t, report)))
        <h4\(HTML.when(report.returned && report.decisionSection == .narrative, " class=\"note-target\""))>Uraian</h4>
        \(HTML.when(report.returned && report.decisionSection == .narrative, CaseReportViews.noteBeside(t, report)))
        <div class="narrative">\(CaseReportViews.paragraphs(report.narrative))</div>
        <div class="closing">\(decision)\(signs(t, detail: detail, report: report, submittedBy: submittedBy, decidedBy: decidedBy))</div>
        </div>
        """
    }

    /// The round's two signers: the officer who handed it in and the kasi who checked it.
    private static func signs(_ t: Translator, detail: CaseDetail, report: CaseReport, submittedBy: User?, decidedBy: User?) -> HTML {
        guard report.submitted else { return .empty }
        func block(_ id: String, _ date: Date?, _ role: String, _ lane: String, _ user: User?) -> HTML {
            let place = date.map { t("record.sign.place_date", "Tuapeijat", longDate($0, detail.calendar)) } ?? ""
            return """
            <div class="sign" id="\(id)"><p>\(place.isEmpty ? "\u{00A0}" : place)</p><p>\(t(role))</p><p>\(detail.definition.lane(lane)?.name ?? t("role." + lane))</p><div class="space"></div>
            <p class="name">\(user?.fullName ?? String(repeating: ".", count: 40))</p>\(HTML.when(!(user?.nip ?? "").isEmpty, "<p>\(t("record.sign.nip", user?.nip ?? ""))</p>"))</div>
            """
        }
        return """
        <div class="signs">\(block("signer-reported", report.submittedAt, "record.sign.reported", "pengelola_ti", submittedBy))\
        \(HTML.when(report.decision != nil, block("signer", report.decidedAt, "record.sign.checked", "kasi", decidedBy)))</div>
        """
    }

    static func final(detail: CaseDetail, report: CaseReport, signer: User?, signerTitle: String) -> HTML {
        """
        \(style)
        <div class="report" id="report">
        <h1>Konsep Laporan Akhir Penyelesaian Pekerjaan</h1>
        <p class="sub">Laporan Pengelolaan Data · Nomor registrasi \(detail.record.number) · Putaran \(report.round)</p>
        \(CaseReportViews.facts(report.facts))
        <h4>Uraian</h4>
        <div class="narrative">\(CaseReportViews.paragraphs(report.finalText))</div>
        <div class="sign" id="signer"><p>Tuapeijat, \(report.finalizedAt.map { longDate($0, detail.calendar) } ?? "")</p><p>\(signerTitle),</p><div class="space"></div>
        <p class="name">\(signer?.fullName ?? "")</p>\(HTML.when(!(signer?.nip ?? "").isEmpty, "<p>NIP. \(signer?.nip ?? "")</p>"))</div>
        </div>
        """
    }

    private static func longDate(_ instant: Date, _ calendar: WorkingCalendar) -> String {
        let day = calendar.localDate(of: instant)
        return DateText.longDate(year: day.year, month: day.month, day: day.day, lang: .id)
    }
}
