import Fluent
import Vapor
import WalidataCore

/// A request's attachments from the case page: the requester's upload (a plain multipart
/// form, streamed like a dataset upload), the download, and the IT officer's "store into a
/// dataset" at steps 3–4. The API (`CaseAPI+Attachments`) shares these functions.
enum CaseAttachmentController {
    @Sendable static func upload(_ req: Request) async throws -> Response {
        let (record, attachment) = try await receive(req)
        req.flash(.ok, "attachments.uploaded", attachment.filename)
        return req.redirect(to: SiteURL.caseDetail(try record.requireID()).path)
    }

    /// Who and when are checked before a byte is read; the file then streams to the blob store
    /// (the size limit enforced on the way, 413) and the row and its event are written together.
    static func receive(_ req: Request) async throws -> (Case, CaseAttachment) {
        let user = try req.requireUser()
        let record = try await CaseAttachmentStore.authorizeAttach(user, caseID: try req.uuidParameter("caseID"), on: req.db)
        let received = try await UploadController.receive(req)
        return (record, try await CaseAttachmentStore.add(received, to: record, by: user, on: req.db))
    }

    /// The file exactly as it was handed over, for anyone who may see the case.
    @Sendable static func download(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        let attachment = try await CaseAttachmentStore.find(try req.uuidParameter("attachmentID"), of: try record.requireID(), on: req.db)
        let path = req.application.blobs.path(for: attachment.blobHash)
        guard FileManager.default.fileExists(atPath: path) else { throw UserError(.internalServerError, "versions.error.missing_file") }
        let response = try await req.fileio.asyncStreamFile(at: path, mediaType: HTTPMediaType.parse(attachment.mediaType))
        response.headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(filename: attachment.filename))
        response.headers.replaceOrAdd(name: "X-Content-SHA256", value: attachment.blobHash)
        return response.privateDownload()
    }

    @Sendable static func store(_ req: Request) async throws -> Response {
        let (caseID, attachment, version, dataset) = try await storeAttachment(req)
        let rejected = version.state == .rejected
        req.flash(rejected ? .error : .ok, rejected ? "attachments.stored_rejected" : "attachments.stored", attachment.filename, dataset.title, String(version.number))
        return req.redirect(to: SiteURL.caseDetail(caseID).path)
    }

    /// The store itself, shared by the page and the API: the step 3–4 executor's rules (403,
    /// 409 outside steps 3–4), 409 for an attachment already stored, then the dataset chosen or
    /// made (`CaseDataController.attachDataset`, the same `dataset`/`title` fields) and the intake.
    static func storeAttachment(_ req: Request) async throws -> (UUID, CaseAttachment, DatasetVersion, Dataset) {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        try await CaseFiles.authorize(user, caseID: caseID, dataset: nil, on: req.db)
        let attachment = try await CaseAttachmentStore.find(try req.uuidParameter("attachmentID"), of: caseID, on: req.db)
        guard attachment.versionID == nil else { throw UserError(.conflict, "attachments.error.already_stored", attachment.filename) }
        let (_, dataset) = try await CaseDataController.attachDataset(req)
        let record = try await CaseStore.find(caseID, for: user, on: req.db)
        var note = req.t("attachments.version_note", record.number)
        if !attachment.note.isEmpty { note += ": " + attachment.note }
        let version = try await CaseAttachmentStore.store(
            attachment, into: dataset, for: record, note: note, by: user,
            blobs: req.application.blobs, tables: req.application.tables, threadPool: req.application.threadPool, on: req.db)
        attachment.versionID = version.id
        return (caseID, attachment, version, dataset)
    }
}
