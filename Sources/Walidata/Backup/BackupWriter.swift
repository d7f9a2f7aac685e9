import Crypto
import Fluent
import Foundation
import Vapor
import WalidataCore
import ZIPFoundation

/// `walidata backup create`: one ZIP archive holding a consistent snapshot of the database, the
/// stored files and tables it refers to, a note for people, and `manifest.json` with every
/// file's size and SHA-256. The archive is written under a hidden temporary name, synced, and
/// renamed only when complete, so a half-written archive never looks like a backup.
struct BackupWriter: Sendable {
    let db: any Database
    let config: AppConfig
    let threadPool: NIOThreadPool
    let eventLoop: any EventLoop
    let checkpoints: CheckpointFile

    init(app: Application) {
        db = app.db
        config = app.walidata
        threadPool = app.threadPool
        eventLoop = app.eventLoopGroup.any()
        checkpoints = app.checkpoints
    }

    struct Created: Sendable {
        var name: String
        var path: String
        var size: Int64
        var sha256: String
        var files: Int
        var database: BackupManifest.DatabaseKind
    }

    /// One backup at a time in a process: two at once would only compete for the same disk.
    static let lock = AsyncLock()

    func create(into directory: String? = nil, by actor: EventLog.Actor, now: Date = Date()) async throws -> Created {
        try await Self.lock.withLock { try await make(into: directory, by: actor, now: now) }
    }

    private func make(into directory: String?, by actor: EventLog.Actor, now: Date) async throws -> Created {
        let folder = directory.map(BackupFolder.init(path:)) ?? BackupFolder(dataDirectory: config.dataDirectory)
        try FileManager.default.createDirectory(atPath: folder.root, withIntermediateDirectories: true)
        let work = (config.dataDirectory as NSString).appendingPathComponent("tmp/backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        let snapshot = try await BackupSnapshot.take(of: db, config: config, into: work, threadPool: threadPool, on: eventLoop)
        let readme = "\(work)/\(BackupLayout.readme)"
        try Data(BackupLayout.readmeText.utf8).write(to: URL(fileURLWithPath: readme))
        var sources = try self.sources(for: snapshot, readme: readme)
        // The checkpoints the snapshot's log already contains, and its head signed now: the
        // restored server's verify then finds the log exactly as long as the backup says.
        let head = snapshot.head.map { checkpoints.signed(sequence: $0.sequence, hash: $0.hash, at: now) }
        let checkpointCopy = "\(work)/\(BackupLayout.checkpoints)"
        try Data((checkpoints.contents(upTo: head?.sequence ?? 0) + (head.map { $0.line + "\n" } ?? "")).utf8).write(to: URL(fileURLWithPath: checkpointCopy))
        sources.append(Source(entry: BackupLayout.checkpoints, path: checkpointCopy, compress: true))
        let key = (config.dataDirectory as NSString).appendingPathComponent(ServerSecret.fileName)
        if FileManager.default.fileExists(atPath: key) { sources.append(Source(entry: BackupLayout.serverKey, path: key, compress: false)) }
        // The kop's arms, copied first: an upload replacing the file meanwhile cannot change it mid-read.
        let arms = LetterheadArms.path(dataDirectory: config.dataDirectory)
        let armsCopy = "\(work)/\(BackupLayout.letterheadArms)"
        if (try? FileManager.default.copyItem(atPath: arms, toPath: armsCopy)) != nil {
            sources.append(Source(entry: BackupLayout.letterheadArms, path: armsCopy, compress: false))
        }

        let name = folder.newName(at: now)
        let partial = folder.partialPath(of: name)
        let final = folder.path(of: name)
        let manifest: BackupManifest
        do {
            manifest = try await threadPool.runIfActive { [sources] in
                try Self.write(sources, snapshot: snapshot, head: head, createdAt: now, to: partial)
            }
            try Self.syncFile(partial)
            guard rename(partial, final) == 0 else { throw BackupError.message("Cannot rename \(partial) to \(final): \(String(cString: strerror(errno))).") }
            Self.syncDirectory(folder.root)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        let size = ((try FileManager.default.attributesOfItem(atPath: final))[.size] as? NSNumber)?.int64Value ?? 0
        let sha256 = try await threadPool.runIfActive { try FileDigest.sha256(ofFile: final) }
        let created = Created(name: name, path: final, size: size, sha256: sha256, files: manifest.files.count, database: snapshot.kind)
        _ = try await EventLog.transaction(on: db) { tx in
            try await EventLog.append(.init(
                action: "backup.create", size: size, note: name,
                details: ["files": String(created.files), "sha256": sha256, "database": snapshot.kind.rawValue, "folder": folder.root]
            ), by: actor, on: tx)
        }
        return created
    }

    struct Source: Sendable {
        var entry: String
        var path: String
        var compress: Bool
        /// For a blob: the hash its content must have.
        var expectedHash: String?
    }

    /// Everything that goes into the archive, in order. A file the snapshot refers to but the
    /// data directory lacks stops the backup: an archive that cannot be restored whole is not
    /// one to trust, and `walidata verify` will name what is missing.
    private func sources(for snapshot: BackupSnapshot, readme: String) throws -> [Source] {
        let blobs = BlobStore(dataDirectory: config.dataDirectory)
        let tables = TableFiles(dataDirectory: config.dataDirectory)
        var sources = [
            Source(entry: BackupLayout.readme, path: readme, compress: true),
            Source(entry: snapshot.kind.entryName, path: snapshot.file, compress: snapshot.kind == .sqlite),
        ]
        for file in snapshot.referenced {
            guard BackupLayout.isHash(Substring(file.hash)) else {
                throw BackupError.message("The database refers to a stored file with a malformed name (\(file.hash)); run `walidata verify`.")
            }
            guard blobs.exists(file.hash) else {
                throw BackupError.message("The stored file \(blobs.path(for: file.hash)) is missing (it may have been purged while the backup ran). Run `walidata verify`, then back up again.")
            }
            sources.append(Source(entry: BackupLayout.blobEntry(file.hash), path: blobs.path(for: file.hash), compress: Self.compressible(file.mediaType), expectedHash: file.hash))
            // Every table made from the file: the plain one and any other reading of a workbook.
            for path in tables.allPaths(for: file.hash).sorted() {
                let key = String(file.hash.prefix(2)) + ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                sources.append(Source(entry: BackupLayout.tableEntry(key), path: path, compress: true))
            }
        }
        return sources
    }

    /// Text and old binary office formats shrink well; PDF, XLSX, ZIP and images are already
    /// compressed, and deflating them again only costs time.
    static func compressible(_ mediaType: String) -> Bool {
        mediaType.hasPrefix("text/") || ["application/json", "application/vnd.ms-excel", "application/msword"].contains(mediaType)
    }

    private static let chunkSize = 256 * 1024

    /// Streams each file into the archive while hashing it, so every file is read once, then
    /// adds the manifest. Runs on the thread pool: ZIPFoundation does blocking I/O.
    private static func write(_ sources: [Source], snapshot: BackupSnapshot, head: EventCheckpoint?, createdAt: Date, to path: String) throws -> BackupManifest {
        let archive = try ZIPFoundation.Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        var files: [BackupManifest.File] = []
        for source in sources {
            let attributes = try FileManager.default.attributesOfItem(atPath: source.path)
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            guard let handle = FileHandle(forReadingAtPath: source.path) else { throw BackupError.message("Cannot read \(source.path).") }
            defer { try? handle.close() }
            var hasher = SHA256()
            var read: Int64 = 0
            try archive.addEntry(
                with: source.entry, type: .file, uncompressedSize: size,
                modificationDate: (attributes[.modificationDate] as? Date) ?? createdAt,
                compressionMethod: source.compress ? .deflate : .none, bufferSize: chunkSize
            ) { position, count in
                guard position == read else { throw BackupError.message("Unexpected read position in \(source.path).") }
                let data = try handle.read(upToCount: count) ?? Data()
                guard data.count == count else { throw BackupError.message("\(source.path) changed size while it was being backed up.") }
                hasher.update(data: data)
                read += Int64(data.count)
                return data
            }
            let hash = FileDigest.hex(hasher.finalize())
            if let expected = source.expectedHash, expected != hash {
                throw BackupError.message("The stored file \(source.path) no longer matches its SHA-256 (it was changed or damaged on disk). Run `walidata verify`; restore the file from an older backup.")
            }
            files.append(.init(path: source.entry, size: size, sha256: hash))
        }
        let manifest = BackupManifest(
            format: BackupManifest.currentFormat, createdAt: createdAt, database: snapshot.kind,
            postgresSchema: snapshot.postgresSchema, files: files, eventLog: head
        )
        let data = try manifest.encoded()
        try archive.addEntry(with: BackupManifest.entryName, type: .file, uncompressedSize: Int64(data.count), modificationDate: createdAt, compressionMethod: .deflate) { position, count in
            data.subdata(in: Int(position)..<Int(position) + count)
        }
        return manifest
    }

    static func syncFile(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw BackupError.message("Cannot open \(path) to sync it.") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw BackupError.message("Cannot sync \(path) to disk: \(String(cString: strerror(errno))).") }
    }

    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
