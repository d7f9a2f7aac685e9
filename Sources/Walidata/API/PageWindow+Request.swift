import Fluent
import Vapor
import WalidataCore

extension Request {
    /// `?limit=&offset=` of a list (API and pages alike); a value out of range is a 400 that
    /// says the allowed range, not a silently shorter page.
    func pageWindow() throws -> PageWindow {
        do {
            return try PageWindow(limit: query[String.self, at: "limit"], offset: query[String.self, at: "offset"])
        } catch .limit {
            throw UserError(.badRequest, "paging.error.limit", String(PageWindow.maxLimit))
        } catch .offset {
            throw UserError(.badRequest, "paging.error.offset")
        }
    }
}

extension QueryBuilder {
    /// The window's rows and the count of all rows the query matches (two queries).
    func page(_ window: PageWindow) async throws -> (items: [Model], total: Int) {
        let total = try await copy().count()
        let items = total <= window.offset ? [] : try await copy().range(window.range).all()
        return (items, total)
    }
}

extension Request {
    /// A body the route may go without (a note): none is nil, but a body that is there must be
    /// the documented JSON (415 for another type, 400 when it does not decode), never ignored.
    func optionalBody<T: Decodable>(_ type: T.Type) throws -> T? {
        guard let body = body.data, body.readableBytes > 0 else { return nil }
        return try content.decode(T.self)
    }
}
