import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOCore
import Vapor

/// All of Walidata's set-up in one place: databases, sessions, middleware, migrations,
/// first-start seeds, routes and commands. Fails fast on a bad environment.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.walidata = config
    try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
    app.serverSecret = try ServerSecret.load(dataDirectory: config.dataDirectory)

    if let url = config.databaseURL {
        var pg = try SQLPostgresConfiguration(url: url)
        if let schema = config.postgresSchema { pg.searchPath = [schema] }
        app.databases.use(.postgres(configuration: pg, sqlLogLevel: .debug), as: .psql)
        if let schema = config.postgresSchema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
    } else {
        app.databases.use(
            .sqlite(.file(config.sqlitePath), connectionPoolTimeout: .seconds(30), sqlLogLevel: .debug),
            as: .sqlite
        )
        try await prepareSQLite(app)
    }

    // Set in one write, so apps configured at the same time (the tests) never see a half-set table.
    var content = ContentConfiguration.global
    content.use(encoder: JSONEncoder.walidata, for: .json)
    // Every text a body brings is checked before a handler decodes it; see `StoredText`.
    content.use(decoder: StoredText.CheckingDecoder(base: JSONDecoder.walidata, format: .json), for: .json)
    content.use(decoder: StoredText.CheckingDecoder(base: URLEncodedFormDecoder(), format: .form), for: .urlEncodedForm)
    ContentConfiguration.global = content
    app.sessions.use(.fluent)
    let fluentSessions = app.sessions.driver
    app.sessions.use { _ in ChangedOnlySessions(base: fluentSessions) }
    if app.environment != .testing, BackupScheduler.isServeCommand(app.environment.arguments) {
        app.lifecycle.use(SessionCleanupScheduler())
        app.lifecycle.use(OrphanSweepScheduler())
    }
    app.sessions.configuration = SessionsConfiguration(cookieName: "walidata_session") { id in
        HTTPCookies.Value(
            string: id.string, maxAge: Sessions.lifetimeSeconds, path: "/",
            isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax
        )
    }

    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(CompressionPolicy())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(WalidataErrorMiddleware())
    app.middleware.use(StoredText.QueryGuard())
    app.middleware.use(MethodNotAllowedMiddleware())
    app.middleware.use(WebOnlyMiddleware([app.sessions.middleware, SessionUserMiddleware(), CSRF()]))

    app.routes.defaultMaxBodySize = "1mb"
    Migrations.register(on: app)
    try await app.autoMigrate()
    app.portalCache = PortalCache()
    try await CheckpointFile.start(app)
    // Only the server says "no accounts yet": `walidata demo` or `user add` is making them.
    try await Seeds.run(on: app.db, config: config, logger: app.logger,
                        announceFirstAdmin: BackupScheduler.isServeCommand(app.environment.arguments))

    try routes(app)
    Commands.register(on: app)
}

/// WAL lets readers go on while a writer commits; the busy timeout makes a writer wait for
/// another instead of failing at once. Foreign keys are on by the driver's default.
private func prepareSQLite(_ app: Application) async throws {
    // journal_mode is stored in the file; busy_timeout is per connection, and Fluent keeps
    // one SQLite connection per event loop, so set it on each.
    for loop in app.eventLoopGroup.makeIterator() {
        let db = app.databases.database(.sqlite, logger: app.logger, on: loop)!
        guard let sql = db as? any SQLDatabase else { continue }
        try await sql.raw("PRAGMA busy_timeout = 10000").run()
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
    }
}

enum Sessions {
    /// A login lasts at most 12 hours of idleness; see `SessionUserMiddleware`.
    static let idleSeconds: Double = 12 * 3600
    static let lifetimeSeconds = 7 * 24 * 3600
}

extension JSONEncoder {
    /// ISO 8601 dates, so API clients in any language read them without guessing.
    static var walidata: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension JSONDecoder {
    static var walidata: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
