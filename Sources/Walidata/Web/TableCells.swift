import Foundation
import WalidataCore
import WalidataTables

/// How a table's columns are shown on a page: a number column's cells in the reader's notation
/// (`NumberText`) and right-aligned, every other cell as uploaded. Decided from the version's
/// column profiles, so every page of a table reads the same; from the rows at hand when there
/// is no profile.
struct TableCells {
    struct Column: Equatable {
        var numeric: Bool
        /// False for a column of years (whole numbers 1900–2100): `2024`, never `2.024`.
        var grouped: Bool
    }

    let columns: [Column]
    let lang: Lang

    init(columns: [String], profiles: [ColumnProfile]?, rows: [TableRow], lang: Lang) {
        self.lang = lang
        let byName = Dictionary((profiles ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.columns = columns.enumerated().map { index, name in
            let profile = profiles.flatMap { $0.count == columns.count ? $0[index] : byName[name] }
            if let profile { return TableCells.column(profile) }
            return TableCells.column(values: rows.compactMap { index < $0.values.count ? $0.values[index] : nil })
        }
    }

    static func column(_ profile: ColumnProfile) -> Column {
        guard profile.type == .integer || profile.type == .decimal else { return Column(numeric: false, grouped: true) }
        return Column(numeric: true, grouped: !(profile.type == .integer && isYears(profile.minimum, profile.maximum)))
    }

    static func column(values: [TableValue]) -> Column {
        var numbers: [Int64] = [], decimals = 0
        for value in values {
            switch value {
            case .null: continue
            case .integer(let v): numbers.append(v)
            case .decimal: decimals += 1
            default: return Column(numeric: false, grouped: true)
            }
        }
        guard !numbers.isEmpty || decimals > 0 else { return Column(numeric: false, grouped: true) }
        let years = decimals == 0 && numbers.allSatisfy { (1900...2100).contains($0) }
        return Column(numeric: true, grouped: !years)
    }

    private static func isYears(_ minimum: String?, _ maximum: String?) -> Bool {
        guard let low = minimum.flatMap({ Int64($0) }), let high = maximum.flatMap({ Int64($0) }) else { return false }
        return low >= 1900 && high <= 2100
    }

    /// The text of cell `index` of `row` as the page shows it.
    func text(_ row: TableRow, _ index: Int) -> String {
        let text = index < row.texts.count ? row.texts[index] : ""
        guard index < columns.count, columns[index].numeric, index < row.values.count else { return text }
        let notation = NumberText.notation(lang)
        switch row.values[index] {
        case .integer(let v): return notation.integer(v, grouped: columns[index].grouped)
        case .decimal(let v): return notation.decimal(v, uploaded: text, grouped: columns[index].grouped)
        default: return text
        }
    }

    func cells(_ row: TableRow, t: Translator, cutAt limit: Int = CellText.pageLimit) -> HTML {
        HTML.join(row.texts.indices.map { index -> HTML in
            let numeric = index < columns.count && columns[index].numeric
            let shown = CellText.shown(text(row, index), t: t, cutAt: limit)
            return numeric ? "<td class=\"num\">\(shown)</td>" : "<td>\(shown)</td>"
        })
    }

    /// Cells without alignment classes or end tags (HTML lets a cell end where the next
    /// begins), for a table aligned by its page's style: a wide page of numbers a third lighter.
    func plainCells(_ row: TableRow, t: Translator, cutAt limit: Int = CellText.pageLimit) -> HTML {
        HTML.join(row.texts.indices.map { "<td>\(CellText.shown(text(row, $0), t: t, cutAt: limit))" as HTML })
    }

    func headers(_ names: [String], t: Translator) -> HTML {
        HTML.join(names.enumerated().map { index, name -> HTML in
            let numeric = index < columns.count && columns[index].numeric
            return numeric ? "<th class=\"num\">\(CellText.shown(name, t: t))</th>" : CellText.header(name, t: t)
        })
    }
}
