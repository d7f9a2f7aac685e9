import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import WalidataCore

/// The PDF and Word writers, on a letter built the way the server builds one.
struct OfficialDocumentWriterTests {
    typealias Run = OfficialDocument.Run

    static func letter(paragraphs: Int = 2, rows: Int = 0, arms: DocumentImage? = nil) -> OfficialDocument {
        var blocks: [OfficialDocument.Block] = [
            .fields([
                .init("Nomor", [Run("000.5/12/Diskominfo-2026")]), .init("Sifat", [Run("Biasa")]),
                .init("Lampiran", [Run("1 (satu) berkas")]), .init("Hal", [Run("Pendaftaran Data Penduduk", bold: true)]),
            ], aside: "Tuapeijat, 30 November 2026"),
            .list(label: "Yth.", items: [[Run("Kepala Dinas Kependudukan")], [Run("di Tuapeijat")]], marker: .none),
        ]
        for index in 0..<paragraphs {
            blocks.append(.paragraph([Run("Paragraf \(index + 1): dengan hormat, bersama ini kami sampaikan bahwa permohonan "
                + "pengelolaan data Saudara telah kami daftarkan dengan nomor registrasi di atas — “terima kasih”.")], align: .justify, indent: true))
        }
        if rows > 0 {
            blocks.append(.table(.init(columns: [1, 4, 2], header: ["No", "Berkas", "Ada"], rows: (1...rows).map { ["\($0)", "Berkas nomor \($0) ✔", "ya"] })))
        }
        blocks.append(.signatures([.init(placeDate: nil, lines: ["Kepala Dinas,"], name: "Drs. Budi Şantoso", under: "NIP. 19700101 199003 1 001")]))
        blocks.append(.list(label: "Tembusan:", items: [[Run("Bupati Kepulauan Mentawai")]], marker: .number))
        let kop = OfficialDocument.Kop(government: "PEMERINTAH KABUPATEN KEPULAUAN MENTAWAI", office: "DINAS KOMUNIKASI DAN INFORMATIKA",
                                       lines: ["Tuapeijat, Sipora Utara", ""], arms: arms)
        return OfficialDocument(title: "Surat 000.5/12", kop: kop, blocks: blocks, pageNumbers: ("Halaman", "dari"), footer: "Dicetak dari Walidata")
    }

    /// The objects' offsets in the cross-reference table, read back from the file.
    static func checkXref(_ pdf: [UInt8]) throws -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        let start = try #require(text.range(of: "startxref\n", options: .backwards))
        let xref = try #require(Int(text[start.upperBound...].prefix { $0.isNumber }))
        #expect(Array(pdf[xref..<(xref + 4)]) == Array("xref".utf8))
        let lines = String(decoding: pdf[xref...], as: UTF8.self).split(separator: "\n")
        let count = try #require(Int(lines[1].split(separator: " ")[1]))
        for object in 1..<count {
            let offset = try #require(Int(lines[2 + object].prefix(10)))
            #expect(Array(pdf[offset..<(offset + "\(object) 0 obj".utf8.count)]) == Array("\(object) 0 obj".utf8), "object \(object)")
        }
        return count
    }

    static func pageCount(_ pdf: [UInt8]) -> Int {
        String(decoding: pdf, as: UTF8.self).components(separatedBy: "/Type /Page ").count - 1
    }

    @Test func aLetterIsOnePDFPageWithCorrectCrossReferences() throws {
        let pdf = PDFWriter.write(Self.letter())
        #expect(Array(pdf.prefix(8)) == Array("%PDF-1.4".utf8))
        #expect(String(decoding: pdf.suffix(6), as: UTF8.self) == "%%EOF\n")
        _ = try Self.checkXref(pdf)
        #expect(Self.pageCount(pdf) == 1)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("(000.5/12/Diskominfo-2026)"))
        #expect(text.contains("(Halaman 1 dari 1)"))
        // Outside WinAnsi: the letter without its accent, a look-alike, typographic quotes kept.
        #expect(text.contains("Budi Santoso"))
        #expect(text.contains("\\223terima kasih\\224"))
        #expect(pdf.count < 20_000)
    }

    @Test func aLongTableRunsOntoMorePagesWithItsHeaderAgain() throws {
        let pdf = PDFWriter.write(Self.letter(paragraphs: 3, rows: 120))
        let pages = Self.pageCount(pdf)
        #expect(pages >= 3)
        _ = try Self.checkXref(pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        let headers = text.components(separatedBy: "(Berkas) Tj").count - 1
        #expect(headers >= 2 && headers >= pages - 1)
        #expect(text.contains("(Halaman \(pages) dari \(pages))"))
        #expect(text.contains("(Berkas nomor 120 v)"))
    }

    @Test func wrappedLinesStayInsideTheirWidth() {
        let lines = SetLine.wrap([Run("kata "), Run("tebal sekali", bold: true), Run(" " + String(repeating: "x", count: 300))], serif: true, size: 12, width: 200)
        #expect(lines.count > 3)
        for line in lines { #expect(line.width <= 200.01) }
        #expect(lines[0].pieces.map(\.font) == [.times, .timesBold])
    }

    @Test func aJPEGArmsGoesInAsItIs() throws {
        // The smallest JPEG frame header our reader accepts: SOI, SOF0 (8 bit, 2×3, 3 components), EOI.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x03, 0x00, 0x02, 0x03] + Array(repeating: 0, count: 9) + [0xFF, 0xD9]
        let arms = try #require(DocumentImage(file: jpeg))
        #expect(arms.pdf?.filter == "/DCTDecode")
        let pdf = PDFWriter.write(Self.letter(arms: arms))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/Subtype /Image /Width 2 /Height 3 /ColorSpace /DeviceRGB"))
        #expect(text.contains("/Im1 Do"))
        _ = try Self.checkXref(pdf)
        let parts = DocxWriter.parts(Self.letter(arms: arms))
        #expect(parts.contains { $0.path == "word/media/lambang.jpeg" && $0.bytes == jpeg })
    }

    @Test func theWordPartsNameEachOtherAndCarryTheText() throws {
        let parts = DocxWriter.parts(Self.letter())
        let paths = parts.map(\.path)
        #expect(paths.contains("[Content_Types].xml") && paths.contains("_rels/.rels") && paths.contains("word/document.xml"))
        #expect(paths.contains("word/footer1.xml") && paths.contains("word/styles.xml"))
        let document = String(decoding: try #require(parts.first { $0.path == "word/document.xml" }).bytes, as: UTF8.self)
        #expect(document.contains("000.5/12/Diskominfo-2026"))
        #expect(document.contains("<w:cantSplit/>"))
        #expect(document.contains("w:val=\"double\""))
        #expect(document.contains("w:w=\"11906\" w:h=\"16838\""))
        let footer = String(decoding: try #require(parts.first { $0.path == "word/footer1.xml" }).bytes, as: UTF8.self)
        #expect(footer.contains("w:instr=\" PAGE \"") && footer.contains("w:instr=\" NUMPAGES \""))
        let styles = String(decoding: try #require(parts.first { $0.path == "word/styles.xml" }).bytes, as: UTF8.self)
        #expect(styles.contains("w:lang w:val=\"id-ID\""))
        // Every part is well-formed XML.
        for part in parts where part.path.hasSuffix(".xml") || part.path.hasSuffix(".rels") {
            #expect(throws: Never.self, "\(part.path)") { _ = try XMLDocument(data: Data(part.bytes)) }
        }
    }

    @Test func fileNamesKeepOnlySafeCharacters() {
        #expect(OfficialDocument.fileName("Surat 000.5/12/Diskominfo/2026", ext: "pdf") == "Surat-000.5-12-Diskominfo-2026.pdf")
        #expect(OfficialDocument.fileName("\"; rm -rf /", ext: "docx") == "rm-rf.docx")
        #expect(OfficialDocument.fileName("ÉÉ", ext: "pdf") == "dokumen.pdf")
    }
}
