import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("The API's contract: paging, methods, bodies, the events' case reference")
struct APIContractTests {
    @Test("GET /api/v1/cases pages with limit and offset, says the total, and each item equals GET /api/v1/cases/{id}", arguments: TestDatabase.all)
    func casesArePaged(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            var ids: [UUID] = []
            for n in 1...5 { ids.append(try await f.submit("Permohonan \(n)").id) }
            // Two steps on the oldest, so the page loader has a letter number, completions and names to get right.
            #expect(try await f.complete(ids[0], step: 1, as: "administrasi").status == .created)
            #expect(try await f.complete(ids[0], step: 2, as: "administrasi").status == .created)

            var seen: [UUID] = []
            for offset in [0, 2, 4] {
                let page = try await f.send(.GET, "/api/v1/cases?limit=2&offset=\(offset)", as: "kasi").content.decode(CaseAPI.CaseList.self)
                #expect(page.total == 5 && page.limit == 2 && page.offset == offset)
                #expect(page.count == page.items.count && page.items.count == (offset == 4 ? 1 : 2))
                for item in page.items {
                    seen.append(item.id)
                    let one = try await f.send(.GET, "/api/v1/cases/\(item.id)", as: "kasi")
                    #expect(try Self.json(one.content.decode(CaseAPI.CaseOut.self)) == Self.json(item), "the list shows a case as the case itself does")
                }
            }
            #expect(seen == ids.reversed(), "newest first, every case once")
            let whole = try await f.send(.GET, "/api/v1/cases", as: "kasi").content.decode(CaseAPI.CaseList.self)
            #expect(whole.limit == 50 && whole.offset == 0 && whole.total == 5)
            #expect(whole.items.first { $0.id == ids[0] }?.letterNumber != nil)
        }
    }

    @Test("a limit outside 1–500, a negative offset or an unknown state is 400 with a message, on every list", arguments: TestDatabase.all)
    func badPagingIsRefused(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            for path in ["/api/v1/cases?limit=0", "/api/v1/datasets?limit=501", "/api/v1/users?offset=-1", "/api/v1/tasks?limit=x",
                         "/api/v1/notifications?offset=1000000001", "/api/v1/cases?state=semua"] {
                let response = try await f.send(.GET, path, as: "admin")
                #expect(response.status == .badRequest, "\(path)")
                #expect(try response.content.decode(APIErrorBody.self).error.code.hasPrefix(path.contains("state") ? "cases.error" : "paging.error"))
            }
            let users = try await f.send(.GET, "/api/v1/users?limit=3&offset=6", as: "admin").content.decode(APIModels.ListOut<APIModels.UserOut>.self)
            #expect(users.total == 7 && users.items.count == 1 && users.items.first?.username == "produsen", "sorted by username, the seventh")
        }
    }

    @Test("the /cases page shows one page and a pager that keeps the filter", arguments: TestDatabase.all)
    func casesPageHasAPager(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            for n in 1...3 { _ = try await f.submit("Permohonan \(n)") }
            let browser = TestBrowser(app)
            try await browser.login("kasi")
            let first = try await browser.get("/cases?state=open&limit=2").body.string
            #expect(first.components(separatedBy: "/cases/").count - 1 >= 2)
            #expect(!first.contains("Permohonan 1<"), "the oldest is on the next page")
            #expect(first.contains("id=\"cases-pager\"") && first.contains("Menampilkan 1–2 dari 3"))
            #expect(first.contains("href=\"/cases?state=open&amp;limit=2&amp;offset=2\"") || first.contains("href=\"/cases?state=open&limit=2&offset=2\""))
            let second = try await browser.get("/cases?state=open&limit=2&offset=2").body.string
            #expect(second.contains("Permohonan 1<") && second.contains("rel=\"prev\""))
            #expect(try await browser.get("/cases?limit=9999").status == .badRequest)
        }
    }

    @Test("another method on an API path is 405 with Allow; an unknown path stays 404", arguments: TestDatabase.all)
    func otherMethodsAre405(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let trace = try await f.send(.TRACE, "/api/v1/cases", as: "kasi")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: .allow) == "GET, HEAD, POST")
            #expect(try trace.content.decode(APIErrorBody.self).error.status == 405)
            let patch = try await f.send(.PATCH, "/api/v1/cases/\(UUID())", as: "kasi")
            #expect(patch.status == .methodNotAllowed && patch.headers.first(name: .allow) == "GET, HEAD")
            #expect(try await f.send(.GET, "/api/v1/nothing-here", as: "kasi").status == .notFound)
        }
    }

    @Test("a body of the wrong type on delete or restore is refused (400, or 415 when not JSON) and changes nothing", arguments: TestDatabase.all)
    func wrongBodiesAreRefused(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.send(.POST, "/api/v1/datasets", as: "admin", json: [
                "title": "Data uji", "organizationID": f.organization.id!.uuidString, "frequency": "tahunan", "access": "terbuka"])
            #expect(created.status == .created)
            let slug = try created.content.decode(DatasetAPI.DatasetOut.self).slug
            let array = try await app.testing().sendRequest(.DELETE, "/api/v1/datasets/\(slug)", headers: f.headers("admin"), body: ByteBuffer(string: "[1]"))
            #expect(array.status == .badRequest)
            var plain = f.headers("admin")
            plain.contentType = .plainText
            let text = try await app.testing().sendRequest(.DELETE, "/api/v1/datasets/\(slug)", headers: plain, body: ByteBuffer(string: "alasan"))
            #expect(text.status == .unsupportedMediaType || text.status == .badRequest, "not JSON: refused, not read as no reason")
            let restore = try await app.testing().sendRequest(.POST, "/api/v1/datasets/\(slug)/versions/1/restore", headers: f.headers("admin"), body: ByteBuffer(string: #"{"note": 5}"#))
            #expect(restore.status == .badRequest || restore.status == .notFound, "no version 1 yet, or the body refused: never accepted")
            let dataset = try await f.send(.GET, "/api/v1/datasets/\(slug)", as: "admin").content.decode(DatasetAPI.DatasetOut.self)
            #expect(dataset.deleted == false)
        }
    }

    @Test("events name their case in an indexed column, written on append and filled in by M013 for older entries", arguments: TestDatabase.all)
    func eventsCarryTheirCase(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            #expect(try await f.complete(id, step: 1, as: "administrasi").status == .created)
            let all = try await EventRecord.query(on: app.db).all()
            let named = all.filter { $0.detail("case") == id.uuidString }
            #expect(named.count >= 2)
            #expect(named.allSatisfy { $0.caseID == id.uuidString })
            #expect(all.filter { $0.detail("case") == nil }.allSatisfy { $0.caseID == nil })

            // As if written before M013: the column emptied, then the migration's backfill.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE events SET case_id = NULL").run()
            #expect(try await CaseRecord.events(caseID: id, on: app.db).isEmpty)
            try await M013AddEventCaseID.backfill(on: sql)
            #expect(try await CaseRecord.events(caseID: id, on: app.db).map(\.sequence) == named.map(\.sequence).sorted())
        }
    }

    private static func json(_ value: CaseAPI.CaseOut) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
