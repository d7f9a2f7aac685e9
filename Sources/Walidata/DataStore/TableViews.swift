import Vapor
import WalidataTables

enum TableViews {
    /// The data of an accepted version: a filter form, a page of rows, paging, downloads.
    static func data(_ req: Request, dataset: Dataset, version: DatasetVersion, page: TablePage, params: TableQueryParams, t: Translator) -> HTML {
        let columns = page.columns
        let cells = TableCells(columns: columns, profiles: Intake.report(of: version)?.columns, rows: page.rows, lang: t.lang)
        let base = SiteURL.version(dataset.slug, version.number).path
        let from = page.totalCount == 0 ? 0 : page.offset + 1
        let to = page.offset + page.rows.count
        let query = params.encoded(dropPaging: true)
        let suffix = query.isEmpty ? "" : "?" + query
        let downloads: HTML = """
        <p class="no-print" id="downloads">\(t("table.download")):
        <a href="\(SiteURL.versionData(dataset.slug, version.number, "csv").path)\(suffix)" id="download-csv">CSV</a> ·
        <a href="\(SiteURL.versionDataFile(dataset.slug, version.number, "data-excel.csv").path)\(suffix)" id="download-excel">\(t("table.csv_excel"))</a> ·
        <a href="\(SiteURL.versionData(dataset.slug, version.number, "json").path)\(suffix)" id="download-json">JSON</a> ·
        <a href="\(SiteURL.versionData(dataset.slug, version.number, "xlsx").path)\(suffix)" id="download-xlsx">\(t("xlsxout.table_link"))</a>
        \(HTML.when(!query.isEmpty, " <span class=\"muted\">(\(t("table.filtered_download")))</span>"))</p>
        """
        return """
        <h2 id="data">\(t("table.title"))</h2>
        <details class="card no-print"\(HTML.when(!query.isEmpty, " open"))><summary>\(t("table.filter_and_sort"))</summary>
        <form method="get" action="\(base)#data" id="filter-form">
        \(filterFields(columns: columns, params: params, t: t))
        <div class="actions"><button type="submit" class="secondary" id="apply-filter">\(t("datasets.filter"))</button><a href="\(base)#data">\(t("table.reset"))</a></div>
        </form></details>
        <p id="row-range">\(t("table.range", NumberText.format(Int64(from), lang: t.lang), NumberText.format(Int64(to), lang: t.lang), NumberText.format(Int64(page.totalCount), lang: t.lang)))</p>
        \(downloads)
        \(rowsTable(page, cells: cells, t: t))
        \(pagingLinks(base: base, page: page, params: params, t: t))
        """
    }

    /// The three filters and the sort order of a table query, as form fields: shared by the
    /// office's version page and the portal's explorer, so both read a table the same way.
    /// `columnList`: the id of a `<datalist>` of the columns (`columnPicker`) on the page; the
    /// column fields are then text boxes that suggest from it, not lists of every column each,
    /// which keeps the page of a table of many columns light.
    static func filterFields(columns: [String], params: TableQueryParams, t: Translator, columnList: String? = nil) -> HTML {
        let columnOptions = [(value: "", label: t("table.any_column"))] + columns.map { (value: $0, label: $0) }
        func columnField(_ name: String, label: String, options: [(value: String, label: String)], selected: String) -> HTML {
            TableViews.columnField(name, label: label, options: options, selected: selected, list: columnList, t: t)
        }
        let operations = TableFilter.Operation.allCases.map { (value: $0.rawValue, label: t("table.op." + $0.rawValue)) }
        let slots = [(params.c1, params.o1, params.v1), (params.c2, params.o2, params.v2), (params.c3, params.o3, params.v3)]
        let filterRows = slots.enumerated().map { i, slot -> HTML in
            let n = i + 1
            return """
            <div class="filter-row">
            \(columnField("c\(n)", label: t("table.column_n", String(n)), options: columnOptions, selected: slot.0 ?? ""))
            \(FormField.select("o\(n)", label: t("table.operation"), options: operations, selected: slot.1 ?? "equals"))
            \(FormField.text("v\(n)", label: t("table.value"), value: slot.2 ?? ""))
            </div>
            """
        }
        let sortOptions = [(value: "", label: t("table.row_order"))] + columns.map { (value: $0, label: $0) }
        return """
        <div class="filters">\(filterRows)</div>
        <div class="grid2">
        <div>\(columnField("sort", label: t("table.sort"), options: sortOptions, selected: params.sort ?? ""))</div>
        <div><label><input type="checkbox" name="desc" value="1"\(HTML.when(params.desc == "1", " checked"))> \(t("table.descending"))</label></div>
        </div>
        """
    }

    /// A field naming a column: a list of `options`, or with `list` (the id of a `columnPicker`
    /// on the page) a text box that suggests from it.
    static func columnField(_ name: String, label: String, options: [(value: String, label: String)], selected: String,
                            list: String?, t: Translator) -> HTML {
        guard let list else { return FormField.select(name, label: label, options: options, selected: selected) }
        return FormField.text(name, label: label, value: selected,
                              extra: " list=\"\(list)\" autocomplete=\"off\" placeholder=\"\(t("explorer.column_hint"))\"")
    }

    /// A `<datalist>` of names for the text boxes of `filterFields(columnList:)`.
    static func columnPicker(_ id: String, _ names: [String]) -> HTML {
        "<datalist id=\"\(id)\">\(HTML.join(names.map { "<option>\($0)</option>" as HTML }))</datalist>"
    }

    /// A page of rows with their row numbers; `cutAt` shortens long cells (see `CellText`).
    /// `compact` leaves the alignment classes and end tags off the cells (the page's
    /// `compactStyle` aligns the columns instead), which keeps a wide page of numbers light.
    static func rowsTable(_ page: TablePage, cells: TableCells, t: Translator, cutAt limit: Int = CellText.pageLimit, compact: Bool = false) -> HTML {
        let head: HTML = "<th class=\"num\">#</th>\(cells.headers(page.columns, t: t))"
        let rows = page.rows.map { row -> HTML in
            compact ? "<tr><td>\(row.number)\(cells.plainCells(row, t: t, cutAt: limit))"
                : "<tr><td class=\"num muted\">\(row.number)</td>\(cells.cells(row, t: t, cutAt: limit))</tr>"
        }
        return "<div class=\"table-wrap\"><table class=\"list\" id=\"data-table\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    /// The column alignment of a `compact` rows table: the row number muted, numbers right.
    static func compactStyle(_ cells: TableCells) -> HTML {
        let numeric = cells.columns.indices.filter { cells.columns[$0].numeric }.map { "#data-table td:nth-child(\($0 + 2))" }
        // Words get room on a wide table, rather than one word a line.
        let words = cells.columns.indices.filter { !cells.columns[$0].numeric }.map { "#data-table td:nth-child(\($0 + 2))" }
        return "<style>#data-table td:first-child{color:var(--muted);text-align:right}\(HTML.when(!numeric.isEmpty, "\(numeric.joined(separator: ",")){text-align:right}"))\(HTML.when(!words.isEmpty, "\(words.joined(separator: ",")){min-width:10em}"))</style>\n"
    }

    /// Links to the previous and next page of the same query; `extra` carries other parameters
    /// of the page (the portal's chart) along.
    static func pagingLinks(base: String, page: TablePage, params: TableQueryParams, extra: String = "", t: Translator) -> HTML {
        var paging: [HTML] = []
        let more = extra.isEmpty ? "" : "&" + extra
        if page.offset > 0 {
            paging.append("<a href=\"\(base)?\(params.encoded(offset: max(0, page.offset - page.limit)))\(more)\" id=\"prev-page\">\(t("table.previous"))</a>")
        }
        if page.offset + page.rows.count < page.totalCount {
            paging.append("<a href=\"\(base)?\(params.encoded(offset: page.offset + page.limit))\(more)\" id=\"next-page\">\(t("table.next"))</a>")
        }
        return "<p class=\"actions\">\(HTML.join(paging, separator: " · "))</p>"
    }

    static func comparison(_ req: Request, dataset: Dataset, old: DatasetVersion, new: DatasetVersion, comparison c: TableComparison) async -> HTML {
        let t = req.t
        let body: HTML = """
        <p class="muted"><a href="\(SiteURL.dataset(dataset.slug).path)">\(dataset.title)</a></p>
        <h1>\(t("compare.heading", String(old.number), String(new.number)))</h1>
        \(comparisonResult(c, old: old, new: new, t: t))
        """
        return await Layout.render(req, title: t("compare.heading", String(old.number), String(new.number)), body: body)
    }

    /// What changed between two versions: the counts, then the first changed, added and removed
    /// rows. Shared by the office's compare page and the portal's "perubahan" page.
    static func comparisonResult(_ c: TableComparison, old: DatasetVersion, new: DatasetVersion, t: Translator) -> HTML {
        func rowTable(_ rows: [TableRow], columns: [String], version: DatasetVersion, id: String) -> HTML {
            guard !rows.isEmpty else { return .empty }
            let cells = TableCells(columns: columns, profiles: Intake.report(of: version)?.columns, rows: rows, lang: t.lang)
            let head = cells.headers(columns, t: t)
            let body = rows.map { r -> HTML in "<tr>\(cells.cells(r, t: t))</tr>" }
            return "<div class=\"table-wrap\"><table class=\"list\" id=\"\(id)\"><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>"
        }
        let changed = c.changedExamples.map { row -> HTML in
            let diffs = row.changedColumns.map { column -> HTML in
                let oldIndex = c.oldColumns.firstIndex(of: column)
                let newIndex = c.newColumns.firstIndex(of: column)
                let before = oldIndex.flatMap { $0 < row.old.texts.count ? row.old.texts[$0] : nil } ?? ""
                let after = newIndex.flatMap { $0 < row.new.texts.count ? row.new.texts[$0] : nil } ?? ""
                return "<li><strong>\(column)</strong>: <del>\(CellText.shown(before, t: t))</del> → <ins>\(CellText.shown(after, t: t))</ins></li>"
            }
            return "<tr><td>\(CellText.shown(row.key, t: t))</td><td><ul>\(diffs)</ul></td></tr>"
        }
        let problems = c.problems.map { "<li class=\"warn\">\(t.lang == .id ? $0.indonesianMessage : $0.englishMessage)</li>" as HTML }
        let summary: [(String, String)] = [
            ("compare.columns_added", c.columnsAdded.isEmpty ? "–" : c.columnsAdded.joined(separator: ", ")),
            ("compare.columns_removed", c.columnsRemoved.isEmpty ? "–" : c.columnsRemoved.joined(separator: ", ")),
            ("compare.rows_added", NumberText.format(Int64(c.rowsAdded), lang: t.lang)),
            ("compare.rows_removed", NumberText.format(Int64(c.rowsRemoved), lang: t.lang)),
            ("compare.rows_changed", c.rowsChanged.map { NumberText.format(Int64($0), lang: t.lang) } ?? t("compare.needs_key")),
            ("compare.rows_unchanged", NumberText.format(Int64(c.rowsUnchanged), lang: t.lang)),
        ]
        return """
        <div id="compare-result">
        <div class="card"><p>\(c.keyColumn.map { t("compare.by_key", $0) } ?? t("compare.by_row"))</p>
        <table class="meta">\(summary.map { "<tr><th>\(t($0.0))</th><td>\($0.1)</td></tr>" as HTML })</table>
        \(HTML.when(!problems.isEmpty, "<ul class=\"problems\">\(problems)</ul>"))</div>
        \(HTML.when(!c.changedExamples.isEmpty, "<h2>\(t("compare.changed_examples"))</h2><div class=\"table-wrap\"><table class=\"list\" id=\"changed-rows\"><thead><tr><th>\(c.keyColumn ?? "")</th><th>\(t("compare.changes"))</th></tr></thead><tbody>\(changed)</tbody></table></div>"))
        \(HTML.when(!c.addedExamples.isEmpty, "<h2>\(t("compare.added_examples"))</h2>"))
        \(rowTable(c.addedExamples, columns: c.newColumns, version: new, id: "added-rows"))
        \(HTML.when(!c.removedExamples.isEmpty, "<h2>\(t("compare.removed_examples"))</h2>"))
        \(rowTable(c.removedExamples, columns: c.oldColumns, version: old, id: "removed-rows"))
        </div>
        """
    }
}
