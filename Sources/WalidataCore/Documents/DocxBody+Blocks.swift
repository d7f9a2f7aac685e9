extension DocxBody {
    func block(_ block: OfficialDocument.Block) -> String {
        switch block {
        case .title(let text):
            return paragraph([Run(text)], style: "Title")
        case .subtitle(let text):
            return paragraph([Run(text)], style: "Subtitle")
        case .heading(let text):
            return paragraph([Run(text)], style: "Heading3")
        case .paragraph(let runs, let align, let indent):
            let jc = switch align { case .left: "left"; case .center: "center"; case .right: "right"; case .justify: "both" }
            let first = indent ? "<w:ind w:firstLine=\"\(Int(12 * DocxWriter.twipsPerMM))\"/>" : ""
            return paragraph(runs, properties: "<w:spacing w:after=\"120\"/>\(first)<w:jc w:val=\"\(jc)\"/>")
        case .fields(let fields, let aside):
            return self.fields(fields, aside: aside)
        case .list(let label, let items, let marker):
            return list(label: label, items: items, marker: marker)
        case .table(let table):
            return self.table(table)
        case .signatures(let signers):
            return signatures(signers)
        }
    }

    /// Label, colon, value; the place and date on the right of the first row.
    private func fields(_ fields: [OfficialDocument.Field], aside: String?) -> String {
        let label = Int(22 * DocxWriter.twipsPerMM), colon = Int(4 * DocxWriter.twipsPerMM)
        let side = aside == nil ? 0 : Int(65 * DocxWriter.twipsPerMM)
        let value = contentWidth - label - colon - side
        let rows = fields.enumerated().map { index, field in
            var row = "<w:tr>" + cell(label, paragraph([Run(field.label)])) + cell(colon, paragraph([Run(":")])) + cell(value, paragraph(field.value))
            if let aside { row += cell(side, index == 0 ? paragraph([Run(aside)], properties: "<w:jc w:val=\"right\"/>") : "") }
            return row + "</w:tr>"
        }
        return table(aside == nil ? [label, colon, value] : [label, colon, value, side], rows: rows, borders: false)
            + paragraph([], properties: "<w:spacing w:after=\"120\"/>")
    }

    /// Numbers and bullets are typed with a tab and a hanging indent rather than Word's list
    /// numbering: an officer editing the letter sees exactly what is printed.
    private func list(label: String?, items: [[Run]], marker: OfficialDocument.Marker) -> String {
        var out = label.map { paragraph([Run($0)], properties: "<w:keepNext/>") } ?? ""
        let indent = Int(6 * DocxWriter.twipsPerMM)
        for (index, item) in items.enumerated() {
            switch marker {
            case .none:
                out += paragraph(item)
            case .number, .bullet:
                let mark = marker == .number ? "\(index + 1)." : "\u{2022}"
                let properties = "<w:tabs><w:tab w:val=\"left\" w:pos=\"\(indent)\"/></w:tabs><w:ind w:left=\"\(indent)\" w:hanging=\"\(indent)\"/>"
                let runs = self.run(Run(mark)) + "<w:r><w:tab/></w:r>" + item.map { self.run($0) }.joined()
                out += "<w:p><w:pPr>\(properties)</w:pPr>\(runs)</w:p>"
            }
        }
        return out + paragraph([], properties: "<w:spacing w:after=\"120\"/>")
    }

    private func table(_ table: OfficialDocument.Table) -> String {
        let total = table.columns.reduce(0, +)
        let widths = table.columns.map { Int($0 / (total > 0 ? total : 1) * Double(contentWidth)) }
        func row(_ texts: [String], header: Bool) -> String {
            let trPr = "<w:trPr><w:cantSplit/>\(header ? "<w:tblHeader/>" : "")</w:trPr>"
            let shade = header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEEEEE\"/>" : ""
            let cells = widths.indices.map { column in
                cell(widths[column], paragraph([Run(column < texts.count ? texts[column] : "", bold: header)], runProperties: sans(16)), properties: shade)
            }
            return "<w:tr>\(trPr)\(cells.joined())</w:tr>"
        }
        return paragraph([], properties: "<w:keepNext/><w:spacing w:after=\"60\"/>")
            + self.table(widths, rows: [row(table.header, header: true)] + table.rows.map { row($0, header: false) }, borders: true)
            + paragraph([], properties: "<w:spacing w:after=\"120\"/>")
    }

    /// One row that cannot split: the blocks stay together on one page, the names on one line.
    private func signatures(_ signers: [OfficialDocument.Signer]) -> String {
        guard !signers.isEmpty else { return "" }
        let half = contentWidth / 2
        let above = signers.map(\.lines.count).max() ?? 0
        func block(_ signer: OfficialDocument.Signer) -> String {
            let lines = [signer.placeDate ?? ""] + signer.lines + Array(repeating: "", count: above - signer.lines.count)
            let space = "<w:spacing w:before=\"\(Int(20 * DocxWriter.twipsPerMM))\"/>"
            let name = Run(signer.printedName, bold: true, underline: signer.name?.isEmpty == false)
            return lines.map { paragraph([Run($0)], properties: "<w:keepNext/>") }.joined()
                + paragraph([name], properties: space + "<w:keepNext/>")
                + (signer.under.map { paragraph([Run($0)]) } ?? "")
        }
        let cells = signers.count == 1 ? cell(half, "") + cell(half, block(signers[0]))
            : signers.map { cell(contentWidth / signers.count, block($0)) }.joined()
        let widths = signers.count == 1 ? [half, half] : Array(repeating: contentWidth / signers.count, count: signers.count)
        return paragraph([], properties: "<w:keepNext/><w:spacing w:after=\"200\"/>")
            + table(widths, rows: ["<w:tr><w:trPr><w:cantSplit/></w:trPr>\(cells)</w:tr>"], borders: false)
    }
}
