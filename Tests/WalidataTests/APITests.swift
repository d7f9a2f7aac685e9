import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("JSON API and tokens")
struct APITests {
    func bearer(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)"] }

    @Test("a token made in the UI is shown once, stored hashed, works, and stops working when revoked", arguments: TestDatabase.all)
    func tokenLifecycle(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            try await browser.login("kasi1")
            try await browser.get("/account/tokens")
            let created = try await browser.post("/account/tokens", [("name", "Skrip laporan")])
            #expect(created.status == .ok)
            let range = try #require(created.body.string.range(of: #"wld_[A-Za-z0-9_-]{43}"#, options: .regularExpression))
            let secret = String(created.body.string[range])
            let stored = try #require(try await APIToken.query(on: app.db).first())
            #expect(stored.tokenHash == APIToken.hash(secret))
            #expect(stored.tokenHash != secret)
            #expect(!(try await browser.get("/account/tokens")).body.string.contains(secret), "shown once only")

            let me = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(secret))
            #expect(me.status == .ok)
            let user = try me.content.decode(APIModels.UserOut.self)
            #expect(user.username == "kasi1")
            #expect(user.role == "kasi")

            let revoke = try await browser.post("/account/tokens/\(stored.id!)/revoke", [])
            #expect(revoke.status == .seeOther)
            let after = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(secret))
            #expect(after.status == .unauthorized)
            let error = try after.content.decode(APIErrorBody.self)
            #expect(error.error.code == "api.error.token")
        }
    }

    @Test("no token gives 401 JSON; a wrong role gives 403 JSON", arguments: TestDatabase.all)
    func apiErrors(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let none = try await app.testing().sendRequest(.GET, "/api/v1/me")
            #expect(none.status == .unauthorized)
            #expect(none.headers.contentType == .json)
            let kasi = try await app.makeUser("kasi1", role: .kasi)
            let (_, secret) = try await AccountController.issueToken(for: kasi, name: "t", on: app.db)
            let users = try await app.testing().sendRequest(.GET, "/api/v1/users", headers: bearer(secret))
            #expect(users.status == .forbidden)
            #expect(try users.content.decode(APIErrorBody.self).error.status == 403)
            let bogus = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer("wld_" + String(repeating: "A", count: 43)))
            #expect(bogus.status == .unauthorized)
        }
    }

    @Test("a deactivated user's token stops working", arguments: TestDatabase.all)
    func inactiveUserToken(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let user = try await app.makeUser("kasi1", role: .kasi)
            let (_, secret) = try await AccountController.issueToken(for: user, name: "t", on: app.db)
            user.active = false
            try await user.save(on: app.db)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(secret)).status == .unauthorized)
        }
    }

    @Test("SOP, organisations, users and calendar through the API", arguments: TestDatabase.all)
    func readEndpoints(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await app.makeUser("admin1", role: .admin)
            _ = try await app.makeOrganization("DINKES")
            let (_, secret) = try await AccountController.issueToken(for: admin, name: "t", on: app.db)
            let sop = try await app.testing().sendRequest(.GET, "/api/v1/sop", headers: bearer(secret))
            #expect(sop.status == .ok)
            let revision = try sop.content.decode(APIModels.SOPRevisionOut.self)
            #expect(revision.number == 1)
            #expect(revision.definition == .mentawai2022)
            #expect(sop.body.string.contains("\"approvedAt\":\"2021-12-31T17:00:00Z\""), "dates are ISO 8601 (1 Jan 2022, 00:00 WIB)")

            let orgs = try await app.testing().sendRequest(.GET, "/api/v1/organizations", headers: bearer(secret))
            #expect(try orgs.content.decode(APIModels.ListOut<APIModels.OrganizationOut>.self).items.map(\.code) == ["DINKES"])
            let users = try await app.testing().sendRequest(.GET, "/api/v1/users", headers: bearer(secret))
            #expect(try users.content.decode(APIModels.ListOut<APIModels.UserOut>.self).count == 1)
            let calendar = try await app.testing().sendRequest(.GET, "/api/v1/calendar", headers: bearer(secret))
            let cal = try calendar.content.decode(APIModels.CalendarOut.self)
            #expect(cal.nonWorkingDays.count == 25)
            #expect(cal.hours.first { $0.weekday == 5 }?.closes == "16:30")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/sop/revisions/1", headers: bearer(secret)).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/sop/revisions/9", headers: bearer(secret)).status == .notFound)
        }
    }

    @Test("due times over the API skip the weekend and holidays", arguments: TestDatabase.all)
    func dueEndpoint(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let user = try await app.makeUser("kasi1", role: .kasi)
            let (_, secret) = try await AccountController.issueToken(for: user, name: "t", on: app.db)
            // Wednesday 23 Dec 2026 10:00 WIB + 1 hari: 24 (cuti bersama), 25 (libur), weekend → Monday 28th.
            let response = try await app.testing().sendRequest(.GET, "/api/v1/calendar/due?start=2026-12-23T10:00:00%2B07:00&standard=1%20hari", headers: bearer(secret))
            #expect(response.status == .ok)
            let due = try response.content.decode(APIModels.DueOut.self)
            #expect(due.due == ISO8601DateFormatter().date(from: "2026-12-28T10:00:00+07:00"))
            let bad = try await app.testing().sendRequest(.GET, "/api/v1/calendar/due?start=kemarin&standard=1%20hari", headers: bearer(secret))
            #expect(bad.status == .badRequest)
            #expect(try bad.content.decode(APIErrorBody.self).error.message.contains("ISO 8601"))
        }
    }

    @Test("every /api/v1 route is in the OpenAPI document, and every documented path has a route", arguments: [TestDatabase.sqlite])
    func openAPICoversRoutes(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            #expect(json["openapi"] as? String == "3.1.0")
            let paths = try #require(json["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths { for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") } }
            var routed = Set<String>()
            for route in app.routes.all {
                let components = route.path.map { component -> String in
                    switch component {
                    case .parameter(let name): "{\(name)}"
                    default: component.description
                    }
                }
                guard components.starts(with: ["api", "v1"]) else { continue }
                routed.insert("\(route.method.rawValue) /" + components.joined(separator: "/"))
            }
            #expect(routed.count >= 9)
            #expect(routed.subtracting(documented).isEmpty, "routes missing from OpenAPI: \(routed.subtracting(documented).sorted())")
            #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        }
    }
}
