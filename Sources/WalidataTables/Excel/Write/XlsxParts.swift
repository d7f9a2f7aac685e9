import Foundation

/// The small fixed parts of a workbook (SpreadsheetML, ECMA-376 transitional), written once
/// the sheets are known. The sheets themselves are streamed by `XlsxWriter`.
enum XlsxParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    struct Sheet {
        var name: String
        var columnCount: Int
        var rowCount: Int
    }

    static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1...max(sheetCount, 1)).map {
            #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        return declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + sheets
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
            + #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
            + "</Types>"
    }

    static let rootRelationships = declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static func workbookRelationships(sheetCount: Int) -> String {
        let sheets = (1...max(sheetCount, 1)).map {
            #"<Relationship Id="rId\#($0)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0).xml"/>"#
        }.joined()
        return declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheets
            + #"<Relationship Id="rId\#(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// The sheet list, and each sheet's filter range under the name Excel itself gives it
    /// (`_xlnm._FilterDatabase`), so Excel treats the header's filter buttons as its own.
    static func workbook(_ sheets: [Sheet]) -> String {
        let list = sheets.enumerated().map { i, sheet in
            #"<sheet name="\#(attribute(sheet.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }.joined()
        let filters = sheets.enumerated().compactMap { i, sheet -> String? in
            guard sheet.columnCount > 0 else { return nil }
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            let last = columnName(sheet.columnCount - 1)
            return #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(i)" hidden="1">"#
                + text("\(quoted)!$A$1:$\(last)$\(max(sheet.rowCount, 1))") + "</definedName>"
        }.joined()
        return declaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
            + #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"# + list + "</sheets>"
            + (filters.isEmpty ? "" : "<definedNames>" + filters + "</definedNames>")
            + "</workbook>"
    }

    /// Calibri 11; bold for the header; `yyyy-mm-dd`, `yyyy-mm-dd hh:mm`, `[h]:mm` and `0%`,
    /// in the order of `XlsxStyle`.
    static let styles = declaration + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd\ hh:mm"/>"#
        + #"<numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    static func core(title: String, creator: String, created: Date?) -> String {
        let stamp = created.map { instant -> String in
            let date = ISO8601DateFormatter().string(from: instant)
            return #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(date)</dcterms:created>"#
                + #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(date)</dcterms:modified>"#
        } ?? ""
        return declaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
            + #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
            + #"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(text(title))</dc:title><dc:creator>\(text(creator))</dc:creator>"
            + "<cp:lastModifiedBy>\(text(creator))</cp:lastModifiedBy>\(stamp)</cp:coreProperties>"
    }

    static func app(creator: String) -> String {
        declaration + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
            + "<Application>\(text(creator))</Application></Properties>"
    }

    /// Everything of a sheet before its rows: the frozen header (`ySplit=1`, so rows scroll
    /// under it), the column widths, and the opening of `sheetData`.
    static func sheetPrelude(widths: [Double], selected: Bool) -> String {
        let cols = widths.isEmpty ? "" : "<cols>" + widths.enumerated().map { i, width in
            #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(String(format: "%.1f", width))" customWidth="1"/>"#
        }.joined() + "</cols>"
        return declaration + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
            + #"<sheetViews><sheetView workbookViewId="0"\#(selected ? #" tabSelected="1""# : "")>"#
            + #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            + #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
            + #"<sheetFormatPr defaultRowHeight="15"/>"# + cols + "<sheetData>"
    }

    /// The end of a sheet, with the filter buttons on its header.
    static func sheetEnd(columnCount: Int, rowCount: Int) -> String {
        "</sheetData>" + (columnCount == 0 ? "" : #"<autoFilter ref="A1:\#(columnName(columnCount - 1))\#(max(rowCount, 1))"/>"#) + "</worksheet>"
    }

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(UnicodeScalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// Escaped element text, without the characters XML 1.0 forbids.
    static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars where XlsxText.isAllowed(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func attribute(_ value: String) -> String {
        text(value).replacingOccurrences(of: "\"", with: "&quot;")
    }
}
