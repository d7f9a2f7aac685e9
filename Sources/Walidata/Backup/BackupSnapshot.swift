import Fluent
import Foundation
import SQLKit
import FluentSQLiteDriver
import Vapor

/// A consistent copy of the metadata database, and the files it refers to. The files are
/// immutable and named by content, so copying them after the snapshot is consistent as long
/// as the list comes from the snapshot itself, not from the live database.
struct BackupSnapshot: Sendable {
    struct Referenced: Sendable, Hashable {
        var hash: String
        var mediaType: String
    }

    var kind: BackupManifest.DatabaseKind
    var file: String
    var postgresSchema: String?
    var referenced: [Referenced]
    /// The newest event in the snapshot (sequence, hash); nil for an empty log.
    var head: (sequence: Int, hash: String)? = nil

    /// Takes the snapshot into `directory`.
    static func take(of db: any Database, config: AppConfig, into directory: String, threadPool: NIOThreadPool, on loop: any EventLoop) async throws -> BackupSnapshot {
        guard let sql = db as? any SQLDatabase else { throw BackupError.message("The database does not speak SQL.") }
        if let url = config.databaseURL {
            let tools = try PostgresTools(databaseURL: url, schema: config.postgresSchema)
            _ = try PostgresTools.find("pg_dump")
            let file = "\(directory)/walidata.pgdump"
            // pg_dump reads through the snapshot this transaction exports, and the list of files
            // is read in the same transaction, so both see exactly the same moment.
            let (referenced, head) = try await db.transaction { tx -> ([Referenced], (Int, String)?) in
                guard let sql = tx as? any SQLDatabase else { throw BackupError.message("The database does not speak SQL.") }
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").run()
                guard let row = try await sql.raw("SELECT pg_export_snapshot() AS id").first() else {
                    throw BackupError.message("PostgreSQL did not export a snapshot.")
                }
                try await tools.dump(to: file, snapshot: try row.decode(column: "id", as: String.self))
                let referenced = try await sql.raw(SQLQueryString(referencedFiles)).all().map {
                    Referenced(hash: try $0.decode(column: "blob_hash", as: String.self), mediaType: try $0.decode(column: "media_type", as: String.self))
                }
                let head = try await sql.raw(SQLQueryString(headQuery)).first().map {
                    (try $0.decode(column: "seq", as: Int.self), try $0.decode(column: "hash", as: String.self))
                }
                return (referenced, head)
            }
            return BackupSnapshot(kind: .postgresql, file: file, postgresSchema: tools.schema, referenced: distinct(referenced), head: head)
        }
        let file = "\(directory)/walidata.sqlite"
        // VACUUM INTO writes a consistent, compact copy while other connections go on working.
        try await sql.raw("VACUUM INTO \(literal: file)").run()
        let referenced = try await query(file, referencedFiles, threadPool: threadPool, on: loop).map {
            Referenced(hash: $0.column("blob_hash")?.string ?? "", mediaType: $0.column("media_type")?.string ?? "")
        }
        let head = try await query(file, headQuery, threadPool: threadPool, on: loop).first.flatMap { row -> (Int, String)? in
            guard let seq = row.column("seq")?.integer.map({ Int($0) }), let hash = row.column("hash")?.string else { return nil }
            return (seq, hash)
        }
        return BackupSnapshot(kind: .sqlite, file: file, referenced: distinct(referenced), head: head)
    }

    /// Every stored file the metadata points at: the dataset versions', and the request
    /// attachments not (yet) stored as a version.
    static let referencedFiles = "SELECT blob_hash, media_type FROM dataset_versions UNION SELECT blob_hash, media_type FROM case_attachments"

    static let headQuery = "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"

    /// Runs one query on an SQLite file that is not Walidata's live database.
    static func query(_ file: String, _ query: String, threadPool: NIOThreadPool, on loop: any EventLoop) async throws -> [SQLiteRow] {
        let connection = try await SQLiteConnection.open(storage: .file(path: file), threadPool: threadPool, on: loop)
        do {
            let rows = try await connection.query(query, [])
            try await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func distinct(_ referenced: [Referenced]) -> [Referenced] {
        var seen = Set<String>()
        return referenced.filter { seen.insert($0.hash).inserted }.sorted { $0.hash < $1.hash }
    }
}
