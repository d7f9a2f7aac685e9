import Fluent
import Foundation

/// The output of step 1 (the berkas): which checklist items the officer ticked and what was
/// conveyed to the requester. Stored once when step 1 completes, so the tanda terima printed
/// later shows what was checked then, even if the checklist setting has changed since.
final class CaseReceipt: Model, @unchecked Sendable {
    static let schema = "case_receipts"

    /// One checklist line as it stood when the step completed.
    struct Line: Codable, Sendable, Equatable {
        var text: String
        var optional: Bool
        var checked: Bool
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseRecord: Case
    /// The lines as JSON text, so the table need not change when the checklist does.
    @Field(key: "items") var itemsJSON: String
    @Field(key: "conveyed") var conveyed: String
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(caseID: UUID, lines: [Line], conveyed: String, recordedBy: UUID?, recordedAt: Date) throws {
        self.$caseRecord.id = caseID
        self.itemsJSON = String(decoding: try JSONEncoder().encode(lines), as: UTF8.self)
        self.conveyed = conveyed
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    var lines: [Line] { (try? JSONDecoder().decode([Line].self, from: Data(itemsJSON.utf8))) ?? [] }
}
