import Fluent
import SQLKit
import Vapor
import WalidataCore

/// Appends to the hash-chained event log. An entry is written in the caller's transaction, so
/// it exists exactly when what it records exists.
enum EventLog {
    /// What is being recorded; the actor and the chain fields are filled in by `append`.
    struct Entry: Sendable {
        var action: String
        var datasetID: UUID? = nil
        var versionID: UUID? = nil
        var blobHash: String = ""
        var size: Int64 = 0
        var rowCount: Int64 = 0
        var note: String = ""
        var details: [String: String] = [:]
    }

    /// Who did it: a user, or the system itself (scheduled backups, the command line).
    struct Actor: Sendable {
        var id: String
        var name: String
        var role: String

        init(_ user: User) {
            id = user.id?.uuidString ?? ""
            name = user.fullName
            role = user.roleRaw
        }

        init(id: String, name: String, role: String) {
            self.id = id
            self.name = name
            self.role = role
        }

        static let system = Actor(id: "system", name: "Walidata", role: "system")
    }

    /// Appends one entry inside `db`, which must be a transaction that also holds the change it
    /// records. Serialised in this process by a lock, and across processes on PostgreSQL by an
    /// advisory lock; the unique sequence number guards against any fork that slips through.
    @discardableResult
    static func append(_ entry: Entry, by actor: Actor, on db: any Database, at date: Date = Date()) async throws -> EventRecord {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: advisoryKey))").run()
        }
        let last = try await EventRecord.query(on: db).sort(\.$sequence, .descending).first()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let details = entry.details.isEmpty ? "" : String(decoding: try encoder.encode(entry.details), as: UTF8.self)
        let event = ChainedEvent(
            sequence: (last?.sequence ?? 0) + 1,
            atMillis: Int64((date.timeIntervalSince1970 * 1000).rounded()),
            actorID: actor.id, actorName: actor.name, actorRole: actor.role, action: entry.action,
            datasetID: entry.datasetID?.uuidString ?? "", versionID: entry.versionID?.uuidString ?? "",
            blobHash: entry.blobHash, size: entry.size, rowCount: entry.rowCount, note: entry.note,
            details: details, previousHash: last?.hash ?? EventChain.genesis
        )
        let record = EventRecord(event)
        try await record.create(on: db)
        return record
    }

    /// An arbitrary constant naming "the event log" for `pg_advisory_xact_lock`.
    private static let advisoryKey: Int64 = 0x5741_4C49_4441_5441 // "WALIDATA"

    /// One lock per process for every transaction that appends, held across the transaction.
    static let lock = AsyncLock()

    /// Runs `body` in a transaction holding the append lock: use it for every change that
    /// records an event. Once committed, the new head is written to the checkpoint file
    /// (`CheckpointFile`), never before: a rolled-back entry must not be checkpointed.
    static func transaction<T: Sendable>(on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await lock.withLock {
            let result = try await db.transaction { tx in try await body(tx) }
            await CheckpointFile.attached(to: db)?.recordHead(of: db)
            return result
        }
    }

    /// Saves a change and the entry that records it in one transaction: the audit trail of
    /// accounts, agencies, the SOP and the calendar.
    static func record(_ entry: Entry, by actor: Actor, on db: any Database, _ change: @escaping @Sendable (any Database) async throws -> Void) async throws {
        try await transaction(on: db) { tx in
            try await change(tx)
            try await append(entry, by: actor, on: tx)
        }
    }

    /// Recomputes the whole chain, in order.
    static func verify(on db: any Database) async throws -> (count: Int, breaks: [EventChain.Break]) {
        let records = try await EventRecord.query(on: db).sort(\.$sequence).all()
        let breaks = EventChain.verify(records.map { ($0.chained, $0.hash) })
        return (records.count, breaks)
    }
}
