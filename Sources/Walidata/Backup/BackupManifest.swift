import Foundation
import WalidataCore

/// `manifest.json`, the table of contents of a backup archive: what made it, when, from which
/// kind of database, and every other file in the archive with its size and SHA-256, so an
/// archive can be checked without trusting the ZIP's own (weak) CRC-32 checksums.
struct BackupManifest: Codable, Sendable, Equatable {
    static let currentFormat = 1
    static let entryName = "manifest.json"

    enum DatabaseKind: String, Codable, Sendable {
        case sqlite
        case postgresql

        /// Where the database snapshot sits in the archive.
        var entryName: String {
            switch self {
            case .sqlite: "database/walidata.sqlite"
            case .postgresql: "database/walidata.pgdump"
            }
        }
    }

    struct File: Codable, Sendable, Equatable {
        var path: String
        var size: Int64
        var sha256: String
    }

    var format: Int
    var createdAt: Date
    var database: DatabaseKind
    /// The PostgreSQL schema the dump was taken from (`public` unless configured otherwise).
    var postgresSchema: String?
    var files: [File]
    /// The event log's head in the snapshot, signed with the server key; `walidata verify` of
    /// the restored server checks the log against it. Absent in archives made before checkpoints.
    var eventLog: EventCheckpoint? = nil

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    static func decode(_ data: Data) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BackupManifest.self, from: data)
    }
}
