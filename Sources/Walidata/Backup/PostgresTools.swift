import Foundation

/// The PostgreSQL client programs a backup needs (`pg_dump`, `pg_restore`, `psql`), found on
/// PATH or in Debian's `/usr/lib/postgresql/<version>/bin`, and run with the connection taken
/// from `DATABASE_URL`. The password goes in the child's environment, never on its command
/// line, where any user of the machine could read it in `ps`.
struct PostgresTools: Sendable {
    let databaseURL: String
    /// The schema Walidata's tables live in; `public` unless configured otherwise.
    let schema: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(databaseURL: String, schema: String?) throws {
        self.databaseURL = databaseURL
        self.schema = schema ?? "public"
        guard self.schema.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
            throw Failure(description: "The PostgreSQL schema name \(self.schema) cannot be used for a backup.")
        }
    }

    static func find(_ program: String) throws -> String {
        let fm = FileManager.default
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where fm.isExecutableFile(atPath: "\(dir)/\(program)") {
            return "\(dir)/\(program)"
        }
        let versions = (try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let candidate = "/usr/lib/postgresql/\(version)/bin/\(program)"
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(description: "\(program) was not found on PATH nor under /usr/lib/postgresql/*/bin. Install the PostgreSQL client programs (Debian: apt-get install postgresql-client) to back up or restore a PostgreSQL database.")
    }

    /// libpq's environment variables for `DATABASE_URL`.
    var environment: [String: String] {
        get throws {
            guard let url = URLComponents(string: databaseURL), let host = url.host, !host.isEmpty else {
                throw Failure(description: "DATABASE_URL cannot be read as postgres://user:password@host:port/database.")
            }
            var env = ProcessInfo.processInfo.environment
            env["PGHOST"] = host
            env["PGPORT"] = String(url.port ?? 5432)
            if let user = url.user { env["PGUSER"] = user.removingPercentEncoding ?? user }
            if let password = url.password { env["PGPASSWORD"] = password.removingPercentEncoding ?? password }
            env["PGDATABASE"] = database
            for item in url.queryItems ?? [] where ["sslmode", "tlsmode"].contains(item.name) {
                env["PGSSLMODE"] = item.value == "disable" ? "disable" : (item.value ?? "prefer")
            }
            return env
        }
    }

    var database: String {
        let path = URLComponents(string: databaseURL)?.path ?? ""
        return String(path.drop { $0 == "/" })
    }

    /// Dumps Walidata's schema in pg_dump's custom format, from an exported snapshot when given,
    /// so the dump shows exactly what the exporting transaction sees.
    func dump(to file: String, snapshot: String?) async throws {
        var arguments = ["--format=custom", "--no-password", "--file=\(file)", "--schema=\(schema)"]
        if let snapshot { arguments.append("--snapshot=\(snapshot)") }
        try await run("pg_dump", arguments)
    }

    /// Restores a dump into the configured database in one transaction: it either all goes in
    /// or nothing does.
    /// A dump of `public` holds `CREATE SCHEMA public`, which every new database already has;
    /// so when the (empty) schema exists, its own entries are left out of the restore list.
    func restore(from file: String) async throws {
        var arguments = ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--no-password", "--dbname=\(database)"]
        let list = "\(file).list"
        defer { try? FileManager.default.removeItem(atPath: list) }
        if try await schemaExists() {
            let contents = try await run("pg_restore", ["--list", file])
            try Self.withoutSchemaEntries(contents, schema: schema).write(toFile: list, atomically: true, encoding: .utf8)
            arguments.append("--use-list=\(list)")
        }
        try await run("pg_restore", arguments + [file])
    }

    /// The restore list (`pg_restore --list`) minus the lines that create or comment on `schema`.
    static func withoutSchemaEntries(_ list: String, schema: String) -> String {
        list.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 6, words[0].hasSuffix(";") else { return true }
            let entry = Array(words[3...])
            return !(entry.starts(with: ["SCHEMA", "-", schema]) || entry.starts(with: ["COMMENT", "-", "SCHEMA", schema]))
        }.joined(separator: "\n")
    }

    private func schemaExists() async throws -> Bool {
        let output = try await run("psql", ["-X", "-A", "-t", "--no-password", "-c", "SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname = '\(schema)'"])
        return output.trimmingCharacters(in: .whitespacesAndNewlines) != "0"
    }

    /// Whether pg_restore can read the dump's table of contents (without connecting anywhere).
    static func checkDump(_ file: String) async throws {
        _ = try await ProcessRunner.run(try find("pg_restore"), ["--list", file], environment: ProcessInfo.processInfo.environment)
    }

    /// How many tables the target schema has: a restore goes only into an empty one.
    func tableCount() async throws -> Int {
        let sql = "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = '\(schema)'"
        let output = try await run("psql", ["-X", "-A", "-t", "--no-password", "-c", sql])
        guard let count = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "psql answered \(output) when asked how many tables schema \(schema) has.")
        }
        return count
    }

    @discardableResult
    private func run(_ program: String, _ arguments: [String]) async throws -> String {
        try await ProcessRunner.run(try Self.find(program), arguments, environment: try environment)
    }
}
