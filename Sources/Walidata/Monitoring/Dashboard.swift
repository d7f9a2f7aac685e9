import Fluent
import Vapor
import WalidataCore

/// What the monitoring dashboard shows, as plain values: the open cases by the step they are
/// at, the steps late now, and for a period each step's completions against its time standard
/// (`StepStatistics`: median and 90th-percentile working time, share done on time).
struct Dashboard: Sendable {
    struct OpenStep: Sendable {
        var step: Int
        /// As the SOP in force names it (the pinned revision's, if the step is gone from it).
        var sopStep: SOPStep?
        var cases: [CaseRef]
    }

    struct CaseRef: Sendable {
        var id: UUID
        var number: String
    }

    struct LateStep: Sendable {
        var caseID: UUID
        var number: String
        var title: String
        var step: Int
        var round: Int
        /// In the case's pinned revision.
        var sopStep: SOPStep?
        var lane: String
        var laneName: String
        var openedAt: Date
        var dueAt: Date
        /// Working time since the due instant.
        var late: TimeInterval
    }

    struct StepRow: Sendable {
        var step: SOPStep
        var statistics: StepStatistics
    }


    var period: DashboardPeriod
    var now: Date
    /// The usual working day, for writing durations as "1 hari 2 jam".
    var dayLength: TimeInterval
    var openByStep: [OpenStep]
    var late: [LateStep]
    var steps: [StepRow]

    var openCaseCount: Int { openByStep.reduce(0) { $0 + $1.cases.count } }

    static func load(period: DashboardPeriod, now: Date = Date(), on db: any Database) async throws -> Dashboard {
        let calendar = try await CalendarStore.load(on: db)
        let inForce = try await SOPStore.inForce(on: db).definition()
        var definitions = DefinitionCache()

        // Each open case has exactly one open step instance: the one it is at.
        let open = try await CaseStep.query(on: db).filter(\.$completedAt == nil).with(\.$caseRecord).sort(\.$dueAt).all()
        var byStep: [Int: OpenStep] = [:]
        var late: [LateStep] = []
        for row in open {
            let pinned = try await definitions.definition(row.caseRecord.sopRevisionID, on: db)
            let ref = CaseRef(id: try row.caseRecord.requireID(), number: row.caseRecord.number)
            byStep[row.step, default: OpenStep(step: row.step, sopStep: inForce.step(row.step) ?? pinned.step(row.step), cases: [])].cases.append(ref)
            if row.dueAt < now {
                let step = pinned.step(row.step)
                late.append(LateStep(
                    caseID: ref.id, number: ref.number, title: row.caseRecord.title, step: row.step, round: row.round, sopStep: step,
                    lane: step?.lane ?? "", laneName: step.flatMap { pinned.lane($0.lane)?.name } ?? step?.lane ?? "",
                    openedAt: row.openedAt, dueAt: row.dueAt, late: calendar.workingTime(from: row.dueAt, to: now)))
            }
        }
        let openByStep = byStep.values.sorted { $0.step < $1.step }.map { entry in
            var entry = entry
            entry.cases.sort { $0.number < $1.number }
            return entry
        }

        let (start, end) = period.interval(calendar: calendar)
        let done = try await CaseStep.query(on: db)
            .filter(\.$completedAt >= start)
            .filter(\.$completedAt < end)
            .with(\.$caseRecord)
            .all()
        let doneByStep = Dictionary(grouping: done, by: \.step)
        var steps = inForce.steps.map { step in
            StepRow(step: step, statistics: StepStatistics(instances: (doneByStep[step.number] ?? []).map(\.instance), calendar: calendar))
        }
        // A step a revision in force earlier had, and the one in force no longer has.
        for number in doneByStep.keys.sorted() where inForce.step(number) == nil {
            let rows = doneByStep[number]!
            guard let step = try await definitions.definition(rows[0].caseRecord.sopRevisionID, on: db).step(number) else { continue }
            steps.append(StepRow(step: step, statistics: StepStatistics(instances: rows.map(\.instance), calendar: calendar)))
        }
        return Dashboard(period: period, now: now, dayLength: calendar.usualDayLength, openByStep: openByStep, late: late, steps: steps)
    }
}
