import Fluent
import Vapor
import WalidataCore

/// `walidata verify`: recomputes the event log's hash chain and every stored file's SHA-256.
/// Its run is itself recorded in the log.
enum Verifier {
    struct Report: Sendable {
        var events: Int
        var chainBreaks: [EventChain.Break]
        var filesChecked: Int
        var missingFiles: [String]
        var alteredFiles: [String]

        var isClean: Bool { chainBreaks.isEmpty && missingFiles.isEmpty && alteredFiles.isEmpty }
    }

    static func run(on db: any Database, blobs: BlobStore, threadPool: NIOThreadPool, record: Bool = true) async throws -> Report {
        let (events, breaks) = try await EventLog.verify(on: db)
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
        let report = Report(events: events, chainBreaks: breaks, filesChecked: hashes.count, missingFiles: missing, alteredFiles: altered)
        if record {
            try await EventLog.transaction(on: db) { tx in
                try await EventLog.append(.init(
                    action: "verify.run",
                    note: report.isClean ? "OK" : "MISMATCH",
                    details: [
                        "events": String(report.events), "chain_breaks": String(report.chainBreaks.count),
                        "files": String(report.filesChecked), "missing": String(missing.count), "altered": String(altered.count),
                    ]
                ), by: .system, on: tx)
            }
        }
        return report
    }
}

struct VerifyCommand: AsyncCommand {
    let app: Application
    struct Signature: CommandSignature {}
    var help: String { "Recompute the event log's hash chain and every stored file's SHA-256; exit 1 on any mismatch." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let report = try await Verifier.run(on: app.db, blobs: app.blobs, threadPool: app.threadPool)
        context.console.print("Event log: \(report.events) entries, \(report.chainBreaks.count) problem(s)")
        for problem in report.chainBreaks { context.console.error("  \(problem)") }
        context.console.print("Files: \(report.filesChecked) checked, \(report.missingFiles.count) missing, \(report.alteredFiles.count) altered")
        for hash in report.missingFiles { context.console.error("  missing: \(app.blobs.path(for: hash))") }
        for hash in report.alteredFiles { context.console.error("  altered (content no longer matches its SHA-256): \(app.blobs.path(for: hash))") }
        if report.isClean {
            context.console.success("OK: nothing was changed behind Walidata's back.")
        } else {
            throw CommandFailed()
        }
    }
}
