import Fluent
import SQLKit
import Vapor
import WalidataCore

/// Issues registration numbers. The pattern is the `numbering.case` setting; the sequence is a
/// row of `counters`, incremented by one statement inside the case-creating transaction:
/// `INSERT … ON CONFLICT (key) DO UPDATE SET value = counters.value + 1 RETURNING value`. On
/// PostgreSQL the row lock it takes is held to commit, so concurrent registrations queue on it;
/// on SQLite the transaction holds the database's write lock. A rolled-back registration rolls
/// its increment back too, so the numbers have no gaps and none is issued twice.
enum CaseNumbering {
    static let settingKey = "numbering.case"
    static let defaultPattern = "PD/{year}/{seq:4}"

    /// The pattern in the setting: plain text (`PD/{year}/{seq:4}`, restarting every year) or
    /// the JSON form `{"pattern": …, "reset": "never"}`.
    static func pattern(on db: any Database) async throws -> NumberingPattern {
        let raw = try await Setting.get(settingKey, on: db)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if raw.isEmpty { return try NumberingPattern(defaultPattern) }
        if raw.hasPrefix("{\"") {
            return try JSONDecoder().decode(NumberingPattern.self, from: Data(raw.utf8))
        }
        return try NumberingPattern(raw)
    }

    /// Draws the next number; call it inside the transaction that creates the case.
    static func next(on db: any Database, at instant: Date, calendar: WorkingCalendar, organizationCode: String) async throws -> String {
        let pattern = try await pattern(on: db)
        let date = calendar.localDate(of: instant)
        let sequence = try await increment("case:" + pattern.sequenceKey(year: date.year), on: db)
        return try pattern.render(NumberingValues(sequence: sequence, date: date, organization: organizationCode))
    }

    /// Adds one to the counter `key` (creating it at 1) and returns the new value.
    static func increment(_ key: String, on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "counters need an SQL database") }
        let row = try await sql.raw("""
            INSERT INTO counters ("key", "value") VALUES (\(bind: key), 1)
            ON CONFLICT ("key") DO UPDATE SET "value" = counters."value" + 1
            RETURNING "value"
            """).first()
        guard let row else { throw Abort(.internalServerError, reason: "counter \(key) returned nothing") }
        return try row.decode(column: "value", as: Int.self)
    }
}
