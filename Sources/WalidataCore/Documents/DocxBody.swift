/// `word/document.xml`: the blocks of an `OfficialDocument` as Word paragraphs and tables.
struct DocxBody {
    typealias Run = OfficialDocument.Run
    let document: OfficialDocument

    var portrait: Bool { document.orientation == .portrait }
    var pageWidth: Int { portrait ? 11906 : 16838 }
    var pageHeight: Int { portrait ? 16838 : 11906 }
    static let margin = (topBottom: 851, leftRight: 680)
    var contentWidth: Int { pageWidth - 2 * Self.margin.leftRight }

    var xml: String {
        var body = ""
        if let kop = document.kop { body += self.kop(kop) }
        for block in document.blocks { body += self.block(block) }
        if let footer = document.footer {
            body += paragraph([Run(footer)], properties: "<w:spacing w:before=\"200\"/>", runProperties: sans(14))
        }
        let footerReference = document.pageNumbers == nil ? "" : "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
        return """
        <w:document xmlns:w="\(DocxWriter.w)" xmlns:r="\(DocxWriter.r)" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>\(body)\
        <w:sectPr>\(footerReference)<w:pgSz w:w="\(pageWidth)" w:h="\(pageHeight)"\(portrait ? "" : " w:orient=\"landscape\"")/>\
        <w:pgMar w:top="\(Self.margin.topBottom)" w:right="\(Self.margin.leftRight)" w:bottom="\(Self.margin.topBottom)" \
        w:left="\(Self.margin.leftRight)" w:header="425" w:footer="425" w:gutter="0"/></w:sectPr></w:body></w:document>
        """
    }

    func sans(_ halfPoints: Int, bold: Bool = false) -> String {
        "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>\(bold ? "<w:b/>" : "")<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>"
    }

    func run(_ run: Run, properties: String = "") -> String {
        let props = properties + (run.bold ? "<w:b/>" : "") + (run.underline ? "<w:u w:val=\"single\"/>" : "")
        return "<w:r>\(props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>")<w:t xml:space=\"preserve\">\(DocxWriter.escape(run.text))</w:t></w:r>"
    }

    func paragraph(_ runs: [Run], style: String? = nil, properties: String = "", runProperties: String = "") -> String {
        let styled = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        let pPr = styled + properties
        return "<w:p>\(pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>")\(runs.map { run($0, properties: runProperties) }.joined())</w:p>"
    }

    func cell(_ width: Int, _ content: String, properties: String = "") -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(properties)</w:tcPr>\(content.isEmpty ? "<w:p/>" : content)</w:tc>"
    }

    /// A table at fixed column widths; `borders` false gives the layout tables of the kop, the
    /// letter's head and the signatures.
    func table(_ widths: [Int], rows: [String], borders: Bool) -> String {
        let style = borders ? "<w:tblStyle w:val=\"TableGrid\"/>" : ""
        let none = borders ? "" : "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"nil\"/>" }.joined() + "</w:tblBorders>"
        return "<w:tbl><w:tblPr>\(style)<w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>\(none)<w:tblLayout w:type=\"fixed\"/></w:tblPr>"
            + "<w:tblGrid>\(widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined())</w:tblGrid>\(rows.joined())</w:tbl>"
    }

    /// The arms, the centred lines, and an empty column as wide as the arms' so the text stands in
    /// the middle of the page; a double rule under it.
    func kop(_ kop: OfficialDocument.Kop) -> String {
        let side = Int(26 * DocxWriter.twipsPerMM)
        let centre = paragraphs(kop)
        let arms = kop.arms.map { "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\(picture($0))</w:p>" } ?? ""
        let middle = "<w:vAlign w:val=\"center\"/>"
        let row = "<w:tr>" + cell(side, arms, properties: middle) + cell(contentWidth - 2 * side, centre, properties: middle) + cell(side, "") + "</w:tr>"
        let rule = "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"double\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
            + "<w:spacing w:after=\"240\" w:line=\"80\" w:lineRule=\"exact\"/></w:pPr></w:p>"
        return table([side, contentWidth - 2 * side, side], rows: [row], borders: false) + rule
    }

    private func paragraphs(_ kop: OfficialDocument.Kop) -> String {
        let centre = "<w:jc w:val=\"center\"/>"
        return paragraph([Run(kop.government, bold: true)], properties: centre, runProperties: sans(21))
            + paragraph([Run(kop.office, bold: true)], properties: centre + "<w:spacing w:before=\"20\" w:after=\"20\"/>", runProperties: sans(26))
            + kop.lines.map { paragraph([Run($0)], properties: centre, runProperties: sans(15)) }.joined()
    }

    /// The arms inline, at most 26 mm wide and 24 mm tall, keeping their proportions.
    private func picture(_ image: DocumentImage) -> String {
        let scale = min(26 * DocxWriter.emuPerMM / Double(image.width), 24 * DocxWriter.emuPerMM / Double(image.height))
        let cx = Int(Double(image.width) * scale), cy = Int(Double(image.height) * scale)
        return """
        <w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\(cx)" cy="\(cy)"/>\
        <wp:docPr id="1" name="Lambang"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
        <pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="lambang"/><pic:cNvPicPr/></pic:nvPicPr>\
        <pic:blipFill><a:blip r:embed="rIdArms"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
        <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>\
        </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>
        """
    }
}
