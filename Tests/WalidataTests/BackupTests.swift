import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore
import ZIPFoundation

@Suite("Backups: create, verify, restore")
struct BackupTests {
    /// What a restored system must show again: datasets, versions, the files' bytes, the log.
    struct State: Equatable {
        var datasets: [String]
        var versions: [String]
        var files: [String: Data]
        var events: [String]
    }

    /// Two datasets, four versions (the two CSVs are the same file, stored once), and a table file.
    func makeData(_ app: Application) async throws {
        let org = try await app.makeOrganization("DINKES")
        let user = try await app.makeUser("pengelola", role: .pengelolaTI)
        for title in ["Data Puskesmas", "Jumlah Nakes"] {
            let dataset = try await app.makeDataset(title, organization: org, by: user)
            for (name, text) in [("a.csv", "kecamatan,jumlah\nSipora,12\n"), ("b.pdf", "%PDF \(title)")] {
                let blob = try await app.blobs.store(Data(text.utf8), io: app.fileio)
                _ = try await DatasetStore.addVersion(to: dataset, blob: blob, filename: name, note: "catatan", intake: .init(status: .stored), by: user, on: app.db)
            }
        }
        let csv = try #require(try await DatasetVersion.query(on: app.db).filter(\.$filename == "a.csv").first())
        let table = app.tables.path(for: csv.blobHash)
        try FileManager.default.createDirectory(atPath: (table as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("tabel sqlite".utf8).write(to: URL(fileURLWithPath: table))
    }

    func state(_ app: Application) async throws -> State {
        let datasets = try await Dataset.query(on: app.db).sort(\.$slug).all().map { "\($0.id!) \($0.slug) \($0.title) \($0.currentVersionID?.uuidString ?? "-")" }
        let versions = try await DatasetVersion.query(on: app.db).all()
        var files: [String: Data] = [:]
        for version in versions {
            files[version.blobHash] = try Data(contentsOf: URL(fileURLWithPath: app.blobs.path(for: version.blobHash)))
            if app.tables.exists(version.blobHash) {
                files["table " + version.blobHash] = try Data(contentsOf: URL(fileURLWithPath: app.tables.path(for: version.blobHash)))
            }
        }
        let events = try await EventRecord.query(on: app.db).sort(\.$sequence).all().map { "\($0.sequence) \($0.action) \($0.hash)" }
        return State(
            datasets: datasets,
            versions: versions.map { "\($0.id!) \($0.$dataset.id) \($0.number) \($0.blobHash) \($0.size)" }.sorted(),
            files: files, events: events
        )
    }

    func manifest(of path: String) throws -> BackupManifest {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var data = Data()
        _ = try archive.extract(try #require(archive[BackupManifest.entryName])) { data.append($0) }
        return try BackupManifest.decode(data)
    }

    /// Copies an archive entry by entry, letting `change` rewrite an entry's bytes.
    func rewrite(_ source: String, to target: String, change: (String, Data) -> Data) throws {
        let input = try Archive(url: URL(fileURLWithPath: source), accessMode: .read)
        let output = try Archive(url: URL(fileURLWithPath: target), accessMode: .create)
        for entry in input {
            var data = Data()
            _ = try input.extract(entry) { data.append($0) }
            let changed = change(entry.path, data)
            try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(changed.count)) { position, size in
                changed.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("walidata-\(name)-\(UUID().uuidString)").path
    }

    @Test("create writes one archive whose manifest lists every file with its SHA-256; verify finds it sound", arguments: TestDatabase.all)
    func createAndVerify(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await makeData(app)
            let created = try await BackupWriter(app: app).create(by: .system)
            let folder = BackupFolder(dataDirectory: app.walidata.dataDirectory)
            #expect(created.path == folder.path(of: created.name))
            #expect(BackupFolder.isArchiveName(created.name))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root) == [created.name])
            #expect(created.database == (db == .sqlite ? .sqlite : .postgresql))

            let manifest = try manifest(of: created.path)
            let versions = try await DatasetVersion.query(on: app.db).all()
            let hashes = Set(versions.map(\.blobHash))
            #expect(hashes.count == 3)
            var expected: Set<String> = [BackupLayout.readme, created.database.entryName, BackupLayout.checkpoints, BackupLayout.serverKey]
            for hash in hashes { expected.insert(BackupLayout.blobEntry(hash)) }
            let tabled = try #require(versions.first { $0.filename == "a.csv" }).blobHash
            expected.insert(BackupLayout.tableEntry(tabled))
            #expect(Set(manifest.files.map(\.path)) == expected)
            #expect(manifest.files.count == created.files)
            for file in manifest.files {
                if let hash = BackupLayout.blobHash(of: file.path) {
                    #expect(file.sha256 == hash)
                    #expect(file.size == versions.first { $0.blobHash == hash }?.size)
                } else if let hash = BackupLayout.tableHash(of: file.path) {
                    #expect(file.sha256 == (try FileDigest.sha256(ofFile: app.tables.path(for: hash))))
                }
            }
            let archive = try Archive(url: URL(fileURLWithPath: created.path), accessMode: .read)
            for entry in archive where entry.path != BackupManifest.entryName {
                let (size, hash) = try BackupVerifier.digest(entry, in: archive, copyTo: nil)
                #expect(manifest.files.contains(.init(path: entry.path, size: size, sha256: hash)), "\(entry.path)")
            }
            #expect(manifest.format == 1)
            #expect(abs(manifest.createdAt.timeIntervalSinceNow) < 120)

            let event = try #require(try await EventRecord.query(on: app.db).sort(\.$sequence, .descending).first())
            #expect(event.action == "backup.create")
            #expect(event.note == created.name)
            #expect(event.size == created.size)
            #expect(event.detail("sha256") == (try FileDigest.sha256(ofFile: created.path)))
            #expect(event.detail("files") == String(created.files))

            let report = try await BackupVerifier(app: app).verify(created.path)
            #expect(report.problems == [])
            #expect(report.isOK)
            try await BackupVerifier.record(report, by: .system, on: app.db)
            let verified = try #require(try await EventRecord.query(on: app.db).sort(\.$sequence, .descending).first())
            #expect(verified.action == "backup.verify")
            #expect(verified.note == created.name)
            #expect(verified.detail("result") == "OK")
            #expect(try await EventLog.verify(on: app.db).breaks.isEmpty)
        }
    }

    @Test("verify names a changed file, a changed manifest hash, a missing entry and a file that is not a ZIP", arguments: [TestDatabase.sqlite])
    func tamperingIsCaught(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await makeData(app)
            let created = try await BackupWriter(app: app).create(by: .system)
            let verifier = BackupVerifier(app: app)
            let pdf = try #require(try await DatasetVersion.query(on: app.db).filter(\.$filename == "b.pdf").first()).blobHash
            let blobEntry = BackupLayout.blobEntry(pdf)

            let changedBlob = temporaryPath("blob") + ".zip"
            defer { try? FileManager.default.removeItem(atPath: changedBlob) }
            try rewrite(created.path, to: changedBlob) { path, data in path == blobEntry ? Data("%PDF palsu".utf8) : data }
            let blobReport = try await verifier.verify(changedBlob)
            #expect(!blobReport.isOK)
            #expect(Set(blobReport.problems.map(\.kind)) == [.sizeMismatch, .hashMismatch, .blobAltered])
            #expect(blobReport.problems.allSatisfy { $0.path == blobEntry })
            #expect(blobReport.problems.map(\.description).contains { $0.contains("does not match its name") })

            let changedManifest = temporaryPath("manifest") + ".zip"
            defer { try? FileManager.default.removeItem(atPath: changedManifest) }
            try rewrite(created.path, to: changedManifest) { path, data in
                guard path == BackupManifest.entryName, var manifest = try? BackupManifest.decode(data) else { return data }
                let index = manifest.files.firstIndex { $0.path == BackupManifest.DatabaseKind.sqlite.entryName }!
                manifest.files[index].sha256 = String(repeating: "0", count: 64)
                return try! manifest.encoded()
            }
            let manifestReport = try await verifier.verify(changedManifest)
            #expect(manifestReport.problems == [.init(kind: .hashMismatch, path: "database/walidata.sqlite")])

            let dropped = temporaryPath("dropped") + ".zip"
            defer { try? FileManager.default.removeItem(atPath: dropped) }
            let input = try Archive(url: URL(fileURLWithPath: created.path), accessMode: .read)
            let output = try Archive(url: URL(fileURLWithPath: dropped), accessMode: .create)
            for entry in input where entry.path != blobEntry {
                var data = Data()
                _ = try input.extract(entry) { data.append($0) }
                try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count)) { p, s in data.subdata(in: Int(p)..<Int(p) + s) }
            }
            let droppedReport = try await verifier.verify(dropped)
            #expect(Set(droppedReport.problems) == [.init(kind: .missing, path: blobEntry), .init(kind: .blobNotInArchive, path: blobEntry)])

            let garbage = temporaryPath("garbage") + ".zip"
            defer { try? FileManager.default.removeItem(atPath: garbage) }
            try Data("bukan zip".utf8).write(to: URL(fileURLWithPath: garbage))
            let garbageReport = try await verifier.verify(garbage)
            #expect(garbageReport.problems.map(\.kind) == [.unreadable])

            try await BackupVerifier.record(blobReport, by: .system, on: app.db)
            let event = try #require(try await EventRecord.query(on: app.db).sort(\.$sequence, .descending).first())
            #expect(event.detail("result") == "MISMATCH")
            #expect(event.detail("problems") == "3")
        }
    }

    @Test("a restored SQLite backup starts as the same system: datasets, versions, files and an unbroken log")
    func restoreSQLite() async throws {
        let target = temporaryPath("restored")
        defer { try? FileManager.default.removeItem(atPath: target) }
        let before = try await withTestApp(.sqlite) { app in
            try await makeData(app)
            let before = try await state(app)
            let created = try await BackupWriter(app: app).create(by: .system)
            let restored = try await BackupRestorer(verifier: BackupVerifier(app: app)).restore(created.path, into: target, config: AppConfig(dataDirectory: target))
            // Three blobs, one table, the database, the checkpoints and the server key.
            #expect(restored.files == 7)
            #expect(FileManager.default.contents(atPath: "\(target)/\(ServerSecret.fileName)") == FileManager.default.contents(atPath: "\(app.walidata.dataDirectory)/\(ServerSecret.fileName)"))
            let mode = try FileManager.default.attributesOfItem(atPath: "\(target)/\(ServerSecret.fileName)")[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
            return before
        }
        #expect(FileManager.default.fileExists(atPath: "\(target)/walidata.sqlite"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (target as NSString).deletingLastPathComponent).filter { $0.contains(".restoring-") && $0.contains((target as NSString).lastPathComponent) }
        #expect(leftovers.isEmpty)
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, config: AppConfig(dataDirectory: target))
            #expect(try await state(app) == before)
            #expect(try await EventLog.verify(on: app.db).breaks.isEmpty)
            let verified = try await Verifier.run(on: app.db, blobs: app.blobs, threadPool: app.threadPool, record: false)
            #expect(verified.isClean)
            #expect(verified.checkpointsChecked > 0)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test("a PostgreSQL backup (pg_dump) verifies and restores into an empty schema", arguments: TestDatabase.all.filter { $0 == .postgres })
    func restorePostgres(_ db: TestDatabase) async throws {
        let target = temporaryPath("restored-pg")
        defer { try? FileManager.default.removeItem(atPath: target) }
        try await withTestApp(db) { app in
            try await makeData(app)
            let before = try await state(app)
            let created = try await BackupWriter(app: app).create(by: .system)
            #expect(created.database == .postgresql)
            let report = try await BackupVerifier(app: app).verify(created.path)
            #expect(report.problems == [])
            #expect(report.manifest?.postgresSchema == app.walidata.postgresSchema)

            let restorer = BackupRestorer(verifier: BackupVerifier(app: app))
            await #expect(throws: BackupRestorer.Refusal.self) {
                try await restorer.restore(created.path, into: target, config: app.walidata)
            }
            #expect(!FileManager.default.fileExists(atPath: target))
            let schema = try #require(app.walidata.postgresSchema)
            try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            var config = app.walidata
            config.dataDirectory = target
            _ = try await restorer.restore(created.path, into: target, config: config)

            let restored = try await Application.make(.testing)
            restored.logger.logLevel = .warning
            do {
                try await configure(restored, config: config)
                #expect(try await state(restored) == before)
                #expect(try await EventLog.verify(on: restored.db).breaks.isEmpty)
                let verified = try await Verifier.run(on: restored.db, blobs: restored.blobs, threadPool: restored.threadPool, record: false)
                #expect(verified.isClean)
                #expect(verified.checkpointsChecked > 0)
            } catch {
                try? await restored.asyncShutdown()
                throw error
            }
            try await restored.asyncShutdown()
        }
    }

    @Test("restore refuses a folder that is not empty and an archive that does not verify, and changes nothing")
    func restoreRefuses() async throws {
        try await withTestApp(.sqlite) { app in
            try await makeData(app)
            let created = try await BackupWriter(app: app).create(by: .system)
            let restorer = BackupRestorer(verifier: BackupVerifier(app: app))

            let occupied = temporaryPath("occupied")
            defer { try? FileManager.default.removeItem(atPath: occupied) }
            try FileManager.default.createDirectory(atPath: occupied, withIntermediateDirectories: true)
            try Data("penting".utf8).write(to: URL(fileURLWithPath: "\(occupied)/catatan.txt"))
            await #expect(throws: BackupRestorer.Refusal.self) {
                try await restorer.restore(created.path, into: occupied, config: AppConfig(dataDirectory: occupied))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: occupied) == ["catatan.txt"])
            #expect(try Data(contentsOf: URL(fileURLWithPath: "\(occupied)/catatan.txt")) == Data("penting".utf8))

            let corrupt = temporaryPath("corrupt") + ".zip"
            defer { try? FileManager.default.removeItem(atPath: corrupt) }
            try rewrite(created.path, to: corrupt) { path, data in path.hasPrefix("tables/") ? Data("rusak".utf8) : data }
            let empty = temporaryPath("empty")
            defer { try? FileManager.default.removeItem(atPath: empty) }
            try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
            do {
                _ = try await restorer.restore(corrupt, into: empty, config: AppConfig(dataDirectory: empty))
                Issue.record("a corrupt archive was restored")
            } catch let refusal as BackupRestorer.Refusal {
                #expect(refusal.description.contains("does not verify"))
                #expect(refusal.description.contains("tables/"))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: empty).isEmpty)
            let missing = temporaryPath("never-made")
            await #expect(throws: BackupRestorer.Refusal.self) {
                try await restorer.restore(corrupt, into: missing, config: AppConfig(dataDirectory: missing))
            }
            #expect(!FileManager.default.fileExists(atPath: missing))

            // A SQLite backup is not poured into PostgreSQL by mistake.
            await #expect(throws: BackupRestorer.Refusal.self) {
                try await restorer.restore(created.path, into: missing, config: AppConfig(dataDirectory: missing, databaseURL: "postgres://x@127.0.0.1:1/x"))
            }
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }

    @Test("restoring into an existing empty schema leaves out the dump's CREATE SCHEMA")
    func restoreListSkipsSchema() {
        let list = """
        ;
        ; Archive created at 2026-11-26 19:48:33 WIB
        5; 2615 2200 SCHEMA - public pg_database_owner
        3390; 0 0 COMMENT - SCHEMA public pg_database_owner
        215; 1259 16390 TABLE public events walidata
        216; 1259 16391 TABLE public schema walidata
        """
        let filtered = PostgresTools.withoutSchemaEntries(list, schema: "public")
        #expect(!filtered.contains("SCHEMA - public"))
        #expect(!filtered.contains("COMMENT - SCHEMA public"))
        #expect(filtered.contains("TABLE public events"))
        #expect(filtered.contains("TABLE public schema"))
        #expect(filtered.contains("; Archive created"))
    }

    @Test("every problem a verification can report has words in both languages")
    func problemTexts() {
        for kind in BackupProblem.Kind.allCases {
            let problem = BackupProblem(kind: kind, path: "blobs/ab/cd", detail: "x")
            #expect(Strings.table[problem.key]?[.id] != nil, "\(kind)")
            #expect(Strings.table[problem.key]?[.en] != nil, "\(kind)")
            #expect(problem.description.contains("blobs/ab/cd"))
        }
    }
}
