import Fluent
import Foundation

/// A permohonan pengelolaan data: one request from an agency, run through the nine steps of the
/// SOP revision it was registered under (`sopRevisionID`), to the end, even after a newer
/// revision comes into force.
final class Case: Model, @unchecked Sendable {
    static let schema = "cases"

    /// What the agency asks the office to do with its data; step 4 acts on it.
    enum Kind: String, Codable, CaseIterable, Sendable {
        case simpanBaru = "simpan_baru"
        case update
        case recovery
    }

    enum State: String, Codable, CaseIterable, Sendable {
        case open
        case closed
    }

    @ID(key: .id) var id: UUID?
    /// The registration number, e.g. `PD/2026/0001`; issued once, never reused.
    @Field(key: "number") var number: String
    @Field(key: "kind") var kindRaw: String
    @Parent(key: "organization_id") var organization: Organization
    /// The agency account that submitted it; nil when the office registered a paper or phone request.
    @OptionalField(key: "requested_by") var requestedBy: UUID?
    /// The office officer who registered it on the agency's behalf; nil for an online submission.
    @OptionalField(key: "registered_by") var registeredBy: UUID?
    /// Who asked, as the office should address them (the account's name, or as written on paper).
    @Field(key: "requester_name") var requesterName: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    /// The `sop_revisions.id` the case follows to the end.
    @Field(key: "sop_revision_id") var sopRevisionID: UUID
    @Field(key: "state") var stateRaw: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}

    init(
        number: String, kind: Kind, organizationID: UUID, requestedBy: UUID?, registeredBy: UUID?,
        requesterName: String, title: String, description: String, sopRevisionID: UUID, createdAt: Date
    ) {
        self.number = number
        self.kindRaw = kind.rawValue
        self.$organization.id = organizationID
        self.requestedBy = requestedBy
        self.registeredBy = registeredBy
        self.requesterName = requesterName
        self.title = title
        self.description = description
        self.sopRevisionID = sopRevisionID
        self.stateRaw = State.open.rawValue
        self.createdAt = createdAt
    }

    var kind: Kind { Kind(rawValue: kindRaw) ?? .simpanBaru }

    var state: State {
        get { State(rawValue: stateRaw) ?? .open }
        set { stateRaw = newValue.rawValue }
    }
}
