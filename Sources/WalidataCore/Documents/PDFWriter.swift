import Foundation

/// An `OfficialDocument` as a PDF, laid out here: A4 with the print view's margins (15 mm top and
/// bottom, 12 mm left and right), the kop on the first page, text wrapped with the fonts' own
/// widths, justified paragraphs, tables that continue on the next page under their header
/// again, signature blocks never split, and "Halaman n dari m" at the foot of each page.
public enum PDFWriter {
    public static func write(_ document: OfficialDocument, date: Date = Date()) -> [UInt8] {
        var layout = PDFLayout(document)
        layout.run()
        var file = PDFFile()
        file.title = document.title
        if let arms = document.kop?.arms, let stream = arms.pdf {
            file.image = stream
            file.imageSize = (arms.width, arms.height)
        }
        let count = layout.pages.count
        file.pages = layout.pages.enumerated().map { index, content in
            var content = content
            if let words = document.pageNumbers {
                let text = WinAnsiText.encode("\(words.page) \(index + 1) \(words.of) \(count)")
                let x = layout.pageWidth - layout.margin.right - StandardFont.helvetica.width(text, size: 7)
                content += "BT /F1 7 Tf \(PDFFile.number(x)) \(PDFFile.number(layout.margin.bottom * 0.45)) Td \(PDFFile.literal(text)) Tj ET\n"
            }
            return PDFFile.Page(width: layout.pageWidth, height: layout.pageHeight, content: content)
        }
        return file.bytes(producedAt: date)
    }
}

/// One line of set text: pieces in one font each, measured.
struct SetLine {
    struct Piece {
        var font: StandardFont
        var bytes: [UInt8]
        var underline: Bool
    }

    var pieces: [Piece] = []
    var width = 0.0
    var spaces = 0

    mutating func append(_ font: StandardFont, _ bytes: [UInt8], underline: Bool, size: Double) {
        if let last = pieces.last, last.font == font, last.underline == underline {
            pieces[pieces.count - 1].bytes += bytes
        } else {
            pieces.append(Piece(font: font, bytes: bytes, underline: underline))
        }
        width += font.width(bytes, size: size)
        spaces += bytes.filter { $0 == 0x20 }.count
    }

    /// Without the spaces at its end, which must neither count for width nor be stretched.
    mutating func trim(size: Double) {
        while let last = pieces.last, last.bytes.last == 0x20 {
            pieces[pieces.count - 1].bytes.removeLast()
            width -= last.font.width(0x20, size: size)
            spaces -= 1
            if pieces[pieces.count - 1].bytes.isEmpty { pieces.removeLast() }
        }
    }

    /// Greedy line breaking at spaces; a word longer than the line (a URL, a hash) is cut.
    static func wrap(_ runs: [OfficialDocument.Run], serif: Bool, size: Double, width: Double, firstIndent: Double = 0) -> [SetLine] {
        var lines: [SetLine] = []
        var current = SetLine()
        func limit() -> Double { (lines.isEmpty ? width - firstIndent : width) }
        func finish() {
            current.trim(size: size)
            lines.append(current)
            current = SetLine()
        }
        for run in runs {
            let font = StandardFont.face(serif: serif, bold: run.bold)
            var words: [[UInt8]] = []
            var word: [UInt8] = []
            for byte in WinAnsiText.encode(run.text) {
                if byte == 0x20 {
                    if !word.isEmpty { words.append(word) }
                    words.append([0x20])
                    word = []
                } else {
                    word.append(byte)
                }
            }
            if !word.isEmpty { words.append(word) }
            for word in words {
                if word == [0x20] {
                    if !current.pieces.isEmpty { current.append(font, word, underline: run.underline, size: size) }
                    continue
                }
                if current.width + font.width(word, size: size) > limit(), current.width > 0 { finish() }
                var rest = word[...]
                while font.width(rest, size: size) > limit() - current.width {
                    var cut = rest.startIndex
                    var used = current.width
                    while cut < rest.endIndex, used + font.width(rest[cut], size: size) <= limit() {
                        used += font.width(rest[cut], size: size)
                        cut += 1
                    }
                    if cut == rest.startIndex { cut += 1 }
                    current.append(font, Array(rest[rest.startIndex..<cut]), underline: run.underline, size: size)
                    finish()
                    rest = rest[cut...]
                }
                if !rest.isEmpty { current.append(font, Array(rest), underline: run.underline, size: size) }
            }
        }
        if !current.pieces.isEmpty || lines.isEmpty { finish() }
        return lines
    }
}

struct PDFLayout {
    static let mm = 72.0 / 25.4
    let document: OfficialDocument
    let pageWidth: Double
    let pageHeight: Double
    let margin = (top: 15 * mm, bottom: 15 * mm, left: 12 * mm, right: 12 * mm)
    let bodySize: Double
    var pages: [String] = [""]
    /// Distance from the top edge of the page to where the next thing is drawn.
    var y: Double

    init(_ document: OfficialDocument) {
        self.document = document
        let portrait = document.orientation == .portrait
        pageWidth = (portrait ? 210 : 297) * Self.mm
        pageHeight = (portrait ? 297 : 210) * Self.mm
        bodySize = document.serif ? 12 : 10
        y = margin.top
    }

    var contentWidth: Double { pageWidth - margin.left - margin.right }
    var room: Double { pageHeight - margin.bottom - y }
    func leading(_ size: Double) -> Double { size * 1.3 }

    mutating func draw(_ operators: String) { pages[pages.count - 1] += operators + "\n" }

    mutating func newPage() {
        pages.append("")
        y = margin.top
    }

    /// Starts a new page unless `height` fits, or the page is still empty.
    mutating func ensure(_ height: Double) {
        if height > room, y > margin.top + 0.5 { newPage() }
    }

    mutating func run() {
        if let kop = document.kop { drawKop(kop) }
        for block in document.blocks { drawBlock(block) }
        if let footer = document.footer {
            y += 8
            drawLines(SetLine.wrap([.init(footer)], serif: false, size: 7, width: contentWidth), size: 7, x: margin.left, width: contentWidth, align: .left)
        }
    }

    /// Draws the lines from `y` on, moving to a new page whenever one does not fit.
    mutating func drawLines(_ lines: [SetLine], size: Double, x: Double, width: Double, align: OfficialDocument.Align, firstIndent: Double = 0) {
        let lead = leading(size)
        for (index, line) in lines.enumerated() {
            ensure(lead)
            let indent = index == 0 ? firstIndent : 0
            var left = x + indent
            var spacing = 0.0
            switch align {
            case .center: left += (width - indent - line.width) / 2
            case .right: left += width - indent - line.width
            case .justify where index < lines.count - 1 && line.spaces > 0:
                spacing = (width - indent - line.width) / Double(line.spaces)
                if spacing > size { spacing = 0 }
            default: break
            }
            drawLine(line, x: left, baseline: y + size * 0.95, size: size, spacing: spacing)
            y += lead
        }
    }

    mutating func drawLine(_ line: SetLine, x: Double, baseline: Double, size: Double, spacing: Double = 0) {
        var cx = x
        let base = pageHeight - baseline
        for piece in line.pieces {
            let spaces = Double(piece.bytes.filter { $0 == 0x20 }.count)
            let width = piece.font.width(piece.bytes, size: size) + spacing * spaces
            let tw = spacing == 0 ? "" : "\(PDFFile.number(spacing)) Tw "
            draw("BT /F\(piece.font.rawValue + 1) \(PDFFile.number(size)) Tf \(tw)\(PDFFile.number(cx)) \(PDFFile.number(base)) Td \(PDFFile.literal(piece.bytes)) Tj ET")
            if piece.underline {
                let under = PDFFile.number(base - size * 0.12)
                draw("0.6 w \(PDFFile.number(cx)) \(under) m \(PDFFile.number(cx + width)) \(under) l S")
            }
            cx += width
        }
    }

    /// The arms in a 26 mm column on the left, the text centred on the page, a double rule below.
    mutating func drawKop(_ kop: OfficialDocument.Kop) {
        let armsWidth = 26 * Self.mm, armsHeight = 24 * Self.mm
        let textWidth = contentWidth - 2 * armsWidth
        var rows: [(SetLine, Double)] = []
        for (text, bold, size) in [(kop.government, true, 10.5), (kop.office, true, 12.75)] + kop.lines.map({ ($0, false, 7.5) }) {
            rows += SetLine.wrap([.init(text, bold: bold)], serif: false, size: size, width: textWidth).map { ($0, size) }
        }
        let textHeight = rows.reduce(0) { $0 + leading($1.1) }
        var image = (width: 0.0, height: 0.0)
        if let arms = kop.arms, arms.pdf != nil {
            let scale = min(armsWidth / Double(arms.width), armsHeight / Double(arms.height))
            image = (Double(arms.width) * scale, Double(arms.height) * scale)
        }
        let height = max(textHeight, image.height)
        if image.height > 0 {
            let x = margin.left + (armsWidth - image.width) / 2
            let bottom = pageHeight - (y + (height + image.height) / 2)
            draw("q \(PDFFile.number(image.width)) 0 0 \(PDFFile.number(image.height)) \(PDFFile.number(x)) \(PDFFile.number(bottom)) cm /Im1 Do Q")
        }
        var line = y + (height - textHeight) / 2
        for (row, size) in rows {
            drawLine(row, x: margin.left + armsWidth + (textWidth - row.width) / 2, baseline: line + size * 0.95, size: size)
            line += leading(size)
        }
        y += height + 5
        let left = PDFFile.number(margin.left), right = PDFFile.number(margin.left + contentWidth)
        draw("1.5 w \(left) \(PDFFile.number(pageHeight - y)) m \(right) \(PDFFile.number(pageHeight - y)) l S")
        draw("0.5 w \(left) \(PDFFile.number(pageHeight - y - 2.2)) m \(right) \(PDFFile.number(pageHeight - y - 2.2)) l S")
        y += 2.2 + 12
    }
}
