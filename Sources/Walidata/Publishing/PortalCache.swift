import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor
import WalidataTables

/// The catalogue's generation: one number, raised by the database itself (triggers, M025) in
/// the same transaction as any change to a table the portal reads: datasets and their versions,
/// agencies, announcements and what they name, facets and column descriptions. Whatever the
/// portal computed from those tables at generation g is still true while the number reads g,
/// however the change was made (a page, the API, a command, a restore, plain SQL).
///
/// SQLite has one writer, so a plain row trigger is enough. On PostgreSQL the number is raised
/// by a deferred constraint trigger, at commit: the row's lock is then the last one a writing
/// transaction takes, so two writers can wait for each other there but never deadlock.
enum CatalogGeneration {
    static let table = "catalog_generation"
    /// The tables whose rows the portal's pages, feeds and APIs are made of.
    static let watched = ["datasets", "dataset_versions", "organizations", "announcements", "announcement_datasets",
                          "catalog_facets", "column_descriptions"]

    static func create(on sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE TABLE catalog_generation (id INTEGER PRIMARY KEY, value BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO catalog_generation (id, value) VALUES (1, 0)").run()
        if CatalogIndex.isPostgres(sql) {
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION catalog_generation_raise() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE catalog_generation SET value = value + 1 WHERE id = 1; RETURN NULL; END $$
                """).run()
            for table in watched {
                try await sql.raw("""
                    CREATE CONSTRAINT TRIGGER \(ident: "catalog_generation_" + table) AFTER INSERT OR UPDATE OR DELETE ON \(ident: table)
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION catalog_generation_raise()
                    """).run()
            }
        } else {
            for table in watched {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw("""
                        CREATE TRIGGER \(ident: "catalog_generation_\(table)_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(ident: table)
                        BEGIN UPDATE catalog_generation SET value = value + 1 WHERE id = 1; END
                        """).run()
                }
            }
        }
    }

    static func drop(on sql: any SQLDatabase) async throws {
        if CatalogIndex.isPostgres(sql) {
            for table in watched { try await sql.raw("DROP TRIGGER IF EXISTS \(ident: "catalog_generation_" + table) ON \(ident: table)").run() }
            try await sql.raw("DROP FUNCTION IF EXISTS catalog_generation_raise()").run()
        } else {
            for table in watched {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(ident: "catalog_generation_\(table)_\(event)")").run()
                }
            }
        }
        try await sql.raw("DROP TABLE IF EXISTS catalog_generation").run()
    }

    /// The number now. Read before what is kept under it, so a change committed in between is
    /// kept under an older number, never a newer one.
    static func current(on db: any Database) async throws -> Int64 {
        guard let sql = db as? any SQLDatabase,
              let row = try await sql.raw("SELECT value FROM catalog_generation WHERE id = 1").first()
        else { return -1 }
        return try row.decode(column: "value", as: Int64.self)
    }
}

/// What the public portal computed from the database, kept while the catalogue's generation
/// stays the same: a public dataset with its agency, current version, check report and
/// announcements; a catalogue search's page and facet counts. A request reads the generation
/// (one row) and, when it has not moved, nothing else from the database.
///
/// Only what anyone may see is kept here (the public audience's answers), so a signed-in user's
/// view never comes from it. The models kept are shared between requests and only read.
final class PortalCache: Sendable {
    /// A value, or the work making it: requests that miss the same key at once (all visitors
    /// just after a publication) wait for one computation instead of each running their own.
    private enum Slot {
        case ready(Any)
        case pending(Task<any Sendable, any Error>)
    }

    private struct Entry: @unchecked Sendable {
        var generation: Int64
        var slot: Slot
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    /// The value kept under `key` at `generation`, or `make()`'s, kept. A generation of -1 (no
    /// generation table) keeps nothing. A `make()` that fails is not kept: its error goes to
    /// the requests that waited for it, and the next one tries again.
    func value<T: Sendable>(_ key: String, generation: Int64, _ make: @escaping @Sendable () async throws -> T) async throws -> T {
        guard generation >= 0 else { return try await make() }
        let (task, ready, owner): (Task<any Sendable, any Error>?, Any?, Bool) = entries.withLockedValue { entries in
            if let entry = entries[key], entry.generation == generation {
                switch entry.slot {
                case .ready(let value): return (nil, value, false)
                case .pending(let task): return (task, nil, false)
                }
            }
            // Entries of older generations are never read again: dropped first, then the rest.
            if entries.count >= capacity { entries = entries.filter { $0.value.generation == generation } }
            if entries.count >= capacity { entries = entries.filter { if case .pending = $0.value.slot { true } else { false } } }
            let task = Task<any Sendable, any Error> { try await make() }
            entries[key] = Entry(generation: generation, slot: .pending(task))
            return (task, nil, true)
        }
        // Unwrapped first: a missing value (nil) would otherwise pass as a T that is itself optional.
        if let ready, let value = ready as? T { return value }
        guard let task else { return try await make() }
        do {
            let value = try await task.value
            if owner {
                entries.withLockedValue { entries in
                    if case .pending(let kept)? = entries[key]?.slot, kept == task { entries[key] = Entry(generation: generation, slot: .ready(value)) }
                }
            }
            guard let typed = value as? T else { return try await make() }
            return typed
        } catch {
            if owner {
                entries.withLockedValue { entries in
                    if case .pending(let kept)? = entries[key]?.slot, kept == task { entries[key] = nil }
                }
            }
            throw error
        }
    }

    var count: Int { entries.withLockedValue { $0.count } }
}

extension Application {
    private struct PortalCacheKey: StorageKey { typealias Value = PortalCache }

    /// One per application (each test app has its own database, so its own generations); set
    /// by `configure`.
    var portalCache: PortalCache {
        get {
            guard let cache = storage[PortalCacheKey.self] else { fatalError("configure(_:config:) has not run") }
            return cache
        }
        set { storage[PortalCacheKey.self] = newValue }
    }
}

/// A public dataset as its portal page shows it: the dataset with its agency, its current
/// accepted table (nil when it has none), that table's check report, and the published
/// announcements that name it, newest first.
struct PortalDataset: Sendable {
    var dataset: Dataset
    var current: DatasetVersion?
    var check: CSVCheck?
    var announcements: [Announcement]
}

extension PublicationStore {
    /// `publicDataset(slug:on:)` with what its page shows, read once per catalogue generation.
    /// What the public may not see is "not found" and is never kept.
    static func portalDataset(slug: String, _ req: Request) async throws -> PortalDataset {
        let generation = try await CatalogGeneration.current(on: req.db)
        return try await req.application.portalCache.value("dataset\u{1F}" + slug, generation: generation) {
            let dataset = try await publicDataset(slug: slug, on: req.db)
            let current = try await currentTable(of: dataset, on: req.db)
            return PortalDataset(dataset: dataset, current: current, check: current.flatMap(Intake.report(of:)),
                                 announcements: try await ExplorerController.announcements(dataset, req))
        }
    }
}
