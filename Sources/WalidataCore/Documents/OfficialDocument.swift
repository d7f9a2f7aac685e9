/// An official document (the registration letter, a report round, the final concept, the final
/// report) described once as plain data, so the Word and the PDF writers print the same thing:
/// the kop surat, a title, the letter's numbered fields, paragraphs with bold runs, tables with a
/// header row, signature blocks and "Halaman n dari m" at the foot of each page.
public struct OfficialDocument: Sendable, Equatable {
    public enum Orientation: String, Sendable { case portrait, landscape }
    public enum Align: Sendable { case left, center, right, justify }
    /// How a list marks its items: "1.", "•", or not at all (the lines under "Yth.").
    public enum Marker: Sendable { case number, bullet, none }

    /// A piece of text in one weight: `**Hal**` becomes a bold run.
    public struct Run: Sendable, Equatable {
        public var text: String
        public var bold: Bool
        public var underline: Bool

        public init(_ text: String, bold: Bool = false, underline: Bool = false) {
            self.text = text
            self.bold = bold
            self.underline = underline
        }
    }

    /// The kop surat: the arms on the left, the government, the office and the address lines
    /// centred, a double rule below.
    public struct Kop: Sendable, Equatable {
        public var government: String
        public var office: String
        public var lines: [String]
        public var arms: DocumentImage?

        public init(government: String, office: String, lines: [String], arms: DocumentImage?) {
            self.government = government
            self.office = office
            self.lines = lines.filter { !$0.isEmpty }
            self.arms = arms
        }
    }

    /// "Nomor : 000.5/12/Diskominfo", one row of the letter's head.
    public struct Field: Sendable, Equatable {
        public var label: String
        public var value: [Run]

        public init(_ label: String, _ value: [Run]) {
            self.label = label
            self.value = value
        }
    }

    /// A bordered table; the header row repeats on every page the table runs onto.
    public struct Table: Sendable, Equatable {
        /// Shares of the line's width, one per column.
        public var columns: [Double]
        public var header: [String]
        public var rows: [[String]]

        public init(columns: [Double], header: [String], rows: [[String]]) {
            self.columns = columns
            self.header = header
            self.rows = rows
        }
    }

    /// One signature block: place and date, the lines above the space (role, position), the
    /// name (bold, underlined; a dotted line when unknown) and what stands under it (the NIP).
    public struct Signer: Sendable, Equatable {
        public var placeDate: String?
        public var lines: [String]
        public var name: String?
        public var under: String?

        public init(placeDate: String? = nil, lines: [String], name: String?, under: String?) {
            self.placeDate = placeDate
            self.lines = lines
            self.name = name
            self.under = under
        }

        public var printedName: String {
            name.flatMap { $0.isEmpty ? nil : $0 } ?? String(repeating: ".", count: 40)
        }
    }

    public enum Block: Sendable, Equatable {
        /// Centred, bold, upper case.
        case title(String)
        /// Centred under the title.
        case subtitle(String)
        /// A bold heading kept with what follows.
        case heading(String)
        case paragraph([Run], align: Align, indent: Bool)
        /// The letter's head: label, colon, value; `aside` (place and date) on the right of the first row.
        case fields([Field], aside: String?)
        /// "Tembusan:" and its numbered lines, a bulleted list, or the recipient's lines under "Yth.".
        case list(label: String?, items: [[Run]], marker: Marker)
        case table(Table)
        /// One signer stands on the right; two stand side by side. Never split across pages.
        case signatures([Signer])
    }

    public var title: String
    public var orientation: Orientation
    /// Letters and reports are set in a serif face, as the print view does; tables always in sans.
    public var serif: Bool
    public var kop: Kop?
    public var blocks: [Block]
    /// "Halaman" and "dari" for "Halaman n dari m"; nil prints no page numbers (a letter).
    public var pageNumbers: (page: String, of: String)?
    /// The small line at the end saying where and when the document was made.
    public var footer: String?

    public init(title: String, orientation: Orientation = .portrait, serif: Bool = true, kop: Kop?, blocks: [Block],
                pageNumbers: (page: String, of: String)?, footer: String?) {
        self.title = title
        self.orientation = orientation
        self.serif = serif
        self.kop = kop
        self.blocks = blocks
        self.pageNumbers = pageNumbers
        self.footer = footer
    }

    public static func == (a: OfficialDocument, b: OfficialDocument) -> Bool {
        a.title == b.title && a.orientation == b.orientation && a.serif == b.serif && a.kop == b.kop && a.blocks == b.blocks
            && a.pageNumbers?.page == b.pageNumbers?.page && a.pageNumbers?.of == b.pageNumbers?.of && a.footer == b.footer
    }

    /// Every piece of text in reading order, for tests and for a plain-text check of the writers.
    public var texts: [String] {
        var out: [String] = []
        if let kop { out += [kop.government, kop.office] + kop.lines }
        for block in blocks {
            switch block {
            case .title(let s), .subtitle(let s), .heading(let s): out.append(s)
            case .paragraph(let runs, _, _): out.append(runs.map(\.text).joined())
            case .fields(let fields, let aside):
                out += fields.map { $0.label + " : " + $0.value.map(\.text).joined() }
                if let aside { out.append(aside) }
            case .list(let label, let items, _): out += (label.map { [$0] } ?? []) + items.map { $0.map(\.text).joined() }
            case .table(let table): out += table.header + table.rows.flatMap { $0 }
            case .signatures(let signers):
                for s in signers { out += (s.placeDate.map { [$0] } ?? []) + s.lines + [s.printedName] + (s.under.map { [$0] } ?? []) }
            }
        }
        if let footer { out.append(footer) }
        return out
    }

    /// A name for the downloaded file: letters, digits, dots and dashes only, so every mail
    /// client, WhatsApp and the e-office keep it ("Surat-000.5-12-Diskominfo-2026.pdf").
    public static func fileName(_ base: String, ext: String) -> String {
        var out = ""
        var dash = false
        for scalar in base.unicodeScalars {
            let ok = (scalar.isASCII && (CharacterSetASCII.alphanumeric(scalar) || scalar == "." || scalar == "_"))
            if ok {
                out.unicodeScalars.append(scalar)
                dash = false
            } else if !dash, !out.isEmpty {
                out += "-"
                dash = true
            }
        }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        return (out.isEmpty ? "dokumen" : String(out.prefix(120))) + "." + ext
    }
}

enum CharacterSetASCII {
    static func alphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }
}
