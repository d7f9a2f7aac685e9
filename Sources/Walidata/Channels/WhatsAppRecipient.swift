import Fluent
import Foundation
import WalidataCore

/// A person who agreed to receive the office's announcements on WhatsApp. Only recipients
/// with an opt-in and no opt-out are sent to; opting out is kept (with its time), not deleted,
/// so the record of consent stays.
final class WhatsAppRecipient: Model, @unchecked Sendable {
    static let schema = "whatsapp_recipients"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// E.164, `+62…` (see `PhoneNumber`).
    @Field(key: "phone") var phone: String
    @OptionalParent(key: "organization_id") var organization: Organization?
    /// When and how they agreed ("formulir kertas 2026-11-02", "pesan WhatsApp", …).
    @OptionalField(key: "opt_in_at") var optInAt: Date?
    @Field(key: "opt_in_method") var optInMethod: String
    @OptionalField(key: "opted_out_at") var optedOutAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(name: String, phone: PhoneNumber, organizationID: UUID?, optInAt: Date?, optInMethod: String, at instant: Date) {
        self.name = name
        self.phone = phone.e164
        self.$organization.id = organizationID
        self.optInAt = optInAt
        self.optInMethod = optInMethod
        self.createdAt = instant
        self.updatedAt = instant
    }

    var isSubscribed: Bool { optInAt != nil && optedOutAt == nil }

    /// The recipients announcements go to: opted in and not opted out.
    static func subscribed(on db: any Database) async throws -> [WhatsAppRecipient] {
        try await WhatsAppRecipient.query(on: db).filter(\.$optInAt != nil).filter(\.$optedOutAt == nil).sort(\.$phone).all()
    }
}
