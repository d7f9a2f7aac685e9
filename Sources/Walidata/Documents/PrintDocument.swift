import Vapor
import WalidataCore

extension Translator {
    /// The language of official documents: a regency's documents are in Bahasa Indonesia
    /// whatever the reader's interface language, so every print renders with this table.
    static let official = Translator(lang: .id)
}

/// A printable A4 document: letterhead, title, body, and a footer line saying where it came
/// from. Every output document of the SOP is one of these; browsers print or save it as PDF.
/// The document is always Indonesian (`Translator.official`); only the on-screen hint, which
/// is not printed, speaks the reader's language.
enum PrintDocument {
    enum Orientation: String { case portrait, landscape }

    /// `pageNumbers`: "Halaman n dari m" at the foot of each page, for documents that can run
    /// to several pages (reports, logs, the case record); a letter or a receipt has none.
    static func render(_ req: Request, title: String, orientation: Orientation, letterhead: Letterhead, body: HTML, pageNumbers: Bool = true) -> HTML {
        let t = Translator.official
        let numbering: HTML = HTML.when(pageNumbers, """
        @page{@bottom-right{content:"\(t("print.page")) " counter(page) " \(t("print.page_of")) " counter(pages);font-family:"DejaVu Sans",Arial,sans-serif;font-size:9px}}
        """)
        return """
        <!doctype html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        @page{size:A4 \(orientation.rawValue);margin:15mm 12mm}
        \(numbering)
        html,body{margin:0;background:#fff;color:#000;font-family:"DejaVu Sans",Arial,sans-serif;font-size:11px}
        .doc{max-width:\(orientation == .portrait ? "186mm" : "273mm");margin:0 auto}
        .kop{display:flex;align-items:center;gap:10px;border-bottom:3px double #000;padding-bottom:6px;margin-bottom:12px}
        .kop .arms{width:26mm;flex:none;text-align:center}
        .kop .arms img{max-height:24mm;max-width:26mm;width:auto;height:auto}
        .kop .text{flex:1;text-align:center}
        .kop .gov{font-size:14px;font-weight:700;margin:0}
        .kop .office{font-size:17px;font-weight:700;margin:2px 0}
        .kop .addr{font-size:10px;margin:0}
        h1{font-size:14px;text-align:center;text-transform:uppercase;margin:6px 0 2px}
        h1,h2,h3,h4{break-after:avoid;page-break-after:avoid}
        .keep{break-inside:avoid;page-break-inside:avoid}
        .sub{text-align:center;margin:0 0 10px}
        table.doc-table{width:100%;border-collapse:collapse}
        table.doc-table th,table.doc-table td{border:.75px solid #000;padding:3px 4px;vertical-align:top;text-align:left}
        table.doc-table th{background:#eee}
        table.doc-table thead{display:table-header-group}
        table.doc-table tr{break-inside:avoid}
        table.doc-table.tail{border-top:0}
        .num{text-align:right!important;white-space:nowrap}
        code{font-family:"DejaVu Sans Mono",monospace;font-size:9px}
        code.sha{word-break:break-all}
        .doc-signs{display:flex;justify-content:space-between;align-items:flex-start;margin-top:16px}
        .doc-signs{break-inside:avoid;page-break-inside:avoid;break-before:avoid;page-break-before:avoid}
        .doc-signs .sign{width:80mm}
        .doc-signs .sign p{margin:0}
        .doc-signs .sign .space{height:20mm}
        .doc-signs .sign .name{font-weight:700;text-decoration:underline}
        .foot{margin-top:10px;font-size:9px;color:#333}
        .screen-hint{font:13px sans-serif;background:#fff6e0;border:1px solid #e9c46a;padding:6px 10px;margin:8px 0}
        @media print{.screen-hint{display:none}}
        </style>
        </head>
        <body>
        <div class="doc">
        <p class="screen-hint" lang="\(req.t.lang.rawValue)">\(req.t("print.hint"))</p>
        \(kop(letterhead))
        \(body)
        <p class="foot">\(t("print.footer", DateText.dateTime(Date(), t: t)))</p>
        </div>
        </body>
        </html>
        """
    }

    /// The kop surat: the arms left, the text centred on the page (an empty column of the arms'
    /// width on the right balances it), a double rule below.
    static func kop(_ letterhead: Letterhead) -> HTML {
        let contact = letterhead.contactLine
        return """
        <div class="kop" id="kop"><div class="arms">\(arms(letterhead))</div><div class="text">\
        <p class="gov">\(letterhead.government)</p><p class="office">\(letterhead.office)</p><p class="addr" id="kop-address">\(letterhead.addressLine)</p>\
        \(HTML.when(!contact.isEmpty, "<p class=\"addr\" id=\"kop-contact\">\(contact)</p>"))</div><div class="arms"></div></div>
        """
    }

    /// The uploaded arms from this server (never a third-party host), else the generic emblem.
    static func arms(_ letterhead: Letterhead) -> HTML {
        guard let hash = letterhead.armsHash else { return HTML(raw: SOPSheet.emblem) }
        return "<img id=\"kop-arms\" src=\"\(SiteURL.letterheadArms.path)?v=\(String(hash.prefix(16)))\" alt=\"Lambang\">"
    }

    /// One signer: the place and date (or nothing), the lines above the space (role, position),
    /// the name and the NIP. An unknown name or NIP is a dotted line to fill in by hand.
    struct Signer: Sendable {
        var placeDate: String? = nil
        var lines: [String]
        var name: String?
        var nip: String?
        var id: String? = nil
        /// Printed under the name instead of the NIP (the requester's agency on a receipt).
        var under: String? = nil
    }

    /// Two signers side by side. Both blocks get as many lines above the space as the taller
    /// one, so the two names stand on the same line; the block never breaks across pages.
    static func signatures(_ left: Signer, _ right: Signer, id: String) -> HTML {
        let height = max(left.lines.count, right.lines.count)
        func block(_ s: Signer) -> HTML {
            let lines = s.lines + Array(repeating: "\u{00A0}", count: height - s.lines.count)
            let nip = s.nip.map { $0.isEmpty ? "NIP. " + String(repeating: ".", count: 30) : "NIP. " + $0 }
            return """
            <div class="sign"\(HTML.when(s.id != nil, " id=\"\(s.id ?? "")\""))><p>\(s.placeDate ?? "\u{00A0}")</p>\
            \(lines.map { "<p>\($0)</p>" as HTML })<div class="space"></div>\
            <p class="name">\(s.name.flatMap { $0.isEmpty ? nil : $0 } ?? String(repeating: ".", count: 40))</p><p>\(s.under ?? nip ?? "\u{00A0}")</p></div>
            """
        }
        return "<div class=\"doc-signs\" id=\"\(id)\">\(block(left))\(block(right))</div>"
    }

    /// The signature block of a log print: who printed it, and the kasi who acknowledges it,
    /// dated today in office time at the letters' place.
    static func printedAndAcknowledged(_ req: Request, id: String) async -> HTML {
        let t = Translator.official
        let place = ((try? await Setting.get(LetterDraft.keys.place, on: req.db)) ?? nil).flatMap { $0.isEmpty ? nil : $0 } ?? LetterDraft.defaultPlace
        let day = WorkingCalendar.standard().localDate(of: Date())
        let date = DateText.longDate(year: day.year, month: day.month, day: day.day, lang: .id)
        let user = req.currentUser
        let printer = Signer(lines: [t("record.sign.printed_by"), user.map { t("role." + $0.roleRaw) } ?? "\u{00A0}"], name: user?.fullName, nip: user?.nip ?? "")
        let kasi = Signer(placeDate: t("record.sign.place_date", place, date), lines: [t("record.sign.acknowledged"), t("role.kasi")], name: nil, nip: "", id: "signer")
        return signatures(printer, kasi, id: id)
    }
}
