import Fluent
import Vapor

/// Admin: the Perangkat Daerah whose staff submit data.
enum OrganizationController {
    struct Form: Content {
        var name: String
        var code: String
        var contactName: String?
        var phone: String?
        var email: String?
        var address: String?
        var active: String?

        func validate(on db: any Database, editing: UUID?) async throws -> [Problem] {
            var errors: [Problem] = []
            let name = self.name.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty || name.count > 200 { errors.append("organizations.error.name") }
            let code = Organization.normalize(code: self.code)
            let allowed = code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
            if code.isEmpty || code.count > 20 || !allowed { errors.append("organizations.error.code") }
            else {
                var query = Organization.query(on: db).filter(\.$code == code)
                if let editing { query = query.filter(\.$id != editing) }
                if try await query.count() > 0 { errors.append("organizations.error.code_taken") }
            }
            let email = (self.email ?? "").trimmingCharacters(in: .whitespaces)
            if !email.isEmpty && !email.contains("@") { errors.append("users.error.email") }
            return errors
        }

        func apply(to organization: Organization) {
            organization.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            organization.code = Organization.normalize(code: code)
            organization.contactName = (contactName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            organization.phone = (phone ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            organization.email = (email ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            organization.address = (address ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }

        init(_ organization: Organization?) {
            name = organization?.name ?? ""
            code = organization?.code ?? ""
            contactName = organization?.contactName
            phone = organization?.phone
            email = organization?.email
            address = organization?.address
            active = (organization?.active ?? true) ? "on" : nil
        }
    }

    @Sendable static func list(_ req: Request) async throws -> HTML {
        let organizations = try await Organization.query(on: req.db).sort(\.$name).all()
        var members: [UUID: Int] = [:]
        for user in try await User.query(on: req.db).filter(\.$organization.$id != nil).all() {
            if let id = user.$organization.id { members[id, default: 0] += 1 }
        }
        return await OrganizationViews.list(req, organizations: organizations, members: members)
    }

    @Sendable static func newForm(_ req: Request) async throws -> HTML {
        await OrganizationViews.form(req, form: Form(nil), organization: nil, errors: [])
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let (form, refused) = try req.decodeForm(Form.self)
        let errors = try await refused + form.validate(on: req.db, editing: nil)
        guard errors.isEmpty else {
            return try await HTMLPage(status: .unprocessableEntity, await OrganizationViews.form(req, form: form, organization: nil, errors: errors)).encodeResponse(for: req)
        }
        let organization = Organization(name: "", code: "")
        form.apply(to: organization)
        try await EventLog.record(.init(action: "organization.create", note: organization.name, details: ["code": organization.code]), by: .init(try req.requireUser()), on: req.db) { tx in
            try await organization.create(on: tx)
        }
        req.flash(.ok, "organizations.created", organization.name)
        return req.redirect(to: SiteURL.organizations.path)
    }

    @Sendable static func edit(_ req: Request) async throws -> HTML {
        let organization = try await find(req)
        return await OrganizationViews.form(req, form: Form(organization), organization: organization, errors: [])
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let organization = try await find(req)
        let (form, refused) = try req.decodeForm(Form.self)
        let errors = try await refused + form.validate(on: req.db, editing: organization.id)
        guard errors.isEmpty else {
            return try await HTMLPage(status: .unprocessableEntity, await OrganizationViews.form(req, form: form, organization: organization, errors: errors)).encodeResponse(for: req)
        }
        form.apply(to: organization)
        organization.active = form.active != nil
        try await EventLog.record(.init(action: "organization.update", note: organization.name, details: ["code": organization.code, "active": String(organization.active)]), by: .init(try req.requireUser()), on: req.db) { tx in
            try await organization.save(on: tx)
            // The agency's name and code are words its datasets are found by.
            let ids = try await Dataset.query(on: tx).filter(\.$organization.$id == organization.requireID()).all(\.$id)
            try await CatalogIndex.refresh(ids, on: tx)
        }
        req.flash(.ok, "organizations.updated", organization.name)
        return req.redirect(to: SiteURL.organizations.path)
    }

    private static func find(_ req: Request) async throws -> Organization {
        guard let organization = try await Organization.find(try req.uuidParameter("organizationID"), on: req.db) else {
            throw UserError(.notFound, "error.404")
        }
        return organization
    }
}
