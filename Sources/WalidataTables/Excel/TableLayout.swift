import Foundation

/// Where the table is on a sheet that is rarely a clean table: title rows above the header
/// (*Tabel 3.1 Jumlah Penduduk …*), a header merged over two rows, columns that start at B.
/// Decided from the first rows only, so the rest of the sheet can stream.
struct TableLayout: Equatable {
    /// Sheet row numbers of the header: one, or two for a merged header.
    var headerRows: [Int]
    /// 0-based, inclusive.
    var columns: ClosedRange<Int>
    var names: [String]
    /// The text of the non-empty rows above the header.
    var titles: [String]

    /// Rows read before deciding.
    static let sampleRows = 60

    /// `headerRow` is the officer's correction; otherwise the header is the first row that
    /// fills at least two cells and at least half as many as the widest row sampled, with
    /// more text than numbers.
    static func detect(_ rows: [SheetRow], headerRow: Int? = nil) -> TableLayout? {
        let nonBlank = rows.filter { $0.width > 0 && !$0.filled(in: 0...($0.width - 1)).isEmpty }
        guard !nonBlank.isEmpty else { return nil }
        func filled(_ row: SheetRow) -> [Int] { row.filled(in: 0...max(0, row.width - 1)) }
        let widest = nonBlank.map { filled($0).count }.max() ?? 0
        let headerIndex: Int
        if let headerRow {
            guard let i = nonBlank.firstIndex(where: { $0.number == headerRow }) else { return nil }
            headerIndex = i
        } else {
            headerIndex = nonBlank.firstIndex { row in
                let cells = filled(row)
                let numbers = cells.filter { row.isNumeric($0) && !isYear(row, $0) }.count
                return cells.count >= 2 && cells.count * 2 >= widest && numbers * 2 < cells.count
            } ?? 0
        }
        let header = nonBlank[headerIndex]
        var headerCells = filled(header)
        var rowsUsed = [header]
        // A second header row: right under the first, text only, with a name under a gap of
        // the first row (the cells a horizontal merge covers are empty in the file).
        if headerIndex + 1 < nonBlank.count, nonBlank[headerIndex + 1].number == header.number + 1 {
            let below = nonBlank[headerIndex + 1]
            let belowCells = filled(below)
            let firstTop = headerCells.first ?? 0
            let underGap = belowCells.contains { header.isBlank($0) && $0 > firstTop }
            if !belowCells.isEmpty, underGap, !belowCells.contains(where: { below.isNumeric($0) }) {
                rowsUsed.append(below)
                headerCells = Array(Set(headerCells + belowCells)).sorted()
            }
        }
        guard let first = headerCells.first, let last = headerCells.last else { return nil }
        var names: [String] = []
        var carried = ""
        for column in first...last {
            var top = clean(header.string(column))
            if top.isEmpty, rowsUsed.count == 2, !rowsUsed[1].isBlank(column) { top = carried } else { carried = top }
            let sub = rowsUsed.count == 2 ? clean(rowsUsed[1].string(column)) : ""
            names.append(top.isEmpty ? sub : (sub.isEmpty || sub == top ? top : "\(top) - \(sub)"))
        }
        let titles = nonBlank[..<headerIndex].map { row in
            filled(row).map { clean(row.string($0)) }.joined(separator: " ")
        }
        return TableLayout(headerRows: rowsUsed.map(\.number), columns: first...last, names: names, titles: titles)
    }

    /// Column headers such as 2020, 2021 … are years, written as numbers.
    static func isYear(_ row: SheetRow, _ column: Int) -> Bool {
        guard let year = Int(row.string(column)) else { return false }
        return (1900...2100).contains(year)
    }

    /// Header text as one line: merged header cells often hold line breaks.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A *Jumlah* / *Total* row: its first filled cell says so and the rest are numbers or empty.
    static func isTotalRow(_ row: SheetRow, columns: ClosedRange<Int>) -> Bool {
        let cells = row.filled(in: columns)
        // Without numbers the row may be a category called "Total"; with the formulas' values
        // missing (a workbook no program has recalculated) it is only the word.
        guard let first = cells.first, !row.isNumeric(first),
              cells.count == 1 || cells.dropFirst().contains(where: { row.isNumeric($0) }) else { return false }
        let text = clean(row.string(first)).lowercased()
        return ["jumlah", "total", "grand total", "jumlah total", "total keseluruhan"].contains { word in
            text == word || text.hasPrefix(word + " ") || text.hasPrefix(word + ":")
        }
    }

    /// A note under a table: one text cell, such as *Sumber: BPS* or *Catatan: …*.
    static func isNote(_ row: SheetRow, columns: ClosedRange<Int>, afterGap: Bool) -> Bool {
        let cells = row.filled(in: columns)
        guard cells.count == 1, let only = cells.first, !row.isNumeric(only) else { return false }
        if afterGap { return true }
        let text = clean(row.string(only)).lowercased()
        return ["sumber", "catatan", "keterangan", "ket.", "ket:", "note", "source", "*"].contains { text.hasPrefix($0) }
    }
}
