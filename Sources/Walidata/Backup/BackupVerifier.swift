import Crypto
import Fluent
import FluentSQLiteDriver
import Foundation
import Vapor
import ZIPFoundation

/// `walidata backup verify ARCHIVE`: reads every entry of an archive and checks it against the
/// manifest (size and SHA-256), every stored file against its own name, and that the database
/// snapshot opens and is sound (`PRAGMA integrity_check` on SQLite, `pg_restore --list` on a
/// PostgreSQL dump). Problems are collected, not thrown, so one run names all of them.
struct BackupVerifier: Sendable {
    let threadPool: NIOThreadPool
    let eventLoop: any EventLoop

    init(app: Application) {
        threadPool = app.threadPool
        eventLoop = app.eventLoopGroup.any()
    }

    struct Report: Sendable {
        var name: String
        var manifest: BackupManifest?
        var entries: Int
        var problems: [BackupProblem]
        var sha256: String
        /// The names of the entries actually in the archive.
        var paths: Set<String> = []

        var isOK: Bool { problems.isEmpty }
    }

    /// Checks the archive at `path`. The database snapshot is extracted into a temporary folder
    /// for its check and removed afterwards.
    func verify(_ path: String) async throws -> Report {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("walidata-verify-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let database = "\(work)/database"
        var report = try await threadPool.runIfActive { try Self.readEntries(path, databaseCopy: database) }
        if let manifest = report.manifest, FileManager.default.fileExists(atPath: database) {
            report.problems += await checkDatabase(database, manifest: manifest, entries: report.paths)
        }
        return report
    }

    /// Records the verification in the event log.
    static func record(_ report: Report, by actor: EventLog.Actor, on db: any Database) async throws {
        _ = try await EventLog.transaction(on: db) { tx in
            try await EventLog.append(.init(
                action: "backup.verify", note: report.name,
                details: ["result": report.isOK ? "OK" : "MISMATCH", "problems": String(report.problems.count), "entries": String(report.entries), "sha256": report.sha256]
            ), by: actor, on: tx)
        }
    }

    private static func readEntries(_ path: String, databaseCopy: String) throws -> Report {
        let name = (path as NSString).lastPathComponent
        let url = URL(fileURLWithPath: path)
        var report = Report(name: name, manifest: nil, entries: 0, problems: [], sha256: "")
        guard FileManager.default.fileExists(atPath: path) else {
            report.problems.append(.init(kind: .unreadable, path: name, detail: "no such file"))
            return report
        }
        report.sha256 = try FileDigest.sha256(ofFile: path)
        let archive: ZIPFoundation.Archive
        do {
            archive = try ZIPFoundation.Archive(url: url, accessMode: .read)
        } catch {
            report.problems.append(.init(kind: .unreadable, path: name, detail: String(describing: error)))
            return report
        }
        var entries: [String: Entry] = [:]
        var order: [String] = []
        for entry in archive {
            if entries[entry.path] != nil { report.problems.append(.init(kind: .strangeName, path: entry.path)) }
            entries[entry.path] = entry
            order.append(entry.path)
        }
        report.entries = order.count
        report.paths = Set(order)
        guard let manifestEntry = entries[BackupManifest.entryName] else {
            report.problems.append(.init(kind: order.isEmpty ? .unreadable : .noManifest, path: BackupManifest.entryName))
            return report
        }
        let manifest: BackupManifest
        do {
            var data = Data()
            _ = try archive.extract(manifestEntry) { data.append($0) }
            manifest = try BackupManifest.decode(data)
        } catch {
            report.problems.append(.init(kind: .badManifest, path: BackupManifest.entryName, detail: String(describing: error)))
            return report
        }
        guard manifest.format <= BackupManifest.currentFormat else {
            report.problems.append(.init(kind: .newerFormat, path: BackupManifest.entryName, detail: String(manifest.format)))
            return report
        }
        report.manifest = manifest
        let listed = Dictionary(manifest.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for path in order where path != BackupManifest.entryName {
            guard let entry = entries[path], entry.type == .file, isExpected(path, database: manifest.database) else {
                report.problems.append(.init(kind: .strangeName, path: path))
                continue
            }
            guard let expected = listed[path] else {
                report.problems.append(.init(kind: .unlisted, path: path))
                continue
            }
            let copy = path == manifest.database.entryName ? databaseCopy : nil
            do {
                let (size, hash) = try digest(entry, in: archive, copyTo: copy)
                if size != expected.size { report.problems.append(.init(kind: .sizeMismatch, path: path, detail: "\(expected.size) → \(size)")) }
                if hash != expected.sha256 { report.problems.append(.init(kind: .hashMismatch, path: path)) }
                if let blob = BackupLayout.blobHash(of: path), blob != hash { report.problems.append(.init(kind: .blobAltered, path: path)) }
            } catch {
                if let copy { try? FileManager.default.removeItem(atPath: copy) }
                report.problems.append(.init(kind: .damaged, path: path, detail: String(describing: error)))
            }
        }
        for file in manifest.files where entries[file.path] == nil {
            report.problems.append(.init(kind: .missing, path: file.path))
        }
        if entries[manifest.database.entryName] == nil {
            report.problems.append(.init(kind: .noDatabase, path: manifest.database.entryName))
        }
        return report
    }

    private static func isExpected(_ path: String, database: BackupManifest.DatabaseKind) -> Bool {
        path == BackupLayout.readme || path == database.entryName || BackupLayout.dataDirectoryFiles.contains(path)
            || BackupLayout.blobHash(of: path) != nil || BackupLayout.tableHash(of: path) != nil
    }

    /// Size and SHA-256 of an entry's content, read in chunks; optionally also written to a file.
    static func digest(_ entry: Entry, in archive: ZIPFoundation.Archive, copyTo path: String?) throws -> (Int64, String) {
        var hasher = SHA256()
        var size: Int64 = 0
        var output: FileHandle?
        if let path {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw BackupError.message("Cannot write \(path).")
            }
            output = handle
        }
        defer { try? output?.close() }
        _ = try archive.extract(entry, bufferSize: 256 * 1024) { data in
            hasher.update(data: data)
            size += Int64(data.count)
            try output?.write(contentsOf: data)
        }
        return (size, FileDigest.hex(hasher.finalize()))
    }

    private func checkDatabase(_ file: String, manifest: BackupManifest, entries: Set<String>) async -> [BackupProblem] {
        let entry = manifest.database.entryName
        switch manifest.database {
        case .postgresql:
            do {
                try await PostgresTools.checkDump(file)
                return []
            } catch {
                return [.init(kind: .databaseBroken, path: entry, detail: String(describing: error))]
            }
        case .sqlite:
            do {
                let rows = try await BackupSnapshot.query(file, "PRAGMA integrity_check", threadPool: threadPool, on: eventLoop)
                let answers = rows.compactMap { $0.column("integrity_check")?.string }
                guard answers == ["ok"] else {
                    return [.init(kind: .databaseBroken, path: entry, detail: answers.prefix(5).joined(separator: "; "))]
                }
                // Archives made before request attachments existed have no such table.
                let attachmentTable = try await BackupSnapshot.query(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'case_attachments'", threadPool: threadPool, on: eventLoop)
                let withAttachments = !attachmentTable.isEmpty
                let hashes = try await BackupSnapshot.query(file, withAttachments ? BackupSnapshot.referencedFiles : "SELECT DISTINCT blob_hash FROM dataset_versions", threadPool: threadPool, on: eventLoop)
                    .compactMap { $0.column("blob_hash")?.string }
                return hashes.filter { !entries.contains(BackupLayout.blobEntry($0)) }.map { .init(kind: .blobNotInArchive, path: BackupLayout.blobEntry($0)) }
            } catch {
                return [.init(kind: .databaseBroken, path: entry, detail: String(describing: error))]
            }
        }
    }
}
