import Fluent
import Foundation

/// One file handed over for a dataset. Versions are never changed or deleted: an update is a
/// new version, a recovery is a new version that names its source.
final class DatasetVersion: Model, @unchecked Sendable {
    static let schema = "dataset_versions"

    enum Status: String, Codable, CaseIterable, Sendable {
        /// Read as a table, profiled and loaded: can be queried and published.
        case accepted
        /// Stored, but its type is not checked (e.g. PDF, Word).
        case stored
        /// Could not be read as a table; kept as a submission with its report, never published.
        case rejected
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "dataset_id") var dataset: Dataset
    /// 1, 2, 3 … per dataset.
    @Field(key: "number") var number: Int
    @Field(key: "status") var status: String
    @Field(key: "blob_hash") var blobHash: String
    @Field(key: "size") var size: Int64
    @Field(key: "filename") var filename: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "row_count") var rowCount: Int64
    @Field(key: "column_count") var columnCount: Int
    /// The check report (`CSVCheck` as JSON) for tabular files; empty otherwise.
    @Field(key: "report") var report: String
    @Field(key: "change_note") var changeNote: String
    @OptionalField(key: "recovered_from") var recoveredFrom: UUID?
    /// How a workbook was read when the officer chose it (`WorkbookOptions.key`, e.g. `s2h5`);
    /// nil when the file was read the way it was detected.
    @OptionalField(key: "reading") var reading: String?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var state: Status { Status(rawValue: status) ?? .stored }
    var isRecovery: Bool { recoveredFrom != nil }
    /// The name of this version's table file: the file's hash, and for a workbook read with
    /// the officer's choice of sheet or header row, that choice too (each reading of the same
    /// stored file has its own immutable table).
    var tableKey: String { TableFiles.key(hash: blobHash, reading: reading) }
}
