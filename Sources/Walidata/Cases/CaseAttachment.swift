import Fluent
import Foundation

/// A file attached to a request (lampiran permohonan) by the requesting agency or by the
/// administration section registering a paper request. It waits, as handed over, until the IT
/// officer stores it as a dataset version at step 3 or 4 (`versionID`).
final class CaseAttachment: Model, @unchecked Sendable {
    static let schema = "case_attachments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseRecord: Case
    /// The file's SHA-256 in the blob store.
    @Field(key: "blob_hash") var blobHash: String
    @Field(key: "filename") var filename: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int64
    @Field(key: "note") var note: String
    @OptionalField(key: "uploaded_by") var uploadedBy: UUID?
    @Field(key: "uploaded_at") var uploadedAt: Date
    /// The dataset version it was stored as; nil while it waits.
    @OptionalField(key: "version_id") var versionID: UUID?
    @OptionalField(key: "stored_by") var storedBy: UUID?
    @OptionalField(key: "stored_at") var storedAt: Date?

    init() {}

    init(caseID: UUID, blobHash: String, filename: String, mediaType: String, size: Int64, note: String, uploadedBy: UUID?, uploadedAt: Date) {
        self.$caseRecord.id = caseID
        self.blobHash = blobHash
        self.filename = filename
        self.mediaType = mediaType
        self.size = size
        self.note = note
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}
