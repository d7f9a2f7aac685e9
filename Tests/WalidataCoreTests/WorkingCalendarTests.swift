import Foundation
import Testing
@testable import WalidataCore

private let hari1 = TimeStandard(amount: 1, unit: .days)
private let hari2 = TimeStandard(amount: 2, unit: .days)
private let jam1 = TimeStandard(amount: 1, unit: .hours)
private let jam2 = TimeStandard(amount: 2, unit: .hours)
private let menit30 = TimeStandard(amount: 30, unit: .minutes)

/// Working seconds of a Monday–Thursday (07:30–16:00) and of a Friday (07:30–16:30).
private let weekdaySeconds: TimeInterval = 8.5 * 3600
private let fridaySeconds: TimeInterval = 9 * 3600

@Suite("WorkingCalendar: days")
struct WorkingCalendarDayTests {
    let calendar = CalendarFixture.office2026

    @Test func standardHoursAreMondayToFridayWithLongerFriday() {
        let hours = WorkingCalendar.standardHours
        #expect(hours[1]?.text == "07:30-16:00")
        #expect(hours[4]?.text == "07:30-16:00")
        #expect(hours[5]?.text == "07:30-16:30")
        #expect(hours[6] == nil)
        #expect(hours[7] == nil)
        #expect(calendar.timeZone.identifier == "Asia/Jakarta")
        #expect(calendar.timeZone.secondsFromGMT(for: wib("2026-07-01 12:00")) == 7 * 3600)
    }

    @Test func workingDaysSkipWeekendsAndHolidays() {
        #expect(calendar.isWorkingDay(CalendarFixture.date("2026-11-24")))
        #expect(!calendar.isWorkingDay(CalendarFixture.date("2026-11-28")))
        #expect(!calendar.isWorkingDay(CalendarFixture.date("2026-11-29")))
        #expect(!calendar.isWorkingDay(CalendarFixture.date("2026-12-24")))
        #expect(!calendar.isWorkingDay(CalendarFixture.date("2026-12-25")))
        #expect(calendar.isWorkingDay(CalendarFixture.date("2026-12-28")))
        #expect(calendar.nonWorkingDays[CalendarFixture.date("2026-12-24")]?.kind == .cutiBersama)
        #expect(calendar.nextWorkingDay(after: CalendarFixture.date("2026-12-23")) == CalendarFixture.date("2026-12-28"))
    }

    @Test func workingIntervalIsOpeningToClosingInWIB() {
        let interval = calendar.workingInterval(on: CalendarFixture.date("2026-11-27"))
        #expect(interval == DateInterval(start: wib("2026-11-27 07:30"), end: wib("2026-11-27 16:30")))
        #expect(calendar.workingInterval(on: CalendarFixture.date("2026-11-28")) == nil)
    }

    @Test func workingTimeIsHalfOpen() {
        #expect(!calendar.isWorkingTime(wib("2026-11-24 07:29")))
        #expect(calendar.isWorkingTime(wib("2026-11-24 07:30")))
        #expect(calendar.isWorkingTime(wib("2026-11-24 15:59")))
        #expect(!calendar.isWorkingTime(wib("2026-11-24 16:00")))
        #expect(calendar.isWorkingTime(wib("2026-11-27 16:15")))
        #expect(!calendar.isWorkingTime(wib("2026-11-28 10:00")))
        #expect(!calendar.isWorkingTime(wib("2026-12-24 10:00")))
    }

    @Test func nextWorkingInstant() {
        #expect(calendar.nextWorkingInstant(atOrAfter: wib("2026-11-24 10:00")) == wib("2026-11-24 10:00"))
        #expect(calendar.nextWorkingInstant(atOrAfter: wib("2026-11-24 05:00")) == wib("2026-11-24 07:30"))
        #expect(calendar.nextWorkingInstant(atOrAfter: wib("2026-11-24 16:00")) == wib("2026-11-25 07:30"))
        #expect(calendar.nextWorkingInstant(atOrAfter: wib("2026-11-27 16:30")) == wib("2026-11-30 07:30"))
        #expect(calendar.nextWorkingInstant(atOrAfter: wib("2026-12-23 23:59")) == wib("2026-12-28 07:30"))
    }

    @Test func tuesdayPlusTwoDaysIsThursdaySameTime() {
        #expect(calendar.due(from: wib("2026-11-24 10:00"), adding: hari2) == wib("2026-11-26 10:00"))
    }

    @Test func daysCarrySecondsOfTheClockTime() {
        #expect(calendar.due(from: wib("2026-11-24 10:00:30"), adding: hari1) == wib("2026-11-25 10:00:30"))
        let withFraction = wib("2026-11-24 10:00").addingTimeInterval(0.25)
        #expect(calendar.due(from: withFraction, adding: hari1) == wib("2026-11-25 10:00").addingTimeInterval(0.25))
    }

    @Test func daysAcrossWeekend() {
        #expect(calendar.due(from: wib("2026-11-26 10:00"), adding: hari2) == wib("2026-11-30 10:00"))
        #expect(calendar.due(from: wib("2026-11-27 09:00"), adding: hari1) == wib("2026-11-30 09:00"))
        #expect(calendar.due(from: wib("2026-11-23 08:00"), adding: TimeStandard(amount: 5, unit: .days)) == wib("2026-11-30 08:00"))
    }

    @Test func daysAcrossChristmasHolidays() {
        #expect(calendar.due(from: wib("2026-12-23 10:00"), adding: hari1) == wib("2026-12-28 10:00"))
        #expect(calendar.due(from: wib("2026-12-22 14:00"), adding: hari2) == wib("2026-12-28 14:00"))
    }

    @Test func daysAcrossIdulfitriLeave() {
        #expect(calendar.due(from: wib("2026-03-17 10:00"), adding: hari1) == wib("2026-03-25 10:00"))
    }

    @Test func daysAreClampedToTargetClosing() {
        #expect(calendar.due(from: wib("2026-11-27 16:20"), adding: hari1) == wib("2026-11-30 16:00"))
        #expect(calendar.due(from: wib("2026-11-26 15:00"), adding: hari1) == wib("2026-11-27 15:00"))
    }

    @Test func daysAreClampedToTargetOpening() {
        var hours = WorkingCalendar.standardHours
        hours[2] = WorkingHours(parsing: "09:00", "16:00")
        let lateTuesday = WorkingCalendar(hours: hours)
        #expect(lateTuesday.due(from: wib("2026-11-23 08:00"), adding: hari1) == wib("2026-11-24 09:00"))
        #expect(lateTuesday.due(from: wib("2026-11-23 10:00"), adding: hari1) == wib("2026-11-24 10:00"))
    }

    @Test func daysFromSaturdayStartAtMondayOpening() {
        #expect(calendar.due(from: wib("2026-11-28 09:00"), adding: hari1) == wib("2026-12-01 07:30"))
    }

    @Test func daysFromBeforeOpeningStartAtOpening() {
        #expect(calendar.due(from: wib("2026-11-24 06:00"), adding: hari1) == wib("2026-11-25 07:30"))
        #expect(calendar.due(from: wib("2026-11-24 00:00"), adding: hari1) == wib("2026-11-25 07:30"))
    }

    @Test func daysFromClosingStartAtNextOpening() {
        #expect(calendar.due(from: wib("2026-11-23 16:00"), adding: hari1) == wib("2026-11-25 07:30"))
        #expect(calendar.due(from: wib("2026-11-23 15:59"), adding: hari1) == wib("2026-11-24 15:59"))
        #expect(calendar.due(from: wib("2026-11-23 19:00"), adding: hari1) == wib("2026-11-25 07:30"))
        #expect(calendar.due(from: wib("2026-11-27 16:30"), adding: hari1) == wib("2026-12-01 07:30"))
    }

    @Test func daysAcrossYearEndWithNewYearHoliday() throws {
        let newYear = NonWorkingDay(date: CalendarFixture.date("2027-01-01"), kind: .liburNasional, description: "Tahun Baru 2027 Masehi")
        let calendar = WorkingCalendar.standard(nonWorkingDays: CalendarFixture.holidays2026 + [newYear])
        #expect(calendar.due(from: wib("2026-12-31 15:00"), adding: hari1) == wib("2027-01-04 15:00"))
        #expect(calendar.due(from: wib("2026-12-31 15:00"), adding: jam2) == wib("2027-01-04 08:30"))
    }
}

@Suite("WorkingCalendar: minutes and hours")
struct WorkingCalendarMinuteTests {
    let calendar = CalendarFixture.office2026

    @Test func withinTheDay() {
        #expect(calendar.due(from: wib("2026-11-24 10:00"), adding: menit30) == wib("2026-11-24 10:30"))
        #expect(calendar.due(from: wib("2026-11-24 10:00"), adding: jam1) == wib("2026-11-24 11:00"))
    }

    @Test func endingExactlyAtClosingIsDueAtClosing() {
        #expect(calendar.due(from: wib("2026-11-23 15:00"), adding: jam1) == wib("2026-11-23 16:00"))
        #expect(calendar.due(from: wib("2026-11-27 16:00"), adding: menit30) == wib("2026-11-27 16:30"))
    }

    @Test func thursdayAfternoonHourEndsFridayMorning() {
        #expect(calendar.due(from: wib("2026-11-26 15:30"), adding: jam1) == wib("2026-11-27 08:00"))
    }

    @Test func fridayClosesLater() {
        #expect(calendar.due(from: wib("2026-11-27 16:00"), adding: jam1) == wib("2026-11-30 08:00"))
        #expect(calendar.due(from: wib("2026-11-27 15:45"), adding: menit30) == wib("2026-11-27 16:15"))
    }

    @Test func thirtyMinutesAcrossEndOfDay() {
        #expect(calendar.due(from: wib("2026-11-23 15:45"), adding: menit30) == wib("2026-11-24 07:45"))
    }

    @Test func thirtyMinutesAcrossWeekend() {
        #expect(calendar.due(from: wib("2026-11-27 16:15"), adding: menit30) == wib("2026-11-30 07:45"))
    }

    @Test func fromOutsideWorkingTime() {
        #expect(calendar.due(from: wib("2026-11-28 09:00"), adding: jam1) == wib("2026-11-30 08:30"))
        #expect(calendar.due(from: wib("2026-11-24 06:00"), adding: jam1) == wib("2026-11-24 08:30"))
        #expect(calendar.due(from: wib("2026-11-23 17:00"), adding: menit30) == wib("2026-11-24 08:00"))
        #expect(calendar.due(from: wib("2026-12-24 09:00"), adding: menit30) == wib("2026-12-28 08:00"))
    }

    @Test func hoursSpanningSeveralDays() {
        #expect(calendar.due(from: wib("2026-11-23 07:30"), adding: TimeStandard(amount: 17, unit: .hours)) == wib("2026-11-24 16:00"))
        #expect(calendar.due(from: wib("2026-11-23 07:30"), adding: TimeStandard(amount: 43, unit: .hours)) == wib("2026-11-27 16:30"))
        #expect(calendar.due(from: wib("2026-11-23 07:30"), adding: TimeStandard(amount: 44, unit: .hours)) == wib("2026-11-30 08:30"))
    }

    @Test func yearEnd() {
        let newYear = NonWorkingDay(date: CalendarFixture.date("2027-01-01"), kind: .liburNasional, description: "Tahun Baru 2027 Masehi")
        let withNewYear = WorkingCalendar.standard(nonWorkingDays: CalendarFixture.holidays2026 + [newYear])
        #expect(withNewYear.due(from: wib("2026-12-31 15:00"), adding: jam2) == wib("2027-01-04 08:30"))
        #expect(calendar.due(from: wib("2026-12-31 15:00"), adding: jam2) == wib("2027-01-01 08:30"))
    }

    @Test func nonPositiveAmountIsDueAtStart() {
        let start = wib("2026-11-28 09:00")
        #expect(calendar.due(from: start, adding: TimeStandard(amount: 0, unit: .hours)) == start)
        #expect(calendar.due(from: start, adding: TimeStandard(amount: -3, unit: .days)) == start)
    }

    /// Whatever the start, a minute or hour standard must be exactly that much working time.
    @Test(arguments: [1, 29, 30, 90, 510, 541, 2000, 6000])
    func minuteStandardConsumesExactlyThatWorkingTime(minutes: Int) {
        let standard = TimeStandard(amount: minutes, unit: .minutes)
        var start = wib("2026-12-20 00:00")
        let end = wib("2026-12-29 00:00")
        while start < end {
            let due = calendar.due(from: start, adding: standard)
            #expect(calendar.workingTime(from: start, to: due) == TimeInterval(minutes * 60), "start \(start)")
            #expect(calendar.isWorkingTime(due) || calendar.isWorkingTime(due.addingTimeInterval(-1)))
            start = start.addingTimeInterval(37 * 60)
        }
    }
}

@Suite("WorkingCalendar: elapsed working time")
struct WorkingCalendarElapsedTests {
    let calendar = CalendarFixture.office2026

    @Test func partialDay() {
        #expect(calendar.workingTime(from: wib("2026-11-24 10:00"), to: wib("2026-11-24 11:15")) == 75 * 60)
        #expect(calendar.workingTime(from: wib("2026-11-24 06:00"), to: wib("2026-11-24 08:00")) == 30 * 60)
        #expect(calendar.workingTime(from: wib("2026-11-24 15:00"), to: wib("2026-11-24 20:00")) == 3600)
        #expect(calendar.workingTime(from: wib("2026-11-24 17:00"), to: wib("2026-11-24 20:00")) == 0)
    }

    @Test func acrossWeekend() {
        #expect(calendar.workingTime(from: wib("2026-11-27 15:00"), to: wib("2026-11-30 09:00")) == 3 * 3600)
    }

    @Test func acrossHolidays() {
        #expect(calendar.workingTime(from: wib("2026-12-23 15:00"), to: wib("2026-12-28 08:30")) == 2 * 3600)
        #expect(calendar.workingTime(from: wib("2026-03-17 00:00"), to: wib("2026-03-26 00:00")) == 2 * weekdaySeconds)
    }

    @Test func wholeWeek() {
        #expect(calendar.workingTime(from: wib("2026-11-23 00:00"), to: wib("2026-11-30 00:00")) == 4 * weekdaySeconds + fridaySeconds)
    }

    @Test func reversedOrEqualIsZero() {
        #expect(calendar.workingTime(from: wib("2026-11-24 11:00"), to: wib("2026-11-24 10:00")) == 0)
        #expect(calendar.workingTime(from: wib("2026-11-30 11:00"), to: wib("2026-11-24 10:00")) == 0)
        #expect(calendar.workingTime(from: wib("2026-11-24 10:00"), to: wib("2026-11-24 10:00")) == 0)
    }

    @Test func standardDuration() {
        #expect(calendar.standardDuration(hari2, from: wib("2026-11-24 10:00")) == 2 * weekdaySeconds)
        #expect(calendar.standardDuration(hari1, from: wib("2026-11-27 16:20")) == 10 * 60 + weekdaySeconds)
        #expect(calendar.standardDuration(hari1, from: wib("2026-11-26 10:00")) == weekdaySeconds)
        #expect(calendar.standardDuration(jam1, from: wib("2026-11-27 16:00")) == 3600)
        #expect(calendar.standardDuration(menit30, from: wib("2026-11-29 10:00")) == 1800)
    }
}

@Suite("WorkingCalendar: zones")
struct WorkingCalendarZoneTests {
    @Test func expectationsAreAbsoluteInstants() {
        let calendar = WorkingCalendar.standard()
        let due = calendar.due(from: Date(timeIntervalSince1970: 1_796_000_000), adding: hari1)
        #expect(wib("2026-11-30 07:53:20") == Date(timeIntervalSince1970: 1_796_000_000))
        #expect(due == Date(timeIntervalSince1970: 1_796_000_000 + 86_400))
    }

    @Test func fixedOffsetZoneGivesSameResultsAsJakarta() throws {
        let fixed = WorkingCalendar.standard(timeZone: try #require(TimeZone(secondsFromGMT: 7 * 3600)))
        let jakarta = WorkingCalendar.standard()
        for start in [wib("2026-11-27 16:20"), wib("2026-11-28 09:00"), wib("2026-11-24 06:00")] {
            for standard in [hari1, jam2, menit30] {
                #expect(fixed.due(from: start, adding: standard) == jakarta.due(from: start, adding: standard))
            }
        }
    }

    @Test func jayapuraCalendarUsesWIT() throws {
        let papua = WorkingCalendar.standard(timeZone: try #require(TimeZone(identifier: "Asia/Jayapura")))
        let jakarta = WorkingCalendar.standard()
        let start = wib("2026-11-24 07:00")
        #expect(start == wit("2026-11-24 09:00"))
        #expect(papua.isWorkingTime(start))
        #expect(!jakarta.isWorkingTime(start))
        #expect(papua.due(from: start, adding: jam1) == wit("2026-11-24 10:00"))
        #expect(jakarta.due(from: start, adding: jam1) == wib("2026-11-24 08:30"))
        #expect(papua.due(from: wit("2026-11-24 10:00"), adding: hari2) == wit("2026-11-26 10:00"))

        let lateFridayInJakarta = wib("2026-11-27 23:00")
        #expect(jakarta.localDate(of: lateFridayInJakarta) == CalendarFixture.date("2026-11-27"))
        #expect(papua.localDate(of: lateFridayInJakarta) == CalendarFixture.date("2026-11-28"))
        #expect(papua.workingTime(from: wit("2026-11-27 07:30"), to: wit("2026-11-30 07:30")) == fridaySeconds)
    }

    @Test func changingTheZoneOfACalendarMovesItsHours() throws {
        var calendar = WorkingCalendar.standard()
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Jayapura"))
        #expect(calendar.workingInterval(on: CalendarFixture.date("2026-11-24"))?.start == wit("2026-11-24 07:30"))
    }

    /// A zone with daylight saving: a `hari` keeps the wall-clock time across the change and
    /// elapsed working time counts real seconds.
    @Test func daylightSavingChangeKeepsWallClock() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let calendar = WorkingCalendar.standard(timeZone: berlin)
        let fridayCET = CalendarFixture.instant("2026-03-27 10:00", offset: "+01:00")
        let mondayCEST = CalendarFixture.instant("2026-03-30 10:00", offset: "+02:00")
        #expect(calendar.due(from: fridayCET, adding: hari1) == mondayCEST)
        #expect(calendar.workingTime(from: fridayCET, to: mondayCEST) == 6.5 * 3600 + 2.5 * 3600)
    }

    #if os(Linux) || os(macOS)
    /// Runs in a child process so changing the process zone cannot disturb tests running in parallel.
    @Test func serverZoneDoesNotChangeResults() async {
        await #expect(processExitsWith: .success) {
            setenv("TZ", "America/New_York", 1)
            tzset()
            NSTimeZone.resetSystemTimeZone()
            guard TimeZone.current.secondsFromGMT(for: wib("2026-11-24 10:00")) == -5 * 3600 else { exit(2) }
            guard Calendar.current.component(.hour, from: wib("2026-11-24 10:00")) == 22 else { exit(3) }
            let calendar = CalendarFixture.office2026
            let cases: [(Date, TimeStandard, Date)] = [
                (wib("2026-11-24 10:00"), TimeStandard(amount: 2, unit: .days), wib("2026-11-26 10:00")),
                (wib("2026-11-27 16:20"), TimeStandard(amount: 1, unit: .days), wib("2026-11-30 16:00")),
                (wib("2026-12-23 10:00"), TimeStandard(amount: 1, unit: .days), wib("2026-12-28 10:00")),
                (wib("2026-11-26 15:30"), TimeStandard(amount: 1, unit: .hours), wib("2026-11-27 08:00")),
                (wib("2026-11-24 22:00"), TimeStandard(amount: 30, unit: .minutes), wib("2026-11-25 08:00")),
            ]
            for (start, standard, expected) in cases where calendar.due(from: start, adding: standard) != expected {
                exit(4)
            }
            guard calendar.localDate(of: wib("2026-11-25 06:00")) == LocalDate(iso: "2026-11-25") else { exit(5) }
            guard calendar.workingTime(from: wib("2026-11-27 15:00"), to: wib("2026-11-30 09:00")) == 3 * 3600 else { exit(6) }
        }
    }
    #endif
}

@Suite("WorkingCalendar: degenerate calendars and storage")
struct WorkingCalendarConfigurationTests {
    @Test func calendarWithoutWorkingDaysFallsBackToElapsedTime() {
        let closed = WorkingCalendar(hours: [:])
        let start = wib("2026-11-24 10:00")
        #expect(closed.nextWorkingInstant(atOrAfter: start) == nil)
        #expect(closed.due(from: start, adding: hari2) == wib("2026-11-26 10:00"))
        #expect(closed.due(from: start, adding: jam1) == wib("2026-11-24 11:00"))
        #expect(closed.workingTime(from: start, to: wib("2026-12-24 10:00")) == 0)
    }

    @Test func duplicateNonWorkingDatesKeepTheFirst() {
        let date = CalendarFixture.date("2026-11-24")
        let calendar = WorkingCalendar.standard(nonWorkingDays: [
            NonWorkingDay(date: date, kind: .penutupanKantor, description: "Pindah kantor"),
            NonWorkingDay(date: date, kind: .cutiBersama, description: "Lain"),
        ])
        #expect(calendar.nonWorkingDays[date]?.kind == .penutupanKantor)
        #expect(calendar.due(from: wib("2026-11-23 10:00"), adding: hari1) == wib("2026-11-25 10:00"))
    }

    @Test func codableRoundTrip() throws {
        let calendar = CalendarFixture.office2026
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(calendar)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"timeZone\":\"Asia\\/Jakarta\""))
        #expect(json.contains("\"5\":{\"end\":\"16:30\",\"start\":\"07:30\"}"))
        #expect(json.contains("{\"date\":\"2026-01-01\",\"description\":\"Tahun Baru 2026 Masehi\",\"kind\":\"libur_nasional\"}"))
        let decoded = try JSONDecoder().decode(WorkingCalendar.self, from: data)
        #expect(decoded == calendar)
        #expect(decoded.due(from: wib("2026-12-23 10:00"), adding: hari1) == wib("2026-12-28 10:00"))
    }

    @Test func decodingRejectsBadWeekdayAndZone() {
        let badWeekday = #"{"timeZone":"Asia/Jakarta","hours":{"8":{"start":"07:30","end":"16:00"}}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorkingCalendar.self, from: Data(badWeekday.utf8)) }
        let badZone = #"{"timeZone":"Asia/Atlantis","hours":{}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorkingCalendar.self, from: Data(badZone.utf8)) }
        let reversed = #"{"timeZone":"Asia/Jakarta","hours":{"1":{"start":"16:00","end":"07:30"}}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorkingCalendar.self, from: Data(reversed.utf8)) }
    }
}
