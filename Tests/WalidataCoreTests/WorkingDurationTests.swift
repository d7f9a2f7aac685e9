import Foundation
import Testing
@testable import WalidataCore

@Suite("Working time as the office says it")
struct WorkingDurationTests {
    /// The standard hours: Monday–Thursday 07:30–16:00 (8 h 30), Friday 07:30–16:30.
    let day = WorkingCalendar.standard().usualDayLength

    @Test func theUsualDayIsMondayToThursdaysEightAndAHalfHours() {
        #expect(day == 8.5 * 3600)
    }

    @Test func aCalendarOpenOnNoWeekdayShowsEightHourDays() {
        #expect(WorkingCalendar(hours: [:]).usualDayLength == 8 * 3600)
    }

    @Test func underADayIsHoursAndMinutes() {
        #expect(WorkingDuration(seconds: 3 * 3600 + 20 * 60, dayLength: day).text == "3 jam 20 menit")
        #expect(WorkingDuration(seconds: 45 * 60, dayLength: day).text == "45 menit")
        #expect(WorkingDuration(seconds: 2 * 3600, dayLength: day).text == "2 jam")
    }

    @Test func aDayOrMoreIsDaysAndHoursWithMinutesDropped() {
        // 10 h 59 min = one 8 h 30 day + 2 h 29 min.
        #expect(WorkingDuration(seconds: 10 * 3600 + 59 * 60, dayLength: day).text == "1 hari 2 jam")
        #expect(WorkingDuration(seconds: 17 * 3600, dayLength: day).text == "2 hari")
        #expect(WorkingDuration(seconds: 8.5 * 3600 + 20 * 60, dayLength: day).parts == [TimeStandard(amount: 1, unit: .days)])
    }

    @Test func nothingAndLessThanHalfAMinuteAreZeroMinutes() {
        #expect(WorkingDuration(seconds: 0, dayLength: day).text == "0 menit")
        #expect(WorkingDuration(seconds: 29, dayLength: day).parts.isEmpty)
        #expect(WorkingDuration(seconds: -600, dayLength: day).text == "0 menit")
        #expect(WorkingDuration(seconds: 30, dayLength: day).text == "1 menit")
    }
}
