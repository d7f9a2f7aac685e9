import Fluent
import Vapor
import WalidataCore

/// `/api/v1/cases/{id}/attachments`: the request's files as JSON, with the pages' rules
/// (`CaseAttachmentStore`, `CaseAttachmentController`).
extension CaseAPI {
    struct AttachmentOut: Content {
        var id: UUID
        var filename: String
        var mediaType: String
        var size: Int64
        var sha256: String
        var note: String
        var uploadedBy: String?
        var uploadedAt: Date
        var downloadURL: String
        /// Once stored at step 3–4: the dataset version it became, and its check status.
        var stored: Bool
        var datasetID: UUID?
        var datasetSlug: String?
        var versionNumber: Int?
        var versionStatus: String?
        var versionURL: String?
        var storedBy: String?
        var storedAt: Date?

        init(_ item: CaseAttachmentStore.Item, caseID: UUID, names: [UUID: String]) throws {
            let a = item.attachment
            id = try a.requireID()
            filename = a.filename
            mediaType = a.mediaType
            size = a.size
            sha256 = a.blobHash
            note = a.note
            uploadedBy = a.uploadedBy.flatMap { names[$0] }
            uploadedAt = a.uploadedAt
            downloadURL = "/api/v1/cases/\(caseID)/attachments/\(id)/download"
            stored = item.version != nil
            datasetID = item.dataset?.id
            datasetSlug = item.dataset?.slug
            versionNumber = item.version?.number
            versionStatus = item.version?.status
            versionURL = item.dataset.flatMap { d in item.version.map { "/api/v1/datasets/\(d.slug)/versions/\($0.number)" } }
            storedBy = a.storedBy.flatMap { names[$0] }
            storedAt = item.version == nil ? nil : a.storedAt
        }
    }

    @Sendable static func attachments(_ req: Request) async throws -> APIModels.ListOut<AttachmentOut> {
        let user = try req.requireUser()
        let window = try req.pageWindow()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        let caseID = try record.requireID()
        let items = try await CaseAttachmentStore.items(of: caseID, on: req.db)
        let names = try await attachmentNames(items, on: req.db)
        return .init(all: try items.map { try AttachmentOut($0, caseID: caseID, names: names) }, window: window)
    }

    /// `POST …/attachments?filename=…&note=…` with the file as the body, streamed.
    @Sendable static func addAttachment(_ req: Request) async throws -> Response {
        let (record, attachment) = try await CaseAttachmentController.receive(req)
        return try await attachmentOut(req, caseID: try record.requireID(), id: try attachment.requireID()).encodeResponse(status: .created, for: req)
    }

    /// `POST …/attachments/{id}/store` with `{"dataset": id}` or `{"title": …}`.
    @Sendable static func storeAttachment(_ req: Request) async throws -> Response {
        let (caseID, attachment, _, _) = try await CaseAttachmentController.storeAttachment(req)
        return try await attachmentOut(req, caseID: caseID, id: try attachment.requireID()).encodeResponse(status: .created, for: req)
    }

    private static func attachmentOut(_ req: Request, caseID: UUID, id: UUID) async throws -> AttachmentOut {
        let items = try await CaseAttachmentStore.items(of: caseID, on: req.db)
        guard let item = items.first(where: { $0.attachment.id == id }) else { throw UserError(.notFound, "attachments.error.not_found") }
        return try AttachmentOut(item, caseID: caseID, names: try await attachmentNames([item], on: req.db))
    }

    private static func attachmentNames(_ items: [CaseAttachmentStore.Item], on db: any Database) async throws -> [UUID: String] {
        let ids = Set(items.flatMap { [$0.attachment.uploadedBy, $0.attachment.storedBy].compactMap { $0 } })
        guard !ids.isEmpty else { return [:] }
        let users = try await User.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(users.compactMap { user in user.id.map { ($0, user.fullName) } }, uniquingKeysWith: { a, _ in a })
    }
}
