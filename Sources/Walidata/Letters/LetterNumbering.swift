import Fluent
import Foundation
import WalidataCore

/// Issues letter numbers (Nomor surat) from the `numbering.letter` pattern through the same
/// `counters` row increment as case numbers, inside the step-completing transaction: a number
/// is drawn once, and a rolled-back completion gives its number back, so none is issued twice.
enum LetterNumbering {
    static let settingKey = "numbering.letter"
    static let unitKey = "letter.unit_code"
    /// 000.5.2 is the archive classification for "pendataan" in the national classification code.
    static let defaultPattern = "000.5.2/{seq:4}/{unit}/{year}"
    static let defaultUnit = "Diskominfo"
    static let classification = "000.5.2"

    static func pattern(on db: any Database) async throws -> NumberingPattern {
        let raw = try await Setting.get(settingKey, on: db)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if raw.isEmpty { return try NumberingPattern(defaultPattern) }
        if raw.hasPrefix("{\"") { return try JSONDecoder().decode(NumberingPattern.self, from: Data(raw.utf8)) }
        return try NumberingPattern(raw)
    }

    static func next(on db: any Database, at instant: Date, calendar: WorkingCalendar, organizationCode: String) async throws -> String {
        let pattern = try await pattern(on: db)
        let unit = try await Setting.get(unitKey, on: db).flatMap { $0.isEmpty ? nil : $0 } ?? defaultUnit
        let date = calendar.localDate(of: instant)
        let sequence = try await CaseNumbering.increment("letter:" + pattern.sequenceKey(year: date.year), on: db)
        return try pattern.render(NumberingValues(
            sequence: sequence, date: date, unit: unit, classification: classification, organization: organizationCode))
    }
}
