import Fluent
import Foundation
import Vapor
import WalidataCore

/// What a new database gets on first start: SOP revision 1 in force, the default office
/// hours and the 2026 holiday list. Each seed runs once; a mark in `settings` remembers it,
/// so an admin who later deletes seeded rows does not see them come back.
enum Seeds {
    static func run(on db: any Database, config: AppConfig, logger: Logger, announceFirstAdmin: Bool = true) async throws {
        try await once("seed.sop", on: db) { db in
            let revision = try SOPRevision(
                number: 1, status: .inForce, definition: .mentawai2022,
                changeNote: "Revisi awal, dari dokumen SOP Pengelolaan Data (Januari 2022).", createdBy: nil
            )
            let identity = SOPDefinition.mentawai2022.identity
            revision.approverName = identity.disahkanNama
            revision.approverNIP = identity.disahkanNIP
            revision.approvedAt = Date(timeIntervalSince1970: 1_640_970_000) // 2022-01-01 00:00 WIB
            try await revision.create(on: db)
        }
        try await once("seed.working_hours", on: db) { db in
            let standard = WorkingCalendar.standard(nonWorkingDays: [])
            for weekday in 1...7 {
                let hours = standard.hours[weekday]
                try await WorkingHoursRow(weekday: weekday, startMinute: hours?.start, endMinute: hours?.end).create(on: db)
            }
        }
        try await once("seed.holidays", on: db) { db in
            var text = HolidaySeed.csv2026
            if let path = config.holidaySeedFile, let file = try? String(contentsOfFile: path, encoding: .utf8) {
                text = file
            }
            for day in try HolidayCSV.parse(text) {
                try await NonWorkingDayRow(date: day.date.iso, kind: day.kind.rawValue, description: day.description).create(on: db)
            }
        }
        if announceFirstAdmin, try await User.query(on: db).count() == 0 {
            logger.notice("""
                Walidata has no accounts yet. Create the first administrator with:
                  walidata user add --username admin --name "Nama Lengkap" --role admin
                (or `walidata demo` for demo accounts). See README.md.
                """)
        }
    }

    private static func once(_ key: String, on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> Void) async throws {
        guard try await Setting.get(key, on: db) == nil else { return }
        // One transaction: a failed seed leaves neither rows nor its mark behind.
        try await db.transaction { tx in
            try await body(tx)
            try await Setting.set(key, "done", on: tx)
        }
    }
}
