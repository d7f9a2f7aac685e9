import Vapor
import WalidataCore

/// The SOP document as the national format lays it out: the identity table, then the
/// flowchart table with one column per executor, the step symbols drawn in their lanes.
/// Shared by the screen page and the print view.
enum SOPSheet {
    static let geometry = FlowchartGeometry()
    /// Steps per printed A4 landscape page; where the page breaks, off-page connectors appear.
    static let rowsPerPrintedPage = 5

    /// `arms`: the regency's arms for the print (`PrintDocument.arms`); the generic emblem otherwise.
    static func identity(_ definition: SOPDefinition, revision: SOPRevision, t: Translator, arms: HTML? = nil) -> HTML {
        let id = definition.identity
        func list(_ items: [String]) -> HTML {
            items.isEmpty ? "–" : "<ol>\(items.map { "<li>\($0)</li>" as HTML })</ol>"
        }
        let revisions = (0..<3).map { index -> HTML in
            let value = index < id.tanggalRevisi.count ? id.tanggalRevisi[index] : "-"
            return "<tr><th>\(t("sop.id.revision_date", String(index + 1)))</th><td>:</td><td>\(value)</td></tr>"
        }
        return """
        <table class="sop-identity" id="sop-identity">
        <tr>
        <td class="sop-agency" rowspan="1"><div class="sop-emblem" aria-hidden="true">\(arms ?? HTML(raw: emblem))</div>
        <p class="sop-agency-name">\(id.instansi.uppercased())</p><p class="sop-agency-dinas">\(id.dinas.uppercased())</p></td>
        <td class="sop-meta"><table class="sop-meta-table">
        <tr><th>\(t("sop.id.number"))</th><td>:</td><td>\(id.nomor)</td></tr>
        <tr><th>\(t("sop.id.created"))</th><td>:</td><td>\(id.tanggalPembuatan)</td></tr>
        \(revisions)
        <tr><th>\(t("sop.id.effective"))</th><td>:</td><td>\(id.tanggalEfektif.isEmpty ? "–" : id.tanggalEfektif)</td></tr>
        <tr><th>\(t("sop.id.approved_by"))</th><td>:</td><td class="sop-sign">\(id.disahkanJabatan.uppercased())<br><br><br><strong><u>\(id.disahkanNama)</u></strong><br>NIP. \(id.disahkanNIP.isEmpty ? "–" : id.disahkanNIP)</td></tr>
        </table></td>
        </tr>
        <tr><td class="sop-unit"><strong>\(id.unit.uppercased())</strong></td><td><strong>\(t("sop.id.name")) : \(id.namaSOP.uppercased())</strong></td></tr>
        <tr class="sop-heads"><th>\(t("sop.id.legal_basis"))</th><th>\(t("sop.id.qualification"))</th></tr>
        <tr><td>\(list(id.dasarHukum))</td><td>\(list(id.kualifikasiPelaksana))</td></tr>
        <tr class="sop-heads"><th>\(t("sop.id.related"))</th><th>\(t("sop.id.equipment"))</th></tr>
        <tr><td>\(list(id.keterkaitan))</td><td>\(list(id.peralatan))</td></tr>
        <tr class="sop-heads"><th>\(t("sop.id.warning"))</th><th>\(t("sop.id.records"))</th></tr>
        <tr><td>\(id.peringatan)</td><td>\(id.pencatatan)</td></tr>
        </table>
        """
    }

    /// Fixed widths of the non-lane columns (No, Kegiatan, Kelengkapan, Waktu, Output, Ket).
    /// With the lanes the table is 1042 px wide for four lanes: A4 landscape's 277 mm inside
    /// 10 mm margins, so print and screen have the same geometry.
    static let columnWidths = (no: 30, activity: 250, requirement: 92, time: 62, output: 120, note: 48)

    static func tableWidth(lanes: Int) -> Int {
        let c = columnWidths
        return c.no + c.activity + c.requirement + c.time + c.output + c.note + lanes * Int(geometry.laneWidth)
    }

    /// The flowchart tables, one per page: `rowsPerPage` nil draws all steps on one page (screen).
    static func flowchartTables(_ definition: SOPDefinition, t: Translator, rowsPerPage: Int?) -> [HTML] {
        let labels = t.lang == .id ? FlowchartLabels.indonesian : FlowchartLabels.english
        let pages = rowsPerPage.map { SOPFlowchart.pages(for: definition, rowsPerPage: $0, geometry: geometry, labels: labels) }
            ?? [SOPFlowchart.singlePage(for: definition, geometry: geometry, labels: labels)]
        return pages.enumerated().map { index, page in
            flowchartTable(definition, page: page, pageIndex: index, pageCount: pages.count, t: t)
        }
    }

    private static func flowchartTable(_ definition: SOPDefinition, page: FlowchartPage, pageIndex: Int, pageCount: Int, t: Translator) -> HTML {
        let lanes = definition.lanes
        let laneWidth = Int(geometry.laneWidth)
        let rowCount = page.steps.count + (page.topPadding > 0 ? 1 : 0) + (page.bottomPadding > 0 ? 1 : 0)
        let svgCell: HTML = "<td class=\"sop-lanes\" colspan=\"\(lanes.count)\" rowspan=\"\(rowCount)\">\(HTML(raw: page.svg))</td>"
        var rows: [HTML] = []
        var placedSVG = false
        func spacer(_ height: Double) -> HTML {
            let cell: HTML = placedSVG ? .empty : svgCell
            placedSVG = true
            return "<tr class=\"sop-spacer\" style=\"height:\(Int(height))px\"><td></td><td></td>\(cell)<td></td><td></td><td></td><td></td></tr>"
        }
        if page.topPadding > 0 { rows.append(spacer(page.topPadding)) }
        for step in page.steps {
            let cell: HTML = placedSVG ? .empty : svgCell
            placedSVG = true
            let activity = t.lang == .en && !step.activityEnglish.isEmpty ? step.activityEnglish : step.activity
            rows.append("""
            <tr class="sop-step" style="height:\(Int(page.rowHeight))px" id="step-\(step.number)">
            <td class="c">\(step.number)</td><td>\(activity)</td>\(cell)<td>\(step.requirement)</td><td class="c">\(DurationText.standard(step.time, t: t))</td><td>\(step.output)</td><td>\(step.note)</td>
            </tr>
            """)
        }
        if page.bottomPadding > 0 { rows.append(spacer(page.bottomPadding)) }
        let c = columnWidths
        let laneCols = lanes.map { _ in "<col style=\"width:\(laneWidth)px\">" as HTML }
        let laneHeads = lanes.map { "<th class=\"sop-lane-head\" style=\"width:\(laneWidth)px\">\($0.name)</th>" as HTML }
        let caption: HTML = pageCount > 1 ? "<caption>\(t("sop.flow.page", String(pageIndex + 1), String(pageCount)))</caption>" : .empty
        return """
        <table class="sop-flow"\(HTML.when(pageIndex == 0, " id=\"sop-flowchart\"")) data-page="\(pageIndex + 1)" style="width:\(tableWidth(lanes: lanes.count))px">
        \(caption)
        <colgroup><col style="width:\(c.no)px"><col style="width:\(c.activity)px">\(laneCols)<col style="width:\(c.requirement)px"><col style="width:\(c.time)px"><col style="width:\(c.output)px"><col style="width:\(c.note)px"></colgroup>
        <thead>
        <tr><th rowspan="2">\(t("sop.flow.no"))</th><th rowspan="2">\(t("sop.flow.activity"))</th><th colspan="\(lanes.count)">\(t("sop.flow.executors"))</th><th colspan="3">\(t("sop.flow.standard"))</th><th rowspan="2">\(t("sop.flow.note"))</th></tr>
        <tr>\(laneHeads)<th>\(t("sop.flow.requirement"))</th><th>\(t("sop.flow.time"))</th><th>\(t("sop.flow.output"))</th></tr>
        </thead>
        <tbody>\(rows)</tbody>
        </table>
        """
    }

    /// A plain shield outline standing in for the regency's emblem (no image to fetch).
    static let emblem = """
    <svg width="46" height="54" viewBox="0 0 46 54" role="img" aria-label="Lambang"><path d="M23 2 L43 9 L43 28 C43 40 34 48 23 52 C12 48 3 40 3 28 L3 9 Z" fill="none" stroke="#000" stroke-width="2"/><path d="M12 30 Q23 18 34 30 M12 37 Q23 25 34 37" fill="none" stroke="#000" stroke-width="1.5"/><circle cx="23" cy="16" r="4" fill="none" stroke="#000" stroke-width="1.5"/></svg>
    """

    /// Styles for the sheet, on screen and in print. Row heights come from `geometry` so the
    /// drawing lines up with the table; the cells' own line height (not the page's 1.45) keeps
    /// a five-line activity inside its row on screen as in print.
    static var css: String {
        """
        .sop-doc{background:#fff;color:#000;font-family:"DejaVu Sans",Arial,sans-serif;font-size:12px}
        .sop-doc table{border-collapse:collapse}
        .sop-identity{width:100%;margin-bottom:1rem}
        .sop-identity>tbody>tr>td,.sop-identity>tbody>tr>th,.sop-identity>tr>td,.sop-identity>tr>th{border:1px solid #000;padding:6px 8px;vertical-align:top;text-align:left;width:50%}
        .sop-identity ol{margin:0;padding-left:1.2rem}
        .sop-heads th{text-align:center!important;background:#f2f2f2}
        .sop-agency{text-align:center!important;vertical-align:middle!important}
        .sop-agency p{margin:.2rem 0;font-weight:700}
        .sop-agency-dinas{font-size:14px}
        .sop-meta-table th,.sop-meta-table td{border:0!important;padding:1px 4px;text-align:left;vertical-align:top;font-weight:400}
        .sop-meta-table th{white-space:nowrap;font-weight:700}
        .sop-flow{table-layout:fixed;margin-bottom:1rem}
        .sop-flow caption{text-align:right;font-size:11px;padding:2px}
        .sop-flow th,.sop-flow td{border:.75px solid #000;padding:3px 5px;vertical-align:middle;overflow:hidden;line-height:1.2}
        .sop-flow th{background:#f2f2f2;text-align:center;font-size:11px}
        .sop-flow td.c{text-align:center}
        .sop-flow td.sop-lanes{padding:0;vertical-align:top;line-height:0;position:relative}
        .sop-flow td.sop-lanes svg{display:block;position:absolute;top:0;left:0}
        .sop-flow th.sop-lane-head{font-size:10px}
        .sop-title{text-align:center;font-size:15px;font-weight:700;margin:.3rem 0 .6rem}
        """
    }
}
