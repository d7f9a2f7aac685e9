import Vapor
import WalidataCore
import WalidataTables

/// `/dashboard`, its per-step table as a CSV for Excel, and all its tables as an `.xlsx`.
enum DashboardController {
    /// `?from=YYYY-MM-DD&to=YYYY-MM-DD`, as the page's date inputs send them.
    struct PeriodQuery: Content {
        var from: String?
        var to: String?
    }

    @Sendable static func show(_ req: Request) async throws -> HTMLPage {
        let query = try req.query.decode(PeriodQuery.self)
        let now = Date()
        let calendar = try await CalendarStore.load(on: req.db)
        do {
            let period = try DashboardPeriod.parse(from: query.from, to: query.to, now: now, calendar: calendar)
            let dashboard = try await Dashboard.load(period: period, now: now, on: req.db)
            return HTMLPage(status: .ok, await DashboardViews.page(req, dashboard, query: query, problem: nil))
        } catch let error as UserError where error.key.hasPrefix("dashboard.error.") {
            // The rest of the dashboard still shows; the period form says what to correct.
            let dashboard = try await Dashboard.load(period: .month(of: now, calendar: calendar), now: now, on: req.db)
            var problem = Problem(error.key)
            problem.arguments = error.arguments
            return HTMLPage(status: error.status, await DashboardViews.page(req, dashboard, query: query, problem: problem))
        }
    }

    @Sendable static func csv(_ req: Request) async throws -> Response {
        let query = try req.query.decode(PeriodQuery.self)
        let now = Date()
        let period = try DashboardPeriod.parse(from: query.from, to: query.to, now: now, calendar: try await CalendarStore.load(on: req.db))
        let dashboard = try await Dashboard.load(period: period, now: now, on: req.db)
        let bytes = DashboardCSV.bytes(dashboard, t: req.t)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: ExportFormat.csvExcel.mediaType)
        headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(filename: DashboardCSV.filename(period)))
        headers.replaceOrAdd(name: .cacheControl, value: DownloadCaching.privateValue)
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }

    /// The same period as `csv`, every table of the page as a sheet of the workbook.
    @Sendable static func xlsx(_ req: Request) async throws -> Response {
        let query = try req.query.decode(PeriodQuery.self)
        let now = Date()
        let period = try DashboardPeriod.parse(from: query.from, to: query.to, now: now, calendar: try await CalendarStore.load(on: req.db))
        let dashboard = try await Dashboard.load(period: period, now: now, on: req.db)
        let bytes = try DashboardXlsx.bytes(dashboard, t: req.t)
        return XlsxResponse.make(bytes, filename: DashboardXlsx.filename(period))
    }
}
