import Fluent
import Foundation
import WalidataCore

/// One revision of the SOP definition. Exactly one is in force at a time; a case pins the
/// revision it started under by its id, so an approved revision's definition never changes.
final class SOPRevision: Model, @unchecked Sendable {
    static let schema = "sop_revisions"

    enum Status: String, Codable, CaseIterable {
        case draft
        case inForce = "in_force"
        case superseded
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    @Field(key: "status") var statusRaw: String
    /// The `SOPDefinition` as JSON.
    @Field(key: "definition") var definitionJSON: String
    @Field(key: "change_note") var changeNote: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @OptionalField(key: "approved_by") var approvedBy: UUID?
    /// Who signed the pengesahan, as printed on the sheet: name and NIP at that moment.
    @OptionalField(key: "approver_name") var approverName: String?
    @OptionalField(key: "approver_nip") var approverNIP: String?

    init() {}

    init(number: Int, status: Status, definition: SOPDefinition, changeNote: String, createdBy: UUID?) throws {
        self.number = number
        self.statusRaw = status.rawValue
        self.definitionJSON = try Self.encode(definition)
        self.changeNote = changeNote
        self.createdBy = createdBy
    }

    var status: Status {
        get { Status(rawValue: statusRaw) ?? .draft }
        set { statusRaw = newValue.rawValue }
    }

    func definition() throws -> SOPDefinition {
        try JSONDecoder().decode(SOPDefinition.self, from: Data(definitionJSON.utf8))
    }

    func setDefinition(_ definition: SOPDefinition) throws {
        definitionJSON = try Self.encode(definition)
    }

    private static func encode(_ definition: SOPDefinition) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(definition), as: UTF8.self)
    }
}
