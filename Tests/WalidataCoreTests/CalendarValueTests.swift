import Foundation
import Testing
@testable import WalidataCore

@Suite("LocalDate")
struct LocalDateTests {
    @Test func isoRoundTrip() throws {
        let date = try #require(LocalDate(iso: "2026-11-24"))
        #expect(date.year == 2026 && date.month == 11 && date.day == 24)
        #expect(date.iso == "2026-11-24")
        #expect(LocalDate(year: 5, month: 3, day: 1)?.iso == "0005-03-01")
        #expect("\(date)" == "2026-11-24")
    }

    @Test(arguments: ["2026-02-29", "2026-04-31", "2026-00-10", "2026-13-01", "2026-1-05", "2026-01-5",
                      "2026/01/05", " 2026-01-05", "2026-01-05T00:00", "0000-01-01", "２０２６-01-05", ""])
    func rejectsMalformed(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func leapDays() {
        #expect(LocalDate(iso: "2028-02-29") != nil)
        #expect(LocalDate(iso: "2000-02-29") != nil)
        #expect(LocalDate(iso: "2100-02-29") == nil)
    }

    @Test func isoWeekday() {
        #expect(LocalDate(iso: "1970-01-01")?.weekday == 4)
        #expect(LocalDate(iso: "2026-11-23")?.weekday == 1)
        #expect(LocalDate(iso: "2026-11-24")?.weekday == 2)
        #expect(LocalDate(iso: "2026-11-27")?.weekday == 5)
        #expect(LocalDate(iso: "2026-11-29")?.weekday == 7)
        #expect(LocalDate(iso: "1969-12-28")?.weekday == 7)
        #expect(LocalDate(iso: "2000-02-29")?.weekday == 2)
    }

    @Test func addingDays() {
        let date = LocalDate(iso: "2026-12-31")!
        #expect(date.adding(days: 1).iso == "2027-01-01")
        #expect(date.adding(days: -365).iso == "2025-12-31")
        #expect(LocalDate(iso: "2028-02-28")!.adding(days: 1).iso == "2028-02-29")
        #expect(LocalDate(iso: "2026-01-01")!.dayNumber == 20_454)
        #expect(LocalDate(iso: "2026-01-01")!.days(to: LocalDate(iso: "2027-01-01")!) == 365)
    }

    /// The day-number arithmetic must agree with Foundation's Gregorian calendar day by day.
    @Test func agreesWithFoundationCalendar() throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = try #require(TimeZone(identifier: "UTC"))
        var instant = try #require(gregorian.date(from: DateComponents(year: 1899, month: 12, day: 25)))
        var date = try #require(LocalDate(iso: "1899-12-25"))
        for _ in 0..<(366 * 3 + 200) {
            let parts = gregorian.dateComponents([.year, .month, .day, .weekday], from: instant)
            #expect(date.year == parts.year && date.month == parts.month && date.day == parts.day)
            #expect(date.weekday == (parts.weekday! + 5) % 7 + 1)
            #expect(LocalDate(instant, in: gregorian.timeZone) == date)
            instant = instant.addingTimeInterval(86_400 * 37)
            date = date.adding(days: 37)
        }
    }

    @Test func dateOfInstantDependsOnZone() throws {
        let instant = wib("2026-11-24 06:00")
        #expect(LocalDate(instant, in: try #require(TimeZone(identifier: "Asia/Jakarta"))).iso == "2026-11-24")
        #expect(LocalDate(instant, in: try #require(TimeZone(identifier: "UTC"))).iso == "2026-11-23")
    }

    @Test func comparable() {
        let dates = ["2026-12-01", "2026-01-31", "2025-12-31", "2026-01-30"].compactMap { LocalDate(iso: $0) }
        #expect(dates.sorted().map(\.iso) == ["2025-12-31", "2026-01-30", "2026-01-31", "2026-12-01"])
    }

    @Test func codableAsString() throws {
        let data = try JSONEncoder().encode([LocalDate(iso: "2026-08-17")!])
        #expect(String(data: data, encoding: .utf8) == #"["2026-08-17"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [LocalDate(iso: "2026-08-17")!])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([LocalDate].self, from: Data(#"["17-08-2026"]"#.utf8)) }
    }
}

@Suite("WorkingHours")
struct WorkingHoursTests {
    @Test func parsing() throws {
        let hours = try #require(WorkingHours(parsing: "07:30", "16:00"))
        #expect(hours.start == 450 && hours.end == 960)
        #expect(hours.minutes == 510)
        #expect(hours.startText == "07:30" && hours.endText == "16:00")
        #expect(hours.text == "07:30-16:00")
        #expect(WorkingHours(parsing: "7:30", "24:00")?.text == "07:30-24:00")
    }

    @Test(arguments: [("16:00", "07:30"), ("08:00", "08:00"), ("25:00", "26:00"), ("07:60", "16:00"),
                      ("7:5", "16:00"), ("07.30", "16:00"), ("", "16:00"), ("07:30", "24:01"), ("-1:00", "16:00")])
    func rejectsBadHours(start: String, end: String) {
        #expect(WorkingHours(parsing: start, end) == nil)
    }

    @Test func rangeChecks() {
        #expect(WorkingHours(start: 0, end: 1440) != nil)
        #expect(WorkingHours(start: -1, end: 10) == nil)
        #expect(WorkingHours(start: 10, end: 1441) == nil)
    }

    @Test func codable() throws {
        let hours = try #require(WorkingHours(parsing: "07:30", "16:30"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(hours)
        #expect(String(data: data, encoding: .utf8) == #"{"end":"16:30","start":"07:30"}"#)
        #expect(try JSONDecoder().decode(WorkingHours.self, from: data) == hours)
    }
}

@Suite("TimeStandard")
struct CalendarTimeStandardTests {
    @Test(arguments: [
        ("30 menit", TimeStandard(amount: 30, unit: .minutes)),
        ("1 Jam", TimeStandard(amount: 1, unit: .hours)),
        ("1 jam", TimeStandard(amount: 1, unit: .hours)),
        ("2 hari", TimeStandard(amount: 2, unit: .days)),
        ("  2   HARI ", TimeStandard(amount: 2, unit: .days)),
        ("3 days", TimeStandard(amount: 3, unit: .days)),
    ])
    func parses(_ text: String, _ expected: TimeStandard) {
        #expect(TimeStandard(parsing: text) == expected)
    }

    @Test(arguments: ["0 hari", "jam", "-1 jam", "1", "1 minggu", "satu jam", "1 jam 30 menit", ""])
    func rejects(_ text: String) {
        #expect(TimeStandard(parsing: text) == nil)
    }

    @Test func text() {
        #expect(TimeStandard(amount: 30, unit: .minutes).text == "30 menit")
        #expect(TimeStandard(parsing: "1 Jam")?.text == "1 jam")
    }
}
