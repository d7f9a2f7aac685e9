import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import Walidata

/// Issue 11: the portal keeps what it read per catalogue generation (`PortalCache`); the number
/// is raised by the database on any change to what the portal shows, so nothing kept outlives a
/// withdrawal, a retitle or a new table, however the change is made.
@Suite("Catalogue generation and the portal's cache")
struct PortalGenerationTests {
    func fixture(_ app: Application) async throws -> (TestBrowser, Dataset, User) {
        try await app.publishedDataset(csv: "desa,jumlah\nAlpha,1\nBeta,2\n")
    }

    func sql(_ app: Application) -> any SQLDatabase { app.db as! any SQLDatabase }

    @Test("every watched table raises the number, through Fluent or plain SQL; other tables do not", arguments: TestDatabase.all)
    func raises(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, dataset, _) = try await fixture(app)
            var last = try await CatalogGeneration.current(on: app.db)
            #expect(last > 0)
            func raised(_ what: Comment) async throws {
                let now = try await CatalogGeneration.current(on: app.db)
                #expect(now > last, what)
                last = now
            }
            dataset.title = "Penduduk per Desa (baru)"
            try await dataset.save(on: app.db)
            try await raised("a dataset saved by Fluent")
            try await sql(app).raw("UPDATE datasets SET description = 'x' WHERE id = \(bind: dataset.id!)").run()
            try await raised("a dataset changed by plain SQL")
            try await sql(app).raw("UPDATE dataset_versions SET change_note = 'catatan' WHERE dataset_id = \(bind: dataset.id!)").run()
            try await raised("a version")
            try await sql(app).raw("UPDATE organizations SET name = 'Dinas Kesehatan dan KB'").run()
            try await raised("an agency renamed")
            try await sql(app).raw("UPDATE announcements SET title = title").run()
            // No announcement exists yet: an UPDATE of no row changes nothing the portal shows.
            try await sql(app).raw("""
                INSERT INTO column_descriptions (id, dataset_id, column_name, description, updated_at)
                VALUES (\(bind: UUID()), \(bind: dataset.id!), 'jumlah', 'Jumlah penduduk', \(bind: Date()))
                """).run()
            try await raised("a column description")
            try await sql(app).raw("DELETE FROM catalog_facets WHERE dataset_id = \(bind: dataset.id!) AND facet = 'tag'").run()
            try await sql(app).raw("INSERT INTO catalog_facets (dataset_id, facet, value, label) VALUES (\(bind: dataset.id!), 'tag', 'uji', 'uji')").run()
            try await raised("a facet row")
            // A sign-in or a setting is not the catalogue.
            _ = try await app.makeUser("lain", role: .produsen)
            try await sql(app).raw("UPDATE users SET full_name = 'Nama Lain' WHERE username = 'lain'").run()
            #expect(try await CatalogGeneration.current(on: app.db) == last)
        }
    }

    @Test("a kept dataset page follows a withdrawal, a retitle and a restricted access made behind the portal's back",
          arguments: TestDatabase.all)
    func pageFollows(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, dataset, _) = try await fixture(app)
            let visitor = TestBrowser(app)
            let path = "/publik/data/\(dataset.slug)"
            #expect(try await visitor.get(path).body.string.contains("Penduduk per Desa"))
            #expect(try await visitor.get(path + ".json").body.string.contains("Penduduk per Desa"))
            #expect(app.portalCache.count >= 1)

            try await sql(app).raw("UPDATE datasets SET title = 'Jumlah Penduduk Desa' WHERE id = \(bind: dataset.id!)").run()
            let retitled = try await visitor.get(path).body.string
            #expect(retitled.contains("Jumlah Penduduk Desa") && !retitled.contains("Penduduk per Desa<"))
            #expect(try await visitor.get(path + ".json").body.string.contains("Jumlah Penduduk Desa"))

            try await sql(app).raw("UPDATE datasets SET access = 'terbatas' WHERE id = \(bind: dataset.id!)").run()
            #expect(try await visitor.get(path).status == .notFound)
            #expect(try await visitor.get(path + "/data.csv").status == .notFound)
            try await sql(app).raw("UPDATE datasets SET access = 'terbuka' WHERE id = \(bind: dataset.id!)").run()
            #expect(try await visitor.get(path).status == .ok)

            try await sql(app).raw("UPDATE datasets SET published_at = NULL WHERE id = \(bind: dataset.id!)").run()
            #expect(try await visitor.get(path).status == .notFound)
            #expect(try await visitor.get(path + ".json").status == .notFound)
        }
    }

    @Test("the public search and the CKAN API follow a withdrawal; a signed-in user's list is never kept", arguments: TestDatabase.all)
    func searchFollows(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (officer, dataset, kabid) = try await fixture(app)
            let visitor = TestBrowser(app)
            #expect(try await visitor.get("/publik/data?q=penduduk").body.string.contains("Penduduk per Desa"))
            let search = try await visitor.get("/api/3/action/package_search?q=penduduk").body.string
            #expect(search.contains("\"count\":1"))
            let current = try #require(dataset.currentVersionID).uuidString.lowercased()
            #expect(try await visitor.get("/api/3/action/datastore_search?resource_id=\(current)").status == .ok)
            let shown = try await visitor.get("/api/3/action/package_show?id=\(dataset.slug)")
            #expect(shown.status == .ok, "\(shown.body.string)")
            let kept = app.portalCache.count

            // The office's list (signed in) is not the public's and is not kept.
            #expect(try await officer.get("/datasets?q=penduduk").body.string.contains("Penduduk per Desa"))
            #expect(app.portalCache.count == kept)

            try await DatasetStore.withdraw(dataset, reason: "uji", by: kabid, on: app.db)
            #expect(!(try await visitor.get("/publik/data?q=penduduk").body.string.contains("Penduduk per Desa")))
            #expect(try await visitor.get("/api/3/action/package_search?q=penduduk").body.string.contains("\"count\":0"))
            #expect(try await visitor.get("/api/3/action/datastore_search?resource_id=\(current)").status == .notFound)
            #expect(try await visitor.get("/api/3/action/package_show?id=\(dataset.slug)").status == .notFound)
        }
    }

    /// A writer that holds a row of one watched table and then wants a row another writer holds
    /// must only wait. Were the number raised at once (an immediate trigger), the first writer
    /// would hold the number's row while the second, holding its row, waited for it: a deadlock
    /// PostgreSQL ends by failing one of them. Raised at commit, both commit. (SQLite has one
    /// writer at a time; there is nothing to race.)
    @Test("two writers holding rows of watched tables both commit on PostgreSQL, and each raises the number",
          arguments: TestDatabase.all.filter { $0 == .postgres })
    func concurrentWriters(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, dataset, _) = try await fixture(app)
            let id = try dataset.requireID()
            for round in 0..<3 {
                let before = try await CatalogGeneration.current(on: app.db)
                async let first: Void = app.db.transaction { tx in
                    let sql = tx as! any SQLDatabase
                    try await sql.raw("UPDATE datasets SET description = \(bind: "a\(round)") WHERE id = \(bind: id)").run()
                    try await Task.sleep(for: .milliseconds(300))
                    try await sql.raw("UPDATE organizations SET name = \(bind: "Dinas A\(round)")").run()
                }
                async let second: Void = {
                    try await Task.sleep(for: .milliseconds(100))
                    try await app.db.transaction { tx in
                        try await (tx as! any SQLDatabase).raw("UPDATE organizations SET name = \(bind: "Dinas B\(round)")").run()
                    }
                }()
                _ = try await (first, second)
                #expect(try await CatalogGeneration.current(on: app.db) >= before + 2)
            }
        }
    }

    @Test("the cache keeps per generation, drops older generations first and keeps nothing without a generation")
    func cacheRules() async throws {
        let cache = PortalCache(capacity: 3)
        let counter = Counter()
        func read(_ key: String, _ generation: Int64) async throws -> Int {
            try await cache.value(key, generation: generation) { await counter.next() }
        }
        #expect(try await read("a", 1) == 1)
        #expect(try await read("a", 1) == 1)
        #expect(try await read("a", 2) == 2)
        #expect(try await read("b", 2) == 3)
        #expect(try await read("c", 2) == 4)
        #expect(cache.count == 3)
        #expect(try await read("d", 2) == 5)
        #expect(cache.count == 1)
        #expect(try await read("x", -1) == 6)
        #expect(try await read("x", -1) == 7)
    }

    @Test("requests that miss the same key at once wait for one computation; a failure is not kept")
    func singleFlight() async throws {
        let cache = PortalCache()
        let counter = Counter()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await cache.value("k", generation: 5) {
                        try await Task.sleep(for: .milliseconds(200))
                        return await counter.next()
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: 1, count: 20))
        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await cache.value("f", generation: 5) { () async throws -> Int in throw Refused() } }
        #expect(try await cache.value("f", generation: 5) { await counter.next() } == 2)
        // An optional value, kept as nil or not, comes back as it was made.
        let some: Int? = try await cache.value("o", generation: 5) { Optional(7) }
        let none: Int? = try await cache.value("n", generation: 5) { nil }
        #expect(some == 7 && none == nil)
        let again: Int? = try await cache.value("o", generation: 5) { nil }
        #expect(again == 7)
    }

    actor Counter {
        var n = 0
        func next() -> Int { n += 1; return n }
    }
}
