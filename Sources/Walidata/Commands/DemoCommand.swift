import Fluent
import Vapor
import WalidataCore

/// `walidata demo`: demo organisations and one account per role, so a newcomer can try every
/// step of the SOP. Existing accounts and organisations are left as they are.
struct DemoCommand: AsyncCommand {
    let app: Application

    struct Signature: CommandSignature {}

    var help: String { "Fill the database with demo organisations and one account per role (password: \(DemoData.password))." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let created = try await DemoData.load(on: app.db, hasher: app.password)
        context.console.success("Demo data ready. Accounts (password \(DemoData.password)):")
        for account in DemoData.accounts {
            let mark = created.contains(account.username) ? "" : "  (already there, unchanged)"
            context.console.print("  \(account.username.padding(toLength: 14, withPad: " ", startingAt: 0)) \(account.role.rawValue)\(mark)")
        }
    }
}

enum DemoData {
    static let password = "walidata-demo"

    struct Account {
        var username: String
        var name: String
        var role: Role
        var nip: String
        var organization: String?
    }

    static let organizations: [(name: String, code: String, contact: String)] = [
        ("Dinas Kesehatan", "DINKES", "Sekretariat Dinas Kesehatan"),
        ("Dinas Pendidikan dan Kebudayaan", "DISDIKBUD", "Subbag Program"),
        ("Badan Perencanaan Pembangunan Daerah", "BAPPEDA", "Bidang Data dan Informasi"),
    ]

    static let accounts: [Account] = [
        .init(username: "admin", name: "Administrator Sistem", role: .admin, nip: ""),
        .init(username: "administrasi", name: "Rina Sababalat", role: .administrasi, nip: "198805122015032001"),
        .init(username: "pengelola", name: "Yohanes Saleleubaja", role: .pengelolaTI, nip: "199002152019031004"),
        .init(username: "kasi", name: "Maria Sakerebau", role: .kasi, nip: "198303072009022002"),
        .init(username: "kabid", name: "Paulus Satoko", role: .kabid, nip: "197911202005011003"),
        .init(username: "kadis", name: "Heri Robertus, S.S.Kom., M.Kom", role: .kepalaDinas, nip: "197601132001121002"),
        .init(username: "produsen", name: "Siska Samaloisa", role: .produsen, nip: "199207302020122005", organization: "DINKES"),
    ]

    /// Returns the usernames it created.
    static func load(on db: any Database, hasher: any PasswordHasher) async throws -> [String] {
        for org in organizations where try await Organization.query(on: db).filter(\.$code == org.code).count() == 0 {
            try await Organization(name: org.name, code: org.code, contactName: org.contact, address: "Tuapeijat, Kabupaten Kepulauan Mentawai").create(on: db)
        }
        var created: [String] = []
        let hash = try hasher.hash(password)
        for account in accounts where try await User.query(on: db).filter(\.$username == account.username).count() == 0 {
            var organizationID: UUID?
            if let code = account.organization {
                organizationID = try await Organization.query(on: db).filter(\.$code == code).first()?.id
            }
            try await User(
                username: account.username, fullName: account.name, role: account.role,
                organizationID: organizationID, passwordHash: hash, nip: account.nip
            ).create(on: db)
            created.append(account.username)
        }
        return created
    }
}
