import Fluent
import Vapor

/// A Perangkat Daerah (an agency of the regency): in Satu Data terms, a Produsen Data.
final class Organization: Model, @unchecked Sendable {
    static let schema = "organizations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// Short code as the office writes it, e.g. `DINKES`; unique.
    @Field(key: "code") var code: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "phone") var phone: String
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(name: String, code: String, contactName: String = "", phone: String = "", email: String = "", address: String = "") {
        self.name = name
        self.code = code
        self.contactName = contactName
        self.phone = phone
        self.email = email
        self.address = address
        self.active = true
    }

    static func normalize(code: String) -> String {
        code.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }
}
