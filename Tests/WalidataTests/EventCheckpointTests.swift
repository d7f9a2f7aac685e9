import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import Walidata
import WalidataCore

/// `walidata verify` against the signed checkpoints outside the database and the rows the log
/// recorded: cutting the log short, rewriting the whole chain, forging a checkpoint, editing a
/// version's row count and reopening a completed step are each found; an untouched log passes.
@Suite("The event log cannot be cut short or rewritten unnoticed")
struct EventCheckpointTests {
    /// A dataset with two stored versions (one a checked CSV) and one case with step 1 completed.
    private func makeHistory(_ app: Application) async throws -> (caseID: UUID, versions: [DatasetVersion]) {
        let f = try await CaseFixture(app)
        let created = try await f.submit()
        let response = try await f.complete(created.id, step: 1, as: "administrasi")
        #expect(response.status == .created, "\(response.body.string)")
        let dataset = try await app.makeDataset("Data Puskesmas", organization: f.organization, by: f.users["pengelola_ti"]!)
        for (name, text) in [("a.csv", "kecamatan,jumlah\nSiberut,12\nSipora,7\n"), ("b.pdf", "laporan")] {
            let blob = try await app.blobs.store(Data(text.utf8), io: app.fileio)
            let intake = try await Intake.process(blob, filename: name, tables: app.tables, threadPool: app.threadPool)
            _ = try await DatasetStore.addVersion(to: dataset, blob: blob, filename: name, note: "", intake: intake, by: f.users["pengelola_ti"]!, on: app.db)
        }
        return (created.id, try await DatasetVersion.query(on: app.db).sort(\.$number).all())
    }

    private func verify(_ app: Application) async throws -> Verifier.Report {
        try await Verifier.run(on: app.db, blobs: app.blobs, threadPool: app.threadPool, record: false)
    }

    @Test("every commit that appends writes a signed checkpoint of the head; an untouched log verifies", arguments: TestDatabase.all)
    func cleanRunPasses(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await makeHistory(app)
            let head = try #require(try await EventRecord.query(on: app.db).sort(\.$sequence, .descending).first())
            let lines = app.checkpoints.lines().compactMap { EventCheckpoint(line: $0) }
            #expect(lines.last?.sequence == head.sequence)
            #expect(lines.last?.hash == head.hash)
            #expect(lines.allSatisfy(app.checkpoints.isSigned))
            let mode = try FileManager.default.attributesOfItem(atPath: app.checkpoints.path)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)

            let report = try await verify(app)
            #expect(report.isClean, "\(report.checkpointProblems) \(report.mismatches)")
            #expect(report.checkpointsChecked == lines.count)
        }
    }

    @Test("deleting the newest entries is caught", arguments: TestDatabase.all)
    func truncationIsCaught(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await makeHistory(app)
            let last = try #require(try await EventRecord.query(on: app.db).sort(\.$sequence, .descending).first()).sequence
            // Only the last entry goes (the hash chain itself stays whole), as a careful intruder would.
            try await EventRecord.query(on: app.db).filter(\.$sequence == last).delete()
            let report = try await verify(app)
            #expect(report.chainBreaks.isEmpty)
            #expect(report.checkpointProblems.contains(.truncated(checkpoint: last, lastEntry: last - 1)))
            #expect(!report.isClean)
        }
    }

    @Test("rewriting the whole chain with recomputed hashes is caught", arguments: TestDatabase.all)
    func rewriteIsCaught(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await makeHistory(app)
            let records = try await EventRecord.query(on: app.db).sort(\.$sequence).all()
            var previous = EventChain.genesis
            for record in records {
                if record.sequence == 2 { record.actorName = "Orang Lain" }
                record.previousHash = previous
                record.hash = EventChain.hash(record.chained)
                previous = record.hash
                try await record.save(on: app.db)
            }
            let report = try await verify(app)
            #expect(report.chainBreaks.isEmpty, "the rewritten chain is consistent in itself")
            #expect(report.checkpointProblems.contains(.rewritten(sequence: records.last!.sequence)))
            #expect(!report.isClean)
        }
    }

    @Test("a checkpoint not signed with the server key, or a missing checkpoint file, is caught", arguments: TestDatabase.all)
    func forgedCheckpointIsCaught(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await makeHistory(app)
            let head = try #require(try await EventRecord.query(on: app.db).sort(\.$sequence, .descending).first())
            let other = CheckpointFile(dataDirectory: app.walidata.dataDirectory, secret: ServerSecret(material: SymmetricKey(size: .bits256)))
            try other.append(other.signed(sequence: head.sequence, hash: head.hash))
            let forged = try await verify(app)
            #expect(forged.checkpointProblems.count == 1)
            guard case .badSignature(_, let sequence) = forged.checkpointProblems.first else {
                Issue.record("expected a bad signature, got \(forged.checkpointProblems)")
                return
            }
            #expect(sequence == head.sequence)

            try FileManager.default.removeItem(atPath: app.checkpoints.path)
            let missing = try await verify(app)
            #expect(missing.checkpointProblems == [.noCheckpoints(events: missing.events)])
        }
    }

    @Test("a version's row count, size or file edited in the database disagrees with the log", arguments: TestDatabase.all)
    func editedVersionIsCaught(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, versions) = try await makeHistory(app)
            let csv = try #require(versions.first { $0.filename == "a.csv" })
            #expect(csv.rowCount == 2)
            csv.rowCount = 2000
            try await csv.save(on: app.db)
            let report = try await verify(app)
            #expect(report.mismatches == ["version \(csv.number) (\(csv.id!.uuidString)): 2000 rows, the log recorded 2"])
            #expect(report.chainBreaks.isEmpty && report.checkpointProblems.isEmpty)
            #expect(!report.isClean)
        }
    }

    @Test("a completed step reopened in the database, or completed without an entry, disagrees with the log", arguments: TestDatabase.all)
    func editedStepIsCaught(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (caseID, _) = try await makeHistory(app)
            let step = try #require(try await CaseStep.query(on: app.db).filter(\.$caseRecord.$id == caseID).filter(\.$step == 1).first())
            let completedAt = step.completedAt
            step.completedAt = nil
            try await step.save(on: app.db)
            let reopened = try await verify(app)
            #expect(reopened.mismatches.count == 1)
            #expect(reopened.mismatches.first?.contains("step 1 (round 1) completed") == true)

            step.completedAt = completedAt
            try await step.save(on: app.db)
            #expect(try await verify(app).isClean)
            try await EventRecord.query(on: app.db).filter(\.$action == "step.complete").delete()
            let unrecorded = try await verify(app)
            #expect(unrecorded.mismatches.contains { $0.contains("step 1 (round 1) is completed, but the log never recorded it") })
        }
    }

    private struct Refused: Error {}

    @Test("a rolled-back change writes no checkpoint")
    func rollbackWritesNoCheckpoint() async throws {
        try await withTestApp(.sqlite) { app in
            let before = app.checkpoints.lines().count
            await #expect(throws: Refused.self) {
                try await EventLog.transaction(on: app.db) { tx in
                    try await EventLog.append(.init(action: "settings.change"), by: .system, on: tx)
                    throw Refused()
                }
            }
            #expect(app.checkpoints.lines().count == before)
            let report = try await verify(app)
            #expect(report.isClean)
        }
    }
}

@Suite("The printed storage log carries a checkpoint")
struct PrintedCheckpointTests {
    @Test("a checkpoint copied from a printed storage log is checked by verify --checkpoint", arguments: TestDatabase.all)
    func printedCheckpoint(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            _ = try await f.submit()
            let head = try #require(try await EventRecord.query(on: app.db).sort(\.$sequence, .descending).first())
            #expect(try await Verifier.check(printed: "\(head.sequence) \(head.hash)", on: app.db).isEmpty)
            #expect(try await Verifier.check(printed: "\(head.sequence) \(String(repeating: "0", count: 64))", on: app.db) == [.rewritten(sequence: head.sequence)])
            #expect(try await Verifier.check(printed: "\(head.sequence + 5) \(head.hash)", on: app.db) == [.truncated(checkpoint: head.sequence + 5, lastEntry: head.sequence)])
        }
    }
}
