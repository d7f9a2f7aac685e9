import Fluent
import Foundation
import Testing
import Vapor
@testable import Walidata
import WalidataCore

/// What a `kill -9` leaves behind (an upload's temporary file, a blob without its version row, a
/// table whose loading was cut off, a backup's partial archive and snapshot folder) is reported
/// by `walidata verify` and removed by the sweep once older than the grace period, never
/// before, and nothing a row refers to is ever removed.
@Suite("Orphaned files are found and swept")
struct OrphanSweepTests {
    private struct Leftovers {
        var paths: [OrphanSweep.Kind: String] = [:]
        var kept: [String] = []
    }

    /// One stored CSV version (its blob and table must stay) and one leftover of every kind.
    private func makeLeftovers(_ app: Application) async throws -> Leftovers {
        let org = try await app.makeOrganization("DINKES")
        let user = try await app.makeUser("pengelola", role: .pengelolaTI)
        let dataset = try await app.makeDataset("Data Puskesmas", organization: org, by: user)
        let kept = try await app.blobs.store(Data("kecamatan,jumlah\nSiberut,12\n".utf8), io: app.fileio)
        let intake = try await Intake.process(kept, filename: "a.csv", tables: app.tables, threadPool: app.threadPool)
        _ = try await DatasetStore.addVersion(to: dataset, blob: kept, filename: "a.csv", note: "", intake: intake, by: user, on: app.db)

        let data = app.walidata.dataDirectory
        let fm = FileManager.default
        var leftovers = Leftovers(kept: [kept.path, app.tables.path(for: kept.hash)])
        #expect(fm.fileExists(atPath: leftovers.kept[1]))
        try fm.createDirectory(atPath: "\(data)/tmp/backup-\(UUID().uuidString)", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: "\(data)/backups", withIntermediateDirectories: true)
        // A received file whose version row was never committed: a blob and its loaded table.
        let orphan = try await app.blobs.store(Data("kecamatan,jumlah\nSikakap,3\n".utf8), io: app.fileio)
        _ = try Intake.check(orphan, tables: app.tables)
        leftovers.paths[.blob] = orphan.path
        leftovers.paths[.table] = app.tables.path(for: orphan.hash)
        leftovers.paths[.upload] = "\(data)/tmp/upload-\(UUID().uuidString)"
        leftovers.paths[.tableTemp] = "\((app.tables.path(for: orphan.hash) as NSString).deletingLastPathComponent)/.x.sqlite.123.456.tmp"
        leftovers.paths[.backupPartial] = "\(data)/backups/.walidata-20261130-020000.zip.partial"
        let work = try #require(try fm.contentsOfDirectory(atPath: "\(data)/tmp").first { $0.hasPrefix("backup-") })
        leftovers.paths[.backupWork] = "\(data)/tmp/\(work)"
        for kind in [OrphanSweep.Kind.upload, .tableTemp, .backupPartial] {
            try Data(repeating: 7, count: 100).write(to: URL(fileURLWithPath: leftovers.paths[kind]!))
        }
        try Data("snapshot".utf8).write(to: URL(fileURLWithPath: "\(leftovers.paths[.backupWork]!)/walidata.sqlite"))
        return leftovers
    }

    /// Makes every file under the data directory look `seconds` old.
    private func age(_ app: Application, by seconds: TimeInterval) throws {
        let root = app.walidata.dataDirectory
        let old = Date().addingTimeInterval(-seconds)
        for path in FileManager.default.subpaths(atPath: root) ?? [] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: "\(root)/\(path)")
        }
    }

    @Test("leftovers younger than the grace period are neither reported nor removed", arguments: TestDatabase.all)
    func freshLeftoversStay(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let leftovers = try await makeLeftovers(app)
            #expect(try await Verifier.run(app, record: false).orphans.isEmpty)
            let summary = try await OrphanSweep.run(app)
            #expect(summary.total == 0)
            for path in leftovers.paths.values + leftovers.kept { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "storage.sweep").count() == 0)
        }
    }

    @Test("after the grace period verify reports each leftover and the sweep removes exactly those, logged", arguments: TestDatabase.all)
    func oldLeftoversAreSwept(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let leftovers = try await makeLeftovers(app)
            try age(app, by: 7200)

            let report = try await Verifier.run(app, record: false)
            #expect(Dictionary(grouping: report.orphans, by: \.kind).mapValues { $0.map(\.path) } == leftovers.paths.mapValues { [$0] })
            #expect(report.isClean, "orphans are a warning, not a failure")

            let summary = try await OrphanSweep.run(app)
            #expect(summary.removed == Dictionary(uniqueKeysWithValues: OrphanSweep.Kind.allCases.map { ($0, 1) }))
            for path in leftovers.paths.values { #expect(!FileManager.default.fileExists(atPath: path), "\(path)") }
            for path in leftovers.kept { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
            #expect(try FileManager.default.contentsOfDirectory(atPath: "\(app.walidata.dataDirectory)/tmp").isEmpty)

            let event = try #require(try await EventRecord.query(on: app.db).filter(\.$action == "storage.sweep").first())
            #expect(event.note == "6")
            #expect(event.detail("blob") == "1" && event.detail("backup_work") == "1" && event.detail("upload") == "1")
            let after = try await Verifier.run(app, record: false)
            #expect(after.orphans.isEmpty)
            #expect(after.isClean)
            #expect(try await OrphanSweep.run(app).total == 0)
        }
    }

    @Test("an orphaned file received again is wanted again and stays")
    func receivedAgainStays() async throws {
        try await withTestApp(.sqlite) { app in
            let orphan = try await app.blobs.store(Data("laporan".utf8), io: app.fileio)
            try age(app, by: 7200)
            // The same content uploaded again: the new version will point at this very file.
            let again = try await app.blobs.store(Data("laporan".utf8), io: app.fileio)
            #expect(again.path == orphan.path)
            #expect(try await OrphanSweep.run(app).total == 0)
            #expect(FileManager.default.fileExists(atPath: orphan.path))
        }
    }

    @Test("the grace period comes from WALIDATA_SWEEP_GRACE_SECONDS and a bad value stops the start")
    func graceFromEnvironment() throws {
        setenv("WALIDATA_SWEEP_GRACE_SECONDS", "5", 1)
        defer { unsetenv("WALIDATA_SWEEP_GRACE_SECONDS") }
        #expect(try AppConfig.fromEnvironment().sweepGraceSeconds == 5)
        setenv("WALIDATA_SWEEP_GRACE_SECONDS", "satu jam", 1)
        #expect(throws: AppConfig.ConfigError.self) { try AppConfig.fromEnvironment() }
    }
}
