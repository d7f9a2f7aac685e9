import Fluent
import Vapor
import WalidataCore

/// `walidata verify`: recomputes the event log's hash chain and every stored file's SHA-256,
/// compares the log with the signed checkpoints kept outside the database (`CheckpointFile`),
/// cross-checks versions and cases against the entries that recorded them (`LogCrossCheck`),
/// and lists orphaned files. Its run is itself recorded in the log.
enum Verifier {
    struct Report: Sendable {
        var events: Int
        var chainBreaks: [EventChain.Break]
        var filesChecked: Int
        var missingFiles: [String]
        var alteredFiles: [String]
        var checkpointsChecked = 0
        var checkpointProblems: [CheckpointProblem] = []
        /// Rows that disagree with the log entries that recorded them.
        var mismatches: [String] = []
        /// Files no row refers to, older than the grace period. A warning, not a failure: nothing
        /// recorded is lost or changed, the sweep removes them, and a failing verify should mean
        /// "something was tampered with or lost".
        var orphans: [OrphanSweep.Orphan] = []

        var isClean: Bool {
            chainBreaks.isEmpty && missingFiles.isEmpty && alteredFiles.isEmpty && checkpointProblems.isEmpty && mismatches.isEmpty
        }
    }

    /// Everything, orphans included.
    static func run(_ app: Application, record: Bool = true) async throws -> Report {
        let orphans = try await OrphanSweep.find(app)
        return try await run(on: app.db, blobs: app.blobs, threadPool: app.threadPool, record: record, orphans: orphans)
    }

    static func run(
        on db: any Database, blobs: BlobStore, threadPool: NIOThreadPool, record: Bool = true, orphans: [OrphanSweep.Orphan] = []
    ) async throws -> Report {
        let records = try await EventRecord.query(on: db).sort(\.$sequence).all()
        let breaks = EventChain.verify(records.map { ($0.chained, $0.hash) })
        let hashes = Set(try await DatasetVersion.query(on: db).all().map(\.blobHash) + CaseAttachment.query(on: db).all().map(\.blobHash)).sorted()
        let (missing, altered) = try await threadPool.runIfActive { () -> ([String], [String]) in
            var missing: [String] = []
            var altered: [String] = []
            for hash in hashes {
                guard let actual = try blobs.rehash(hash) else { missing.append(hash); continue }
                if actual != hash { altered.append(hash) }
            }
            return (missing, altered)
        }
        var report = Report(events: records.count, chainBreaks: breaks, filesChecked: hashes.count, missingFiles: missing, alteredFiles: altered)
        if let file = CheckpointFile.attached(to: db) {
            var bySequence: [Int: String] = [:]
            for record in records { bySequence[record.sequence] = record.hash }
            (report.checkpointsChecked, report.checkpointProblems) = EventCheckpoints.check(lines: file.lines(), hashes: bySequence, isSigned: file.isSigned)
        }
        report.mismatches = try await LogCrossCheck.run(events: records, on: db)
        report.orphans = orphans
        if record {
            try await EventLog.transaction(on: db) { [report] tx in
                try await EventLog.append(.init(
                    action: "verify.run",
                    note: report.isClean ? "OK" : "MISMATCH",
                    details: [
                        "events": String(report.events), "chain_breaks": String(report.chainBreaks.count),
                        "files": String(report.filesChecked), "missing": String(missing.count), "altered": String(altered.count),
                        "checkpoints": String(report.checkpointsChecked), "checkpoint_problems": String(report.checkpointProblems.count),
                        "mismatches": String(report.mismatches.count), "orphans": String(report.orphans.count),
                    ]
                ), by: .system, on: tx)
            }
        }
        return report
    }
}

extension Verifier {
    /// A checkpoint copied from paper ("SEQUENCE HASH"): no signature to check, since whoever
    /// kept the paper is the witness, only that the entry is still there with that hash.
    static func check(printed: String, on db: any Database) async throws -> [CheckpointProblem] {
        let parts = printed.split(whereSeparator: { $0 == " " || $0 == ":" })
        guard parts.count == 2, let sequence = Int(parts[0]) else { return [.unreadableLine(1)] }
        let hash = String(parts[1]).lowercased()
        guard let entry = try await EventRecord.query(on: db).filter(\.$sequence == sequence).first() else {
            let last = try await EventRecord.query(on: db).max(\.$sequence) ?? 0
            return [.truncated(checkpoint: sequence, lastEntry: last)]
        }
        return entry.hash == hash ? [] : [.rewritten(sequence: sequence)]
    }
}

struct VerifyCommand: AsyncCommand {
    let app: Application
    struct Signature: CommandSignature {
        @Option(name: "checkpoint", help: "\"SEQUENCE HASH\" from a printed storage log: that entry must still exist with that hash")
        var checkpoint: String?
    }
    var help: String {
        "Recompute the event log's hash chain and every stored file's SHA-256, compare the log with its signed checkpoints, cross-check versions and cases, list orphaned files; exit 1 on any mismatch."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        var report = try await Verifier.run(app)
        let console = context.console
        if let given = signature.checkpoint {
            report.checkpointProblems += try await Verifier.check(printed: given, on: app.db)
        }
        console.print("Event log: \(report.events) entries, \(report.chainBreaks.count) problem(s)")
        for problem in report.chainBreaks.prefix(20) { console.error("  \(problem)") }
        console.print("Checkpoints (\(CheckpointFile.fileName)): \(report.checkpointsChecked) checked, \(report.checkpointProblems.count) problem(s)")
        for problem in report.checkpointProblems.prefix(20) { console.error("  \(problem)") }
        console.print("Versions and cases against the log: \(report.mismatches.count) mismatch(es)")
        for mismatch in report.mismatches.prefix(20) { console.error("  \(mismatch)") }
        console.print("Files: \(report.filesChecked) checked, \(report.missingFiles.count) missing, \(report.alteredFiles.count) altered")
        for hash in report.missingFiles { console.error("  missing: \(app.blobs.path(for: hash))") }
        for hash in report.alteredFiles { console.error("  altered (content no longer matches its SHA-256): \(app.blobs.path(for: hash))") }
        let bytes = report.orphans.reduce(Int64(0)) { $0 + $1.size }
        console.print("Orphaned files (no row refers to them; removed by the next sweep): \(report.orphans.count), \(bytes) bytes")
        for orphan in report.orphans.prefix(50) { console.warning("  \(orphan.kind.rawValue): \(orphan.path) (\(orphan.size) bytes)") }
        if report.isClean {
            console.success("OK: nothing was changed behind Walidata's back.")
        } else {
            throw CommandFailed()
        }
    }
}
