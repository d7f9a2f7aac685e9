import Fluent
import Vapor
import WalidataTables

/// The public table explorer (issue 11): the current accepted version of a public dataset, or
/// an earlier accepted one, filtered, sorted and paged; its chart; the versions and what changed
/// between them. Each page has a JSON twin. `PublicationStore.publicDataset` decides what the
/// public may see (published, terbuka, not in the trash); of its versions only accepted ones.
enum ExplorerController {
    /// A path segment that may end in `.json`: the value without it, and whether it did.
    static func twin(_ segment: String) -> (String, json: Bool) {
        segment.hasSuffix(".json") ? (String(segment.dropLast(5)), true) : (segment, false)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ req: Request) throws -> T {
        do { return try req.query.decode(T.self) } catch { throw UserError(.badRequest, "explorer.error.params") }
    }

    // MARK: The table

    /// `/publik/data/{slug}` and `/publik/data/{slug}.json`: the current version.
    static func current(_ req: Request) async throws -> Response {
        let (slug, json) = twin(req.parameters.get("slug") ?? "")
        let found = try await PublicationStore.portalDataset(slug: slug, req)
        return try await table(req, dataset: found.dataset, version: found.current, check: found.check, current: true,
                               announcements: found.announcements, json: json)
    }

    /// `/publik/data/{slug}/versi/{n}` and `…/versi/{n}.json`: an earlier (or the current) accepted version.
    @Sendable static func version(_ req: Request) async throws -> Response {
        let (number, json) = twin(req.parameters.get("number") ?? "")
        let (dataset, version) = try await publicVersion(req, number)
        let current = version.id == dataset.currentVersionID
        return try await table(req, dataset: dataset, version: version, check: Intake.report(of: version), current: current,
                               announcements: [], json: json)
    }

    static func publicVersion(_ req: Request, _ number: String) async throws -> (Dataset, DatasetVersion) {
        let dataset = try await PublicationStore.portalDataset(slug: req.parameters.get("slug") ?? "", req).dataset
        guard let n = Int(number) else { throw UserError(.notFound, "error.404") }
        return (dataset, try await ExplorerStore.acceptedVersion(n, of: dataset, on: req.db))
    }

    /// `check` is the version's check report (columns and profile); `announcements` those shown
    /// with the current version.
    static func table(_ req: Request, dataset: Dataset, version: DatasetVersion?, check: CSVCheck?, current: Bool,
                      announcements: [Announcement], json: Bool) async throws -> Response {
        // The query read once: the table's fields by hand, the chart's only when it names one.
        let pairs = StoredText.formPairs(req.url.query ?? "")
        let given: TableQueryParams
        do { given = try TableQueryParams(pairs: pairs) } catch { throw UserError(.badRequest, "explorer.error.params") }
        let params = given.explorer(json: json, columns: check?.columns.count ?? 0)
        let chart = ExplorerChart.Params.asked(in: pairs) ? try decode(ExplorerChart.Params.self, req).choice() : nil
        guard let version else {
            if json { return try ExplorerJSON.response(ExplorerJSON.Table(
                dataset: ExplorerJSON.dataset(dataset), version: nil, columns: [], total: 0, tableRows: 0, offset: 0, limit: 0,
                rowNumbers: [], rows: [], links: [:], chart: nil)) }
            return try await PortalViews.dataset(req, dataset: dataset, explorer: nil, announcements: announcements).encodeResponse(for: req)
        }
        let page = try await TableController.page(req, version: version, params: params)
        let number = current ? nil : version.number
        let links = tableLinks(dataset.slug, number, page: page, params: params, chart: chart)
        // The chart's numbers when one is asked for: the page shows them as a table, the twin as a series.
        var points: [ExplorerChart.Point]?
        var chartJSON: ExplorerJSON.Chart?
        if let chart {
            let (aggregation, xType) = try await ExplorerStore.aggregate(req, version: version, params: params, chart: chart)
            points = try ExplorerChart.points(aggregation, xType: xType, request: chart, t: req.t)
            chartJSON = ExplorerJSON.chart(aggregation, choice: chart, points: points ?? [], t: req.t,
                                           links: ["svg": links["chart_svg"] ?? "", "json": links["chart_json"] ?? ""])
        }
        if json {
            return try ExplorerJSON.response(ExplorerJSON.Table(
                dataset: ExplorerJSON.dataset(dataset), version: ExplorerJSON.version(version, of: dataset, current: current),
                columns: ExplorerJSON.columns(check?.columns ?? []), total: page.totalCount,
                tableRows: Int(version.rowCount), offset: page.offset, limit: page.limit, rowNumbers: page.rows.map(\.number),
                rows: page.rows.map(\.values), links: links, chart: chartJSON, texts: page.rows.map(\.texts)))
        }
        var model = ExplorerViews.Model(dataset: dataset, version: version, current: current, params: params, page: page,
                                        chart: chart, points: points, links: links, check: check)
        var html = await PortalViews.dataset(req, dataset: dataset, explorer: model, announcements: announcements)
        // A page of many columns or long cells may still pass the budget: it then shows fewer
        // rows (the page's range and paging links follow), never fewer than `minimumRows`.
        for _ in 0..<3 {
            let size = html.raw.utf8.count, rows = model.page.rows.count
            guard size > ExplorerViews.pageBudget, rows > ExplorerViews.minimumRows else { break }
            let perRow = max(1, ExplorerViews.rowBytes(model, t: req.t))
            let keep = max(ExplorerViews.minimumRows, rows - Int((Double(size - ExplorerViews.pageBudget) / perRow).rounded(.up)) - 1)
            model.page.rows = Array(model.page.rows.prefix(keep))
            model.page.limit = keep
            model.params.limit = keep
            model.links = tableLinks(dataset.slug, number, page: model.page, params: model.params, chart: chart)
            html = await PortalViews.dataset(req, dataset: dataset, explorer: model, announcements: announcements)
        }
        return try await html.encodeResponse(for: req)
    }

    static func announcements(_ dataset: Dataset, _ req: Request) async throws -> [Announcement] {
        try await Announcement.query(on: req.db)
            .join(AnnouncementDataset.self, on: \Announcement.$id == \AnnouncementDataset.$announcement.$id)
            .filter(AnnouncementDataset.self, \.$dataset.$id == dataset.requireID())
            .filter(\.$publishedAt != nil).sort(\.$publishedAt, .descending).all()
    }

    /// The page's own addresses: itself, its twin, the next and previous page, the downloads
    /// of the filtered rows, the chart.
    static func tableLinks(_ slug: String, _ number: Int?, page: TablePage, params: TableQueryParams,
                           chart: ExplorerChart.Choice?) -> [String: String] {
        func with(_ path: String, _ query: String) -> String { query.isEmpty ? path : path + "?" + query }
        let filters = params.encoded(dropPaging: true)
        let paged = params.encoded()
        var links = [
            "self": with(SiteURL.publicExplorer(slug, .table(version: number, json: true)).path, paged),
            "html": with(SiteURL.publicExplorer(slug, .table(version: number, json: false)).path, paged),
            "csv": with(SiteURL.publicExplorer(slug, .file(version: number, "data.csv")).path, filters),
            "csv_excel": with(SiteURL.publicExplorer(slug, .file(version: number, "data-excel.csv")).path, filters),
            "json": with(SiteURL.publicExplorer(slug, .file(version: number, "data.json")).path, filters),
            "xlsx": with(SiteURL.publicExplorer(slug, .file(version: number, "data.xlsx")).path, filters),
            "versions": SiteURL.publicExplorer(slug, .versions(json: true)).path,
        ]
        let twin = SiteURL.publicExplorer(slug, .table(version: number, json: true)).path
        if page.offset > 0 { links["prev"] = with(twin, params.encoded(offset: max(0, page.offset - page.limit))) }
        if page.offset + page.rows.count < page.totalCount { links["next"] = with(twin, params.encoded(offset: page.offset + page.limit)) }
        if let chart {
            let query = [filters, chart.encoded].filter { !$0.isEmpty }.joined(separator: "&")
            links["chart_svg"] = with(SiteURL.publicExplorer(slug, .chart(version: number, json: false)).path, query)
            links["chart_json"] = with(SiteURL.publicExplorer(slug, .chart(version: number, json: true)).path, query)
        }
        return links
    }

    // MARK: The chart

    /// `/publik/data/{slug}/grafik.svg` or `.json`, and the same below `versi/{n}`.
    @Sendable static func chart(_ req: Request) async throws -> Response {
        let found = try await PublicationStore.portalDataset(slug: req.parameters.get("slug") ?? "", req)
        guard let version = found.current else { throw UserError(.notFound, "portal.error.no_table") }
        return try await chart(req, dataset: found.dataset, version: version, number: nil, json: req.url.path.hasSuffix(".json"))
    }

    static func chart(_ req: Request, dataset: Dataset, version: DatasetVersion, number: Int?, json: Bool) async throws -> Response {
        let params = try decode(TableQueryParams.self, req)
        guard let choice = try decode(ExplorerChart.Params.self, req).choice() else { throw UserError(.badRequest, "explorer.error.chart_columns") }
        let (aggregation, xType) = try await ExplorerStore.aggregate(req, version: version, params: params, chart: choice)
        let t = req.t
        let points = try ExplorerChart.points(aggregation, xType: xType, request: choice, t: t)
        if json {
            let query = [params.encoded(dropPaging: true), choice.encoded].filter { !$0.isEmpty }.joined(separator: "&")
            return try ExplorerJSON.response(ExplorerJSON.chart(aggregation, choice: choice, points: points, t: t, links: [
                "svg": SiteURL.publicExplorer(dataset.slug, .chart(version: number, json: false)).path + "?" + query,
                "html": SiteURL.publicExplorer(dataset.slug, .table(version: number, json: false)).path + "?" + query]))
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: ExplorerChart.svg(points, request: choice, aggregation: aggregation, t: t)))
    }

    // MARK: Earlier versions

    /// `/publik/data/{slug}/versi` and `versi.json`.
    @Sendable static func versions(_ req: Request) async throws -> Response {
        let dataset = try await PublicationStore.portalDataset(slug: req.parameters.get("slug") ?? "", req).dataset
        let versions = try await ExplorerStore.acceptedVersions(of: dataset, on: req.db)
        if req.url.path.hasSuffix(".json") {
            return try ExplorerJSON.response(ExplorerJSON.Versions(
                dataset: ExplorerJSON.dataset(dataset),
                versions: versions.map { ExplorerJSON.version($0, of: dataset, current: $0.id == dataset.currentVersionID) }))
        }
        return try await ExplorerViews.versions(req, dataset: dataset, versions: versions).encodeResponse(for: req)
    }

    /// `…/versi/{n}/perubahan` and `perubahan.json`: against the accepted version before `n`;
    /// whole rows unless `key` names a column of both.
    @Sendable static func changes(_ req: Request) async throws -> Response {
        let (dataset, version) = try await publicVersion(req, req.parameters.get("number") ?? "")
        let json = req.url.path.hasSuffix(".json")
        let previous = try await ExplorerStore.previousAccepted(before: version, of: dataset, on: req.db)
        let key = (try decode(TableController.KeyParam.self, req).key ?? "").trimmingCharacters(in: .whitespaces).nilIfEmpty
        var comparison: TableComparison?
        if let previous {
            if let key, !(TableController.columnNames(of: previous).contains(key) && TableController.columnNames(of: version).contains(key)) {
                throw UserError(.badRequest, "compare.error.key", key)
            }
            comparison = try await ExplorerStore.compare(req, old: previous, new: version, key: key)
        }
        if json {
            return try ExplorerJSON.response(ExplorerJSON.Changes(
                dataset: ExplorerJSON.dataset(dataset),
                from: previous.map { ExplorerJSON.version($0, of: dataset, current: $0.id == dataset.currentVersionID) },
                to: ExplorerJSON.version(version, of: dataset, current: version.id == dataset.currentVersionID), comparison: comparison))
        }
        return try await ExplorerViews.changes(req, dataset: dataset, version: version, previous: previous, comparison: comparison, key: key)
            .encodeResponse(for: req)
    }

    /// `…/versi/{n}/data.csv` (`data-excel.csv`, `data.json`) and `…/versi/{n}/grafik.svg` (`.json`).
    @Sendable static func versionFile(_ req: Request) async throws -> Response {
        let (dataset, version) = try await publicVersion(req, req.parameters.get("number") ?? "")
        let file = req.parameters.get("file") ?? ""
        if file == "grafik.svg" || file == "grafik.json" {
            return try await chart(req, dataset: dataset, version: version, number: version.number, json: file == "grafik.json")
        }
        let format: ExportFormat = switch file {
        case "data.csv": .csv
        case "data-excel.csv": .csvExcel
        case "data.json": .json
        case "data.xlsx": .xlsx
        default: throw UserError(.notFound, "error.404")
        }
        let caching = DownloadCaching.publicVersion(blobHash: version.tableKey, format: format, query: req.url.query ?? "")
        return try await TableController.export(req, dataset: dataset, version: version, format: format, caching: caching)
    }
}

extension TableController {
    struct KeyParam: Content { var key: String? }
}
