import Vapor

/// The backup pages (admin only), the daily schedule, and their settings.
enum BackupRoutes {
    static let page = SiteURL.backups.path
    static let createPath = "/admin/backups/create"
    static let verifyPath = "/admin/backups/verify"
    static func downloadPath(_ name: String) -> String { "/admin/backups/download/\(name)" }

    static func register(_ app: Application) throws {
        app.backupSettings = try BackupSettings.fromEnvironment()
        if app.backupSettings.hour != nil, app.environment != .testing, BackupScheduler.isServeCommand(app.environment.arguments) {
            app.lifecycle.use(BackupScheduler())
        }
        let admin = Access.roles(OfficePolicy.roles(for: .backups))
        app.get("admin", "backups", access: admin, use: BackupController.list)
        app.post("admin", "backups", "create", access: admin, use: BackupController.create)
        app.post("admin", "backups", "verify", access: admin, use: BackupController.verify)
        app.get("admin", "backups", "download", ":name", access: admin, use: BackupController.download)
    }
}
