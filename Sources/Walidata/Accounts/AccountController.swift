import Fluent
import Vapor

/// The signed-in user's own page: language, password, API tokens.
enum AccountController {
    @Sendable static func show(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        try await user.$organization.load(on: req.db)
        return await AccountViews.account(req, user: user, errors: [])
    }

    struct LanguageForm: Content {
        var language: String
        var next: String?
    }

    @Sendable static func setLanguage(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(LanguageForm.self)
        guard let lang = Lang(rawValue: form.language) else { throw UserError(.unprocessableEntity, "account.error.language") }
        user.language = lang.rawValue
        try await user.save(on: req.db)
        let response = req.redirect(to: LoginController.localPath(form.next) ?? SiteURL.account.path)
        // The login page after signing out stays in the same language.
        LoginController.setLanguageCookie(lang, on: response, for: req)
        return response
    }

    struct PasswordForm: Content {
        var current: String
        var password: String
        var confirm: String
    }

    @Sendable static func changePassword(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(PasswordForm.self)
        var errors: [Problem] = []
        if !((try? await req.password.async.verify(form.current, created: user.passwordHash)) ?? false) { errors.append("account.error.current") }
        if form.password.count < User.minimumPasswordLength { errors.append(Problem("users.error.password", String(User.minimumPasswordLength))) }
        if form.password != form.confirm { errors.append("account.error.confirm") }
        guard errors.isEmpty else {
            try await user.$organization.load(on: req.db)
            return try await HTMLPage(status: .unprocessableEntity, await AccountViews.account(req, user: user, errors: errors)).encodeResponse(for: req)
        }
        user.passwordHash = try await req.password.async.hash(form.password)
        // Sessions elsewhere (a shared computer left signed in) end; this one stays signed in.
        let userID = try user.requireID(), current = req.session.id
        try await EventLog.record(.init(action: "user.password_change", note: user.username), by: .init(user), on: req.db) { tx in
            try await user.save(on: tx)
            try await UserSessions.end(of: userID, keeping: current, on: tx)
        }
        req.flash(.ok, "account.password_changed")
        return req.redirect(to: SiteURL.account.path)
    }

    @Sendable static func tokens(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending).all()
        return await AccountViews.tokens(req, tokens: tokens, newToken: nil, errors: [])
    }

    struct TokenForm: Content { var name: String }

    @Sendable static func createToken(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (form, refused) = try req.decodeForm(TokenForm.self)
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let existing = try await APIToken.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending).all()
        guard refused.isEmpty, !name.isEmpty, name.count <= 100 else {
            let errors = refused.isEmpty ? [Problem("tokens.error.name")] : refused
            return try await HTMLPage(status: .unprocessableEntity, await AccountViews.tokens(req, tokens: existing, newToken: nil, errors: errors)).encodeResponse(for: req)
        }
        let (token, secret) = try await issueToken(for: user, name: name, on: req.db)
        try await EventLog.record(.init(action: "token.create", note: name, details: ["prefix": token.prefix]), by: .init(user), on: req.db) { _ in }
        // The secret is shown on this response only; it is never stored or shown again.
        return try await AccountViews.tokens(req, tokens: [token] + existing, newToken: secret, errors: []).encodeResponse(for: req)
    }

    static func issueToken(for user: User, name: String, on db: any Database) async throws -> (APIToken, String) {
        let secret = APIToken.generate()
        let token = APIToken(userID: try user.requireID(), name: name, tokenHash: APIToken.hash(secret), prefix: String(secret.prefix(10)))
        try await token.create(on: db)
        return (token, secret)
    }

    @Sendable static func revokeToken(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try req.uuidParameter("tokenID")
        guard let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == user.requireID()).first() else {
            throw UserError(.notFound, "error.404")
        }
        if token.revokedAt == nil {
            token.revokedAt = Date()
            try await EventLog.record(.init(action: "token.revoke", note: token.name, details: ["prefix": token.prefix]), by: .init(user), on: req.db) { tx in
                try await token.save(on: tx)
            }
        }
        req.flash(.ok, "tokens.revoked", token.name)
        return req.redirect(to: SiteURL.tokens.path)
    }
}
