import Fluent
import Vapor
import WalidataCore

/// Admin: create, edit, deactivate users and reset their passwords.
enum UserAdminController {
    @Sendable static func list(_ req: Request) async throws -> HTML {
        let window = try req.pageWindow()
        let (users, total) = try await User.query(on: req.db).with(\.$organization).sort(\.$username).page(window)
        return await UserViews.list(req, users: users, page: Pager(window: window, total: total))
    }

    @Sendable static func newForm(_ req: Request) async throws -> HTML {
        let organizations = try await activeOrganizations(req.db)
        let blank = UserForm(username: "", fullName: "", nip: "", email: "", role: Role.produsen.rawValue, organizationID: nil, password: nil)
        return await UserViews.form(req, form: blank, user: nil, organizations: organizations, errors: [])
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let (form, refused) = try req.decodeForm(UserForm.self)
        switch refused.isEmpty ? try await form.validate(isNew: true, on: req.db) : .failure(ValidationErrors(keys: refused)) {
        case .failure(let errors):
            let page = await UserViews.form(req, form: form, user: nil, organizations: try await activeOrganizations(req.db), errors: errors.keys)
            return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
        case .success(let checked):
            let user = User(
                username: checked.username, fullName: checked.fullName, role: checked.role,
                organizationID: checked.organizationID, passwordHash: try await req.password.async.hash(form.password ?? ""),
                nip: checked.nip, email: checked.email
            )
            try await EventLog.record(.init(action: "user.create", note: user.username, details: ["role": user.roleRaw]), by: .init(try req.requireUser()), on: req.db) { tx in
                try await user.create(on: tx)
            }
            req.flash(.ok, "users.created", user.username)
            return req.redirect(to: SiteURL.users.path)
        }
    }

    @Sendable static func edit(_ req: Request) async throws -> HTML {
        let user = try await find(req)
        let form = UserForm(
            username: user.username, fullName: user.fullName, nip: user.nip, email: user.email,
            role: user.roleRaw, organizationID: user.$organization.id?.uuidString, password: nil
        )
        return await UserViews.form(req, form: form, user: user, organizations: try await activeOrganizations(req.db), errors: [])
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let user = try await find(req)
        var (form, refused) = try req.decodeForm(UserForm.self)
        form.password = nil
        switch refused.isEmpty ? try await form.validate(isNew: false, on: req.db, editing: user.id) : .failure(ValidationErrors(keys: refused)) {
        case .failure(let errors):
            let page = await UserViews.form(req, form: form, user: user, organizations: try await activeOrganizations(req.db), errors: errors.keys)
            return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
        case .success(let checked):
            if user.role == .admin && checked.role != .admin {
                try await ensureAnotherAdmin(besides: user, on: req.db)
            }
            user.username = checked.username
            user.fullName = checked.fullName
            user.nip = checked.nip
            user.email = checked.email
            user.role = checked.role
            user.$organization.id = checked.organizationID
            try await EventLog.record(.init(action: "user.update", note: user.username, details: ["role": user.roleRaw, "user": user.id?.uuidString ?? ""]), by: .init(try req.requireUser()), on: req.db) { tx in
                try await user.save(on: tx)
            }
            req.flash(.ok, "users.updated", user.username)
            return req.redirect(to: SiteURL.users.path)
        }
    }

    struct PasswordForm: Content { var password: String }

    @Sendable static func resetPassword(_ req: Request) async throws -> Response {
        let user = try await find(req)
        let form = try req.content.decode(PasswordForm.self)
        guard form.password.count >= User.minimumPasswordLength else {
            throw UserError(.unprocessableEntity, "users.error.password", String(User.minimumPasswordLength))
        }
        user.passwordHash = try await req.password.async.hash(form.password)
        // Whoever knew the old password (the reason for a reset, often) is shut out at once: every
        // session of the user ends and every API token is revoked, with the new hash, in one transaction.
        let userID = try user.requireID()
        let entry = EventLog.Entry(action: "user.password_reset", note: user.username)
        try await EventLog.record(entry, by: .init(try req.requireUser()), on: req.db) { tx in
            try await user.save(on: tx)
            try await UserSessions.end(of: userID, on: tx)
            try await UserSessions.revokeTokens(of: userID, on: tx)
        }
        // The old password's lock no longer applies.
        try await LoginFailure.query(on: req.db).filter(\.$username == user.username).delete()
        req.flash(.ok, "users.password_reset", user.username)
        return req.redirect(to: SiteURL.user(try user.requireID()).path)
    }

    struct ActiveForm: Content { var active: Bool }

    @Sendable static func setActive(_ req: Request) async throws -> Response {
        let user = try await find(req)
        let form = try req.content.decode(ActiveForm.self)
        if !form.active {
            if user.id == req.currentUser?.id { throw UserError(.conflict, "users.error.self_deactivate") }
            if user.role == .admin { try await ensureAnotherAdmin(besides: user, on: req.db) }
        }
        user.active = form.active
        try await EventLog.record(.init(action: form.active ? "user.activate" : "user.deactivate", note: user.username), by: .init(try req.requireUser()), on: req.db) { tx in
            try await user.save(on: tx)
        }
        req.flash(.ok, form.active ? "users.activated" : "users.deactivated", user.username)
        return req.redirect(to: SiteURL.users.path)
    }

    private static func ensureAnotherAdmin(besides user: User, on db: any Database) async throws {
        let others = try await User.query(on: db)
            .filter(\.$roleRaw == Role.admin.rawValue).filter(\.$active == true).filter(\.$id != user.id!)
            .count()
        if others == 0 { throw UserError(.conflict, "users.error.last_admin") }
    }

    private static func find(_ req: Request) async throws -> User {
        let id = try req.uuidParameter("userID")
        guard let user = try await User.query(on: req.db).filter(\.$id == id).with(\.$organization).first() else {
            throw UserError(.notFound, "error.404")
        }
        return user
    }

    static func activeOrganizations(_ db: any Database) async throws -> [Organization] {
        try await Organization.query(on: db).filter(\.$active == true).sort(\.$name).all()
    }
}
