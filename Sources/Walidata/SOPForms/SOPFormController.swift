import Fluent
import Vapor
import WalidataCore

/// The pages of the SOP's monitoring and evaluation forms: the list with the forms to open
/// new ones, each form to fill and complete, and its A4 print.
enum SOPFormController {
    @Sendable static func list(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        try SOPFormPolicy.decide(.read, user).enforce()
        let definition = try await SOPStore.inForce(on: req.db).definition()
        return await SOPFormViews.list(req, monitorings: try await SOPFormStore.monitorings(on: req.db),
                                       evaluations: try await SOPFormStore.evaluations(on: req.db), lanes: definition.lanes)
    }

    struct OpenForm: Content {
        var from: String?
        var to: String?
        var lane: String?
    }

    @Sendable static func openMonitoring(_ req: Request) async throws -> Response {
        try SOPFormPolicy.decide(.create, try req.requireUser()).enforce()
        let form = try req.content.decode(OpenForm.self)
        let opened = try await SOPFormStore.openMonitoring(from: form.from, to: form.to, lane: form.lane, by: try req.requireUser(), on: req.db)
        req.flash(.ok, "sopform.monitoring_opened")
        return req.redirect(to: SiteURL.sopMonitoring(try opened.requireID()).path)
    }

    @Sendable static func monitoring(_ req: Request) async throws -> HTML {
        try SOPFormPolicy.decide(.read, try req.requireUser()).enforce()
        let form = try await SOPFormStore.monitoring(try req.uuidParameter("formID"), on: req.db)
        return await SOPFormViews.monitoring(req, form: form, lines: try await SOPFormStore.lines(of: form, on: req.db))
    }

    /// The page's form sends `a<step>`, `n<step>` and `x<step>` (assessment, note, action) per line.
    @Sendable static func saveMonitoring(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try await SOPFormStore.monitoring(try req.uuidParameter("formID"), on: req.db)
        try SOPFormPolicy.enforce(.edit, user, status: form.status)
        let fields = try req.content.decode([String: String].self)
        let entries = form.entries.map { entry in
            SOPMonitoringEntry(step: entry.step, assessment: fields["a\(entry.step)"] ?? entry.assessment,
                               note: fields["n\(entry.step)"] ?? entry.note, action: fields["x\(entry.step)"] ?? entry.action)
        }
        try await SOPFormStore.saveMonitoring(form, entries: entries, by: user, on: req.db)
        if fields["complete"] == "1" {
            return try await completeMonitoring(req, form: form, user: user)
        }
        req.flash(.ok, "sopform.saved")
        return req.redirect(to: SiteURL.sopMonitoring(try form.requireID()).path)
    }

    @Sendable static func completeMonitoring(_ req: Request) async throws -> Response {
        let form = try await SOPFormStore.monitoring(try req.uuidParameter("formID"), on: req.db)
        return try await completeMonitoring(req, form: form, user: try req.requireUser())
    }

    /// A form that cannot be completed yet comes back with every line that needs an answer named.
    private static func completeMonitoring(_ req: Request, form: SOPMonitoringForm, user: User) async throws -> Response {
        try SOPFormPolicy.enforce(.complete, user, status: form.status)
        let problems = SOPFormStore.completionProblems(form)
        guard problems.isEmpty else {
            let page = await SOPFormViews.monitoring(req, form: form, lines: try await SOPFormStore.lines(of: form, on: req.db), problems: problems)
            return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
        }
        try await SOPFormStore.completeMonitoring(form, by: user, on: req.db)
        req.flash(.ok, "sopform.completed")
        return req.redirect(to: SiteURL.sopMonitoring(try form.requireID()).path)
    }

    @Sendable static func printMonitoring(_ req: Request) async throws -> HTML {
        try SOPFormPolicy.decide(.read, try req.requireUser()).enforce()
        let form = try await SOPFormStore.monitoring(try req.uuidParameter("formID"), on: req.db)
        return await SOPFormPrint.monitoring(req, form: form, lines: try await SOPFormStore.lines(of: form, on: req.db),
                                             letterhead: try await Letterhead.load(on: req.db))
    }

    @Sendable static func monitoringXlsx(_ req: Request) async throws -> Response {
        try SOPFormPolicy.decide(.read, try req.requireUser()).enforce()
        let form = try await SOPFormStore.monitoring(try req.uuidParameter("formID"), on: req.db)
        let bytes = try SOPFormXlsx.monitoring(form, lines: try await SOPFormStore.lines(of: form, on: req.db))
        return XlsxResponse.make(bytes, filename: SOPFormXlsx.filename("monitoring", form.periodFrom, form.periodTo))
    }

    @Sendable static func openEvaluation(_ req: Request) async throws -> Response {
        try SOPFormPolicy.decide(.create, try req.requireUser()).enforce()
        let form = try req.content.decode(OpenForm.self)
        let opened = try await SOPFormStore.openEvaluation(from: form.from, to: form.to, by: try req.requireUser(), on: req.db)
        req.flash(.ok, "sopform.evaluation_opened")
        return req.redirect(to: SiteURL.sopEvaluation(try opened.requireID()).path)
    }

    @Sendable static func evaluation(_ req: Request) async throws -> HTML {
        try SOPFormPolicy.decide(.read, try req.requireUser()).enforce()
        let evaluation = try await SOPFormStore.evaluation(try req.uuidParameter("evaluationID"), on: req.db)
        return await SOPFormViews.evaluation(req, evaluation: evaluation)
    }

    /// `a<criterion>` and `n<criterion>` per criterion, and `recommendation`.
    @Sendable static func saveEvaluation(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let evaluation = try await SOPFormStore.evaluation(try req.uuidParameter("evaluationID"), on: req.db)
        try SOPFormPolicy.enforce(.edit, user, status: evaluation.status)
        let fields = try req.content.decode([String: String].self)
        let answers = evaluation.answers.map { answer in
            SOPEvaluationAnswer(criterion: answer.criterion, answer: fields["a\(answer.criterion)"] ?? answer.answer, note: fields["n\(answer.criterion)"] ?? answer.note)
        }
        try await SOPFormStore.saveEvaluation(evaluation, answers: answers, recommendation: fields["recommendation"], by: user, on: req.db)
        if fields["complete"] == "1" {
            return try await completeEvaluation(req, evaluation: evaluation, user: user)
        }
        req.flash(.ok, "sopform.saved")
        return req.redirect(to: SiteURL.sopEvaluation(try evaluation.requireID()).path)
    }

    @Sendable static func completeEvaluation(_ req: Request) async throws -> Response {
        let evaluation = try await SOPFormStore.evaluation(try req.uuidParameter("evaluationID"), on: req.db)
        return try await completeEvaluation(req, evaluation: evaluation, user: try req.requireUser())
    }

    private static func completeEvaluation(_ req: Request, evaluation: SOPEvaluation, user: User) async throws -> Response {
        try SOPFormPolicy.enforce(.complete, user, status: evaluation.status)
        let problems = SOPFormStore.completionProblems(evaluation)
        guard problems.isEmpty else {
            let page = await SOPFormViews.evaluation(req, evaluation: evaluation, problems: problems)
            return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
        }
        try await SOPFormStore.completeEvaluation(evaluation, by: user, on: req.db)
        req.flash(.ok, "sopform.completed")
        return req.redirect(to: SiteURL.sopEvaluation(try evaluation.requireID()).path)
    }

    @Sendable static func printEvaluation(_ req: Request) async throws -> HTML {
        try SOPFormPolicy.decide(.read, try req.requireUser()).enforce()
        let evaluation = try await SOPFormStore.evaluation(try req.uuidParameter("evaluationID"), on: req.db)
        return await SOPFormPrint.evaluation(req, evaluation: evaluation, letterhead: try await Letterhead.load(on: req.db))
    }

    @Sendable static func evaluationXlsx(_ req: Request) async throws -> Response {
        try SOPFormPolicy.decide(.read, try req.requireUser()).enforce()
        let evaluation = try await SOPFormStore.evaluation(try req.uuidParameter("evaluationID"), on: req.db)
        return XlsxResponse.make(try SOPFormXlsx.evaluation(evaluation), filename: SOPFormXlsx.filename("evaluasi", evaluation.periodFrom, evaluation.periodTo))
    }

    @Sendable static func startRevision(_ req: Request) async throws -> Response {
        let evaluation = try await SOPFormStore.evaluation(try req.uuidParameter("evaluationID"), on: req.db)
        let draft = try await SOPFormStore.startRevision(evaluation, by: try req.requireUser(), on: req.db)
        req.flash(.ok, "sop.draft_opened", String(draft.number))
        return req.redirect(to: SiteURL.sopRevisionEdit(draft.number).path)
    }
}
