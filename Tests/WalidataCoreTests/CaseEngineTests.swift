import Foundation
import Testing
@testable import WalidataCore

private let seed = SOPDefinition.mentawai2022

/// The role of the seed's lane for `step`.
private func executor(of step: Int, in definition: SOPDefinition = seed) -> Role {
    Role(rawValue: definition.step(step)!.lane)!
}

/// A case of the seed started Monday 2026-11-23 08:00 WIB and completed by the right roles,
/// one minute per step, approving at step 7, until `step` is the open one.
private func seedCase(openAt step: Int, calendar: WorkingCalendar = CalendarFixture.office2026) throws -> CaseEngine {
    var engine = try CaseEngine(definition: seed, calendar: calendar)
    var now = wib("2026-11-23 08:00")
    try engine.start(at: now)
    while let open = engine.openStep, open.step != step {
        now = now.addingTimeInterval(60)
        let decision: CaseDecision? = seed.step(open.step)!.kind == .decision ? .yes : nil
        try engine.complete(step: open.step, by: executor(of: open.step), at: now, decision: decision)
    }
    return engine
}

/// Checks that `action` is refused with `expected` and leaves the case exactly as it was.
private func expectRefused(
    _ expected: CaseError,
    from engine: CaseEngine,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ action: (inout CaseEngine) throws -> Void
) {
    var copy = engine
    do {
        try action(&copy)
        Issue.record("expected \(expected.code), but the action went through", sourceLocation: sourceLocation)
    } catch {
        #expect(error as? CaseError == expected, sourceLocation: sourceLocation)
        #expect(copy == engine, "a refused action must change nothing", sourceLocation: sourceLocation)
    }
}

private func makeStep(_ number: Int, lane: String, next: Int? = nil, yes: Int? = nil, no: Int? = nil) -> SOPStep {
    SOPStep(
        number: number, activity: "Langkah \(number)", activityEnglish: "Step \(number)", lane: lane,
        kind: yes == nil ? .process : .decision, requirement: "Komputer",
        time: TimeStandard(amount: 1, unit: .hours), output: "Dokumen \(number)", next: next, yes: yes, no: no)
}

private func makeDefinition(_ steps: [SOPStep]) -> SOPDefinition {
    SOPDefinition(identity: seed.identity, lanes: seed.lanes, steps: steps)
}

@Suite("Case engine: the seed SOP end to end")
struct CaseEngineWalkTests {
    @Test func wholeCaseWithOneReturnRunsThroughAllNineSteps() throws {
        var engine = try CaseEngine(definition: seed, calendar: CalendarFixture.office2026)
        let first = try engine.start(at: wib("2026-11-23 08:00"))
        #expect(first == StepInstance(step: 1, round: 1, openedAt: wib("2026-11-23 08:00"), dueAt: wib("2026-11-23 08:30")))

        try engine.complete(step: 1, by: .administrasi, at: wib("2026-11-23 08:20"))
        try engine.complete(step: 2, by: .administrasi, at: wib("2026-11-23 09:00"))
        try engine.complete(step: 3, by: .pengelolaTI, at: wib("2026-11-24 08:00"))
        try engine.complete(step: 4, by: .pengelolaTI, at: wib("2026-11-24 15:00"))
        try engine.complete(step: 5, by: .pengelolaTI, at: wib("2026-11-25 10:00"))
        try engine.complete(step: 6, by: .pengelolaTI, at: wib("2026-11-25 11:00"))
        let returned = try engine.complete(
            step: 7, by: .kasi, at: wib("2026-11-25 11:30"), decision: .no, note: "  Lengkapi jumlah baris tabel 2.  ")
        #expect(returned.returned)
        #expect(returned.completed.note == "Lengkapi jumlah baris tabel 2.")
        #expect(returned.opened == StepInstance(step: 5, round: 2, openedAt: wib("2026-11-25 11:30"), dueAt: wib("2026-11-26 11:30")))

        try engine.complete(step: 5, by: .pengelolaTI, at: wib("2026-11-26 09:00"))
        let resubmitted = try engine.complete(step: 6, by: .pengelolaTI, at: wib("2026-11-26 10:00"))
        #expect(resubmitted.completed.round == 2)
        #expect(resubmitted.opened?.step == 7)
        #expect(resubmitted.opened?.round == 2)
        let approved = try engine.complete(step: 7, by: .kasi, at: wib("2026-11-26 10:30"), decision: .yes)
        #expect(!approved.returned)
        #expect(approved.opened?.step == 8)
        try engine.complete(step: 8, by: .kasi, at: wib("2026-11-26 11:00"))
        #expect(!engine.isClosed)
        let last = try engine.complete(step: 9, by: .kabid, at: wib("2026-11-26 11:45"))

        #expect(last.closedCase)
        #expect(engine.isClosed)
        #expect(engine.openStep == nil)
        #expect(engine.closedAt == wib("2026-11-26 11:45"))
        #expect(engine.steps.map { [$0.step, $0.round] } == [
            [1, 1], [2, 1], [3, 1], [4, 1], [5, 1], [6, 1], [7, 1], [5, 2], [6, 2], [7, 2], [8, 1], [9, 1],
        ])
        #expect(engine.steps.map(\.completedBy) == [
            .administrasi, .administrasi, .pengelolaTI, .pengelolaTI, .pengelolaTI, .pengelolaTI, .kasi,
            .pengelolaTI, .pengelolaTI, .kasi, .kasi, .kabid,
        ])
        #expect(engine.steps.map(\.outcome) == [.done, .done, .done, .done, .done, .done, .no, .done, .done, .yes, .done, .done])
        #expect(engine.rounds(of: 6).map(\.completedAt) == [wib("2026-11-25 11:00"), wib("2026-11-26 10:00")])
        #expect(engine.steps.allSatisfy { $0.overrideReason == nil })
    }

    @Test func deadlinesOfTheWalkFollowTheTimeStandards() throws {
        var engine = try seedCase(openAt: 6)
        try engine.complete(step: 6, by: .pengelolaTI, at: wib("2026-11-26 09:00"))
        // Thursday 09:00 + 1 jam for step 7.
        #expect(engine.openStep?.dueAt == wib("2026-11-26 10:00"))
        try engine.complete(step: 7, by: .kasi, at: wib("2026-11-26 09:10"), decision: .no, note: "Tabel 3 kosong")
        try engine.complete(step: 5, by: .pengelolaTI, at: wib("2026-11-26 10:00"))
        // Thursday 10:00 + 2 hari skips the weekend: Monday 10:00.
        #expect(engine.openStep == StepInstance(step: 6, round: 2, openedAt: wib("2026-11-26 10:00"), dueAt: wib("2026-11-30 10:00")))
    }

    @Test func aClosedCaseRefusesEverything() throws {
        var engine = try seedCase(openAt: 9)
        try engine.complete(step: 9, by: .kabid, at: wib("2026-11-24 09:00"))
        expectRefused(.closed, from: engine) { try $0.complete(step: 9, by: .kabid, at: wib("2026-11-24 10:00")) }
        expectRefused(.closed, from: engine) { try $0.complete(step: 1, by: .administrasi, at: wib("2026-11-24 10:00")) }
        expectRefused(.alreadyStarted, from: engine) { _ = try $0.start(at: wib("2026-11-24 10:00")) }
    }

    @Test func timelineListsOpeningsCompletionsTheReturnAndTheClose() throws {
        var engine = try seedCase(openAt: 7)
        try engine.complete(step: 7, by: .kasi, at: wib("2026-11-23 09:00"), decision: .no, note: "Ukuran berkas tidak dicatat")
        #expect(engine.timeline.suffix(2) == [
            TimelineEntry(kind: .returned, step: 7, round: 1, at: wib("2026-11-23 09:00"), role: .kasi, note: "Ukuran berkas tidak dicatat"),
            TimelineEntry(kind: .opened, step: 5, round: 2, at: wib("2026-11-23 09:00")),
        ])
        try engine.complete(step: 5, by: .pengelolaTI, at: wib("2026-11-23 10:00"))
        try engine.complete(step: 6, by: .pengelolaTI, at: wib("2026-11-23 11:00"))
        try engine.complete(step: 7, by: .kasi, at: wib("2026-11-23 12:00"), decision: .yes)
        try engine.complete(step: 8, by: .kasi, at: wib("2026-11-23 13:00"))
        try engine.complete(step: 9, by: .kabid, at: wib("2026-11-23 14:00"))

        let timeline = engine.timeline
        #expect(timeline.count == 2 * engine.steps.count + 1)
        #expect(timeline.filter { $0.kind == .returned }.map(\.round) == [1])
        #expect(timeline.filter { $0.kind == .approved }.map(\.round) == [2])
        #expect(timeline.last == TimelineEntry(kind: .closed, step: 9, round: 1, at: wib("2026-11-23 14:00")))
        #expect(timeline.map(\.at) == timeline.map(\.at).sorted())
    }

    @Test func storedInstancesRestoreTheCase() throws {
        var engine = try seedCase(openAt: 7)
        try engine.complete(step: 7, by: .kasi, at: wib("2026-11-23 09:00"), decision: .no, note: "Perbaiki")
        let stored = try JSONEncoder().encode(engine.steps)
        var restored = try CaseEngine(
            definition: seed, calendar: CalendarFixture.office2026,
            steps: try JSONDecoder().decode([StepInstance].self, from: stored))
        #expect(restored == engine)
        let transition = try restored.complete(step: 5, by: .pengelolaTI, at: wib("2026-11-23 10:00"))
        #expect(transition.opened?.step == 6)
        #expect(transition.opened?.round == 2)
    }
}

@Suite("Case engine: refused actions")
struct CaseEngineRefusalTests {
    @Test(arguments: 1...9)
    func onlyTheLaneRoleCompletesEachStep(step: Int) throws {
        let engine = try seedCase(openAt: step)
        let lane = seed.lane(seed.step(step)!.lane)!
        let decision: CaseDecision? = step == 7 ? .yes : nil
        for role in Role.allCases where role.rawValue != lane.code && role != .admin {
            expectRefused(.wrongRole(expected: lane, actual: role), from: engine) {
                try $0.complete(step: step, by: role, at: wib("2026-11-24 09:00"), decision: decision, overrideReason: "saya ingin membantu")
            }
        }
        var done = engine
        try done.complete(step: step, by: executor(of: step), at: wib("2026-11-24 09:00"), decision: decision)
        #expect(done.steps.count == engine.steps.count + (step == 9 ? 0 : 1))
    }

    @Test func theRoleIsCheckedBeforeTheDecision() throws {
        let engine = try seedCase(openAt: 7)
        expectRefused(.wrongRole(expected: seed.lane("kasi")!, actual: .kabid), from: engine) {
            try $0.complete(step: 7, by: .kabid, at: wib("2026-11-24 09:00"))
        }
    }

    @Test func anAdminOverridesOnlyWithAReason() throws {
        let engine = try seedCase(openAt: 3)
        expectRefused(.overrideReasonRequired, from: engine) { try $0.complete(step: 3, by: .admin, at: wib("2026-11-24 09:00")) }
        expectRefused(.overrideReasonRequired, from: engine) {
            try $0.complete(step: 3, by: .admin, at: wib("2026-11-24 09:00"), overrideReason: " \n ")
        }
        var overridden = engine
        let transition = try overridden.complete(
            step: 3, by: .admin, at: wib("2026-11-24 09:00"), overrideReason: "Petugas TI sedang cuti")
        #expect(transition.completed.completedBy == .admin)
        #expect(transition.completed.overrideReason == "Petugas TI sedang cuti")
        #expect(overridden.timeline.last(where: { $0.kind == .completed })?.overrideReason == "Petugas TI sedang cuti")
    }

    @Test func theLaneRoleNeedsNoReasonAndLeavesNoOverride() throws {
        var engine = try seedCase(openAt: 3)
        let transition = try engine.complete(step: 3, by: .pengelolaTI, at: wib("2026-11-24 09:00"), overrideReason: "tidak perlu")
        #expect(transition.completed.overrideReason == nil)
    }

    @Test func stepsCannotBeCompletedOutOfOrder() throws {
        let unstarted = try CaseEngine(definition: seed, calendar: CalendarFixture.office2026)
        expectRefused(.notOpen(step: 1), from: unstarted) { try $0.complete(step: 1, by: .administrasi, at: wib("2026-11-23 08:00")) }

        let atStepOne = try seedCase(openAt: 1)
        expectRefused(.notOpen(step: 2), from: atStepOne) { try $0.complete(step: 2, by: .administrasi, at: wib("2026-11-23 09:00")) }
        expectRefused(.notOpen(step: 3), from: atStepOne) { try $0.complete(step: 3, by: .pengelolaTI, at: wib("2026-11-23 09:00")) }
        expectRefused(.notOpen(step: 42), from: atStepOne) { try $0.complete(step: 42, by: .administrasi, at: wib("2026-11-23 09:00")) }

        let atStepSix = try seedCase(openAt: 6)
        expectRefused(.notOpen(step: 7), from: atStepSix) {
            try $0.complete(step: 7, by: .kasi, at: wib("2026-11-23 09:00"), decision: .yes)
        }
        expectRefused(.notOpen(step: 5), from: atStepSix) { try $0.complete(step: 5, by: .pengelolaTI, at: wib("2026-11-23 09:00")) }
    }

    @Test func completingAStepTwiceIsRefusedTheSecondTime() throws {
        var engine = try seedCase(openAt: 1)
        try engine.complete(step: 1, by: .administrasi, at: wib("2026-11-23 08:10"))
        expectRefused(.notOpen(step: 1), from: engine) { try $0.complete(step: 1, by: .administrasi, at: wib("2026-11-23 08:11")) }

        var checked = try seedCase(openAt: 7)
        try checked.complete(step: 7, by: .kasi, at: wib("2026-11-23 09:00"), decision: .no, note: "Perbaiki")
        expectRefused(.notOpen(step: 7), from: checked) {
            try $0.complete(step: 7, by: .kasi, at: wib("2026-11-23 09:01"), decision: .yes)
        }
    }

    @Test func aReturnNeedsANote() throws {
        let engine = try seedCase(openAt: 7)
        expectRefused(.returnNeedsNote, from: engine) { try $0.complete(step: 7, by: .kasi, at: wib("2026-11-24 09:00"), decision: .no) }
        expectRefused(.returnNeedsNote, from: engine) {
            try $0.complete(step: 7, by: .kasi, at: wib("2026-11-24 09:00"), decision: .no, note: "   ")
        }
    }

    @Test func decisionsBelongToDecisionStepsOnly() throws {
        let atStepOne = try seedCase(openAt: 1)
        expectRefused(.decisionNotAllowed(step: 1), from: atStepOne) {
            try $0.complete(step: 1, by: .administrasi, at: wib("2026-11-23 08:10"), decision: .yes)
        }
        let atStepSeven = try seedCase(openAt: 7)
        expectRefused(.decisionRequired(step: 7), from: atStepSeven) { try $0.complete(step: 7, by: .kasi, at: wib("2026-11-24 09:00")) }
    }

    @Test func errorsSpeakBothLanguages() {
        let errors: [CaseError] = [
            .invalidDefinition([.noLanes]), .alreadyStarted, .closed, .notOpen(step: 3),
            .wrongRole(expected: seed.lane("kasi")!, actual: .kabid), .overrideReasonRequired,
            .decisionRequired(step: 7), .decisionNotAllowed(step: 1), .returnNeedsNote,
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        for error in errors {
            #expect(!error.indonesianDescription.isEmpty)
            #expect(!error.englishDescription.isEmpty)
            #expect(error.indonesianDescription != error.englishDescription)
        }
        #expect(CaseError.wrongRole(expected: seed.lane("kasi")!, actual: .kabid).indonesianDescription.contains("Kasi Pengelola Data"))
        #expect(CaseError.notOpen(step: 3).englishDescription.contains("Step 3"))
    }
}

@Suite("Case engine: deadlines on the working calendar")
struct CaseEngineDeadlineTests {
    @Test func minutesCarryOverTheChristmasHolidaysAndTheWeekend() throws {
        var engine = try CaseEngine(definition: seed, calendar: CalendarFixture.office2026)
        try engine.start(at: wib("2026-12-23 15:00"))
        #expect(engine.openStep?.dueAt == wib("2026-12-23 15:30"))
        try engine.complete(step: 1, by: .administrasi, at: wib("2026-12-23 15:40"))
        // 20 minutes before Wednesday's closing, then 24–25 Dec (cuti bersama, Natal) and the
        // weekend are skipped: the other 40 minutes run on Monday.
        #expect(engine.openStep?.dueAt == wib("2026-12-28 08:10"))
        #expect(DeadlineStatus(of: engine.steps[0], at: wib("2026-12-28 08:00"), calendar: engine.calendar) == .doneLate)
    }

    @Test func aDayStandardSkipsTheHolidays() throws {
        var engine = try CaseEngine(definition: seed, calendar: CalendarFixture.office2026)
        try engine.start(at: wib("2026-12-23 09:00"))
        try engine.complete(step: 1, by: .administrasi, at: wib("2026-12-23 09:20"))
        try engine.complete(step: 2, by: .administrasi, at: wib("2026-12-23 10:00"))
        #expect(engine.openStep == StepInstance(step: 3, round: 1, openedAt: wib("2026-12-23 10:00"), dueAt: wib("2026-12-28 10:00")))
    }

    @Test func aNewHolidayMovesTheOpenDeadlineOnly() throws {
        var engine = try CaseEngine(definition: seed, calendar: CalendarFixture.office2026)
        try engine.start(at: wib("2026-12-23 09:00"))
        try engine.complete(step: 1, by: .administrasi, at: wib("2026-12-23 09:20"))
        try engine.complete(step: 2, by: .administrasi, at: wib("2026-12-23 10:00"))
        let completedBefore = Array(engine.steps.prefix(2))

        let closure = NonWorkingDay(date: CalendarFixture.date("2026-12-28"), kind: .penutupanKantor, description: "Pindah kantor")
        let changed = WorkingCalendar.standard(nonWorkingDays: CalendarFixture.holidays2026 + [closure])
        let moved = engine.recomputeDeadlines(calendar: changed)

        #expect(moved.map(\.step) == [3])
        #expect(engine.openStep?.dueAt == wib("2026-12-29 10:00"))
        #expect(Array(engine.steps.prefix(2)) == completedBefore)
        #expect(engine.calendar == changed)
        #expect(engine.recomputeDeadlines(calendar: changed).isEmpty)

        try engine.complete(step: 3, by: .pengelolaTI, at: wib("2026-12-29 09:00"))
        // Steps opened after the change use the new calendar too.
        #expect(engine.openStep?.dueAt == wib("2026-12-30 09:00"))
    }
}

@Suite("Case engine: other SOP definitions")
struct CaseEngineDefinitionTests {
    @Test func aDefinitionWithoutDecisionRunsStraightThrough() throws {
        let straight = makeDefinition([
            makeStep(1, lane: "administrasi", next: 2), makeStep(2, lane: "kasi", next: 3), makeStep(3, lane: "kabid"),
        ])
        var engine = try CaseEngine(definition: straight, calendar: CalendarFixture.office2026)
        try engine.start(at: wib("2026-11-23 08:00"))
        try engine.complete(step: 1, by: .administrasi, at: wib("2026-11-23 08:30"))
        expectRefused(.decisionNotAllowed(step: 2), from: engine) {
            try $0.complete(step: 2, by: .kasi, at: wib("2026-11-23 09:00"), decision: .no, note: "x")
        }
        try engine.complete(step: 2, by: .kasi, at: wib("2026-11-23 09:00"))
        #expect(engine.openStep?.dueAt == wib("2026-11-23 10:00"))
        try engine.complete(step: 3, by: .kabid, at: wib("2026-11-23 09:30"))
        #expect(engine.isClosed)
        #expect(engine.steps.map(\.step) == [1, 2, 3])
    }

    @Test func aDecisionMayReturnToAnyStepAndRoundsCountPerStep() throws {
        let loop = makeDefinition([
            makeStep(1, lane: "administrasi", next: 2), makeStep(2, lane: "pengelola_ti", next: 3),
            makeStep(3, lane: "kasi", yes: 4, no: 1), makeStep(4, lane: "kabid"),
        ])
        var engine = try CaseEngine(definition: loop, calendar: CalendarFixture.office2026)
        try engine.start(at: wib("2026-11-23 08:00"))
        try engine.complete(step: 1, by: .administrasi, at: wib("2026-11-23 08:10"))
        try engine.complete(step: 2, by: .pengelolaTI, at: wib("2026-11-23 08:20"))
        let back = try engine.complete(step: 3, by: .kasi, at: wib("2026-11-23 08:30"), decision: .no, note: "Daftar ulang")
        #expect(back.opened?.step == 1)
        #expect(back.opened?.round == 2)
        try engine.complete(step: 1, by: .administrasi, at: wib("2026-11-23 08:40"))
        try engine.complete(step: 2, by: .pengelolaTI, at: wib("2026-11-23 08:50"))
        try engine.complete(step: 3, by: .kasi, at: wib("2026-11-23 09:00"), decision: .yes)
        try engine.complete(step: 4, by: .kabid, at: wib("2026-11-23 09:10"))
        #expect(engine.isClosed)
        #expect(engine.steps.map { [$0.step, $0.round] } == [[1, 1], [2, 1], [3, 1], [1, 2], [2, 2], [3, 2], [4, 1]])
    }

    @Test func anInvalidDefinitionIsRefused() {
        var broken = seed
        broken.steps[6].no = 42
        #expect(throws: CaseError.invalidDefinition([.decisionTargets(step: 7)])) {
            try CaseEngine(definition: broken, calendar: CalendarFixture.office2026)
        }
    }
}
