import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Testing
import Vapor
@testable import Walidata

@Suite("The embedded SQLite database")
struct DatabaseTests {
    struct Row: Decodable { var value: String }

    @Test("runs in WAL mode with foreign keys on and a busy timeout on every connection")
    func pragmas() async throws {
        try await withTestApp(.sqlite) { app in
            #expect(FileManager.default.fileExists(atPath: app.walidata.sqlitePath))
            for loop in app.eventLoopGroup.makeIterator() {
                let sql = try #require(app.databases.database(.sqlite, logger: app.logger, on: loop) as? any SQLDatabase)
                let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
                #expect(mode == "wal")
                let keys = try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
                #expect(keys == 1)
                let timeout = try await sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self)
                #expect(timeout == 10000)
            }
        }
    }

    @Test("a second start on the same data directory migrates nothing and seeds nothing twice")
    func restartIsIdempotent() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("walidata-restart-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for _ in 0..<2 {
            let app = try await Application.make(.testing)
            app.logger.logLevel = .warning
            try await configure(app, config: AppConfig(dataDirectory: dir))
            #expect(try await SOPRevision.query(on: app.db).count() == 1)
            #expect(try await NonWorkingDayRow.query(on: app.db).count() == 25)
            #expect(try await WorkingHoursRow.query(on: app.db).count() == 7)
            try await app.asyncShutdown()
        }
    }
}
