import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// The databases every database-touching test runs on: SQLite always, PostgreSQL too when
/// `WALIDATA_TEST_DATABASE_URL` is set.
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static var all: [TestDatabase] {
        let url = ProcessInfo.processInfo.environment["WALIDATA_TEST_DATABASE_URL"] ?? ""
        return url.isEmpty ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }
}

/// A fresh Walidata per test: a new data directory (SQLite) or a new schema (PostgreSQL),
/// migrated and seeded as on a first start, removed afterwards.
func withTestApp<T>(_ database: TestDatabase, baseURL: String = "http://127.0.0.1:8080", _ body: (Application) async throws -> T) async throws -> T {
    // Each app holds its own PostgreSQL connections; a few apps at a time stay well inside the
    // server's connection limit however many tests Swift Testing runs in parallel.
    if database == .postgres {
        await postgresGate.acquire()
    }
    defer { if database == .postgres { Task { await postgresGate.release() } } }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("walidata-test-\(UUID().uuidString)").path
    var config = AppConfig(dataDirectory: dir, baseURL: baseURL)
    if database == .postgres {
        config.databaseURL = ProcessInfo.processInfo.environment["WALIDATA_TEST_DATABASE_URL"]
        config.postgresSchema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    // Real bcrypt, at its lowest cost so the suite stays quick.
    app.passwords.use(.bcrypt(cost: 4))
    do {
        try await configure(app, config: config)
        let result = try await body(app)
        try await cleanUp(app, config: config, dir: dir)
        return result
    } catch {
        try? await cleanUp(app, config: config, dir: dir)
        throw error
    }
}

private func cleanUp(_ app: Application, config: AppConfig, dir: String) async throws {
    if let schema = config.postgresSchema, let sql = app.db as? any SQLDatabase {
        try? await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
    try await app.asyncShutdown()
    try? FileManager.default.removeItem(atPath: dir)
}

extension Application {
    /// Creates a user directly in the database (for test set-up).
    @discardableResult
    func makeUser(_ username: String, role: Role, password: String = "rahasia-123", organization: Organization? = nil, nip: String = "", active: Bool = true) async throws -> User {
        let user = User(
            username: username, fullName: "Nama \(username)", role: role, organizationID: organization?.id,
            passwordHash: try Bcrypt.hash(password, cost: 4), nip: nip
        )
        user.active = active
        try await user.create(on: db)
        return user
    }

    func makeOrganization(_ code: String, name: String? = nil) async throws -> Organization {
        let org = Organization(name: name ?? "Dinas \(code)", code: code)
        try await org.create(on: db)
        return org
    }
}

/// A counting semaphore for async tests.
actor TestGate {
    private var permits: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(permits: Int) { self.permits = permits }

    func acquire() async {
        if permits > 0 {
            permits -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            permits += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

let postgresGate = TestGate(permits: 6)

extension Application {
    /// A dataset made through the store's own rules (so its creation is logged), for set-up.
    /// A dataset of agency DINKES with one accepted table (`csv`), published by a kabid: what
    /// the portal's tests start from. The officer (pengelola TI) is signed in.
    func publishedDataset(csv: String = "desa,jumlah\nA,1\nB,2\n") async throws -> (officer: TestBrowser, dataset: Dataset, kabid: User) {
        let org = try await makeOrganization("DINKES", name: "Dinas Kesehatan")
        let pengelola = try await makeUser("pengelola", role: .pengelolaTI)
        let officer = TestBrowser(self)
        try await officer.login("pengelola")
        let dataset = try await makeDataset("Penduduk per Desa", organization: org, by: pengelola)
        try await officer.get("/datasets/\(dataset.slug)")
        #expect(try await officer.upload(dataset.slug, disposition: #"filename="v1.csv""#, bytes: Array(csv.utf8)).status == .seeOther)
        let kabid = try await makeUser("kabid", role: .kabid)
        try await DatasetStore.publish(dataset, reason: "uji", by: kabid, on: db)
        return (officer, try await DatasetStore.find(slug: dataset.slug, on: db), kabid)
    }

    func makeDataset(_ title: String, organization: Organization, by user: User) async throws -> Dataset {
        var form = DatasetForm(nil)
        form.title = title
        form.organizationID = organization.id!.uuidString
        return try await DatasetStore.create(form, by: user, on: db)
    }
}
