import Vapor

/// A table cell on a page. Cells are shown whole up to `pageLimit` characters; a longer one
/// (a pasted document, a 12 MB field) is cut with a note that the downloads hold it whole, so
/// one cell cannot make a page of tens of megabytes for a visitor on a slow link.
enum CellText {
    static let pageLimit = 500

    static func cell(_ text: String, t: Translator) -> HTML {
        "<td>\(shown(text, t: t))</td>"
    }

    static func header(_ text: String, t: Translator) -> HTML {
        "<th>\(shown(text, t: t))</th>"
    }

    static func shown(_ text: String, t: Translator, cutAt limit: Int = pageLimit) -> HTML {
        // Counting bytes first keeps the common short cell from a character count.
        guard text.utf8.count > limit, text.count > limit else { return "\(text)" }
        let count = NumberText.format(Int64(text.count), lang: t.lang)
        return "\(String(text.prefix(limit)))<span class=\"muted cell-cut\">\(t("cell.cut", count))</span>"
    }
}
