import Fluent
import Vapor
import WalidataCore
import WalidataTables

/// The public portal, no sign-in: published announcements and the datasets whose access class
/// is terbuka. Anything else (a draft, a restricted or trashed dataset) is "not found".
enum PortalController {
    @Sendable static func home(_ req: Request) async throws -> HTML {
        let announcements = try await PublicationStore.published(limit: 5, on: req.db)
        let datasets = try await PublicationStore.publicDatasets(on: req.db)
        return await PortalViews.home(req, announcements: announcements, datasets: Array(datasets.prefix(10)), total: datasets.count)
    }

    @Sendable static func announcement(_ req: Request) async throws -> HTML {
        let announcement = try await PublicationStore.publishedAnnouncement(try req.uuidParameter("announcementID"), on: req.db)
        let datasets = try await PublicationStore.publicDatasets(of: announcement, on: req.db)
        let image = try await ShareImage.custom(dataDirectory: req.application.walidata.dataDirectory, on: req.db)
        return await PortalViews.announcement(req, announcement: announcement, datasets: datasets, image: image)
    }

    /// `/publik/data`: the catalogue search, with facets and paging (`CatalogSearch`).
    @Sendable static func datasets(_ req: Request) async throws -> HTML {
        let query = try CatalogSearch.Query(req)
        let result = try await CatalogSearch.search(query, for: .publicOnly, on: req.db, cache: req.application.portalCache)
        return await PortalSearchViews.page(req, query: query, result: result)
    }

    /// `/publik/data/{slug}` (and its twin `/publik/data/{slug}.json`): the table explorer.
    /// Cached by visitors and proxies for a short time with a strong ETag of the page itself: it
    /// shows metadata and announcements as well as the table, so only its bytes say when it
    /// changed. A withdrawn dataset is "not found" before any tag is compared.
    @Sendable static func dataset(_ req: Request) async throws -> Response {
        cached(req, try await ExplorerController.current(req))
    }

    /// The explorer's other pages (an earlier version, the list of versions, what changed), and
    /// their twins, cached as the dataset page is.
    static func cachedPage(_ handler: @escaping @Sendable (Request) async throws -> Response) -> @Sendable (Request) async throws -> Response {
        { req in cached(req, try await handler(req)) }
    }

    static func cached(_ req: Request, _ response: Response) -> Response {
        guard response.status == .ok, let body = response.body.buffer,
              let caching = DownloadCaching.publicPage(req, [body.withUnsafeReadableBytes { DownloadCaching.digest($0, bytes: 16) }])
        else { return response }
        if let notModified = caching.notModified(req) { return notModified }
        caching.apply(to: response)
        return response
    }

    /// `/publik/data/{slug}/data.csv` (or `data-excel.csv`, `data.json`): the current accepted
    /// version's table, streamed by the same export as the office's download.
    @Sendable static func download(_ req: Request) async throws -> Response {
        let found = try await PublicationStore.portalDataset(slug: req.parameters.get("slug") ?? "", req)
        let format: ExportFormat = switch req.parameters.get("file") ?? "" {
        case "data.csv": .csv
        case "data-excel.csv": .csvExcel
        case "data.json": .json
        case "data.xlsx": .xlsx
        default: throw UserError(.notFound, "error.404")
        }
        guard let version = found.current else { throw UserError(.notFound, "portal.error.no_table") }
        let caching = DownloadCaching.publicVersion(blobHash: version.tableKey, format: format, query: req.url.query ?? "")
        return try await TableController.export(req, dataset: found.dataset, version: version, format: format, caching: caching)
    }
}
