/// How a workbook was read into a table, stored in its check report and said in words on the
/// version page: which sheet, where the header and the data are, and what was left out.
public struct WorkbookReading: Codable, Sendable, Equatable {
    /// "xlsx".
    public var format: String
    /// Every worksheet, in tab order.
    public var sheets: [String]
    /// 1-based position of the sheet read, in `sheets`.
    public var sheetNumber: Int
    /// Sheet row numbers of the header (two when merged header cells were combined).
    public var headerRows: [Int]
    public var firstColumn: String
    public var lastColumn: String
    public var firstDataRow: Int?
    public var lastDataRow: Int?
    /// Title rows above the header, as text (*Tabel 3.1 …*).
    public var titles: [String]
    /// The *Jumlah*/*Total* row under the data, left out of the table.
    public var totalRow: Int?
    /// Rows under the table (notes, sources), left out: first and last row number and count.
    public var noteRows: [Int]
    public var noteCount: Int
    public var notes: [String]
    /// True when the officer chose the sheet or header row; false when it was detected.
    public var chosen: Bool

    public var sheet: String { sheets.indices.contains(sheetNumber - 1) ? sheets[sheetNumber - 1] : "" }
}

/// The officer's correction of how a workbook is read; nil fields are detected.
public struct WorkbookOptions: Codable, Sendable, Equatable, Hashable {
    /// 1-based sheet position.
    public var sheet: Int?
    /// Sheet row number of the (first) header row.
    public var headerRow: Int?

    public init(sheet: Int? = nil, headerRow: Int? = nil) {
        self.sheet = sheet
        self.headerRow = headerRow
    }

    public var isDefault: Bool { sheet == nil && headerRow == nil }

    /// A short stable key, part of the table file's name for a non-default reading
    /// (`s2h5`), so each reading of the same stored file has its own immutable table.
    public var key: String {
        (sheet.map { "s\($0)" } ?? "") + (headerRow.map { "h\($0)" } ?? "")
    }

    public init?(key: String) {
        guard !key.isEmpty else { self.init(); return }
        var sheet: Int?, header: Int?
        var letter: Character?
        var digits = ""
        func flush() -> Bool {
            guard let letter, let n = Int(digits), n > 0 else { return letter == nil }
            if letter == "s" { sheet = n } else if letter == "h" { header = n } else { return false }
            return true
        }
        for ch in key {
            if ch == "s" || ch == "h" {
                guard flush() else { return nil }
                letter = ch
                digits = ""
            } else if ch.isNumber {
                digits.append(ch)
            } else {
                return nil
            }
        }
        guard flush() else { return nil }
        self.init(sheet: sheet, headerRow: header)
    }
}

extension WorkbookReading {
    /// What was found, in sentences for the officer (Indonesian, English).
    public var summary: (id: String, en: String) {
        let rows = headerRows.map(String.init)
        var id = "Lembar \"\(sheet)\" dibaca (lembar ke-\(sheetNumber) dari \(sheets.count))"
        var en = "Sheet \"\(sheet)\" was read (sheet \(sheetNumber) of \(sheets.count))"
        id += headerRows.count > 1
            ? "; judul kolom pada baris \(rows.joined(separator: " dan ")) (sel gabungan digabung menjadi satu nama)"
            : "; judul kolom pada baris \(rows.first ?? "")"
        en += headerRows.count > 1
            ? "; header on rows \(rows.joined(separator: " and ")) (merged cells combined into one name)"
            : "; header on row \(rows.first ?? "")"
        id += ", kolom \(firstColumn)–\(lastColumn)"
        en += ", columns \(firstColumn)–\(lastColumn)"
        if let first = firstDataRow, let last = lastDataRow {
            id += "; data pada baris \(Count.id(first))–\(Count.id(last))."
            en += "; data on rows \(Count.en(first))–\(Count.en(last))."
        } else {
            id += "; tidak ada baris data."
            en += "; no data rows."
        }
        if !titles.isEmpty {
            id += " Baris judul di atas tabel tidak dimuat: \(titles.map { "\"\($0)\"" }.joined(separator: ", "))."
            en += " Title rows above the table were left out: \(titles.map { "\"\($0)\"" }.joined(separator: ", "))."
        }
        if let totalRow {
            id += " Baris jumlah (baris \(Count.id(totalRow))) tidak dimuat; jumlahnya dapat dihitung dari tabel."
            en += " The total row (row \(Count.en(totalRow))) was left out; totals can be computed from the table."
        }
        if noteCount > 0, let first = noteRows.first, let last = noteRows.last {
            let span = first == last ? "baris \(Count.id(first))" : "baris \(Count.id(first))–\(Count.id(last))"
            let spanEn = first == last ? "row \(Count.en(first))" : "rows \(Count.en(first))–\(Count.en(last))"
            id += " Catatan di bawah tabel (\(span)) tidak dimuat."
            en += " Notes under the table (\(spanEn)) were left out."
        }
        if sheets.count > 1 {
            id += " Berkas ini memiliki \(sheets.count) lembar; lembar lain dapat dipilih di halaman versi."
            en += " This workbook has \(sheets.count) sheets; another can be chosen on the version page."
        }
        return (id, en)
    }
}
