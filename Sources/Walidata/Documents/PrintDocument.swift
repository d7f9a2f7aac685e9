import Vapor
import WalidataCore

/// A printable A4 document: letterhead, title, body, and a footer line saying where it came
/// from. Every output document of the SOP is one of these; browsers print or save it as PDF.
enum PrintDocument {
    enum Orientation: String { case portrait, landscape }

    /// `pageNumbers`: "Halaman n dari m" at the foot of each page, for documents that can run
    /// to several pages (reports, logs, the case record); a letter or a receipt has none.
    static func render(_ req: Request, title: String, orientation: Orientation, letterhead: Letterhead, body: HTML, pageNumbers: Bool = true) -> HTML {
        let t = req.t
        let numbering: HTML = HTML.when(pageNumbers, """
        @page{@bottom-right{content:"\(t("print.page")) " counter(page) " \(t("print.page_of")) " counter(pages);font-family:"DejaVu Sans",Arial,sans-serif;font-size:9px}}
        """)
        return """
        <!doctype html>
        <html lang="\(t.lang.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        @page{size:A4 \(orientation.rawValue);margin:15mm 12mm}
        \(numbering)
        html,body{margin:0;background:#fff;color:#000;font-family:"DejaVu Sans",Arial,sans-serif;font-size:11px}
        .doc{max-width:\(orientation == .portrait ? "186mm" : "273mm");margin:0 auto}
        .kop{display:flex;align-items:center;gap:14px;border-bottom:3px double #000;padding-bottom:6px;margin-bottom:12px}
        .kop .text{flex:1;text-align:center}
        .kop .gov{font-size:14px;font-weight:700;margin:0}
        .kop .office{font-size:17px;font-weight:700;margin:2px 0}
        .kop .addr{font-size:10px;margin:0}
        h1{font-size:14px;text-align:center;text-transform:uppercase;margin:6px 0 2px}
        .sub{text-align:center;margin:0 0 10px}
        table.doc-table{width:100%;border-collapse:collapse}
        table.doc-table th,table.doc-table td{border:.75px solid #000;padding:3px 4px;vertical-align:top;text-align:left}
        table.doc-table th{background:#eee}
        table.doc-table thead{display:table-header-group}
        table.doc-table tr{break-inside:avoid}
        .num{text-align:right!important;white-space:nowrap}
        code{font-family:"DejaVu Sans Mono",monospace;font-size:9px}
        code.sha{word-break:break-all}
        .foot{margin-top:10px;font-size:9px;color:#333}
        .screen-hint{font:13px sans-serif;background:#fff6e0;border:1px solid #e9c46a;padding:6px 10px;margin:8px 0}
        @media print{.screen-hint{display:none}}
        </style>
        </head>
        <body>
        <div class="doc">
        <p class="screen-hint">\(t("print.hint"))</p>
        <div class="kop"><div>\(HTML(raw: SOPSheet.emblem))</div><div class="text"><p class="gov">\(letterhead.government)</p><p class="office">\(letterhead.office)</p><p class="addr">\(letterhead.address)</p></div></div>
        \(body)
        <p class="foot">\(t("print.footer", DateText.dateTime(Date(), t: t)))</p>
        </div>
        </body>
        </html>
        """
    }
}
