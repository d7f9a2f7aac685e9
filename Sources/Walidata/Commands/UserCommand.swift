import Fluent
import Vapor
import WalidataCore

/// `walidata user add|password`: accounts from the command line, for the first administrator
/// and for an administrator who has lost their password.
struct UserCommand: AsyncCommandGroup {
    let app: Application
    var help: String { "Manage user accounts (add, password, token)." }
    var commands: [String: any AnyAsyncCommand] {
        ["add": AddUser(app: app), "password": SetPassword(app: app), "token": IssueToken(app: app)]
    }
}

struct AddUser: AsyncCommand {
    let app: Application

    struct Signature: CommandSignature {
        @Option(name: "username", help: "Login name (lower case letters, digits, . _ -)") var username: String?
        @Option(name: "name", help: "Full name as shown on documents") var name: String?
        @Option(name: "role", help: "admin, administrasi, pengelola_ti, kasi, kabid, kepala_dinas or produsen") var role: String?
        @Option(name: "password", help: "Password (asked for when left out)") var password: String?
        @Option(name: "organization", help: "Organisation code, required for produsen") var organization: String?
        @Option(name: "nip", help: "NIP (18 digits), printed on signed documents") var nip: String?
    }

    var help: String { "Create a user account." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = app.db
        guard let username = signature.username, let name = signature.name, let role = signature.role else {
            context.console.error("Give --username, --name and --role. Example: walidata user add --username admin --name \"Nama Lengkap\" --role admin")
            throw CommandFailed()
        }
        let password = signature.password ?? context.console.ask("Password for \(username):", isSecure: true)
        var organizationID: String?
        if let code = signature.organization {
            guard let org = try await Organization.query(on: db).filter(\.$code == Organization.normalize(code: code)).first() else {
                context.console.error("No organisation with code \(code). Create it first (as admin, under Organisasi) or run `walidata demo`.")
                throw CommandFailed()
            }
            organizationID = org.id?.uuidString
        }
        let form = UserForm(username: username, fullName: name, nip: signature.nip, email: nil, role: role, organizationID: organizationID, password: password)
        switch try await form.validate(isNew: true, on: db) {
        case .failure(let errors):
            let t = Translator(lang: .en)
            for problem in errors.keys { context.console.error(problem.text(t)) }
            throw CommandFailed()
        case .success(let checked):
            let user = User(
                username: checked.username, fullName: checked.fullName, role: checked.role, organizationID: checked.organizationID,
                passwordHash: try await app.password.async.hash(password), nip: checked.nip, email: checked.email
            )
            try await user.create(on: db)
            context.console.success("Created \(checked.role.rawValue) account '\(checked.username)'. Sign in at \(app.walidata.baseURL)/login")
        }
    }
}

struct SetPassword: AsyncCommand {
    let app: Application

    struct Signature: CommandSignature {
        @Option(name: "username", help: "The account") var username: String?
        @Option(name: "password", help: "New password (asked for when left out)") var password: String?
    }

    var help: String { "Set a user's password and lift a login lock." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let username = signature.username.map(User.normalize(username:)),
              let user = try await User.query(on: app.db).filter(\.$username == username).first() else {
            context.console.error("No such user. Give --username of an existing account.")
            throw CommandFailed()
        }
        let password = signature.password ?? context.console.ask("New password for \(username):", isSecure: true)
        guard password.count >= User.minimumPasswordLength else {
            context.console.error("The password must have at least \(User.minimumPasswordLength) characters.")
            throw CommandFailed()
        }
        user.passwordHash = try await app.password.async.hash(password)
        user.active = true
        // As an admin's reset on the page: the old password's sessions and API tokens end with it.
        let userID = try user.requireID()
        try await app.db.transaction { tx in
            try await user.save(on: tx)
            try await UserSessions.end(of: userID, on: tx)
            try await UserSessions.revokeTokens(of: userID, on: tx)
        }
        try await LoginFailure.query(on: app.db).filter(\.$username == username).delete()
        context.console.success("Password set for '\(username)'.")
    }
}

/// `walidata user token --username X --name "…"`: an API token for scripts, printed once.
struct IssueToken: AsyncCommand {
    let app: Application

    struct Signature: CommandSignature {
        @Option(name: "username", help: "The account the token acts for") var username: String?
        @Option(name: "name", help: "What the token is for") var name: String?
    }

    var help: String { "Create an API token for a user and print it (it is not shown again)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let username = signature.username.map(User.normalize(username:)),
              let user = try await User.query(on: app.db).filter(\.$username == username).first(), user.active else {
            context.console.error("No active user with that name. Give --username of an existing, active account.")
            throw CommandFailed()
        }
        let name = (signature.name ?? "command line").trimmingCharacters(in: .whitespacesAndNewlines)
        let (_, secret) = try await AccountController.issueToken(for: user, name: name.isEmpty ? "command line" : name, on: app.db)
        context.console.print(secret)
    }
}

struct CommandFailed: Error, CustomStringConvertible {
    var description: String { "command failed" }
}
