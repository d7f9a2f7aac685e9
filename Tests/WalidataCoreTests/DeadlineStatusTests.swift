import Foundation
import Testing
@testable import WalidataCore

private let oneDay = TimeStandard(amount: 1, unit: .days)
private let oneHour = TimeStandard(amount: 1, unit: .hours)

@Suite("Deadline status")
struct DeadlineStatusTests {
    let calendar = CalendarFixture.office2026

    /// A 1-hari step opened Friday 10:00: due Monday 10:00, with 9 working hours in between
    /// (Friday 10:00–16:30 and Monday 07:30–10:00).
    var fridayStep: StepInstance {
        let opened = wib("2026-11-27 10:00")
        return StepInstance(step: 3, round: 1, openedAt: opened, dueAt: calendar.due(from: opened, adding: oneDay))
    }

    @Test func theFridayStepIsDueMondayWithNineWorkingHours() {
        #expect(fridayStep.dueAt == wib("2026-11-30 10:00"))
        #expect(fridayStep.allowedDuration(calendar: calendar) == 9 * 3600)
    }

    @Test func theWeekendDoesNotUseUpTheStep() {
        #expect(DeadlineStatus(of: fridayStep, at: wib("2026-11-27 12:00"), calendar: calendar) == .onTime)
        // Saturday noon is 72% of the working time, though 56% of the wall time has gone.
        #expect(DeadlineStatus(of: fridayStep, at: wib("2026-11-28 12:00"), calendar: calendar) == .onTime)
        #expect(DeadlineStatus(of: fridayStep, at: wib("2026-11-30 07:00"), calendar: calendar) == .onTime)
    }

    @Test func seventyFourPercentIsStillOnTime() {
        let now = wib("2026-11-30 07:39:36")
        #expect(fridayStep.workingDuration(until: now, calendar: calendar) == 0.74 * 9 * 3600)
        #expect(DeadlineStatus(of: fridayStep, at: now, calendar: calendar) == .onTime)
    }

    @Test func seventyFivePercentIsNearTheLimit() {
        let now = wib("2026-11-30 07:45")
        #expect(fridayStep.workingDuration(until: now, calendar: calendar) == 0.75 * 9 * 3600)
        #expect(DeadlineStatus(of: fridayStep, at: now, calendar: calendar) == .nearLimit)
        #expect(DeadlineStatus(of: fridayStep, at: wib("2026-11-30 09:59"), calendar: calendar) == .nearLimit)
    }

    @Test func theDueInstantItselfIsNotYetLate() {
        #expect(DeadlineStatus(of: fridayStep, at: wib("2026-11-30 10:00"), calendar: calendar) == .nearLimit)
        #expect(DeadlineStatus(of: fridayStep, at: wib("2026-11-30 10:00:01"), calendar: calendar) == .late)
        #expect(DeadlineStatus(of: fridayStep, at: wib("2026-12-05 10:00"), calendar: calendar) == .late)
    }

    @Test func aStepDueAtClosingIsLateAfterClosing() {
        let opened = wib("2026-11-24 15:00")
        let step = StepInstance(step: 8, round: 1, openedAt: opened, dueAt: calendar.due(from: opened, adding: oneHour))
        #expect(step.dueAt == wib("2026-11-24 16:00"))
        // No working time passes after 16:00, yet the due instant has.
        #expect(step.workingDuration(until: wib("2026-11-24 16:30"), calendar: calendar) == step.allowedDuration(calendar: calendar))
        #expect(DeadlineStatus(of: step, at: wib("2026-11-24 16:30"), calendar: calendar) == .late)
    }

    @Test func completedStepsAreJudgedByTheirCompletionNotByNow() {
        var step = fridayStep
        step.completedAt = wib("2026-11-30 09:59")
        #expect(DeadlineStatus(of: step, at: wib("2026-12-10 10:00"), calendar: calendar) == .doneOnTime)
        step.completedAt = wib("2026-11-30 10:00")
        #expect(DeadlineStatus(of: step, at: wib("2026-12-10 10:00"), calendar: calendar) == .doneOnTime)
        step.completedAt = wib("2026-11-30 10:01")
        let late = DeadlineStatus(of: step, at: wib("2026-11-30 10:01"), calendar: calendar)
        #expect(late == .doneLate)
        #expect(late.isLate && late.isDone)
        #expect(!DeadlineStatus.nearLimit.isLate)
    }
}

/// The warning window: a quarter of the working time allowed, at least 15 minutes, at most half.
@Suite("Near the limit")
struct NearLimitTests {
    let calendar = CalendarFixture.office2026
    let thirtyMinutes = TimeStandard(amount: 30, unit: .minutes)

    func step(opened: String, _ standard: TimeStandard) -> StepInstance {
        let at = wib(opened)
        return StepInstance(step: 1, round: 1, openedAt: at, dueAt: calendar.due(from: at, adding: standard))
    }

    @Test func theWindowIsAQuarterAtLeastFifteenMinutesAtMostHalf() {
        #expect(DeadlineStatus.warningWindow(allowed: 10 * 60) == 5 * 60)
        #expect(DeadlineStatus.warningWindow(allowed: 30 * 60) == 15 * 60)
        #expect(DeadlineStatus.warningWindow(allowed: 3600) == 15 * 60)
        #expect(DeadlineStatus.warningWindow(allowed: 2 * 3600) == 30 * 60)
        #expect(DeadlineStatus.warningWindow(allowed: 9 * 3600) == 2.25 * 3600)
    }

    /// The walk-through's step 1: at 8 minutes left it must already say "Mendekati batas".
    @Test func aThirtyMinuteStepIsNearTheLimitForItsLastFifteenMinutes() {
        let step1 = step(opened: "2026-11-24 09:00", thirtyMinutes)
        #expect(step1.dueAt == wib("2026-11-24 09:30"))
        #expect(DeadlineStatus(of: step1, at: wib("2026-11-24 09:14:59"), calendar: calendar) == .onTime)
        #expect(DeadlineStatus(of: step1, at: wib("2026-11-24 09:15"), calendar: calendar) == .nearLimit)
        #expect(DeadlineStatus(of: step1, at: wib("2026-11-24 09:22"), calendar: calendar) == .nearLimit)
        #expect(DeadlineStatus(of: step1, at: wib("2026-11-24 09:30"), calendar: calendar) == .nearLimit)
        #expect(DeadlineStatus(of: step1, at: wib("2026-11-24 09:30:01"), calendar: calendar) == .late)
    }

    @Test func anHourStepIsNearTheLimitForItsLastQuarter() {
        let step2 = step(opened: "2026-11-24 09:00", oneHour)
        #expect(DeadlineStatus(of: step2, at: wib("2026-11-24 09:44:59"), calendar: calendar) == .onTime)
        #expect(DeadlineStatus(of: step2, at: wib("2026-11-24 09:45"), calendar: calendar) == .nearLimit)
    }

    @Test func aVeryShortStepDoesNotOpenFlagged() {
        let short = step(opened: "2026-11-24 09:00", TimeStandard(amount: 10, unit: .minutes))
        #expect(DeadlineStatus(of: short, at: wib("2026-11-24 09:00"), calendar: calendar) == .onTime)
        #expect(DeadlineStatus(of: short, at: wib("2026-11-24 09:04:59"), calendar: calendar) == .onTime)
        #expect(DeadlineStatus(of: short, at: wib("2026-11-24 09:05"), calendar: calendar) == .nearLimit)
    }

    /// Opened Friday 16:20: 10 minutes that evening, 20 on Monday, due Monday 07:50. The weekend
    /// leaves 20 working minutes, more than the window, so it is not flagged until Monday 07:35.
    @Test func theWindowCountsWorkingTimeAcrossTheWeekend() {
        let late = step(opened: "2026-11-27 16:20", thirtyMinutes)
        #expect(late.dueAt == wib("2026-11-30 07:50"))
        #expect(DeadlineStatus(of: late, at: wib("2026-11-27 16:30"), calendar: calendar) == .onTime)
        #expect(DeadlineStatus(of: late, at: wib("2026-11-28 12:00"), calendar: calendar) == .onTime)
        #expect(DeadlineStatus(of: late, at: wib("2026-11-30 07:34:59"), calendar: calendar) == .onTime)
        #expect(DeadlineStatus(of: late, at: wib("2026-11-30 07:35"), calendar: calendar) == .nearLimit)
        // Opened at 16:10 it has 10 working minutes left over the weekend: flagged all weekend.
        let later = step(opened: "2026-11-27 16:10", thirtyMinutes)
        #expect(later.dueAt == wib("2026-11-30 07:40"))
        #expect(DeadlineStatus(of: later, at: wib("2026-11-27 16:14:59"), calendar: calendar) == .onTime)
        #expect(DeadlineStatus(of: later, at: wib("2026-11-28 12:00"), calendar: calendar) == .nearLimit)
    }
}

@Suite("Step statistics")
struct StepStatisticsTests {
    @Test func aSingleDurationIsItsOwnMedianAndPercentile() {
        let stats = StepStatistics(durations: [3600], standard: 3600)
        #expect(stats.count == 1)
        #expect(stats.median == 3600)
        #expect(stats.percentile90 == 3600)
        #expect(stats.onTimeShare == 1)
    }

    @Test func anOddCountTakesTheMiddleValue() {
        let stats = StepStatistics(durations: [500, 100, 300], standard: 200)
        #expect(stats.median == 300)
        #expect(stats.percentile90 == 500)
        #expect(stats.onTimeShare == 1.0 / 3.0)
    }

    @Test func anEvenCountAveragesTheTwoMiddleValues() {
        let stats = StepStatistics(durations: [400, 100, 300, 200], standard: 250)
        #expect(stats.median == 250)
        #expect(stats.percentile90 == 400)
        #expect(stats.onTimeShare == 0.5)
    }

    @Test func theNinetiethPercentileOfTenIsTheNinthValue() {
        let stats = StepStatistics(durations: (1...10).reversed().map { TimeInterval($0) * 60 }, standard: 7 * 60)
        #expect(stats.count == 10)
        #expect(stats.median == 5.5 * 60)
        #expect(stats.percentile90 == 9.0 * 60)
        #expect(stats.onTimeShare == 0.7)
    }

    @Test func nearestRankIsTheCeilingOfNinetyPercent() {
        #expect(StepStatistics.nearestRank(percent: 90, of: 1) == 1)
        #expect(StepStatistics.nearestRank(percent: 90, of: 2) == 2)
        #expect(StepStatistics.nearestRank(percent: 90, of: 9) == 9)
        #expect(StepStatistics.nearestRank(percent: 90, of: 10) == 9)
        #expect(StepStatistics.nearestRank(percent: 90, of: 11) == 10)
        #expect(StepStatistics.nearestRank(percent: 90, of: 20) == 18)
    }

    @Test func noDurationsGiveNoFigures() {
        let stats = StepStatistics(durations: [], standard: 3600)
        #expect(stats.count == 0)
        #expect(stats.median == nil)
        #expect(stats.percentile90 == nil)
        #expect(stats.onTimeShare == nil)
    }

    @Test func instancesAreMeasuredInWorkingTimeAndJudgedByTheirDeadline() {
        let calendar = CalendarFixture.office2026
        // 30 minutes on Friday and 30 on Monday morning: one working hour over the weekend, on time.
        let overWeekend = StepInstance(
            step: 8, round: 1, openedAt: wib("2026-11-27 16:00"), dueAt: wib("2026-11-30 08:00"), completedAt: wib("2026-11-30 08:00"))
        // Also one working hour, but finished half an hour after its 16:00 deadline.
        let afterClosing = StepInstance(
            step: 8, round: 1, openedAt: wib("2026-11-24 15:00"), dueAt: wib("2026-11-24 16:00"), completedAt: wib("2026-11-24 16:30"))
        let stillOpen = StepInstance(step: 8, round: 1, openedAt: wib("2026-11-30 09:00"), dueAt: wib("2026-11-30 10:00"))

        let stats = StepStatistics(instances: [overWeekend, afterClosing, stillOpen], calendar: calendar)
        #expect(stats.count == 2)
        #expect(stats.median == 3600)
        #expect(stats.percentile90 == 3600)
        #expect(stats.onTimeShare == 0.5)
        #expect(DeadlineStatus(of: afterClosing, at: wib("2026-11-25 08:00"), calendar: calendar) == .doneLate)
    }
}
