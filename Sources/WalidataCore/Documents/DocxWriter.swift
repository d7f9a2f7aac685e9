import Foundation

/// An `OfficialDocument` as the parts of a Word file (WordprocessingML, ECMA-376), for the
/// server to zip: the kop as a borderless table with the arms (`word/media`) and a double rule
/// under it, tables with borders and a header row Word repeats on each page, signature blocks
/// in one row that never splits, "Halaman n dari m" from the PAGE and NUMPAGES fields in the
/// footer, A4 with the print view's margins, and the language set to Indonesian so Word checks
/// the spelling in Bahasa Indonesia.
public enum DocxWriter {
    public typealias Part = (path: String, bytes: [UInt8])

    static let twipsPerMM = 1440 / 25.4
    static let emuPerMM = 36000.0

    public static func parts(_ document: OfficialDocument, date: Date = Date()) -> [Part] {
        let arms = document.kop?.arms
        let media = arms.map { "media/lambang." + ($0.kind == .png ? "png" : "jpeg") }
        var relationships = [
            ("rIdStyles", "styles", "styles.xml"),
            ("rIdSettings", "settings", "settings.xml"),
        ]
        if document.pageNumbers != nil { relationships.append(("rIdFooter", "footer", "footer1.xml")) }
        if let media { relationships.append(("rIdArms", "image", media)) }
        var parts: [Part] = [
            ("[Content_Types].xml", xml(contentTypes(footer: document.pageNumbers != nil))),
            ("_rels/.rels", xml(packageRelationships)),
            ("docProps/core.xml", xml(core(document, date: date))),
            ("word/document.xml", xml(DocxBody(document: document).xml)),
            ("word/styles.xml", xml(styles(serif: document.serif))),
            ("word/settings.xml", xml(settings)),
            ("word/_rels/document.xml.rels", xml(rels(relationships))),
        ]
        if let words = document.pageNumbers { parts.append(("word/footer1.xml", xml(footer(words)))) }
        if let arms, let media { parts.append(("word/" + media, arms.file)) }
        return parts
    }

    private static func xml(_ text: String) -> [UInt8] {
        Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + text).utf8)
    }

    static func escape(_ text: String) -> String { XMLText.escape(text) }

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(footer: Bool) -> String {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        return """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>\
        <Override PartName="/word/document.xml" ContentType="\(main).document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="\(main).styles+xml"/>\
        <Override PartName="/word/settings.xml" ContentType="\(main).settings+xml"/>\
        \(footer ? "<Override PartName=\"/word/footer1.xml\" ContentType=\"\(main).footer+xml\"/>" : "")\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """
    }

    private static let packageRelationships = """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    </Relationships>
    """

    private static func rels(_ items: [(String, String, String)]) -> String {
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + items.map { "<Relationship Id=\"\($0.0)\" Type=\"\(r)/\($0.1)\" Target=\"\($0.2)\"/>" }.joined()
            + "</Relationships>"
    }

    private static func core(_ document: OfficialDocument, date: Date) -> String {
        let stamp = ISO8601DateFormatter().string(from: date)
        return """
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>\(escape(document.title))</dc:title><dc:creator>Walidata</dc:creator><dc:language>id-ID</dc:language>\
        <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created></cp:coreProperties>
        """
    }

    private static func styles(serif: Bool) -> String {
        let face = serif ? "Times New Roman" : "Arial"
        return """
        <w:styles xmlns:w="\(w)">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="\(face)" w:hAnsi="\(face)" w:cs="\(face)" w:eastAsia="\(face)"/>\
        <w:sz w:val="\(serif ? 24 : 20)"/><w:szCs w:val="\(serif ? 24 : 20)"/><w:lang w:val="id-ID" w:eastAsia="id-ID" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:spacing w:before="80" w:after="40"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:caps/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:spacing w:after="200"/><w:jc w:val="center"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:spacing w:before="160" w:after="40"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
        <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>\
        <w:tblPr><w:tblBorders>\(["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>" }.joined())\
        </w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"60\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/>\
        <w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
    }

    private static let settings = """
    <w:settings xmlns:w="\(w)"><w:defaultTabStop w:val="720"/><w:themeFontLang w:val="id-ID"/>\
    <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
    """

    /// "Halaman {PAGE} dari {NUMPAGES}" on the right; Word and LibreOffice fill in the numbers.
    private static func footer(_ words: (page: String, of: String)) -> String {
        let props = "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\"/><w:sz w:val=\"14\"/></w:rPr>"
        func text(_ s: String) -> String { "<w:r>\(props)<w:t xml:space=\"preserve\">\(escape(s))</w:t></w:r>" }
        func field(_ name: String) -> String { "<w:fldSimple w:instr=\" \(name) \"><w:r>\(props)<w:t>1</w:t></w:r></w:fldSimple>" }
        return """
        <w:ftr xmlns:w="\(w)"><w:p><w:pPr><w:jc w:val="right"/></w:pPr>\
        \(text(words.page + " "))\(field("PAGE"))\(text(" " + words.of + " "))\(field("NUMPAGES"))</w:p></w:ftr>
        """
    }
}
