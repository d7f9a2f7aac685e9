import Vapor

/// Everything Walidata reads from its environment, read once at start so that a bad value
/// stops the server with a clear message instead of failing later.
public struct AppConfig: Sendable {
    /// Where the SQLite file (and later blobs and backups) live.
    public var dataDirectory: String
    /// `postgres://…`; when set, metadata lives in PostgreSQL instead of SQLite.
    public var databaseURL: String?
    /// The address users reach Walidata at; decides whether cookies are `Secure`.
    public var baseURL: String
    /// Whether `WALIDATA_BASE_URL` was set. Letters and reports print addresses from the base
    /// URL, so until it is set the admin is warned on every page.
    public var baseURLConfigured = true
    /// A PostgreSQL schema to use instead of `public` (tests use one schema per test).
    public var postgresSchema: String?
    /// Where the seed holiday list is read from on first start, if present.
    public var holidaySeedFile: String?
    /// The largest file an upload may be; enforced while the upload streams.
    public var maxUploadBytes: Int64 = 2 * 1024 * 1024 * 1024
    /// How old an unreferenced file must be before the sweep removes it (`OrphanSweep`).
    public var sweepGraceSeconds: TimeInterval = 3600

    public var usesPostgres: Bool { databaseURL != nil }
    public var secureCookies: Bool { baseURL.lowercased().hasPrefix("https://") }

    /// The absolute public address of `path` (which starts with `/`): what letters, reports,
    /// link previews and channel messages print, whether or not the base URL ends with `/`.
    public func publicURL(_ path: String) -> String {
        (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + path
    }
    public var sqlitePath: String { (dataDirectory as NSString).appendingPathComponent("walidata.sqlite") }

    public init(
        dataDirectory: String, databaseURL: String? = nil, baseURL: String = "http://127.0.0.1:8080",
        postgresSchema: String? = nil, holidaySeedFile: String? = nil
    ) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.baseURL = baseURL
        self.postgresSchema = postgresSchema
        self.holidaySeedFile = holidaySeedFile
    }

    public enum ConfigError: Error, CustomStringConvertible {
        case badDatabaseURL(String)
        case badBaseURL(String)
        case badUploadLimit(String)
        case badSweepGrace(String)
        public var description: String {
            switch self {
            case .badDatabaseURL(let url):
                "DATABASE_URL must start with postgres:// or postgresql:// (got \(url.prefix(20))…)."
            case .badBaseURL(let url):
                "WALIDATA_BASE_URL must be an http:// or https:// address (got \(url))."
            case .badUploadLimit(let value):
                "WALIDATA_MAX_UPLOAD_BYTES must be a whole number of bytes, e.g. 2147483648 for 2 GiB (got \(value))."
            case .badSweepGrace(let value):
                "WALIDATA_SWEEP_GRACE_SECONDS must be a whole number of seconds, at least 0, e.g. 3600 (got \(value))."
            }
        }
    }

    /// Reads `WALIDATA_DATA_DIR`, `DATABASE_URL`, `WALIDATA_BASE_URL`.
    public static func fromEnvironment() throws -> AppConfig {
        let env = ProcessInfo.processInfo.environment
        let dataDir = env["WALIDATA_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        let dbURL = env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let dbURL, !(dbURL.hasPrefix("postgres://") || dbURL.hasPrefix("postgresql://")) {
            throw ConfigError.badDatabaseURL(dbURL)
        }
        let baseURL = env["WALIDATA_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "http://127.0.0.1:8080"
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw ConfigError.badBaseURL(baseURL)
        }
        var config = AppConfig(
            dataDirectory: dataDir, databaseURL: dbURL, baseURL: baseURL,
            holidaySeedFile: env["WALIDATA_HOLIDAY_SEED"]
        )
        config.baseURLConfigured = !(env["WALIDATA_BASE_URL"] ?? "").isEmpty
        // One PostgreSQL schema per instance (bench/cases runs beside the tests' database this way).
        if dbURL != nil, let schema = env["WALIDATA_PG_SCHEMA"], !schema.isEmpty { config.postgresSchema = schema }
        if let raw = env["WALIDATA_MAX_UPLOAD_BYTES"], !raw.isEmpty {
            guard let limit = Int64(raw), limit > 0 else { throw ConfigError.badUploadLimit(raw) }
            config.maxUploadBytes = limit
        }
        if let raw = env["WALIDATA_SWEEP_GRACE_SECONDS"], !raw.isEmpty {
            guard let seconds = Int(raw), seconds >= 0 else { throw ConfigError.badSweepGrace(raw) }
            config.sweepGraceSeconds = TimeInterval(seconds)
        }
        return config
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    public var walidata: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else { fatalError("configure(_:config:) has not run") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }
}
