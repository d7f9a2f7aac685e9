import Fluent
import Vapor

/// `/admin/backups`: the archives in the backups folder, when each was last verified, and
/// buttons to make one now and to verify one.
enum BackupController {
    struct Row: Sendable {
        var archive: BackupFolder.Archive
        var lastVerified: EventRecord?
    }

    @Sendable static func list(_ req: Request) async throws -> HTML {
        await BackupViews.page(req, rows: try await rows(req), verification: nil)
    }

    static func rows(_ req: Request) async throws -> [Row] {
        let archives = BackupFolder(dataDirectory: req.application.walidata.dataDirectory).archives()
        let names = archives.map(\.name)
        let verifications = names.isEmpty ? [] : try await EventRecord.query(on: req.db)
            .filter(\.$action == "backup.verify").filter(\.$note ~~ names)
            .sort(\.$sequence, .descending).all()
        var latest: [String: EventRecord] = [:]
        for event in verifications where latest[event.note] == nil { latest[event.note] = event }
        return archives.map { Row(archive: $0, lastVerified: latest[$0.name]) }
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        do {
            let created = try await BackupWriter(app: req.application).create(by: .init(user))
            req.flash(.ok, "backup.created", created.name, String(created.files), ByteCountText.format(created.size, lang: req.t.lang))
        } catch {
            req.logger.error("Backup from the admin page failed: \(String(describing: error))")
            req.flash(.error, "backup.create_failed", String(describing: error))
        }
        return req.redirect(to: BackupRoutes.page)
    }

    struct VerifyForm: Content {
        var name: String?
    }

    @Sendable static func verify(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let archive = try archive(named: try req.content.decode(VerifyForm.self).name ?? "", req)
        let report = try await BackupVerifier(app: req.application).verify(archive.path)
        try await BackupVerifier.record(report, by: .init(user), on: req.db)
        return await BackupViews.page(req, rows: try await rows(req), verification: report)
    }

    @Sendable static func download(_ req: Request) async throws -> Response {
        let archive = try archive(named: req.parameters.get("name") ?? "", req)
        let response = try await req.fileio.asyncStreamFile(at: archive.path, mediaType: .zip)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(archive.name)\"")
        return response.privateDownload()
    }

    /// Only a name the folder listing shows: never a path, so no other file can be reached.
    private static func archive(named name: String, _ req: Request) throws -> BackupFolder.Archive {
        guard BackupFolder.isArchiveName(name),
              let archive = BackupFolder(dataDirectory: req.application.walidata.dataDirectory).archives().first(where: { $0.name == name })
        else { throw UserError(.notFound, "backup.error.no_archive") }
        return archive
    }
}
