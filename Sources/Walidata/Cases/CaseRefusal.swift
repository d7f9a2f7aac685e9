import Vapor
import WalidataCore

/// A refused action on the case page (completing a step, saving the report, linking data…)
/// comes back as the case page with the reason and the refusal's status, not as a bare error
/// page and never as the plain case page: the officer reads why beside the work, and nothing
/// was changed. The reason stands beside the completion form when that form is shown again,
/// otherwise at the top of the page (the layout's message box).
enum CaseRefusal {
    /// The status and message of an error a person can cause; nil for the rest, which go to the
    /// error page as before.
    static func message(_ error: any Error, _ t: Translator) -> (status: HTTPResponseStatus, text: String)? {
        switch error {
        case let error as UserError:
            (error.status, t(error.key, error.arguments))
        case let error as ValidationFailure:
            (error.status, t("error.422_details", error.problems.map { $0.text(t) }.joined(separator: " ")))
        case let error as StoredText.Refusal:
            (error.status, t(error.message(t).0, error.message(t).1))
        default:
            nil
        }
    }

    /// Runs a case-page action; a refusal shows the case page again with its message. A page's
    /// script asking for JSON gets the error as before.
    static func guarded(_ req: Request, _ action: () async throws -> Response) async throws -> Response {
        do {
            return try await action()
        } catch {
            guard !req.prefersJSON, let refusal = message(error, req.t) else { throw error }
            return try await page(req, status: refusal.status, message: refusal.text)
        }
    }

    /// The case named in the path, shown with `message`. `form` is what a refused completion
    /// sent: it is shown again, with the message beside it, when the same step is still open
    /// for this person; otherwise the message goes to the top.
    static func page(_ req: Request, status: HTTPResponseStatus, message: String, form: CaseController.CompleteForm? = nil) async throws -> Response {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        let detail = try await CaseDetail.load(record, on: req.db)
        var retry: CaseController.Retry?
        if let form, let step = req.parameters.get("step").flatMap(Int.init), detail.openStep?.step == step, detail.canAct(user) {
            retry = CaseController.Retry(form: form, message: message)
        } else {
            Flash.set(.error, message, on: req)
        }
        let page = await CaseViews.detail(req, user: user, detail: detail, retry: retry)
        return try await HTMLPage(status: status, page).encodeResponse(for: req)
    }
}

extension CaseRefusal {
    /// `handler` with its refusals shown on the case page, for registering a case-page action.
    static func guarding(_ handler: @escaping @Sendable (Request) async throws -> Response) -> @Sendable (Request) async throws -> Response {
        { req in try await guarded(req) { try await handler(req) } }
    }
}
