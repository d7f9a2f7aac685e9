import Fluent
import Vapor
import WalidataCore

/// `/api/v1`: the same data as the pages, for scripts and other systems.
enum APIController {
    @Sendable static func me(_ req: Request) async throws -> APIModels.UserOut {
        APIModels.UserOut(try req.requireUser())
    }

    @Sendable static func sopInForce(_ req: Request) async throws -> APIModels.SOPRevisionOut {
        try APIModels.SOPRevisionOut(try await SOPStore.inForce(on: req.db), withDefinition: true)
    }

    @Sendable static func sopRevisions(_ req: Request) async throws -> APIModels.ListOut<APIModels.SOPRevisionOut> {
        let window = try req.pageWindow()
        return .init(all: try await SOPStore.all(on: req.db).map { try APIModels.SOPRevisionOut($0, withDefinition: false) }, window: window)
    }

    @Sendable static func sopRevision(_ req: Request) async throws -> APIModels.SOPRevisionOut {
        try APIModels.SOPRevisionOut(try await SOPStore.revision(try req.intParameter("revision"), on: req.db), withDefinition: true)
    }

    @Sendable static func organizations(_ req: Request) async throws -> APIModels.ListOut<APIModels.OrganizationOut> {
        let window = try req.pageWindow()
        return .init(all: try await Organization.query(on: req.db).sort(\.$name).all().map(APIModels.OrganizationOut.init), window: window)
    }

    @Sendable static func users(_ req: Request) async throws -> APIModels.ListOut<APIModels.UserOut> {
        let (users, total) = try await User.query(on: req.db).sort(\.$username).page(try req.pageWindow())
        return .init(users.map(APIModels.UserOut.init), total: total, window: try req.pageWindow())
    }

    @Sendable static func calendar(_ req: Request) async throws -> APIModels.CalendarOut {
        let hours = try await CalendarStore.hoursRows(on: req.db).map {
            APIModels.CalendarOut.Hours(weekday: $0.weekday, opens: $0.startMinute.map(DateText.clock), closes: $0.endMinute.map(DateText.clock))
        }
        let days = try await CalendarStore.nonWorkingDays(on: req.db).map {
            APIModels.CalendarOut.Day(date: $0.date, kind: $0.kind, description: $0.description)
        }
        let zone = try await Setting.get(CalendarStore.timeZoneKey, on: req.db) ?? CalendarStore.defaultTimeZone
        return .init(timeZone: zone, hours: hours, nonWorkingDays: days)
    }

    /// `?start=2026-11-24T10:00:00+07:00&standard=2 hari`
    @Sendable static func due(_ req: Request) async throws -> APIModels.DueOut {
        guard let raw = req.query[String.self, at: "start"], let start = DateText.rfc3339(raw) else {
            throw UserError(.badRequest, "api.error.start")
        }
        guard let standard = TimeStandard(apiText: req.query[String.self, at: "standard"] ?? "") else {
            throw UserError(.badRequest, "api.error.standard")
        }
        let calendar = try await CalendarStore.load(on: req.db)
        let due = calendar.due(from: start, adding: standard)
        return .init(start: start, standard: standard.text, due: due, workingSeconds: calendar.workingTime(from: start, to: due))
    }

    @Sendable static func openAPI(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try OpenAPIDocument.json(serverURL: req.application.walidata.baseURL)))
    }
}
