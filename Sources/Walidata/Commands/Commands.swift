import Vapor

enum Commands {
    static func register(on app: Application) {
        app.asyncCommands.use(UserCommand(app: app), as: "user")
        app.asyncCommands.use(DemoCommand(app: app), as: "demo")
        app.asyncCommands.use(VerifyCommand(app: app), as: "verify")
        app.asyncCommands.use(BackupCommand(app: app), as: "backup")
    }
}
