import Fluent
import Foundation
import WalidataCore

/// One row of the append-only, hash-chained event log. Rows are only ever inserted; the
/// storage log, case timelines and audit trail are views of this table.
final class EventRecord: Model, @unchecked Sendable {
    static let schema = "events"

    @ID(key: .id) var id: UUID?
    @Field(key: "seq") var sequence: Int
    @Field(key: "at_ms") var atMillis: Int64
    @Field(key: "actor_id") var actorID: String
    @Field(key: "actor_name") var actorName: String
    @Field(key: "actor_role") var actorRole: String
    @Field(key: "action") var action: String
    @Field(key: "dataset_id") var datasetID: String
    @Field(key: "version_id") var versionID: String
    @Field(key: "blob_hash") var blobHash: String
    @Field(key: "size") var size: Int64
    @Field(key: "row_count") var rowCount: Int64
    @Field(key: "note") var note: String
    @Field(key: "details") var details: String
    @Field(key: "prev_hash") var previousHash: String
    @Field(key: "hash") var hash: String
    /// The case the entry names (`details.case`), indexed for the case's timeline and logs; not hashed.
    @OptionalField(key: "case_id") var caseID: String?

    init() {}

    init(_ event: ChainedEvent) {
        sequence = event.sequence
        atMillis = event.atMillis
        actorID = event.actorID
        actorName = event.actorName
        actorRole = event.actorRole
        action = event.action
        datasetID = event.datasetID
        versionID = event.versionID
        blobHash = event.blobHash
        size = event.size
        rowCount = event.rowCount
        note = event.note
        details = event.details
        previousHash = event.previousHash
        hash = EventChain.hash(event)
        caseID = detailValues["case"]
    }

    var chained: ChainedEvent {
        ChainedEvent(
            sequence: sequence, atMillis: atMillis, actorID: actorID, actorName: actorName, actorRole: actorRole,
            action: action, datasetID: datasetID, versionID: versionID, blobHash: blobHash, size: size,
            rowCount: rowCount, note: note, details: details, previousHash: previousHash
        )
    }

    var at: Date { Date(timeIntervalSince1970: Double(atMillis) / 1000) }

    /// The extra facts (`details`, JSON of strings) as a dictionary; empty when there are none.
    var detailValues: [String: String] {
        guard !details.isEmpty, let object = try? JSONDecoder().decode([String: String].self, from: Data(details.utf8)) else { return [:] }
        return object
    }

    func detail(_ key: String) -> String? { detailValues[key] }
}
