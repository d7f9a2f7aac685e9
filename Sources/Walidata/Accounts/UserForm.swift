import Fluent
import Vapor
import WalidataCore

/// What an admin fills in for a user. Validation returns translation keys, so it can be
/// tested without HTTP and shown in either language.
struct UserForm: Content {
    var username: String
    var fullName: String
    var nip: String?
    var email: String?
    var role: String
    var organizationID: String?
    var password: String?

    struct Checked {
        var username: String
        var fullName: String
        var nip: String
        var email: String
        var role: Role
        var organizationID: UUID?
    }

    /// Checks the form; `isNew` requires a password. Returns the clean values or error keys.
    func validate(isNew: Bool, on db: any Database, editing: UUID? = nil) async throws -> Result<Checked, ValidationErrors> {
        var errors: [Problem] = []
        let username = User.normalize(username: self.username)
        if !User.isValid(username: username) { errors.append("users.error.username") }
        else {
            var query = User.query(on: db).filter(\.$username == username)
            if let editing { query = query.filter(\.$id != editing) }
            if try await query.count() > 0 { errors.append("users.error.username_taken") }
        }
        let fullName = self.fullName.trimmingCharacters(in: .whitespacesAndNewlines)
        if fullName.isEmpty || fullName.count > 120 { errors.append("users.error.full_name") }
        let nip = (self.nip ?? "").filter { !$0.isWhitespace }
        if !nip.isEmpty && !(nip.count == 18 && nip.allSatisfy(\.isASCII) && nip.allSatisfy(\.isNumber)) { errors.append("users.error.nip") }
        let email = (self.email ?? "").trimmingCharacters(in: .whitespaces)
        if !email.isEmpty && !(email.contains("@") && email.count <= 200) { errors.append("users.error.email") }
        let role = Role(rawValue: self.role)
        if role == nil { errors.append("users.error.role") }
        var organizationID: UUID?
        if let raw = self.organizationID, !raw.isEmpty {
            organizationID = UUID(uuidString: raw)
            var exists = false
            if let organizationID { exists = try await Organization.find(organizationID, on: db) != nil }
            if !exists { errors.append("users.error.organization_unknown") }
        }
        if role?.needsOrganization == true && organizationID == nil { errors.append("users.error.organization_required") }
        if role != nil && role?.needsOrganization == false { organizationID = nil }
        if isNew || !(password ?? "").isEmpty {
            if (password ?? "").count < User.minimumPasswordLength { errors.append(Problem("users.error.password", String(User.minimumPasswordLength))) }
        }
        guard errors.isEmpty, let role else { return .failure(ValidationErrors(keys: errors)) }
        return .success(Checked(username: username, fullName: fullName, nip: nip, email: email, role: role, organizationID: organizationID))
    }
}

/// Translation keys of what is wrong with a form.
struct ValidationErrors: Error {
    var keys: [Problem]
}
