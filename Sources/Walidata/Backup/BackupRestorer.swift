import Foundation
import Vapor
import ZIPFoundation

/// `walidata backup restore ARCHIVE --data-dir NEW`: rebuilds a data directory from an archive.
/// It refuses a target that is not empty and an archive that does not verify, before writing
/// anything. Files are extracted into a hidden sibling folder that is renamed into place only
/// when complete. A PostgreSQL backup restores into PostgreSQL (the database `DATABASE_URL`
/// names, which must be empty), a SQLite backup into `NEW/walidata.sqlite`.
struct BackupRestorer: Sendable {
    let verifier: BackupVerifier

    enum Refusal: Error, CustomStringConvertible {
        case targetNotEmpty(String)
        case targetNotDirectory(String)
        case archiveDoesNotVerify([BackupProblem])
        case needsPostgres
        case needsSQLite
        case databaseNotEmpty(schema: String, tables: Int)

        var description: String {
            switch self {
            case .targetNotEmpty(let path):
                "\(path) is not empty. Restore into a new, empty folder; nothing was changed."
            case .targetNotDirectory(let path):
                "\(path) exists and is not a folder. Restore into a new, empty folder; nothing was changed."
            case .archiveDoesNotVerify(let problems):
                "The archive does not verify, so nothing was restored:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
            case .needsPostgres:
                "This backup holds a PostgreSQL database: set DATABASE_URL to the empty PostgreSQL database to restore it into."
            case .needsSQLite:
                "This backup holds a SQLite database, but DATABASE_URL is set. Unset DATABASE_URL to restore it; the restored folder then runs on SQLite."
            case .databaseNotEmpty(let schema, let tables):
                "The PostgreSQL schema \(schema) already has \(tables) table(s). Restore into an empty database; nothing was changed."
            }
        }
    }

    struct Restored: Sendable {
        var manifest: BackupManifest
        var files: Int
    }

    func restore(_ archivePath: String, into target: String, config: AppConfig) async throws -> Restored {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Refusal.targetNotDirectory(target) }
            guard try fm.contentsOfDirectory(atPath: target).isEmpty else { throw Refusal.targetNotEmpty(target) }
        }
        let report = try await verifier.verify(archivePath)
        guard report.isOK, let manifest = report.manifest else { throw Refusal.archiveDoesNotVerify(report.problems) }

        var postgres: PostgresTools?
        switch manifest.database {
        case .postgresql:
            guard let url = config.databaseURL else { throw Refusal.needsPostgres }
            let tools = try PostgresTools(databaseURL: url, schema: manifest.postgresSchema)
            let tables = try await tools.tableCount()
            guard tables == 0 else { throw Refusal.databaseNotEmpty(schema: tools.schema, tables: tables) }
            postgres = tools
        case .sqlite:
            guard config.databaseURL == nil else { throw Refusal.needsSQLite }
        }

        let absolute = URL(fileURLWithPath: target).standardizedFileURL
        let parent = absolute.deletingLastPathComponent().path
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let staging = "\(parent)/.\(absolute.lastPathComponent).restoring-\(UUID().uuidString)"
        let dump = "\(staging).pgdump"
        defer { try? fm.removeItem(atPath: dump) }
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            let count = try await verifier.threadPool.runIfActive { try Self.extract(archivePath, manifest: manifest, into: staging, dump: dump) }
            if let postgres { try await postgres.restore(from: dump) }
            if fm.fileExists(atPath: target) { try fm.removeItem(atPath: target) }
            guard rename(staging, absolute.path) == 0 else {
                throw BackupError.message("Cannot move the restored files to \(target): \(String(cString: strerror(errno))).")
            }
            BackupWriter.syncDirectory(parent)
            return Restored(manifest: manifest, files: count)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
    }

    /// Writes each entry to its place, checking its SHA-256 again on the way: the archive could
    /// have changed since it was verified.
    private static func extract(_ archivePath: String, manifest: BackupManifest, into staging: String, dump: String) throws -> Int {
        let archive = try ZIPFoundation.Archive(url: URL(fileURLWithPath: archivePath), accessMode: .read)
        var entries: [String: Entry] = [:]
        for entry in archive { entries[entry.path] = entry }
        var count = 0
        for file in manifest.files {
            let destination: String
            if let relative = BackupLayout.restorePath(of: file.path, database: manifest.database) {
                destination = "\(staging)/\(relative)"
            } else if file.path == manifest.database.entryName {
                destination = dump
            } else {
                continue
            }
            guard let entry = entries[file.path] else { throw BackupError.message("\(file.path) vanished from the archive.") }
            let (size, hash) = try BackupVerifier.digest(entry, in: archive, copyTo: destination)
            guard size == file.size, hash == file.sha256 else {
                throw BackupError.message("\(file.path) changed in the archive after it was verified; nothing was restored.")
            }
            if file.path == BackupLayout.serverKey { chmod(destination, 0o600) }
            count += 1
        }
        return count
    }
}
