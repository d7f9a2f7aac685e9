import Vapor

/// `walidata backup create|verify|restore`.
struct BackupCommand: AsyncCommandGroup {
    let app: Application
    var help: String { "Make, check and restore backup archives (see README, \"Backups and recovery\")." }
    var commands: [String: any AnyAsyncCommand] {
        ["create": CreateBackup(app: app), "verify": VerifyBackup(app: app), "restore": RestoreBackup(app: app)]
    }

    /// `backup restore` must not start on a migrated database: it restores into an empty one.
    /// For that command the entry point calls this instead of `configure`, which would create
    /// and migrate the configured database first. Returns false for every other command.
    static func startsWithoutDatabase(_ app: Application, config: AppConfig) -> Bool {
        guard Array(app.environment.arguments.dropFirst().prefix(2)) == ["backup", "restore"] else { return false }
        app.walidata = config
        app.asyncCommands.use(BackupCommand(app: app), as: "backup")
        return true
    }
}

struct CreateBackup: AsyncCommand {
    let app: Application

    struct Signature: CommandSignature {
        @Option(name: "output", help: "Folder to write the archive to (default: <data dir>/backups)") var output: String?
    }

    var help: String { "Write one archive with a snapshot of the database, every stored file and table, and a manifest of SHA-256 hashes." }

    func run(using context: CommandContext, signature: Signature) async throws {
        do {
            let created = try await BackupWriter(app: app).create(into: signature.output, by: .system)
            context.console.success("Backup written: \(created.path)")
            context.console.print("  \(created.files) files, \(created.size) bytes, \(created.database.rawValue) database")
            context.console.print("  SHA-256 \(created.sha256)")
        } catch {
            context.console.error("No backup was made: \(error)")
            throw CommandFailed()
        }
    }
}

struct VerifyBackup: AsyncCommand {
    let app: Application

    struct Signature: CommandSignature {
        @Argument(name: "archive", help: "The backup archive (.zip) to check") var archive: String
    }

    var help: String { "Check an archive: every entry against the manifest, every stored file against its name, and that the database snapshot opens." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let report = try await BackupVerifier(app: app).verify(signature.archive)
        try await BackupVerifier.record(report, by: .system, on: app.db)
        context.console.print("\(report.name): \(report.entries) entries\(report.manifest.map { ", made \(ISO8601DateFormatter().string(from: $0.createdAt)), \($0.database.rawValue) database" } ?? "")")
        guard report.isOK else {
            context.console.error("\(report.problems.count) problem(s):")
            for problem in report.problems { context.console.error("  - \(problem)") }
            throw CommandFailed()
        }
        context.console.success("OK: every file matches the manifest and the database snapshot is sound.")
    }
}

struct RestoreBackup: AsyncCommand {
    let app: Application

    struct Signature: CommandSignature {
        @Argument(name: "archive", help: "The backup archive (.zip) to restore") var archive: String
        @Option(name: "data-dir", help: "A new, empty folder to restore into") var dataDir: String?
    }

    var help: String { "Rebuild a data directory from an archive into a new, empty folder (a PostgreSQL backup goes into the empty database DATABASE_URL names)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let target = signature.dataDir, !target.isEmpty else {
            context.console.error("Give the folder to restore into: walidata backup restore ARCHIVE --data-dir NEW")
            throw CommandFailed()
        }
        do {
            let restored = try await BackupRestorer(verifier: BackupVerifier(app: app)).restore(signature.archive, into: target, config: app.walidata)
            context.console.success("Restored \(restored.files) files from the backup of \(ISO8601DateFormatter().string(from: restored.manifest.createdAt)) into \(target).")
            if restored.manifest.database == .postgresql {
                context.console.print("The database went into PostgreSQL (DATABASE_URL). Start the server with DATABASE_URL unchanged and:")
            } else {
                context.console.print("Start the server on it with:")
            }
            context.console.print("  WALIDATA_DATA_DIR=\(target) walidata serve")
        } catch {
            context.console.error("\(error)")
            throw CommandFailed()
        }
    }
}
