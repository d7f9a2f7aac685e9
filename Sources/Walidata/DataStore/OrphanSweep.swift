import Fluent
import Foundation
import SQLKit
import Vapor

/// Files no row refers to: what a crash (`kill -9`, a power cut) leaves between receiving a file
/// and committing the row that points at it, or in the middle of a backup. Found by
/// `walidata verify` and removed by the sweep at start-up and daily, but only once they are
/// older than the grace period (`WALIDATA_SWEEP_GRACE_SECONDS`, one hour by default): an upload
/// still streaming, a file being checked and loaded, or a backup being written is never touched.
enum OrphanSweep {
    enum Kind: String, CaseIterable, Sendable, Codable {
        /// `tmp/upload-…`: an upload cut off before it was hashed and renamed (or `tmp/sweep-…`).
        case upload
        /// `blobs/ab/…` that no version or attachment names: received, but never committed.
        case blob
        /// `tables/ab/….sqlite` whose file no version or attachment names.
        case table
        /// `tables/ab/.….tmp`: a table whose loading was cut off.
        case tableTemp = "table_tmp"
        /// `backups/.walidata-….zip.partial`: an archive whose writing was cut off.
        case backupPartial = "backup_partial"
        /// `tmp/backup-…/`: the database snapshot of a cut-off backup.
        case backupWork = "backup_work"
    }

    struct Orphan: Sendable, Equatable {
        var kind: Kind
        var path: String
        var size: Int64
        var modified: Date
    }

    struct Summary: Sendable, Equatable {
        var removed: [Kind: Int] = [:]
        var bytes: Int64 = 0
        /// Another process was sweeping already (PostgreSQL), so this one did nothing.
        var skipped = false
        var total: Int { removed.values.reduce(0, +) }
    }

    /// Every file hash some row refers to.
    static func referencedHashes(on db: any Database) async throws -> Set<String> {
        Set(try await DatasetVersion.query(on: db).all().map(\.blobHash) + CaseAttachment.query(on: db).all().map(\.blobHash))
    }

    static func isReferenced(_ hash: String, on db: any Database) async throws -> Bool {
        let versions = try await DatasetVersion.query(on: db).filter(\.$blobHash == hash).count()
        let attachments = try await CaseAttachment.query(on: db).filter(\.$blobHash == hash).count()
        return versions + attachments > 0
    }

    /// The orphans older than `grace`, found by listing the data directory (nothing is changed).
    static func find(dataDirectory: String, backupFolders: [String], referenced: Set<String>, now: Date, grace: TimeInterval) -> [Orphan] {
        let fm = FileManager.default
        let data = dataDirectory as NSString
        var found: [Orphan] = []
        func old(_ path: String) -> (size: Int64, modified: Date)? {
            guard let info = Self.info(path), now.timeIntervalSince(info.modified) > grace else { return nil }
            return info
        }
        let partials = backupFolders.flatMap { folder in
            ((try? fm.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasPrefix(".walidata-") && $0.hasSuffix(".partial") }
                .map { (folder as NSString).appendingPathComponent($0) }
        }
        // While any archive is still being written, its snapshot folder is in use.
        let backupRunning = partials.contains { Self.info($0).map { now.timeIntervalSince($0.modified) <= grace } ?? false }
        for path in partials {
            if let info = old(path) { found.append(.init(kind: .backupPartial, path: path, size: info.size, modified: info.modified)) }
        }
        let tmp = data.appendingPathComponent("tmp")
        for name in ((try? fm.contentsOfDirectory(atPath: tmp)) ?? []).sorted() {
            let path = (tmp as NSString).appendingPathComponent(name)
            // `sweep-…` is a file the sweep set aside and was cut off before deleting.
            if name.hasPrefix("upload-") || name.hasPrefix("sweep-"), let info = old(path) {
                found.append(.init(kind: .upload, path: path, size: info.size, modified: info.modified))
            } else if name.hasPrefix("backup-"), !backupRunning, let info = treeInfo(path), now.timeIntervalSince(info.modified) > grace {
                found.append(.init(kind: .backupWork, path: path, size: info.size, modified: info.modified))
            }
        }
        for (path, hash) in hashedFiles(under: data.appendingPathComponent("blobs"), suffix: "") where !referenced.contains(hash) {
            if let info = old(path) { found.append(.init(kind: .blob, path: path, size: info.size, modified: info.modified)) }
        }
        let tables = data.appendingPathComponent("tables")
        for (path, hash) in hashedFiles(under: tables, suffix: ".sqlite") where !referenced.contains(hash) {
            if let info = old(path) { found.append(.init(kind: .table, path: path, size: info.size, modified: info.modified)) }
        }
        for shard in ((try? fm.contentsOfDirectory(atPath: tables)) ?? []).sorted() {
            let dir = (tables as NSString).appendingPathComponent(shard)
            for name in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where name.hasPrefix(".") && name.hasSuffix(".tmp") {
                let path = (dir as NSString).appendingPathComponent(name)
                if let info = old(path) { found.append(.init(kind: .tableTemp, path: path, size: info.size, modified: info.modified)) }
            }
        }
        return found
    }

    /// Files named by a hash under `root` (`root/ab/cdef…<suffix>`), with the hash.
    private static func hashedFiles(under root: String, suffix: String) -> [(String, String)] {
        let fm = FileManager.default
        var files: [(String, String)] = []
        for shard in ((try? fm.contentsOfDirectory(atPath: root)) ?? []).sorted() where shard.count == 2 {
            let dir = (root as NSString).appendingPathComponent(shard)
            for name in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where name.hasSuffix(suffix) && !name.hasPrefix(".") {
                let hash = shard + name.dropLast(suffix.count)
                guard BackupLayout.isHash(Substring(hash)) else { continue }
                files.append(((dir as NSString).appendingPathComponent(name), hash))
            }
        }
        return files
    }

    static func info(_ path: String) -> (size: Int64, modified: Date)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let modified = attributes[.modificationDate] as? Date else { return nil }
        return ((attributes[.size] as? NSNumber)?.int64Value ?? 0, modified)
    }

    /// A folder's total size and the newest modification of it or anything in it.
    private static func treeInfo(_ path: String) -> (size: Int64, modified: Date)? {
        guard var total = info(path) else { return nil }
        total.size = 0
        for name in (FileManager.default.subpaths(atPath: path) ?? []) {
            guard let inner = info((path as NSString).appendingPathComponent(name)) else { continue }
            total.size += inner.size
            total.modified = max(total.modified, inner.modified)
        }
        return total
    }

    /// The backup folders to look in: the data directory's own.
    static func backupFolders(of app: Application) -> [String] {
        [BackupFolder(dataDirectory: app.walidata.dataDirectory).root]
    }

    static func find(_ app: Application, now: Date = Date()) async throws -> [Orphan] {
        let referenced = try await referencedHashes(on: app.db)
        let config = app.walidata
        let folders = backupFolders(of: app)
        return try await app.threadPool.runIfActive {
            find(dataDirectory: config.dataDirectory, backupFolders: folders, referenced: referenced, now: now, grace: config.sweepGraceSeconds)
        }
    }

    /// One sweep at a time in a process.
    private static let lock = AsyncLock()

    /// Removes the orphans older than the grace period, logs each, and records the counts in
    /// the event log. On PostgreSQL, servers sharing the database and data directory take turns
    /// through an advisory lock; one that finds the lock taken skips, since the other is sweeping.
    @discardableResult
    static func run(_ app: Application, now: Date = Date()) async throws -> Summary {
        let summary = try await lock.withLock { () -> Summary in
            guard app.walidata.usesPostgres else { return try await remove(app, on: app.db, now: now) }
            return try await app.db.transaction { tx -> Summary in
                guard let sql = tx as? any SQLDatabase,
                      let row = try await sql.raw("SELECT pg_try_advisory_xact_lock(\(literal: advisoryKey)) AS got").first(),
                      try row.decode(column: "got", as: Bool.self)
                else { return Summary(skipped: true) }
                return try await remove(app, on: tx, now: now)
            }
        }
        if summary.total > 0 {
            var details = Dictionary(uniqueKeysWithValues: summary.removed.map { ($0.key.rawValue, String($0.value)) })
            details["bytes"] = String(summary.bytes)
            try await EventLog.transaction(on: app.db) { [details] tx in
                try await EventLog.append(.init(action: "storage.sweep", size: summary.bytes, note: String(summary.total), details: details), by: .system, on: tx)
            }
        }
        return summary
    }

    /// "WALIDATA" + 1: not the event log's advisory key.
    private static let advisoryKey: Int64 = 0x5741_4C49_4441_5442

    private static func remove(_ app: Application, on db: any Database, now: Date) async throws -> Summary {
        let referenced = try await referencedHashes(on: db)
        let config = app.walidata
        let grace = config.sweepGraceSeconds
        let orphans = find(dataDirectory: config.dataDirectory, backupFolders: backupFolders(of: app), referenced: referenced, now: now, grace: grace)
        var summary = Summary()
        let blobs = BlobStore(dataDirectory: config.dataDirectory)
        for orphan in orphans {
            var removed = false
            switch orphan.kind {
            case .blob, .table:
                let hash = orphan.kind == .blob ? BackupLayout.blobHash(of: relative(orphan.path, to: config.dataDirectory)) : BackupLayout.tableHash(of: relative(orphan.path, to: config.dataDirectory))
                // Checked again one by one: a row may have been committed since the list was read.
                guard let hash, try await !isReferenced(hash, on: db) else { continue }
                // A table is kept while its file was just received again (the upload reuses it).
                if orphan.kind == .table, let blob = info(blobs.path(for: hash)), now.timeIntervalSince(blob.modified) <= grace { continue }
                removed = quarantineAndRemove(orphan.path, temporary: blobs.temporary, grace: grace)
            case .upload, .tableTemp, .backupPartial, .backupWork:
                guard let info = info(orphan.path), Date().timeIntervalSince(info.modified) > grace else { continue }
                removed = (try? FileManager.default.removeItem(atPath: orphan.path)) != nil
            }
            if removed {
                summary.removed[orphan.kind, default: 0] += 1
                summary.bytes += orphan.size
                app.logger.notice("Sweep: removed \(orphan.kind.rawValue) \(orphan.path) (\(orphan.size) bytes, last written \(orphan.modified)); no row refers to it.")
            }
        }
        return summary
    }

    private static func relative(_ path: String, to root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    /// Moves a content-named file aside before deleting it, then looks again: an upload of the
    /// same content touches the file it reuses (`BlobStore.receive`), and if that happened in
    /// the meantime the file goes back (or, if the upload already put its own copy in place,
    /// the set-aside one is simply dropped).
    private static func quarantineAndRemove(_ path: String, temporary: String, grace: TimeInterval) -> Bool {
        try? FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let aside = "\(temporary)/sweep-\(UUID().uuidString)"
        guard rename(path, aside) == 0 else { return false }
        if let info = info(aside), Date().timeIntervalSince(info.modified) <= grace {
            if !FileManager.default.fileExists(atPath: path), rename(aside, path) == 0 { return false }
        }
        return (try? FileManager.default.removeItem(atPath: aside)) != nil
    }
}

/// The sweep inside `walidata serve`: once at start-up, before requests are served, then daily.
final class OrphanSweepScheduler: LifecycleHandler, Sendable {
    private let background = BackgroundTask()

    func didBootAsync(_ app: Application) async throws {
        await Self.sweep(app)
        background.start { [app] in
            while !Task.isCancelled {
                do { try await Task.sleep(for: .seconds(86400)) } catch { return }
                await Self.sweep(app)
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        await background.stop()
    }

    private static func sweep(_ app: Application) async {
        do {
            let summary = try await OrphanSweep.run(app)
            if summary.total > 0 { app.logger.notice("Sweep: \(summary.total) orphaned file(s) removed, \(summary.bytes) bytes freed.") }
        } catch {
            app.logger.error("Sweep of orphaned files failed: \(String(describing: error))")
        }
    }
}
