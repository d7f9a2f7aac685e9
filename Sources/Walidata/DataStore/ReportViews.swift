import Vapor
import WalidataCore
import WalidataTables

/// The check report of a tabular version, as a data officer reads it: what was found
/// (encoding, separator, rows), the problems with their line numbers, each column's profile,
/// and the first rows.
enum ReportViews {
    /// The column descriptions shown in the profile, and whether this reader may edit them here.
    struct ColumnNotes {
        var descriptions: [String: String] = [:]
        var editable = false
    }

    static func report(_ req: Request, dataset: Dataset, version: DatasetVersion, t: Translator, columns notes: ColumnNotes = .init()) -> HTML {
        if let failure = Intake.failure(of: version), Intake.report(of: version) == nil {
            return "<div class=\"flash-error errors\" id=\"problems\"><p>\(t.lang == .id ? failure.indonesianMessage : failure.englishMessage)</p></div>"
        }
        guard let check = Intake.report(of: version) else {
            return "<p class=\"muted\" id=\"unchecked\">\(t("versions.unchecked"))</p>"
        }
        // A picture or a spreadsheet file is not a table: no encoding, separator or line count
        // to report, no table checks to list; just what it is and what to upload instead.
        if let binary = check.problems.first(where: { $0.code == .binaryFile }) {
            return """
            <div class="card" id="not-a-table"><h2>\(t("report.not_a_table"))</h2>
            <p class="flash-error" id="problems">\(t.lang == .id ? binary.indonesianMessage : binary.englishMessage)</p>
            <p class="hint">\(t("report.not_a_table_hint"))</p></div>
            """
        }
        let summary: HTML = """
        <div class="card"><h2>\(t("report.title"))</h2>
        <p>\(check.accepted ? t("report.accepted", NumberText.format(Int64(check.rowCount), lang: t.lang), String(check.header.count)) : t("report.rejected"))</p>
        \(check.workbook.map { WorkbookReadingViews.found($0, t: t) } ?? "<p class=\"muted\">\(t("report.found", check.encoding.rawValue, t("report.delimiter." + check.delimiter.name), NumberText.format(Int64(check.lineCount), lang: t.lang)))</p>")
        \(problems(check, t: t))
        </div>
        """
        // A rejected file's column profile would only show zeros; its first rows help more.
        let editor = check.accepted && notes.editable ? descriptionForm(req, dataset: dataset, check: check, notes: notes) : .empty
        return summary + (check.accepted ? profile(check, t: t, descriptions: notes.descriptions) : .empty) + editor + preview(check, t: t)
    }

    static func problems(_ check: CSVCheck, t: Translator) -> HTML {
        guard !check.problems.isEmpty else { return "<p class=\"badge ok\">\(t("report.no_problems"))</p>" }
        let items = check.problems.map { p -> HTML in
            let cls = p.severity == .error ? "flash-error" : "warn"
            return "<li class=\"\(cls)\">\(t.lang == .id ? p.indonesianMessage : p.englishMessage)</li>"
        }
        return "<ul class=\"problems\" id=\"problems\">\(items)</ul>"
    }

    static func profile(_ check: CSVCheck, t: Translator, descriptions: [String: String] = [:]) -> HTML {
        guard !check.columns.isEmpty else { return .empty }
        let rows = check.columns.map { c -> HTML in
            let column = TableCells.column(c)
            // Numbers as the table shows them (`1.125,46`); dates and words as stored. Left-aligned
            // like the words they stand among, so the two columns read straight down.
            func extreme(_ value: String?) -> HTML {
                guard let value else { return "<td>–</td>" }
                return "<td>\(column.numeric ? NumberText.canonical(value, lang: t.lang, grouped: column.grouped) : value)</td>"
            }
            let distinct = NumberText.format(c.distinctCount, lang: t.lang)
            return """
            <tr><td>\(c.name)\(descriptions[c.name].map { d -> HTML in "<br><span class=\"muted column-description\">\(d)</span>" })</td><td>\(t("report.type." + c.type.rawValue))</td>
            <td class="num">\(NumberText.format(c.valueCount, lang: t.lang))</td><td class="num">\(NumberText.format(c.nullCount, lang: t.lang))</td>
            <td class="num">\(c.distinctCountIsCapped ? "> " + distinct : distinct)</td>\(extreme(c.minimum))\(extreme(c.maximum))</tr>
            """
        }
        return """
        <h2>\(t("report.profile"))</h2>
        <div class="table-wrap"><table class="list" id="profile-table">
        <thead><tr><th>\(t("report.column"))</th><th>\(t("report.type"))</th><th class="num">\(t("report.values"))</th><th class="num">\(t("report.nulls"))</th><th class="num">\(t("report.distinct"))</th><th>\(t("report.min"))</th><th>\(t("report.max"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    /// One text box per column of the current table, saved together (`ColumnDescriptions.save`).
    static func descriptionForm(_ req: Request, dataset: Dataset, check: CSVCheck, notes: ColumnNotes) -> HTML {
        let t = req.t
        let rows = check.columns.enumerated().map { i, c -> HTML in
            """
            <tr><th scope="row"><label for="col-\(String(i))">\(c.name)</label><input type="hidden" name="column[]" value="\(c.name)"></th>
            <td><textarea id="col-\(String(i))" name="description[]" rows="2" maxlength="\(String(ColumnDescriptions.limit))">\(notes.descriptions[c.name] ?? "")</textarea></td></tr>
            """
        }
        return """
        <form class="card" method="post" id="column-descriptions" action="\(SiteURL.datasetColumns(dataset.slug).path)">
        \(Layout.csrfField(req))
        <h2>\(t("catalog.columns.title"))</h2>
        <p class="hint">\(t("catalog.columns.hint", String(ColumnDescriptions.limit)))</p>
        <div class="table-wrap"><table class="list">\(rows)</table></div>
        <div class="actions"><button type="submit">\(t("catalog.columns.save"))</button></div>
        </form>
        """
    }

    static func preview(_ check: CSVCheck, t: Translator) -> HTML {
        guard !check.preview.isEmpty else { return .empty }
        // An accepted file's first rows read like its table: numbers in the reader's notation.
        let columns: [TableCells.Column?] = check.header.indices.map { i in
            check.accepted && i < check.columns.count ? TableCells.column(check.columns[i]) : nil
        }
        let head = check.header.enumerated().map { i, name -> HTML in columns[i]?.numeric == true ? "<th class=\"num\">\(name)</th>" : "<th>\(name)</th>" }
        func cell(_ i: Int, _ text: String) -> HTML {
            guard i < columns.count, let column = columns[i], column.numeric else { return "<td>\(text)</td>" }
            let mark: Character = check.columns[i].numberStyle == .international ? "." : ","
            let shown = NumberNotation.canonical(uploaded: text, decimalMark: mark).map { NumberText.canonical($0, lang: t.lang, grouped: column.grouped) } ?? text
            return "<td class=\"num\">\(shown)</td>"
        }
        let rows = check.preview.map { row -> HTML in "<tr>\(row.enumerated().map { cell($0, $1) })</tr>" }
        return """
        <h2>\(t("report.preview", String(check.preview.count)))</h2>
        <div class="table-wrap"><table class="list" id="preview-table"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>
        """
    }
}
