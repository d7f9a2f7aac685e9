import Fluent
import SQLKit
import Vapor
import WalidataCore

/// The rules of a request's attachments (lampiran permohonan), callable without HTTP: who may
/// attach and when, recording an attachment with its event, and taking one in as a dataset
/// version at steps 3–4 through the data store's normal intake.
enum CaseAttachmentStore {
    /// The requesting agency's produsen, the administration section (a paper request comes
    /// with a flash disk) and the admin.
    /// Files are handed over until the IT officer has received the data (step 3).
    static let attachSteps: Set<Int> = [1, 2, 3]

    /// An attachment with what it became, for the page and the API.
    struct Item: Sendable {
        var attachment: CaseAttachment
        var version: DatasetVersion?
        var dataset: Dataset?
    }

    static func items(of caseID: UUID, on db: any Database) async throws -> [Item] {
        let attachments = try await CaseAttachment.query(on: db).filter(\.$caseRecord.$id == caseID).sort(\.$uploadedAt).all()
        let versionIDs = attachments.compactMap(\.versionID)
        let versions = versionIDs.isEmpty ? [] : try await DatasetVersion.query(on: db).filter(\.$id ~~ versionIDs).with(\.$dataset).all()
        return attachments.map { attachment in
            let version = versions.first { $0.id == attachment.versionID }
            return Item(attachment: attachment, version: version, dataset: version?.dataset)
        }
    }

    /// Whether the case's open step still takes attachments.
    static func accepting(_ caseID: UUID, on db: any Database) async throws -> Bool {
        guard let open = try await CaseStore.steps(of: caseID, on: db).last, open.completedAt == nil else { return false }
        return attachSteps.contains(open.step)
    }

    /// The case, if `user` may attach to it now: another agency's case is 404 (as everywhere),
    /// a role that may not attach 403, a case past step 3 or closed 409. Checked before the
    /// file is read, so a refused upload stores nothing.
    static func authorizeAttach(_ user: User, caseID: UUID, on db: any Database) async throws -> Case {
        let record = try await CaseStore.find(caseID, for: user, on: db)
        try CasePolicy.decide(.attach, user, record).enforce("attachments.error.role")
        guard try await accepting(caseID, on: db) else { throw UserError(.conflict, "attachments.error.moment") }
        return record
    }

    /// Records a file already in the blob store as the case's attachment, with its event, in one
    /// transaction.
    static func add(_ received: UploadController.Received, to record: Case, by user: User, at instant: Date = Date(), on db: any Database) async throws -> CaseAttachment {
        let caseID = try record.requireID()
        return try await EventLog.transaction(on: db) { tx in
            // The step may have moved on while the file was streaming in. The blob then stays
            // unreferenced in the store: harmless, and it may be another row's content.
            guard try await accepting(caseID, on: tx) else { throw UserError(.conflict, "attachments.error.moment") }
            let attachment = CaseAttachment(
                caseID: caseID, blobHash: received.blob.hash, filename: received.filename, mediaType: DatasetRules.mediaType(of: received.filename),
                size: received.blob.size, note: received.note, uploadedBy: user.id, uploadedAt: instant)
            try await attachment.create(on: tx)
            try await EventLog.append(.init(
                action: "case.attach", blobHash: received.blob.hash, size: received.blob.size, note: received.note,
                details: ["case": caseID.uuidString, "number": record.number, "attachment": try attachment.requireID().uuidString, "filename": received.filename]
            ), by: .init(user), on: tx, at: instant)
            return attachment
        }
    }

    static func find(_ attachmentID: UUID, of caseID: UUID, on db: any Database) async throws -> CaseAttachment {
        guard let attachment = try await CaseAttachment.query(on: db)
            .filter(\.$id == attachmentID).filter(\.$caseRecord.$id == caseID).first()
        else { throw UserError(.notFound, "attachments.error.not_found") }
        return attachment
    }

    /// Steps 3–4: the attachment's file goes through the intake (CSV checked, profiled, loaded)
    /// into the dataset's next version for the case, exactly as an upload for the case does; a
    /// rejected CSV stays a rejected version with its report. The attachment is marked stored in
    /// the same transaction, once: of two officers storing it at once, one wins, the other 409.
    static func store(
        _ attachment: CaseAttachment, into dataset: Dataset, for record: Case, note: String, by user: User,
        blobs: BlobStore, tables: TableFiles, threadPool: NIOThreadPool, on db: any Database
    ) async throws -> DatasetVersion {
        guard attachment.versionID == nil else { throw UserError(.conflict, "attachments.error.already_stored", attachment.filename) }
        guard dataset.deletedAt == nil else { throw UserError(.conflict, "datasets.error.in_trash") }
        guard blobs.exists(attachment.blobHash) else { throw UserError(.internalServerError, "versions.error.missing_file") }
        let blob = BlobStore.Received(hash: attachment.blobHash, size: attachment.size, path: blobs.path(for: attachment.blobHash))
        let intake = try await Intake.process(blob, filename: attachment.filename, tables: tables, threadPool: threadPool)
        let attachmentID = try attachment.requireID()
        let userID = user.id
        let instant = Date()
        return try await DatasetStore.addVersion(
            to: dataset, blob: blob, filename: attachment.filename, note: note, intake: intake, by: user,
            caseID: try record.requireID(), details: ["attachment": attachmentID.uuidString], on: db
        ) { tx, version in
            guard try await claim(attachmentID, version: try version.requireID(), by: userID, at: instant, on: tx) else {
                throw UserError(.conflict, "attachments.error.already_stored", attachment.filename)
            }
        }
    }

    /// Marks the attachment stored only if it still is not; false when another store got there first.
    private static func claim(_ id: UUID, version: UUID, by user: UUID?, at instant: Date, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let claimed = try await sql.update(CaseAttachment.schema)
            .set("version_id", to: version)
            .set("stored_by", to: user)
            .set("stored_at", to: instant)
            .where("id", .equal, id)
            .where("version_id", .is, SQLLiteral.null)
            .returning("id")
            .all()
        return claimed.count == 1
    }
}
