import Foundation
import Vapor
import WalidataCore

/// The official documents as `OfficialDocument`s for the Word and PDF downloads, built from the
/// same records as their print views (`LetterPrint`, `CaseReportPrint`, `FinalReportPrint`) and
/// in the same words, so the three agree. The HTML print views stay as they are; the handler
/// that serves a print view builds one of these instead when `?format=docx|pdf` is asked.
/// An issued document is built from what was kept when it was issued (the letter's own row,
/// the final report's `Issued` snapshot), never from today's data.
enum OfficialDocuments {
    typealias Run = OfficialDocument.Run
    typealias Block = OfficialDocument.Block

    /// The kop from the letterhead settings, with the uploaded arms, or the generic shield as the
    /// print view shows it until arms are uploaded. A PNG the PDF cannot take as it is
    /// (transparency) is flattened on white; when that fails the PDF prints the kop without the
    /// picture and the log says why.
    static func kop(_ letterhead: Letterhead, _ req: Request) -> OfficialDocument.Kop {
        var arms = DocumentImage(file: GenericEmblem.png)
        if letterhead.armsHash != nil,
           let data = FileManager.default.contents(atPath: LetterheadArms.path(dataDirectory: req.application.walidata.dataDirectory)) {
            arms = DocumentImage(file: Array(data))
            if var image = arms, image.pdf == nil {
                image.pdf = PNGFlattening.stream(Array(data))
                if image.pdf == nil { req.logger.warning("kop arms: this PNG cannot go into a PDF; the PDF kop prints without it") }
                arms = image
            }
        }
        return OfficialDocument.Kop(government: letterhead.government, office: letterhead.office,
                                    lines: [letterhead.addressLine, letterhead.contactLine], arms: arms)
    }

    static var pageNumbers: (page: String, of: String) {
        (Translator.official("print.page"), Translator.official("print.page_of"))
    }

    static func footer(_ now: Date) -> String {
        Translator.official("print.footer", DateText.dateTime(now, t: Translator.official))
    }

    /// The registration letter as `LetterPrint.letter` sets it.
    static func letter(_ fields: LetterFields, number: String?, calendar: WorkingCalendar, kop: OfficialDocument.Kop, now: Date = Date()) -> OfficialDocument {
        let day = calendar.localDate(of: fields.date)
        let date = DateText.longDate(year: day.year, month: day.month, day: day.day, lang: .id)
        var blocks: [Block] = [
            .fields([
                .init("Nomor", [Run(number ?? "…………")]), .init("Sifat", [Run(fields.nature)]),
                .init("Lampiran", [Run(fields.attachment.isEmpty ? "-" : fields.attachment)]), .init("Hal", [Run(fields.subject, bold: true)]),
            ], aside: "\(fields.place), \(date)"),
            .list(label: "Yth.", items: lines(fields.recipient).map { [Run($0)] }, marker: .none),
        ]
        blocks += LetterPrint.paragraphs(fields.body).map { .paragraph([Run($0)], align: .justify, indent: true) }
        blocks.append(.signatures([.init(lines: ["\(fields.signerTitle),"], name: fields.signerName,
                                         under: fields.signerNIP.isEmpty ? nil : "NIP. \(fields.signerNIP)")]))
        let copies = lines(fields.copies)
        if !copies.isEmpty { blocks.append(.list(label: "Tembusan:", items: copies.map { [Run($0)] }, marker: .number)) }
        return OfficialDocument(title: "Surat \(number ?? "")", kop: kop, blocks: blocks, pageNumbers: nil, footer: footer(now))
    }

    /// One report round as `CaseReportPrint.round` sets it, with the kasi's note after the
    /// section it is about.
    static func round(detail: CaseDetail, report: CaseReport, decidedBy: User?, submittedBy: User?, kop: OfficialDocument.Kop, now: Date = Date()) -> OfficialDocument {
        let t = Translator.official
        let note: [Block] = report.returned ? [.paragraph([Run(t("record.note_for_section", String(report.round), report.decisionNote ?? ""), bold: true)], align: .left, indent: false)] : []
        var blocks: [Block] = [
            .title("Laporan Pengelolaan Data"),
            .subtitle("Nomor registrasi \(detail.record.number) · Putaran \(report.round)" + (report.submittedAt.map { " · disampaikan " + longDate($0, detail.calendar) } ?? "")),
        ]
        let marked = report.returned ? report.decisionSection : nil
        for (index, section) in report.facts.enumerated() {
            blocks += facts(section) + (marked?.factIndex == index ? note : [])
        }
        blocks.append(.heading("Uraian"))
        if marked == .narrative { blocks += note }
        blocks += narrative(report.narrative)
        if let value = report.decision {
            let who = (decidedBy.map { " — " + $0.fullName } ?? "") + (report.decidedAt.map { ", " + longDate($0, detail.calendar) } ?? "")
            blocks.append(.paragraph([Run("Hasil pemeriksaan Kepala Seksi:", bold: true), Run(" " + (value == "ya" ? "Disetujui" : "Dikembalikan untuk diperbaiki") + who)], align: .left, indent: false))
            if let text = report.decisionNote { blocks.append(.paragraph([Run("Catatan:", bold: true), Run(" " + text)], align: .left, indent: false)) }
            if report.returned, let section = report.decisionSection {
                blocks.append(.paragraph([Run(t("record.col.section") + ":", bold: true), Run(" " + t("record.section." + section.rawValue))], align: .left, indent: false))
            }
        } else {
            blocks.append(.paragraph([Run(report.submitted ? "Menunggu pemeriksaan Kepala Seksi." : "Konsep, belum disampaikan.")], align: .left, indent: false))
        }
        if report.submitted {
            func signer(_ date: Date?, _ role: String, _ lane: String, _ user: User?) -> OfficialDocument.Signer {
                let nip = user?.nip ?? ""
                return .init(placeDate: date.map { t("record.sign.place_date", "Tuapeijat", longDate($0, detail.calendar)) },
                             lines: [t(role), detail.definition.lane(lane)?.name ?? t("role." + lane)], name: user?.fullName,
                             under: nip.isEmpty ? nil : t("record.sign.nip", nip))
            }
            var signers = [signer(report.submittedAt, "record.sign.reported", "pengelola_ti", submittedBy)]
            if report.decision != nil { signers.append(signer(report.decidedAt, "record.sign.checked", "kasi", decidedBy)) }
            blocks.append(.signatures(signers))
        }
        return OfficialDocument(title: "Laporan Pengelolaan Data \(detail.record.number) putaran \(report.round)", kop: kop, blocks: blocks,
                                pageNumbers: pageNumbers, footer: footer(now))
    }

    /// The kasi's final concept (step 8) as `CaseReportPrint.final` sets it.
    static func finalConcept(detail: CaseDetail, report: CaseReport, signer: User?, signerTitle: String, kop: OfficialDocument.Kop, now: Date = Date()) -> OfficialDocument {
        var blocks: [Block] = [
            .title("Konsep Laporan Akhir Penyelesaian Pekerjaan"),
            .subtitle("Laporan Pengelolaan Data · Nomor registrasi \(detail.record.number) · Putaran \(report.round)"),
        ]
        blocks += report.facts.flatMap(facts) + [.heading("Uraian")] + narrative(report.finalText)
        let nip = signer?.nip ?? ""
        blocks.append(.signatures([.init(placeDate: "Tuapeijat, " + (report.finalizedAt.map { longDate($0, detail.calendar) } ?? ""),
                                         lines: ["\(signerTitle),"], name: signer?.fullName, under: nip.isEmpty ? nil : "NIP. \(nip)")]))
        return OfficialDocument(title: "Konsep Laporan Akhir \(detail.record.number)", kop: kop, blocks: blocks, pageNumbers: pageNumbers, footer: footer(now))
    }

    static func facts(_ section: CaseReport.Section) -> [Block] {
        [.heading(section.title), .list(label: nil, items: section.lines.map { [Run($0)] }, marker: .bullet)]
    }

    /// Paragraphs split at blank lines; a single line break inside one also starts a new line.
    static func narrative(_ text: String) -> [Block] {
        let lines = text.components(separatedBy: .newlines).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.isEmpty ? [.paragraph([Run("–")], align: .left, indent: false)] : lines.map { .paragraph([Run($0)], align: .justify, indent: false) }
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func longDate(_ instant: Date, _ calendar: WorkingCalendar) -> String {
        let day = calendar.localDate(of: instant)
        return DateText.longDate(year: day.year, month: day.month, day: day.day, lang: .id)
    }
}
