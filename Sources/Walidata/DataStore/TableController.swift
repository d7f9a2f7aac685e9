import Fluent
import Vapor
import WalidataTables

/// The queryable table of an accepted version: a page of rows, downloads of the whole table or
/// of a filtered result, and the comparison of two versions.
enum TableController {
    /// The table file of an accepted version. A reader holds an SQLite connection, so each
    /// one is opened where it is used: on a thread-pool thread, never shared.
    static func tablePath(_ req: Request, version: DatasetVersion) throws -> String {
        guard version.state == .accepted else { throw UserError(.conflict, "table.error.not_a_table") }
        let path = req.application.tables.path(for: version.tableKey)
        guard FileManager.default.fileExists(atPath: path) else { throw UserError(.internalServerError, "versions.error.missing_file") }
        return path
    }

    static func open(_ path: String) throws -> TableReader {
        do {
            return try TableReader(tableFile: URL(fileURLWithPath: path))
        } catch let error as TablesError {
            throw error.userError
        }
    }

    /// `body` with a reader of the table at `path`, an open one kept from an earlier request
    /// when there is one (`TableReaderPool`).
    static func withReader<T>(_ path: String, _ body: (TableReader) throws -> T) throws -> T {
        do {
            return try TableReaderPool.shared.withReader(URL(fileURLWithPath: path), body)
        } catch let error as TablesError {
            throw error.userError
        }
    }

    /// One page of rows for the version page and the API.
    static func page(_ req: Request, version: DatasetVersion, params: TableQueryParams) async throws -> TablePage {
        let query = try params.query()
        let path = try tablePath(req, version: version)
        return try await req.application.threadPool.runIfActive {
            try withReader(path) { try $0.query(query) }
        }
    }

    /// `…/versions/:number/data.csv`, `data-excel.csv`, `data.json`, `data.xlsx`: the whole table, or the
    /// rows the query selects, streamed as it is written.
    @Sendable static func download(_ req: Request) async throws -> Response {
        let (_, dataset, version) = try await VersionController.find(req)
        let format: ExportFormat = switch req.parameters.get("file") ?? "" {
        case "data.csv": .csv
        case "data-excel.csv": .csvExcel
        case "data.json": .json
        case "data.xlsx": .xlsx
        default: throw UserError(.notFound, "error.404")
        }
        return try await export(req, dataset: dataset, version: version, format: format)
    }

    /// The download itself; `caching` says whether caches may keep it (`DownloadCaching`): the
    /// office's and the API's are private, the portal's public.
    static func export(_ req: Request, dataset: Dataset, version: DatasetVersion, format: ExportFormat,
                       caching: DownloadCaching = .privateDownload) async throws -> Response {
        let params = try req.query.decode(TableQueryParams.self)
        let query = try params.query(defaultLimit: nil)
        let path = try tablePath(req, version: version)
        if let notModified = caching.notModified(req) { return notModified }
        // Check the query before any byte is sent, so a bad column is a 400 and not a cut stream.
        try await req.application.threadPool.runIfActive {
            try withReader(path) { try $0.validate(query, format: format) }
        }
        // The workbook's title names the dataset and version; its date is the version's, so the
        // same rows give the same bytes (the portal's ETag stays true).
        let workbook = XlsxWriter.Properties(title: "\(dataset.title) (\(Translator(lang: .id)("versions.number", String(version.number))))",
                                             created: version.createdAt)
        let threadPool = req.application.threadPool
        let body = Response.Body(stream: { writer in
            threadPool.submit { _ in
                do {
                    try open(path).export(query, format: format, workbook: workbook) { chunk in
                        try writer.write(.buffer(ByteBuffer(bytes: chunk))).wait()
                    }
                    _ = writer.write(.end)
                } catch {
                    _ = writer.write(.error(error))
                }
            }
        }, count: -1)
        let response = Response(status: .ok, body: body)
        caching.apply(to: response)
        response.headers.replaceOrAdd(name: .contentType, value: format.mediaType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(
            filename: exportFilename(dataset: dataset, version: version, format: format, filtered: !query.filters.isEmpty)))
        return response
    }

    /// `penduduk-v3.csv`, `penduduk-v3-excel.csv`, `penduduk-v3-filter.json`: the two CSVs
    /// must not overwrite each other in a Downloads folder, and the name says which is which.
    static func exportFilename(dataset: Dataset, version: DatasetVersion, format: ExportFormat, filtered: Bool) -> String {
        "\(dataset.slug)-v\(version.number)\(format == .csvExcel ? "-excel" : "")\(filtered ? "-filter" : "").\(format.fileExtension)"
    }

    struct CompareParams: Content {
        var from: Int
        var to: Int
        var key: String?
    }

    static func compare(_ req: Request, dataset: Dataset) async throws -> (DatasetVersion, DatasetVersion, TableComparison) {
        guard let params = try? req.query.decode(CompareParams.self) else { throw UserError(.badRequest, "compare.error.params") }
        let old = try await DatasetStore.version(params.from, of: dataset, on: req.db)
        let new = try await DatasetStore.version(params.to, of: dataset, on: req.db)
        guard old.state == .accepted, new.state == .accepted else { throw UserError(.conflict, "table.error.not_a_table") }
        let tables = req.application.tables
        let key = params.key?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        let comparison = try await req.application.threadPool.runIfActive {
            do {
                return try TableDiff.compare(old: URL(fileURLWithPath: tables.path(for: old.tableKey)), new: URL(fileURLWithPath: tables.path(for: new.tableKey)), key: key)
            } catch let error as TablesError {
                throw error.userError
            }
        }
        return (old, new, comparison)
    }

    /// The column names of an accepted version, as its check found them: the key choices.
    static func columnNames(of version: DatasetVersion) -> [String] {
        guard let check = Intake.report(of: version) else { return [] }
        return check.columns.isEmpty ? check.header : check.columns.map(\.name)
    }

    /// A key that is not a column of both versions brings the dataset page back with the form
    /// filled in and the reason, rather than an error page to go back from.
    @Sendable static func comparePage(_ req: Request) async throws -> Response {
        let (user, dataset) = try await DatasetController.viewable(req)
        if let params = try? req.query.decode(CompareParams.self), let key = params.key?.trimmingCharacters(in: .whitespaces), !key.isEmpty {
            let old = try await DatasetStore.version(params.from, of: dataset, on: req.db)
            let new = try await DatasetStore.version(params.to, of: dataset, on: req.db)
            if !(columnNames(of: old).contains(key) && columnNames(of: new).contains(key)) {
                let versions = try await DatasetStore.versions(of: dataset, on: req.db)
                let request = DatasetViews.CompareRequest(from: params.from, to: params.to, key: key, problem: Problem("compare.error.key", key))
                let page = await DatasetViews.detail(req, user: user, dataset: dataset, versions: versions, compareRequest: request)
                return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
            }
        }
        let (old, new, comparison) = try await compare(req, dataset: dataset)
        return try await TableViews.comparison(req, dataset: dataset, old: old, new: new, comparison: comparison).encodeResponse(for: req)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
