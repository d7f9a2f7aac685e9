import Fluent
import Foundation

/// Something one person is told in the app, shown under "Notifikasi" until they mark it read.
/// It carries the case number, step, round and the due instant it was raised for, so the message
/// can be written without reading the case; the case and step links give the current state.
/// Not an SOP action, so it is not written to the event log.
final class UserNotification: Model, @unchecked Sendable {
    static let schema = "notifications"

    enum Kind: String, Codable, CaseIterable, Sendable {
        /// An open step instance has passed its due instant.
        case stepLate = "step_late"
        /// A step-9 delivery failed for good (told to the kabid), one per channel and case.
        case facebookFailed = "delivery_failed_facebook"
        case whatsappFailed = "delivery_failed_whatsapp"
        /// A channel's token needs a new login (Graph 190; told to the admin), one per channel and case.
        case facebookLogin = "delivery_login_facebook"
        case whatsappLogin = "delivery_login_whatsapp"
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "kind") var kindRaw: String
    @Parent(key: "case_id") var caseRecord: Case
    @Parent(key: "case_step_id") var caseStep: CaseStep
    @Field(key: "case_number") var caseNumber: String
    @Field(key: "step") var step: Int
    @Field(key: "round") var round: Int
    /// The due instant when the notification was raised; the step row has the current one.
    @Field(key: "due_at") var dueAt: Date
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    var kind: Kind { Kind(rawValue: kindRaw) ?? .stepLate }
    var isRead: Bool { readAt != nil }
    var isDelivery: Bool { kind != .stepLate }
}
