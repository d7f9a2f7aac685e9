import Vapor
import WalidataTables

/// On a workbook version's page: what was read, in words, and the form that reads the same
/// stored file again with another sheet or header row.
enum WorkbookReadingViews {
    static func found(_ book: WorkbookReading, t: Translator) -> HTML {
        let summary = book.summary
        return "<p id=\"workbook-found\"><strong>\(t("excel.found")):</strong> \(t.lang == .id ? summary.id : summary.en)</p>"
    }

    static func form(_ req: Request, user: User, dataset: Dataset, version: DatasetVersion, t: Translator) -> HTML {
        guard let book = Intake.report(of: version)?.workbook,
              DatasetPolicy.decide(.submitVersion, user, dataset).isAllowed, dataset.deletedAt == nil else { return .empty }
        let options = book.sheets.enumerated().map { i, name -> HTML in
            "<option value=\"\(String(i + 1))\"\(HTML.when(i + 1 == book.sheetNumber, " selected"))>\(String(i + 1)). \(name)</option>"
        }
        return """
        <div class="card" id="workbook-reading"><h2>\(t("excel.reread.title"))</h2>
        <p class="hint">\(t("excel.reread.hint"))</p>
        <form method="post" action="\(SiteURL.versionReading(dataset.slug, version.number).path)">\(Layout.csrfField(req))
        <label for="reading-sheet">\(t("excel.reread.sheet"))</label>
        <select id="reading-sheet" name="sheet">\(options)</select>
        <label for="reading-header">\(t("excel.reread.header_row"))</label>
        <input id="reading-header" name="header_row" type="number" min="1" max="1048576" inputmode="numeric"
         value="\(book.headerRows.first.map(String.init) ?? "")" placeholder="\(t("excel.reread.header_auto"))">
        <div class="actions"><button type="submit" id="reading-submit">\(t("excel.reread.submit"))</button></div>
        </form></div>
        """
    }
}
