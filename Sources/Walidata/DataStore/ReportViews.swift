import Vapor
import WalidataTables

/// The check report of a tabular version, as a data officer reads it: what was found
/// (encoding, separator, rows), the problems with their line numbers, each column's profile,
/// and the first rows.
enum ReportViews {
    static func report(_ req: Request, dataset: Dataset, version: DatasetVersion, t: Translator) -> HTML {
        if let failure = Intake.failure(of: version), Intake.report(of: version) == nil {
            return "<div class=\"flash-error errors\" id=\"problems\"><p>\(t.lang == .id ? failure.indonesianMessage : failure.englishMessage)</p></div>"
        }
        guard let check = Intake.report(of: version) else {
            return "<p class=\"muted\" id=\"unchecked\">\(t("versions.unchecked"))</p>"
        }
        let summary: HTML = """
        <div class="card"><h2>\(t("report.title"))</h2>
        <p>\(check.accepted ? t("report.accepted", NumberText.format(Int64(check.rowCount), lang: t.lang), String(check.header.count)) : t("report.rejected"))</p>
        <p class="muted">\(t("report.found", check.encoding.rawValue, t("report.delimiter." + check.delimiter.name), NumberText.format(Int64(check.lineCount), lang: t.lang)))</p>
        \(problems(check, t: t))
        </div>
        """
        // A rejected file's column profile would only show zeros; its first rows help more.
        return summary + (check.accepted ? profile(check, t: t) : .empty) + preview(check, t: t)
    }

    static func problems(_ check: CSVCheck, t: Translator) -> HTML {
        guard !check.problems.isEmpty else { return "<p class=\"badge ok\">\(t("report.no_problems"))</p>" }
        let items = check.problems.map { p -> HTML in
            let cls = p.severity == .error ? "flash-error" : "warn"
            return "<li class=\"\(cls)\">\(t.lang == .id ? p.indonesianMessage : p.englishMessage)</li>"
        }
        return "<ul class=\"problems\" id=\"problems\">\(items)</ul>"
    }

    static func profile(_ check: CSVCheck, t: Translator) -> HTML {
        guard !check.columns.isEmpty else { return .empty }
        let rows = check.columns.map { c -> HTML in
            """
            <tr><td>\(c.name)</td><td>\(t("report.type." + c.type.rawValue))</td>
            <td class="num">\(NumberText.format(Int64(c.valueCount), lang: t.lang))</td><td class="num">\(NumberText.format(Int64(c.nullCount), lang: t.lang))</td>
            <td class="num">\(c.distinctCountText)</td><td>\(c.minimum ?? "–")</td><td>\(c.maximum ?? "–")</td></tr>
            """
        }
        return """
        <h2>\(t("report.profile"))</h2>
        <div class="table-wrap"><table class="list" id="profile-table">
        <thead><tr><th>\(t("report.column"))</th><th>\(t("report.type"))</th><th>\(t("report.values"))</th><th>\(t("report.nulls"))</th><th>\(t("report.distinct"))</th><th>\(t("report.min"))</th><th>\(t("report.max"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    static func preview(_ check: CSVCheck, t: Translator) -> HTML {
        guard !check.preview.isEmpty else { return .empty }
        let head = check.header.map { "<th>\($0)</th>" as HTML }
        let rows = check.preview.map { row -> HTML in "<tr>\(row.map { "<td>\($0)</td>" as HTML })</tr>" }
        return """
        <h2>\(t("report.preview", String(check.preview.count)))</h2>
        <div class="table-wrap"><table class="list" id="preview-table"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>
        """
    }
}
