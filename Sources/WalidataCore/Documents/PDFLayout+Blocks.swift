/// The document's blocks on the page, each as the print view sets it.
extension PDFLayout {
    typealias Run = OfficialDocument.Run

    mutating func drawBlock(_ block: OfficialDocument.Block) {
        let serif = document.serif
        switch block {
        case .title(let text):
            let lines = SetLine.wrap([Run(text.uppercased(), bold: true)], serif: serif, size: bodySize, width: contentWidth)
            ensure(leading(bodySize) * Double(lines.count + 3))
            y += 4
            drawLines(lines, size: bodySize, x: margin.left, width: contentWidth, align: .center)
            y += 2
        case .subtitle(let text):
            drawLines(SetLine.wrap([Run(text)], serif: serif, size: bodySize, width: contentWidth), size: bodySize, x: margin.left, width: contentWidth, align: .center)
            y += 10
        case .heading(let text):
            // A heading never stands alone at the foot of a page.
            ensure(leading(bodySize) * 3)
            y += 8
            drawLines(SetLine.wrap([Run(text, bold: true)], serif: serif, size: bodySize, width: contentWidth), size: bodySize, x: margin.left, width: contentWidth, align: .left)
            y += 2
        case .paragraph(let runs, let align, let indent):
            let first = indent ? 12 * Self.mm : 0
            let lines = SetLine.wrap(runs, serif: serif, size: bodySize, width: contentWidth, firstIndent: first)
            drawLines(lines, size: bodySize, x: margin.left, width: contentWidth, align: align, firstIndent: first)
            y += 6
        case .fields(let fields, let aside):
            drawFields(fields, aside: aside)
        case .list(let label, let items, let marker):
            drawList(label: label, items: items, marker: marker)
        case .table(let table):
            drawTable(table)
        case .signatures(let signers):
            drawSignatures(signers)
        }
    }

    mutating func drawFields(_ fields: [OfficialDocument.Field], aside: String?) {
        let size = bodySize
        let labelWidth = 22 * Self.mm, colonWidth = 4 * Self.mm
        let asideLine = aside.map { SetLine.wrap([Run($0)], serif: document.serif, size: size, width: contentWidth / 2).first ?? SetLine() }
        let valueWidth = contentWidth - labelWidth - colonWidth - (asideLine.map { $0.width + 12 } ?? 0)
        let top = y
        for field in fields {
            let label = SetLine.wrap([Run(field.label)], serif: document.serif, size: size, width: labelWidth)
            let value = SetLine.wrap(field.value, serif: document.serif, size: size, width: valueWidth)
            ensure(leading(size) * Double(value.count))
            let row = y
            drawLines(label, size: size, x: margin.left, width: labelWidth, align: .left)
            y = row
            drawLines(SetLine.wrap([Run(":")], serif: document.serif, size: size, width: colonWidth), size: size, x: margin.left + labelWidth, width: colonWidth, align: .left)
            y = row
            drawLines(value, size: size, x: margin.left + labelWidth + colonWidth, width: valueWidth, align: .left)
        }
        if let asideLine {
            drawLine(asideLine, x: margin.left + contentWidth - asideLine.width, baseline: top + size * 0.95, size: size)
        }
        y += 14
    }

    mutating func drawList(label: String?, items: [[Run]], marker: OfficialDocument.Marker) {
        let size = bodySize
        if let label {
            ensure(leading(size) * 2)
            drawLines(SetLine.wrap([Run(label)], serif: document.serif, size: size, width: contentWidth), size: size, x: margin.left, width: contentWidth, align: .left)
        }
        let indent = marker == .none ? 0 : 6 * Self.mm
        for (index, item) in items.enumerated() {
            let lines = SetLine.wrap(item, serif: document.serif, size: size, width: contentWidth - indent)
            ensure(leading(size))
            if marker != .none {
                let mark = SetLine.wrap([Run(marker == .number ? "\(index + 1)." : "\u{2022}")], serif: document.serif, size: size, width: indent)
                drawLine(mark[0], x: margin.left, baseline: y + size * 0.95, size: size)
            }
            drawLines(lines, size: size, x: margin.left + indent, width: contentWidth - indent, align: .left)
        }
        y += marker == .none ? 12 : 6
    }

    /// Borders of 0.75 pt, a grey header row drawn again at the top of each page the table reaches.
    mutating func drawTable(_ table: OfficialDocument.Table) {
        let size = 8.0, padX = 3.0, padY = 2.5
        let total = table.columns.reduce(0, +)
        let widths = table.columns.map { $0 / (total > 0 ? total : 1) * contentWidth }
        func cells(_ texts: [String], bold: Bool) -> (lines: [[SetLine]], height: Double) {
            let lines = widths.indices.map { column in
                SetLine.wrap([Run(column < texts.count ? texts[column] : "", bold: bold)], serif: false, size: size, width: widths[column] - 2 * padX)
            }
            return (lines, Double(lines.map(\.count).max() ?? 1) * leading(size) + 2 * padY)
        }
        let header = cells(table.header, bold: true)
        func drawRow(_ row: (lines: [[SetLine]], height: Double), fill: Bool) {
            var x = margin.left
            for (column, lines) in row.lines.enumerated() {
                let rect = "\(PDFFile.number(x)) \(PDFFile.number(pageHeight - y - row.height)) \(PDFFile.number(widths[column])) \(PDFFile.number(row.height)) re"
                if fill { draw("0.93 g \(rect) f 0 g") }
                draw("0.75 w \(rect) S")
                var line = y + padY
                for set in lines {
                    drawLine(set, x: x + padX, baseline: line + size * 0.95, size: size)
                    line += leading(size)
                }
                x += widths[column]
            }
            y += row.height
        }
        let rows = table.rows.map { cells($0, bold: false) }
        ensure(header.height + (rows.first?.height ?? 0))
        y += 4
        drawRow(header, fill: true)
        for row in rows {
            if row.height > room {
                newPage()
                drawRow(header, fill: true)
            }
            drawRow(row, fill: false)
        }
        y += 8
    }

    /// Blocks 80 mm wide: one on the right, two at either side, the names on the same line.
    mutating func drawSignatures(_ signers: [OfficialDocument.Signer]) {
        guard !signers.isEmpty else { return }
        let size = bodySize, width = 80 * Self.mm, space = 20 * Self.mm
        let above = signers.map(\.lines.count).max() ?? 0
        let height = Double(above + 3) * leading(size) + space
        ensure(height + 16)
        y += 16
        let top = y
        let xs = signers.count == 1 ? [margin.left + contentWidth - width]
            : signers.indices.map { margin.left + Double($0) * (contentWidth - width) / Double(signers.count - 1) }
        for (signer, x) in zip(signers, xs) {
            y = top
            var texts = [signer.placeDate ?? ""] + signer.lines
            texts += Array(repeating: "", count: above + 1 - texts.count)
            for text in texts {
                drawLines(SetLine.wrap([Run(text)], serif: document.serif, size: size, width: width), size: size, x: x, width: width, align: .left)
            }
            y += space
            drawLines(SetLine.wrap([Run(signer.printedName, bold: true, underline: signer.name?.isEmpty == false)], serif: document.serif, size: size, width: width),
                      size: size, x: x, width: width, align: .left)
            if let under = signer.under {
                drawLines(SetLine.wrap([Run(under)], serif: document.serif, size: size, width: width), size: size, x: x, width: width, align: .left)
            }
        }
        y = top + height
    }
}
