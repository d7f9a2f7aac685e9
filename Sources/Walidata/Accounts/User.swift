import Fluent
import Vapor
import WalidataCore

/// A person who signs in. A `produsen` belongs to one organisation (Perangkat Daerah).
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    /// Lower-case, unique; what the person types to sign in.
    @Field(key: "username") var username: String
    @Field(key: "full_name") var fullName: String
    @Field(key: "nip") var nip: String
    @Field(key: "email") var email: String
    @Field(key: "role") var roleRaw: String
    @OptionalParent(key: "organization_id") var organization: Organization?
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "active") var active: Bool
    @Field(key: "language") var language: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        username: String, fullName: String, role: Role, organizationID: UUID? = nil,
        passwordHash: String, nip: String = "", email: String = "", language: Lang = .id
    ) {
        self.username = username
        self.fullName = fullName
        self.roleRaw = role.rawValue
        self.$organization.id = organizationID
        self.passwordHash = passwordHash
        self.nip = nip
        self.email = email
        self.active = true
        self.language = language.rawValue
    }

    var role: Role {
        get { Role(rawValue: roleRaw) ?? .produsen }
        set { roleRaw = newValue.rawValue }
    }

    static func normalize(username: String) -> String {
        username.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Usernames are plain so they can be typed on any phone keyboard and appear safely in logs.
    static func isValid(username: String) -> Bool {
        (3...40).contains(username.count)
            && username.unicodeScalars.allSatisfy { CharacterSet.lowercaseLetters.contains($0) && $0.isASCII || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    static let minimumPasswordLength = 8
}

extension User {
    func requireID() throws -> UUID {
        guard let id else { throw Abort(.internalServerError, reason: "user without id") }
        return id
    }
}
