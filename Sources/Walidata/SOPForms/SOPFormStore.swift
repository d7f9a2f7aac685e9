import Fluent
import Vapor
import WalidataCore

/// The monitoring and evaluation forms' rules, callable without HTTP (pages and API alike):
/// open a form for a period, save the answers, complete it (every line answered; a "tidak"
/// names the action to take, or says why), and from an evaluation open an SOP revision draft.
enum SOPFormStore {
    /// Longest note, action or recommendation kept, in characters.
    static let maxText = 4000

    // MARK: - Monitoring

    /// The form's lines as measured now from the cases of its period: each step of the SOP in
    /// force (of the form's executor, or all), with the dashboard's figures.
    static func measure(from: String, to: String, lane: String, now: Date = Date(), on db: any Database) async throws -> SOPMonitoringSnapshot {
        guard let start = LocalDate(iso: from), let end = LocalDate(iso: to) else { throw UserError(.unprocessableEntity, "sopform.error.period") }
        let dashboard = try await Dashboard.load(period: DashboardPeriod(from: start, to: end), now: now, on: db)
        let definition = try await SOPStore.inForce(on: db).definition()
        let rows = dashboard.steps.filter { lane.isEmpty || $0.step.lane == lane }.map { row -> SOPMonitoringRow in
            let s = row.statistics
            let overdue = dashboard.late.filter { $0.step == row.step.number }.count
            return SOPMonitoringRow(
                step: row.step.number, activity: row.step.activity, lane: row.step.lane,
                laneName: definition.lane(row.step.lane)?.name ?? row.step.lane, standard: row.step.time, output: row.step.output,
                completed: s.count, median: s.median, percentile90: s.percentile90, onTimeShare: s.onTimeShare, overdue: overdue,
                suggested: .suggested(completed: s.count, onTimeShare: s.onTimeShare, overdue: overdue))
        }
        return SOPMonitoringSnapshot(rows: rows, sopName: definition.identity.namaSOP, dayLength: dashboard.dayLength, measuredAt: now)
    }

    /// A completed form's lines are the ones it was completed with; a draft's are measured now.
    static func lines(of form: SOPMonitoringForm, on db: any Database) async throws -> SOPMonitoringSnapshot {
        if let snapshot = form.snapshot { return snapshot }
        return try await measure(from: form.periodFrom, to: form.periodTo, lane: form.lane, on: db)
    }

    static func monitoring(_ id: UUID, on db: any Database) async throws -> SOPMonitoringForm {
        guard let form = try await SOPMonitoringForm.find(id, on: db) else { throw UserError(.notFound, "error.404") }
        return form
    }

    static func monitorings(on db: any Database) async throws -> [SOPMonitoringForm] {
        try await SOPMonitoringForm.query(on: db).sort(\.$createdAt, .descending).all()
    }

    /// Opens a draft for a period (the dashboard's period rules: a date that cannot be read is
    /// a 400, an end before the start or a period over ten years a 422) and an executor of the
    /// SOP in force (or all: empty). The answers start as what the figures suggest.
    static func openMonitoring(from: String?, to: String?, lane: String?, by user: User, now: Date = Date(), on db: any Database) async throws -> SOPMonitoringForm {
        try SOPFormPolicy.decide(.create, user).enforce()
        let calendar = try await CalendarStore.load(on: db)
        let period = try DashboardPeriod.parse(from: from, to: to, now: now, calendar: calendar)
        let revision = try await SOPStore.inForce(on: db)
        let lane = (lane ?? "").trimmingCharacters(in: .whitespaces)
        let definition = try revision.definition()
        guard lane.isEmpty || definition.lane(lane) != nil else { throw UserError(.unprocessableEntity, "sopform.error.lane", lane) }
        let measured = try await measure(from: period.from.iso, to: period.to.iso, lane: lane, now: now, on: db)
        let form = SOPMonitoringForm()
        form.periodFrom = period.from.iso
        form.periodTo = period.to.iso
        form.lane = lane
        form.sopRevision = revision.number
        form.statusRaw = SOPFormStatus.draft.rawValue
        form.entries = measured.rows.map { SOPMonitoringEntry(step: $0.step, assessment: $0.suggested.rawValue, note: "", action: "") }
        form.createdBy = try user.requireID()
        form.createdAt = now
        try await EventLog.record(.init(action: "sop.monitoring_open", details: ["from": form.periodFrom, "to": form.periodTo, "lane": lane]), by: .init(user), on: db) { tx in
            try await form.create(on: tx)
        }
        return form
    }

    /// Replaces the answers of the steps given; steps not given keep theirs. An answer that is
    /// not one of the assessments, a step the form does not have, or a text over the limit is
    /// a 422 and nothing is saved.
    static func saveMonitoring(_ form: SOPMonitoringForm, entries: [SOPMonitoringEntry], by user: User, on db: any Database) async throws {
        try SOPFormPolicy.enforce(.edit, user, status: form.status)
        var current = form.entries
        for entry in entries {
            guard let index = current.firstIndex(where: { $0.step == entry.step }) else { throw UserError(.unprocessableEntity, "sopform.error.step", String(entry.step)) }
            guard entry.assessment.isEmpty || SOPStepAssessment(rawValue: entry.assessment) != nil else {
                throw UserError(.unprocessableEntity, "sopform.error.assessment", entry.assessment)
            }
            try checkLength(entry.note, entry.action)
            current[index] = SOPMonitoringEntry(step: entry.step, assessment: entry.assessment,
                                                note: entry.note.trimmingCharacters(in: .whitespacesAndNewlines),
                                                action: entry.action.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        form.entries = current
        try await EventLog.record(.init(action: "sop.monitoring_save", details: ["form": form.id?.uuidString ?? ""]), by: .init(user), on: db) { tx in
            try await form.save(on: tx)
        }
    }

    /// The problems that keep a monitoring form from being completed, in step order.
    static func completionProblems(_ form: SOPMonitoringForm) -> [Problem] {
        form.entries.sorted { $0.step < $1.step }.compactMap { entry in
            guard let assessment = SOPStepAssessment(rawValue: entry.assessment) else { return Problem("sopform.error.unanswered", String(entry.step)) }
            if assessment == .notAsWritten && entry.action.isEmpty { return Problem("sopform.error.action_missing", String(entry.step)) }
            return nil
        }
    }

    /// Completion: the lines are measured one last time and kept with the form, with the
    /// monitor's name, NIP and role; from then on the form is an issued document.
    static func completeMonitoring(_ form: SOPMonitoringForm, by user: User, now: Date = Date(), on db: any Database) async throws {
        try SOPFormPolicy.enforce(.complete, user, status: form.status)
        if let first = completionProblems(form).first {
            throw UserError(.unprocessableEntity, first.key, first.arguments.first ?? "")
        }
        let snapshot = try await measure(from: form.periodFrom, to: form.periodTo, lane: form.lane, now: now, on: db)
        form.snapshotJSON = SOPFormJSON.encode(snapshot)
        form.statusRaw = SOPFormStatus.completed.rawValue
        form.completedBy = try user.requireID()
        form.completedAt = now
        form.monitorName = user.fullName
        form.monitorNIP = user.nip
        form.monitorRole = user.roleRaw
        try await EventLog.record(.init(action: "sop.monitoring_complete", details: ["form": form.id?.uuidString ?? "", "from": form.periodFrom, "to": form.periodTo]),
                                  by: .init(user), on: db) { tx in
            try await form.save(on: tx)
        }
    }

    // MARK: - Evaluation

    static func evaluation(_ id: UUID, on db: any Database) async throws -> SOPEvaluation {
        guard let evaluation = try await SOPEvaluation.find(id, on: db) else { throw UserError(.notFound, "error.404") }
        return evaluation
    }

    static func evaluations(on db: any Database) async throws -> [SOPEvaluation] {
        try await SOPEvaluation.query(on: db).sort(\.$createdAt, .descending).all()
    }

    static func openEvaluation(from: String?, to: String?, by user: User, now: Date = Date(), on db: any Database) async throws -> SOPEvaluation {
        try SOPFormPolicy.decide(.create, user).enforce()
        let period = try DashboardPeriod.parse(from: from, to: to, now: now, calendar: try await CalendarStore.load(on: db))
        let evaluation = SOPEvaluation()
        evaluation.periodFrom = period.from.iso
        evaluation.periodTo = period.to.iso
        evaluation.sopRevision = try await SOPStore.inForce(on: db).number
        evaluation.statusRaw = SOPFormStatus.draft.rawValue
        evaluation.answers = SOPEvaluationCriterion.allCases.map { SOPEvaluationAnswer(criterion: $0.rawValue, answer: "", note: "") }
        evaluation.recommendation = ""
        evaluation.createdBy = try user.requireID()
        evaluation.createdAt = now
        try await EventLog.record(.init(action: "sop.evaluation_open", details: ["from": evaluation.periodFrom, "to": evaluation.periodTo]), by: .init(user), on: db) { tx in
            try await evaluation.create(on: tx)
        }
        return evaluation
    }

    static func saveEvaluation(_ evaluation: SOPEvaluation, answers: [SOPEvaluationAnswer], recommendation: String?, by user: User, on db: any Database) async throws {
        try SOPFormPolicy.enforce(.edit, user, status: evaluation.status)
        var current = evaluation.answers
        for answer in answers {
            guard let index = current.firstIndex(where: { $0.criterion == answer.criterion }) else {
                throw UserError(.unprocessableEntity, "sopform.error.criterion", String(answer.criterion))
            }
            guard ["", "ya", "tidak"].contains(answer.answer) else { throw UserError(.unprocessableEntity, "sopform.error.answer", answer.answer) }
            try checkLength(answer.note)
            current[index] = SOPEvaluationAnswer(criterion: answer.criterion, answer: answer.answer, note: answer.note.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if let recommendation {
            try checkLength(recommendation)
            evaluation.recommendation = recommendation.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        evaluation.answers = current
        try await EventLog.record(.init(action: "sop.evaluation_save", details: ["evaluation": evaluation.id?.uuidString ?? ""]), by: .init(user), on: db) { tx in
            try await evaluation.save(on: tx)
        }
    }

    static func completionProblems(_ evaluation: SOPEvaluation) -> [Problem] {
        SOPEvaluationCriterion.allCases.compactMap { criterion in
            let answer = evaluation.answer(criterion)
            if answer.answer != "ya" && answer.answer != "tidak" { return Problem("sopform.error.criterion_unanswered", String(criterion.rawValue)) }
            if answer.answer == "tidak" && answer.note.isEmpty { return Problem("sopform.error.criterion_note", String(criterion.rawValue)) }
            return nil
        }
    }

    static func completeEvaluation(_ evaluation: SOPEvaluation, by user: User, now: Date = Date(), on db: any Database) async throws {
        try SOPFormPolicy.enforce(.complete, user, status: evaluation.status)
        if let first = completionProblems(evaluation).first {
            throw UserError(.unprocessableEntity, first.key, first.arguments.first ?? "")
        }
        evaluation.statusRaw = SOPFormStatus.completed.rawValue
        evaluation.completedBy = try user.requireID()
        evaluation.completedAt = now
        evaluation.evaluatorName = user.fullName
        evaluation.evaluatorNIP = user.nip
        evaluation.evaluatorRole = user.roleRaw
        try await EventLog.record(.init(action: "sop.evaluation_complete", details: ["evaluation": evaluation.id?.uuidString ?? ""]), by: .init(user), on: db) { tx in
            try await evaluation.save(on: tx)
        }
    }

    /// Opens an SOP revision draft (the existing draft and approval flow) whose change note
    /// names this evaluation and carries its recommendation. Once per evaluation; only one
    /// draft may exist at a time (409 otherwise, from `SOPStore.openDraft`).
    static func startRevision(_ evaluation: SOPEvaluation, by user: User, on db: any Database) async throws -> SOPRevision {
        try SOPFormPolicy.enforce(.startRevision, user, status: evaluation.status)
        if let draft = evaluation.revisionDraft { throw UserError(.conflict, "sopform.error.revision_started", String(draft)) }
        let t = Translator.official
        let note = t("sopform.revision_note", periodText(evaluation.periodFrom, evaluation.periodTo),
                     evaluation.evaluatorName ?? "", evaluation.recommendation.isEmpty ? t("sopform.no_recommendation") : evaluation.recommendation)
        let draft = try await SOPStore.openDraft(by: user, note: String(note.prefix(maxText)), on: db)
        evaluation.revisionDraft = draft.number
        try await EventLog.record(.init(action: "sop.evaluation_revision", details: ["evaluation": evaluation.id?.uuidString ?? "", "revision": String(draft.number)]),
                                  by: .init(user), on: db) { tx in
            try await evaluation.save(on: tx)
        }
        return draft
    }

    // MARK: -

    /// "1 Maret 2030 s.d. 31 Maret 2030", always Indonesian (it goes on official documents).
    static func periodText(_ from: String, _ to: String, lang: Lang = .id) -> String {
        guard let a = LocalDate(iso: from), let b = LocalDate(iso: to) else { return from + " – " + to }
        let joiner = lang == .id ? " s.d. " : " to "
        return DateText.longDate(year: a.year, month: a.month, day: a.day, lang: lang) + joiner + DateText.longDate(year: b.year, month: b.month, day: b.day, lang: lang)
    }

    private static func checkLength(_ texts: String...) throws {
        for text in texts where text.count > maxText {
            throw UserError(.unprocessableEntity, "sopform.error.too_long", String(maxText))
        }
    }
}
