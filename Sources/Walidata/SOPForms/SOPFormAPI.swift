import Fluent
import Vapor
import WalidataCore

/// `/api/v1/sop/monitoring-forms` and `/api/v1/sop/evaluations`: the same forms and rules as
/// the pages (`SOPFormStore`, `SOPFormPolicy`). Durations are working seconds.
enum SOPFormAPI {
    struct LineOut: Content {
        var step: Int
        var activity: String
        var lane: String
        var laneName: String
        var standard: String
        var output: String
        var completed: Int
        var medianSeconds: Double?
        var percentile90Seconds: Double?
        var onTimeShare: Double?
        var overdue: Int
        var suggested: String
        var assessment: String
        var note: String
        var action: String
    }

    struct MonitoringOut: Content {
        var id: UUID
        var periodFrom: String
        var periodTo: String
        var lane: String
        var sopRevision: Int
        var status: String
        var createdAt: Date
        var completedAt: Date?
        var monitorName: String?
        var monitorNIP: String?
        /// When the lines' figures were measured: now for a draft, the completion for a completed form.
        var measuredAt: Date
        var lines: [LineOut]

        init(_ form: SOPMonitoringForm, _ lines: SOPMonitoringSnapshot) throws {
            id = try form.requireID()
            periodFrom = form.periodFrom
            periodTo = form.periodTo
            lane = form.lane
            sopRevision = form.sopRevision
            status = form.statusRaw
            createdAt = form.createdAt
            completedAt = form.completedAt
            monitorName = form.monitorName
            monitorNIP = form.monitorNIP
            measuredAt = lines.measuredAt
            self.lines = lines.rows.map { row in
                let entry = form.entry(row.step)
                return LineOut(step: row.step, activity: row.activity, lane: row.lane, laneName: row.laneName, standard: row.standard.text, output: row.output,
                               completed: row.completed, medianSeconds: row.median, percentile90Seconds: row.percentile90, onTimeShare: row.onTimeShare,
                               overdue: row.overdue, suggested: row.suggested.rawValue, assessment: entry.assessment, note: entry.note, action: entry.action)
            }
        }
    }

    struct MonitoringSummary: Content {
        var id: UUID
        var periodFrom: String
        var periodTo: String
        var lane: String
        var status: String
        var createdAt: Date
        var completedAt: Date?
        var monitorName: String?
    }

    struct MonitoringList: Content {
        var items: [MonitoringSummary]
        var count: Int
        var total: Int
        var limit: Int
        var offset: Int
    }

    struct OpenIn: Content {
        var from: String?
        var to: String?
        var lane: String?
    }

    struct MonitoringPatch: Content {
        struct Entry: Content {
            var step: Int
            var assessment: String?
            var note: String?
            var action: String?
        }
        var entries: [Entry]
    }

    @Sendable static func monitorings(_ req: Request) async throws -> MonitoringList {
        try SOPFormPolicy.decide(.read, try req.requireUser()).enforce()
        let window = try req.pageWindow()
        let (items, total) = try await SOPMonitoringForm.query(on: req.db).sort(\.$createdAt, .descending).page(window)
        return MonitoringList(items: try items.map {
            MonitoringSummary(id: try $0.requireID(), periodFrom: $0.periodFrom, periodTo: $0.periodTo, lane: $0.lane, status: $0.statusRaw,
                              createdAt: $0.createdAt, completedAt: $0.completedAt, monitorName: $0.monitorName)
        }, count: items.count, total: total, limit: window.limit, offset: window.offset)
    }

    @Sendable static func openMonitoring(_ req: Request) async throws -> Response {
        try SOPFormPolicy.decide(.create, try req.requireUser()).enforce()
        let input = try req.optionalBody(OpenIn.self) ?? OpenIn()
        let form = try await SOPFormStore.openMonitoring(from: input.from, to: input.to, lane: input.lane, by: try req.requireUser(), on: req.db)
        let out = try MonitoringOut(form, try await SOPFormStore.lines(of: form, on: req.db))
        return try await out.encodeResponse(status: .created, for: req)
    }

    @Sendable static func monitoring(_ req: Request) async throws -> MonitoringOut {
        try SOPFormPolicy.decide(.read, try req.requireUser()).enforce()
        let form = try await SOPFormStore.monitoring(try req.uuidParameter("formID"), on: req.db)
        return try MonitoringOut(form, try await SOPFormStore.lines(of: form, on: req.db))
    }

    /// Only the fields sent change.
    @Sendable static func saveMonitoring(_ req: Request) async throws -> MonitoringOut {
        let user = try req.requireUser()
        let form = try await SOPFormStore.monitoring(try req.uuidParameter("formID"), on: req.db)
        try SOPFormPolicy.enforce(.edit, user, status: form.status)
        let patch = try req.content.decode(MonitoringPatch.self)
        let entries = patch.entries.map { sent in
            let old = form.entry(sent.step)
            return SOPMonitoringEntry(step: sent.step, assessment: sent.assessment ?? old.assessment, note: sent.note ?? old.note, action: sent.action ?? old.action)
        }
        try await SOPFormStore.saveMonitoring(form, entries: entries, by: user, on: req.db)
        return try MonitoringOut(form, try await SOPFormStore.lines(of: form, on: req.db))
    }

    @Sendable static func completeMonitoring(_ req: Request) async throws -> MonitoringOut {
        let form = try await SOPFormStore.monitoring(try req.uuidParameter("formID"), on: req.db)
        try await SOPFormStore.completeMonitoring(form, by: try req.requireUser(), on: req.db)
        return try MonitoringOut(form, try await SOPFormStore.lines(of: form, on: req.db))
    }

    struct AnswerOut: Content {
        var criterion: Int
        var text: String
        var answer: String
        var note: String
    }

    struct EvaluationOut: Content {
        var id: UUID
        var periodFrom: String
        var periodTo: String
        var sopRevision: Int
        var status: String
        var answers: [AnswerOut]
        var recommendation: String
        var createdAt: Date
        var completedAt: Date?
        var evaluatorName: String?
        var evaluatorNIP: String?
        var revisionDraft: Int?

        init(_ e: SOPEvaluation) throws {
            id = try e.requireID()
            periodFrom = e.periodFrom
            periodTo = e.periodTo
            sopRevision = e.sopRevision
            status = e.statusRaw
            answers = SOPEvaluationCriterion.allCases.map { c in
                let a = e.answer(c)
                return AnswerOut(criterion: c.rawValue, text: c.indonesian, answer: a.answer, note: a.note)
            }
            recommendation = e.recommendation
            createdAt = e.createdAt
            completedAt = e.completedAt
            evaluatorName = e.evaluatorName
            evaluatorNIP = e.evaluatorNIP
            revisionDraft = e.revisionDraft
        }
    }

    struct EvaluationList: Content {
        var items: [EvaluationOut]
        var count: Int
        var total: Int
        var limit: Int
        var offset: Int
    }

    struct EvaluationPatch: Content {
        struct Answer: Content {
            var criterion: Int
            var answer: String?
            var note: String?
        }
        var answers: [Answer]?
        var recommendation: String?
    }

    @Sendable static func evaluations(_ req: Request) async throws -> EvaluationList {
        try SOPFormPolicy.decide(.read, try req.requireUser()).enforce()
        let window = try req.pageWindow()
        let (items, total) = try await SOPEvaluation.query(on: req.db).sort(\.$createdAt, .descending).page(window)
        return EvaluationList(items: try items.map(EvaluationOut.init), count: items.count, total: total, limit: window.limit, offset: window.offset)
    }

    @Sendable static func openEvaluation(_ req: Request) async throws -> Response {
        try SOPFormPolicy.decide(.create, try req.requireUser()).enforce()
        let input = try req.optionalBody(OpenIn.self) ?? OpenIn()
        let evaluation = try await SOPFormStore.openEvaluation(from: input.from, to: input.to, by: try req.requireUser(), on: req.db)
        return try await EvaluationOut(evaluation).encodeResponse(status: .created, for: req)
    }

    @Sendable static func evaluation(_ req: Request) async throws -> EvaluationOut {
        try SOPFormPolicy.decide(.read, try req.requireUser()).enforce()
        return try EvaluationOut(try await SOPFormStore.evaluation(try req.uuidParameter("evaluationID"), on: req.db))
    }

    @Sendable static func saveEvaluation(_ req: Request) async throws -> EvaluationOut {
        let user = try req.requireUser()
        let evaluation = try await SOPFormStore.evaluation(try req.uuidParameter("evaluationID"), on: req.db)
        try SOPFormPolicy.enforce(.edit, user, status: evaluation.status)
        let patch = try req.content.decode(EvaluationPatch.self)
        let answers = (patch.answers ?? []).map { sent in
            let old = evaluation.answers.first { $0.criterion == sent.criterion }
            return SOPEvaluationAnswer(criterion: sent.criterion, answer: sent.answer ?? old?.answer ?? "", note: sent.note ?? old?.note ?? "")
        }
        try await SOPFormStore.saveEvaluation(evaluation, answers: answers, recommendation: patch.recommendation, by: user, on: req.db)
        return try EvaluationOut(evaluation)
    }

    @Sendable static func completeEvaluation(_ req: Request) async throws -> EvaluationOut {
        let evaluation = try await SOPFormStore.evaluation(try req.uuidParameter("evaluationID"), on: req.db)
        try await SOPFormStore.completeEvaluation(evaluation, by: try req.requireUser(), on: req.db)
        return try EvaluationOut(evaluation)
    }

    @Sendable static func startRevision(_ req: Request) async throws -> Response {
        let evaluation = try await SOPFormStore.evaluation(try req.uuidParameter("evaluationID"), on: req.db)
        _ = try await SOPFormStore.startRevision(evaluation, by: try req.requireUser(), on: req.db)
        return try await EvaluationOut(evaluation).encodeResponse(status: .created, for: req)
    }
}
