import Foundation

/// A PDF 1.4 file from pages of drawing operators: the four standard fonts by name
/// (WinAnsiEncoding, nothing embedded), at most one image, and a cross-reference table whose
/// offsets are counted while writing. Content streams are left uncompressed: a letter's text is
/// a few kilobytes, and a reader can check it with any text tool.
public struct PDFFile {
    public struct Page {
        public var width: Double
        public var height: Double
        public var content: String
    }

    public var pages: [Page] = []
    public var image: DocumentImage.Stream?
    public var imageSize = (width: 0, height: 0)
    public var title = ""

    public init() {}

    public func bytes(producedAt date: Date = Date()) -> [UInt8] {
        var out: [UInt8] = []
        var offsets: [Int] = []
        func object(_ body: [UInt8]) {
            offsets.append(out.count)
            out += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        func object(_ text: String) { object(Array(text.utf8)) }
        func stream(_ dictionary: String, _ data: [UInt8]) -> [UInt8] {
            Array("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
        }

        out += Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        // 1 catalog, 2 page tree, 3 info, 4–7 fonts, 8 image (or an empty placeholder), then pages.
        let firstPage = 9
        let kids = pages.indices.map { "\(firstPage + $0 * 2) 0 R" }.joined(separator: " ")
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        object("<< /Title \(Self.textString(title)) /Producer (Walidata) /CreationDate (\(Self.date(date))) >>")
        for font in StandardFont.allCases {
            object("<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) /Encoding /WinAnsiEncoding >>")
        }
        if let image {
            var dictionary = "/Type /XObject /Subtype /Image /Width \(imageSize.width) /Height \(imageSize.height)"
            dictionary += " /ColorSpace \(image.colorSpace) /BitsPerComponent \(image.bitsPerComponent) /Filter \(image.filter)"
            if let parms = image.decodeParms { dictionary += " /DecodeParms \(parms)" }
            object(stream(dictionary, image.data))
        } else {
            object("null")
        }
        let fonts = StandardFont.allCases.map { "/F\($0.rawValue + 1) \($0.rawValue + 4) 0 R" }.joined(separator: " ")
        let resources = "<< /Font << \(fonts) >>\(image == nil ? "" : " /XObject << /Im1 8 0 R >>") >>"
        for (index, page) in pages.enumerated() {
            let size = "[0 0 \(Self.number(page.width)) \(Self.number(page.height))]"
            object("<< /Type /Page /Parent 2 0 R /MediaBox \(size) /Resources \(resources) /Contents \(firstPage + index * 2 + 1) 0 R >>")
            object(stream("", Array(page.content.utf8)))
        }
        let xref = out.count
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(repeating: "0", count: max(0, 10 - String(offset).count)) + "\(offset) 00000 n \n" }
        table += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info 3 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    /// A number as PDF writes it: at most two decimals, no exponent.
    public static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", rounded)
    }

    /// A literal string of WinAnsi bytes, with the three special characters escaped.
    public static func literal(_ bytes: [UInt8]) -> String {
        var out = "("
        for byte in bytes {
            switch byte {
            case 0x28, 0x29, 0x5C: out += "\\" + String(UnicodeScalar(byte))
            case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(byte))
            default: out += "\\" + String(byte, radix: 8).leftPadded(to: 3)
            }
        }
        return out + ")"
    }

    /// Document information text as UTF-16BE with its byte-order mark, so any title survives.
    static func textString(_ text: String) -> String {
        "<FEFF" + text.utf16.map { unit in DocumentImage.hex(UInt8(unit >> 8)) + DocumentImage.hex(UInt8(unit & 0xFF)) }.joined() + ">"
    }

    static func date(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "D:%04d%02d%02d%02d%02d%02dZ", c.year ?? 2000, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
