import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore
import FluentPostgresDriver

@Suite("Roles and route access")
struct AccessTests {
    @Test("every route declares who may use it", arguments: [TestDatabase.sqlite])
    func everyRouteDeclaresAccess(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let missing = app.routes.all.filter { $0.userInfo[Access.userInfoKey] == nil }
                .map { "\($0.method) /\($0.path.map(\.description).joined(separator: "/"))" }
            #expect(missing.isEmpty, "routes without access: \(missing)")
            #expect(app.routes.all.count > 30)
        }
    }

    @Test("admin pages: anonymous is sent to login, a kasi gets a 403 page, an admin gets the page", arguments: TestDatabase.all)
    func adminPagesByRole(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            try await app.makeUser("admin1", role: .admin)
            let anonymous = try await TestBrowser(app).get("/admin/users")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers.first(name: .location)?.hasPrefix("/login?next=") == true)

            let kasi = TestBrowser(app)
            try await kasi.login("kasi1")
            for path in ["/admin/users", "/admin/users/new", "/admin/organizations", "/sop/revisions/1/edit"] {
                let response = try await kasi.get(path)
                #expect(response.status == .forbidden, "\(path)")
                #expect(response.headers.contentType == .html)
                #expect(response.body.string.contains("error-page"))
                #expect(response.body.string.contains("tidak berwenang"))
            }
            let admin = TestBrowser(app)
            try await admin.login("admin1")
            #expect(try await admin.get("/admin/users").status == .ok)
        }
    }

    @Test("a wrong role's POST is refused and changes nothing", arguments: TestDatabase.all)
    func wrongRolePostChangesNothing(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kabid1", role: .kabid)
            let browser = TestBrowser(app)
            try await browser.login("kabid1")
            try await browser.get("/")
            let response = try await browser.post("/admin/users/new", [("username", "budi"), ("fullName", "Budi"), ("role", "admin"), ("password", "rahasia-123")])
            #expect(response.status == .forbidden)
            #expect(try await User.query(on: app.db).filter(\.$username == "budi").count() == 0)
            let approve = try await browser.post("/sop/revisions/1/approve", [])
            #expect(approve.status == .forbidden)
        }
    }

    @Test("the navigation shows each role what it may do", arguments: TestDatabase.all)
    func navigationByRole(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            try await app.makeUser("produsen1", role: .produsen, organization: try await app.makeOrganization("DINKES"))
            let admin = TestBrowser(app)
            try await admin.login("admin1")
            let adminHome = try await admin.get("/").body.string
            #expect(adminHome.contains("id=\"nav-users\""))
            #expect(adminHome.contains("id=\"nav-organizations\""))
            let produsen = TestBrowser(app)
            try await produsen.login("produsen1")
            let produsenHome = try await produsen.get("/").body.string
            #expect(!produsenHome.contains("id=\"nav-users\""))
            #expect(produsenHome.contains("id=\"nav-sop\""))
        }
    }

    @Test("unknown pages get a 404 page with the navigation", arguments: [TestDatabase.sqlite])
    func notFound(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            try await browser.login("kasi1")
            let response = try await browser.get("/tidak-ada")
            #expect(response.status == .notFound)
            #expect(response.body.string.contains("id=\"nav-sop\""))
            #expect(try await browser.get("/admin/users/not-a-uuid").status == .forbidden)
        }
    }

    @Test("pages carry a content security policy that allows no other host", arguments: [TestDatabase.sqlite])
    func securityHeaders(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let response = try await TestBrowser(app).get("/login")
            let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("default-src 'self'"))
            #expect(csp.contains("script-src 'self'"))
            #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(!response.body.string.contains("http://"))
            #expect(!response.body.string.contains("https://"))
            #expect(!response.body.string.contains("<script"))
        }
    }

    @Test("health check answers 200 with the database reachable", arguments: TestDatabase.all)
    func healthy(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let ok = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(ok.status == .ok)
        }
    }

    @Test("health check answers 503 when the database cannot be reached")
    func unhealthy() async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .critical
        // Port 1 on loopback: nothing listens there, so every connection is refused.
        let config = SQLPostgresConfiguration(hostname: "127.0.0.1", port: 1, username: "x", password: "x", database: "x", tls: .disable)
        app.databases.use(.postgres(configuration: config, connectionPoolTimeout: .seconds(2)), as: .psql)
        app.get("healthz", use: HealthController.check)
        let response = try await app.testing().sendRequest(.GET, "/healthz")
        #expect(response.status == .serviceUnavailable)
        try await app.asyncShutdown()
    }
}
