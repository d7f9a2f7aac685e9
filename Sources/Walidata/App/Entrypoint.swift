import Logging
import Vapor

/// `walidata serve|migrate|user|demo …`: the one entry point, shared by the CLI and tests.
public enum Walidata {
    public static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            let config = try AppConfig.fromEnvironment()
            if !BackupCommand.startsWithoutDatabase(app, config: config) { try await configure(app, config: config) }
            try await app.execute()
        } catch {
            // A failed command has already said what went wrong; end with status 1, not a trace.
            if !(error is CommandFailed) { app.logger.report(error: error) }
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
