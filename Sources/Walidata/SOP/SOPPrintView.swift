import Vapor
import WalidataCore

/// The SOP as a printable A4 landscape document: identity sheet on the first page, the
/// flowchart over the following pages with off-page connectors where a page breaks.
enum SOPPrintView {
    /// Official: in Indonesian whatever the reader's language (`Translator.official`); only the
    /// on-screen hint, which is not printed, follows the reader.
    static func render(_ req: Request, revision: SOPRevision, letterhead: Letterhead) throws -> HTML {
        let t = Translator.official
        let definition = try revision.definition()
        let title = t("sop.title", definition.identity.namaSOP)
        return """
        <!doctype html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · \(t("sop.revision_n", String(revision.number)))</title>
        <style>
        @page{size:A4 landscape;margin:10mm}
        html,body{margin:0;background:#fff}
        .sheet{width:277mm;margin:0 auto}
        .page{break-after:page;page-break-after:always}
        .page:last-child{break-after:auto;page-break-after:auto}
        .sop-flow{break-inside:avoid;page-break-inside:avoid}
        .sop-emblem img{max-height:54px;max-width:60px;width:auto;height:auto}
        .screen-hint{font:13px sans-serif;background:#fff6e0;border:1px solid #e9c46a;padding:6px 10px;margin:8px 0}
        @media print{.screen-hint{display:none}}
        \(HTML(raw: SOPSheet.css))
        </style>
        </head>
        <body>
        <div class="sheet sop-doc">
        <p class="screen-hint" lang="\(req.t.lang.rawValue)">\(req.t("sop.print_hint"))</p>
        <section class="page">
        <p class="sop-title">\(t("sop.print_heading", definition.identity.namaSOP.uppercased()))</p>
        \(SOPSheet.identity(definition, revision: revision, t: t, arms: PrintDocument.arms(letterhead)))
        </section>
        \(flowPages(definition, t: t))
        </div>
        </body>
        </html>
        """
    }

    private static func flowPages(_ definition: SOPDefinition, t: Translator) -> HTML {
        // Each flowchart page is its own table on its own sheet, so the header repeats and the
        // off-page connectors sit where the paper breaks.
        let heading = t("sop.print_heading", definition.identity.namaSOP.uppercased())
        let pages = SOPSheet.flowchartTables(definition, t: t, rowsPerPage: SOPSheet.rowsPerPrintedPage).map { table -> HTML in
            "<section class=\"page\"><p class=\"sop-title\">\(heading)</p>\(table)</section>"
        }
        return HTML.join(pages)
    }
}
