import Vapor
import WalidataCore
import WalidataTables

/// The explorer's markup, on the portal's dataset page and its version pages: plain forms that
/// work without script, a page of at most 50 rows, every page well under 30 KB.
enum ExplorerViews {
    /// Long cells are cut shorter than on the office's pages: the explorer is for a first look
    /// on a slow link, the downloads hold every cell whole.
    static let cellLimit = 120
    /// Above this many columns a table is `Model.wide`.
    static let wideColumns = 20
    /// Bytes a page may have before compression (issue 11: every page under 30 KB); a page
    /// over it shows fewer rows, never fewer than `minimumRows`.
    static let pageBudget = 29_500
    static let minimumRows = 5

    /// The bytes one row of the page's table takes, on average.
    static func rowBytes(_ m: Model, t: Translator) -> Double {
        guard !m.page.rows.isEmpty else { return 0 }
        let cells = TableCells(columns: m.page.columns, profiles: m.check?.columns, rows: m.page.rows, lang: t.lang)
        var empty = m.page
        empty.rows = []
        let all = TableViews.rowsTable(m.page, cells: cells, t: t, cutAt: cellLimit, compact: true).raw.utf8.count
        let none = TableViews.rowsTable(empty, cells: cells, t: t, cutAt: cellLimit, compact: true).raw.utf8.count
        return Double(all - none) / Double(m.page.rows.count)
    }

    /// Example rows on a public "what changed" page.
    static let changeExamples = 10

    struct Model {
        var dataset: Dataset
        var version: DatasetVersion
        var current: Bool
        var params: TableQueryParams
        var page: TablePage
        var chart: ExplorerChart.Choice?
        var points: [ExplorerChart.Point]?
        var links: [String: String]
        /// The version's check report (the column profile), read once per page.
        var check: CSVCheck?

        var number: Int? { current ? nil : version.number }
        /// Many columns: the column fields suggest from one list on the page instead of each
        /// listing every column.
        var wide: Bool { page.columns.count > ExplorerViews.wideColumns }
        var base: String { SiteURL.publicExplorer(dataset.slug, .table(version: number, json: false)).path }
    }

    /// What the page adds to its head: the JSON twin and the table's column alignment.
    static func head(_ m: Model) -> HTML {
        let cells = TableCells(columns: m.page.columns, profiles: m.check?.columns, rows: m.page.rows, lang: .id)
        return jsonLink(m.links["self"] ?? "") + TableViews.compactStyle(cells)
    }

    static func jsonLink(_ href: String) -> HTML { "<link rel=\"alternate\" type=\"application/json\" href=\"\(href)\">\n" }

    /// The version line, the filter form, the count, the downloads of the filtered rows, the rows and paging.
    static func explorer(_ m: Model, t: Translator) -> HTML {
        let page = m.page
        let profiles = m.check?.columns
        let cells = TableCells(columns: page.columns, profiles: profiles, rows: page.rows, lang: t.lang)
        let chartQuery = m.chart?.encoded ?? ""
        let hiddenChart = m.chart.map { c in HTML.join([("x", c.x), ("y", c.y), ("agg", c.function.rawValue), ("kind", c.kind.rawValue)].map(hidden)) }
        let from = page.totalCount == 0 ? 0 : page.offset + 1, to = page.offset + page.rows.count
        let filtered = !m.params.encoded(dropPaging: true).isEmpty
        func n(_ v: Int) -> String { NumberText.format(Int64(v), lang: t.lang) }
        let count = t(filtered ? "explorer.count_filtered" : "explorer.count_all", n(page.totalCount), n(Int(m.version.rowCount)))
        let downloads: HTML = """
        <p id="downloads">\(t(filtered ? "explorer.download_filtered" : "explorer.download_all")) \
        <a class="button" id="download-excel" href="\(m.links["csv_excel"] ?? "")">\(t("portal.download_excel"))</a> \
        <a class="button secondary" id="download-csv" href="\(m.links["csv"] ?? "")">CSV</a> \
        <a class="button secondary" id="download-json" href="\(m.links["json"] ?? "")">JSON</a> \
        <a class="button secondary" id="download-xlsx" href="\(m.links["xlsx"] ?? "")">\(t("xlsxout.table_link"))</a></p>
        """
        return """
        <div class="card" id="explorer"><h2 id="data">\(t("explorer.heading"))</h2>
        <form method="get" action="\(m.base)#data" id="filter-form">
        \(TableViews.filterFields(columns: page.columns, params: m.params, t: t, columnList: m.wide ? "explorer-columns" : nil))\(hiddenChart)
        \(HTML.when(m.wide, TableViews.columnPicker("explorer-columns", page.columns)))
        <div class="actions"><button type="submit" id="apply-filter">\(t("explorer.apply"))</button> <a href="\(m.base)#data">\(t("table.reset"))</a></div>
        </form>
        <p id="row-count"><strong>\(count)</strong>\(HTML.when(page.totalCount > 0, " · \(t("explorer.range", n(from), n(to)))"))</p>
        \(downloads)
        \(HTML.when(page.rows.isEmpty, "<p class=\"muted\" id=\"no-rows\">\(t("explorer.no_rows"))</p>"))
        \(HTML.when(!page.rows.isEmpty, TableViews.rowsTable(page, cells: cells, t: t, cutAt: cellLimit, compact: true)))
        \(TableViews.pagingLinks(base: m.base, page: page, params: m.params, extra: chartQuery, t: t))
        </div>
        \(chartCard(m, profiles: profiles, t: t))
        <details class="card" id="profile"><summary>\(t("explorer.profile"))</summary>
        \(m.check.map { ReportViews.profile($0, t: t) })</details>
        """
    }

    static func hidden(_ pair: (String, String)) -> HTML { "<input type=\"hidden\" name=\"\(pair.0)\" value=\"\(pair.1)\">" }

    /// The small chart form (keeping the filters), and the chart with its numbers as a table.
    static func chartCard(_ m: Model, profiles: [ColumnProfile]?, t: Translator) -> HTML {
        guard let profiles else { return .empty }
        // Values: number columns but years. Groups: words, dates, yes/no, years, and whole
        // numbers with few values (a class or a code); a column of counts groups nothing.
        let measures = profiles.filter { ($0.type == .integer || $0.type == .decimal) && TableCells.column($0).grouped }.map(\.name)
        let categories = profiles.filter { p in
            switch p.type {
            case .text, .date, .boolean: true
            case .integer: !TableCells.column(p).grouped || (!p.distinctCountIsCapped && p.distinctCount <= 50)
            case .decimal: false
            }
        }.map(\.name)
        guard !measures.isEmpty, !categories.isEmpty else { return .empty }
        let c = m.chart
        // A wide table's column fields suggest from a list on the page (see `Model.wide`).
        func pick(_ name: String, _ label: String, _ names: [String], _ selected: String?) -> HTML {
            // A list starts on its first name; a text box is given it.
            TableViews.columnField(name, label: label, options: names.map { (value: $0, label: $0) }, selected: selected ?? (m.wide ? names.first ?? "" : ""),
                                   list: m.wide ? "explorer-\(name)" : nil, t: t)
                + HTML.when(m.wide, TableViews.columnPicker("explorer-\(name)", names))
        }
        let form: HTML = """
        <form method="get" action="\(m.base)#chart" id="chart-form">\(HTML.join(m.params.hiddenPairs.map(hidden)))
        <div class="grid2">
        <div>\(pick("y", t("explorer.chart.y"), measures, c?.y))</div>
        <div>\(pick("x", t("explorer.chart.x"), categories, c?.x))</div>
        <div>\(FormField.select("agg", label: t("explorer.chart.agg"), options: TableAggregation.Function.allCases.map { (value: $0.rawValue, label: t("explorer.agg." + $0.rawValue)) }, selected: c?.function.rawValue))</div>
        <div>\(FormField.select("kind", label: t("explorer.chart.kind"), options: ExplorerChart.Kind.allCases.map { (value: $0.rawValue, label: t("explorer.kind." + $0.rawValue)) }, selected: c?.kind.rawValue))</div>
        </div>
        <div class="actions"><button type="submit" class="secondary" id="show-chart">\(t("explorer.chart.show"))</button></div>
        </form>
        """
        var shown: HTML = .empty
        if let c, let points = m.points, let svg = m.links["chart_svg"] {
            let rows = points.map { p -> HTML in
                "<tr><td>\(p.label)</td><td class=\"num\">\(ExplorerChart.number(p.value, lang: t.lang))</td><td class=\"num\">\(NumberText.format(p.rows, lang: t.lang))</td></tr>"
            }
            let title = t(c.function == .sum ? "explorer.chart.title_sum" : "explorer.chart.title_avg", c.y, c.x)
            shown = """
            <figure class="chart"><img src="\(svg)" alt="\(t("explorer.chart.alt", title))" id="chart-image" width="400">
            <figcaption><details><summary>\(t("explorer.chart.table"))</summary>
            <div class="table-wrap"><table class="list" id="chart-data"><thead><tr><th>\(c.x)</th><th class="num">\(t("explorer.agg." + c.function.rawValue)) \(c.y)</th><th class="num">\(t("explorer.chart.rows"))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div></details>
            <a href="\(svg)">SVG</a> · <a href="\(m.links["chart_json"] ?? "")">JSON</a></figcaption></figure>
            """
        }
        return """
        <div class="card" id="chart"><h2>\(t("explorer.chart.heading"))</h2>
        <p class="hint">\(t("explorer.chart.hint"))</p>
        \(shown)\(form)</div>
        """
    }

    /// The line under the title: which version, how big, and the way to the earlier ones.
    static func versionLine(_ m: Model, t: Translator) -> HTML {
        let v = m.version
        let facts = t("portal.version", String(v.number), NumberText.format(v.rowCount, lang: t.lang), String(v.columnCount), DateText.date(v.createdAt, t: t))
        let versions = SiteURL.publicExplorer(m.dataset.slug, .versions(json: false)).path
        let older: HTML = m.current ? .empty : """
        <p class="warn" id="older-version">\(t("explorer.older_version", String(v.number))) \
        <a href="\(SiteURL.publicDataset(m.dataset.slug).path)">\(t("explorer.to_current"))</a></p>
        """
        return """
        \(older)<p id="version-line">\(facts) · <a href="\(versions)" id="versions-link">\(t("explorer.versions_link"))</a>\
        \(HTML.when(!v.changeNote.isEmpty, "<br><span class=\"muted\">\(t("explorer.change_note")): \(v.changeNote)</span>"))</p>
        """
    }

    // MARK: Earlier versions

    static func versions(_ req: Request, dataset: Dataset, versions: [DatasetVersion]) async -> HTML {
        let t = req.t
        let slug = dataset.slug
        let rows = versions.enumerated().map { i, v -> HTML in
            let current = v.id == dataset.currentVersionID
            let link = SiteURL.publicExplorer(slug, current ? .table(version: nil, json: false) : .table(version: v.number, json: false)).path
            let changes: HTML = i + 1 < versions.count
                ? "<a href=\"\(SiteURL.publicExplorer(slug, .changes(v.number, json: false)).path)\">\(t("explorer.what_changed"))</a>"
                : "<span class=\"muted\">\(t("explorer.first_version"))</span>"
            return """
            <tr id="version-\(v.number)"><td data-label="\(t("explorer.version"))"><a href="\(link)">\(t("versions.number", String(v.number)))</a>\
            \(HTML.when(current, " <span class=\"badge ok\">\(t("explorer.current"))</span>"))</td>\
            <td data-label="\(t("explorer.received"))">\(DateText.date(v.createdAt, t: t))</td>\
            <td class="num" data-label="\(t("explorer.rows"))">\(NumberText.format(v.rowCount, lang: t.lang))</td>\
            <td data-label="\(t("explorer.change_note"))">\(v.changeNote.isEmpty ? "–" : v.changeNote)</td><td data-label="\(t("explorer.changes"))">\(changes)</td></tr>
            """
        }
        let body: HTML = """
        <p><a href="\(SiteURL.publicDataset(slug).path)">← \(dataset.title)</a></p>
        <h1>\(t("explorer.versions_heading"))</h1>
        <p class="muted">\(t("explorer.versions_intro"))</p>
        <div class="card"><div class="table-wrap"><table class="list stack" id="versions">
        <thead><tr><th>\(t("explorer.version"))</th><th>\(t("explorer.received"))</th><th class="num">\(t("explorer.rows"))</th><th>\(t("explorer.change_note"))</th><th>\(t("explorer.changes"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        <p class="hint"><a href="\(SiteURL.publicExplorer(slug, .versions(json: true)).path)">JSON</a></p></div>
        """
        return await Layout.render(req, title: "\(dataset.title) · \(t("explorer.versions_heading"))",
                                   head: jsonLink(SiteURL.publicExplorer(slug, .versions(json: true)).path), body: body)
    }

    static func changes(_ req: Request, dataset: Dataset, version: DatasetVersion, previous: DatasetVersion?,
                        comparison: TableComparison?, key: String?) async -> HTML {
        let t = req.t
        let slug = dataset.slug
        let heading = previous.map { t("compare.heading", String($0.number), String(version.number)) } ?? t("explorer.first_version_heading", String(version.number))
        var result: HTML = "<p class=\"card\" id=\"first-version\">\(t("explorer.first_version_text"))</p>"
        if let previous, let comparison {
            let common = TableController.columnNames(of: version).filter { TableController.columnNames(of: previous).contains($0) }
            let options = [(value: "", label: t("explorer.key_none"))] + common.map { (value: $0, label: $0) }
            result = """
            <form method="get" class="card" id="key-form">\(FormField.select("key", label: t("explorer.key"), options: options, selected: key ?? "", hint: t("explorer.key_hint")))
            <div class="actions"><button type="submit" class="secondary">\(t("explorer.compare"))</button></div></form>
            \(TableViews.comparisonResult(comparison, old: previous, new: version, t: t))
            """
        }
        let json = SiteURL.publicExplorer(slug, .changes(version.number, json: true)).path + (key.map { "?key=" + FormText.encode($0) } ?? "")
        let body: HTML = """
        <p><a href="\(SiteURL.publicExplorer(slug, .versions(json: false)).path)">← \(t("explorer.versions_heading"))</a> · \
        <a href="\(SiteURL.publicDataset(slug).path)">\(dataset.title)</a></p>
        <h1>\(heading)</h1>
        <p><a href="\(SiteURL.publicExplorer(slug, .table(version: version.number, json: false)).path)">\(t("explorer.open_version", String(version.number)))</a>\
        \(previous.map { p -> HTML in " · <a href=\"\(SiteURL.publicExplorer(slug, .table(version: p.number, json: false)).path)\">\(t("explorer.open_version", String(p.number)))</a>" })</p>
        \(result)
        <p class="hint"><a href="\(json)">JSON</a></p>
        """
        return await Layout.render(req, title: "\(dataset.title) · \(heading)", head: jsonLink(json), body: body)
    }
}
